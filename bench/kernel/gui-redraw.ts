// Guest instructions (and host time) per redraw of the graphical programs, driven headless through
// the machine's keyboard and tablet: the GUI shell repainting a full screen of text (Shift+PageUp
// shows the scrollback) and a nearly empty one (Ctrl+L), scrolling by one line (Enter at the bottom:
// the pixels move up, one row is painted), one typed character; paint clearing its whole canvas.

import type { BootImage } from '../../emulator/kernel/context/kernel-context.ts';
import { wakeInputWaiters } from '../../emulator/kernel/services/input-service.ts';
import { bootSystem } from '../../emulator/kernel/system/boot.ts';
import type { Kernel } from '../../emulator/kernel/system/kernel.ts';
import type { BenchTable } from '../support/bench-section.ts';

/** Gives up after this many steps per input (a broken program must not hang the bench). */
const MAX_STEPS = 500_000_000;
const KEY = { shift: 42, ctrl: 29, enter: 28, h: 35, e: 18, l: 38, p: 25, c: 46, a: 30, pageUp: 104, pageDown: 109 } as const;

interface Cost {
  instructions: number;
  hostMs: number;
  /** Pixels the program flushed. */
  pixels: number;
}

/** Pushes the key presses (codes; [modifier, code] pairs hold the modifier) and runs until idle; returns what that cost. */
function keys(kernel: Kernel, ...codes: (number | readonly [number, number])[]): Cost {
  const kbd = kernel.machine.keyboard;
  for (const c of codes) {
    const [mod, code] = typeof c === 'number' ? [undefined, c] : c;
    if (mod !== undefined) kbd.pushKey(mod, true);
    kbd.pushKey(code, true);
    kbd.pushKey(code, false);
    if (mod !== undefined) kbd.pushKey(mod, false);
  }
  wakeInputWaiters(kernel, kbd);
  const before = kernel.instructionsRetired();
  const start = performance.now();
  if (kernel.run(MAX_STEPS).reason === 'limit') throw new Error('gui bench: the guest did not go idle');
  const hostMs = performance.now() - start;
  const frame = kernel.machine.display.takeFrame();
  const pixels = frame?.rects.reduce((sum, r) => sum + r.width * r.height, 0) ?? 0;
  return { instructions: kernel.instructionsRetired() - before, hostMs, pixels };
}

async function booted(image: BootImage, program: string): Promise<Kernel> {
  const kernel = await bootSystem(image, { start: ['/bin/fs', program] });
  if (kernel.run(MAX_STEPS).reason === 'limit') throw new Error(`gui bench: ${program} did not start`);
  kernel.machine.display.takeFrame();
  return kernel;
}

function row(event: string, c: Cost): string[] {
  return [event, c.instructions.toLocaleString('en-US'), c.hostMs.toFixed(1), c.pixels.toLocaleString('en-US')];
}

/** The table of redraw costs of gui-shell and paint (boots each once). */
export async function guiRedrawTable(image: BootImage): Promise<BenchTable> {
  const shell = await booted(image, '/bin/gui-shell');
  const help = [KEY.h, KEY.e, KEY.l, KEY.p, KEY.enter];
  keys(shell, ...help, ...help, ...help, ...help, ...help); // fills the screen and the scrollback
  const fullText = keys(shell, [KEY.shift, KEY.pageUp]);
  keys(shell, [KEY.shift, KEY.pageDown]);
  const scrollLine = keys(shell, KEY.enter);
  const typed = keys(shell, KEY.a);
  const blank = keys(shell, [KEY.ctrl, KEY.l]);
  const paint = await booted(image, '/bin/paint');
  const clear = keys(paint, KEY.c);
  return {
    title: 'graphical programs (guest instructions per redraw, 1024x768)',
    headers: ['event', 'guest instructions', 'host ms', 'pixels flushed'],
    rows: [
      row('gui-shell: full screen of text (Shift+PageUp)', fullText),
      row('gui-shell: nearly empty screen (Ctrl+L)', blank),
      row('gui-shell: scroll by one line (Enter at the bottom)', scrollLine),
      row('gui-shell: one typed character', typed),
      row('paint: clear the whole canvas (c)', clear),
    ],
    notes: ['programs built -O0 (the boot image default); instructions include the key handling and the flush calls'],
  };
}
