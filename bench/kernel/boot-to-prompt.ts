// Whole-system figures: host time from bootSystem() to the shell's prompt
// "rvos> " on the console (guest programs already compiled and cached), and
// from typing "hello" to the next prompt (init loads /bin/hello from the file
// server in FileRead chunks, spawns it, it runs and exits).

import { buildBootImage } from '../../emulator/host/boot-image.ts';
import type { BootImage } from '../../emulator/kernel/context/kernel-context.ts';
import { bootSystem } from '../../emulator/kernel/system/boot.ts';
import type { Kernel } from '../../emulator/kernel/system/kernel.ts';

export const PROMPT = 'rvos> ';
/** Steps per kernel.run between checks of the console output. */
const SLICE = 200_000;
/** Gives up after this many steps (a broken boot must not hang the bench). */
const MAX_STEPS = 500_000_000;

export interface BootCost {
  /** Host milliseconds from bootSystem() to the first prompt. */
  bootMs: number;
  /** User instructions retired until the first prompt. */
  bootInstructions: number;
  /** Host milliseconds from typing "hello" to the next prompt. */
  helloMs: number;
  helloInstructions: number;
}

/** Runs `kernel` until the console output (collected in `out`) holds `count` prompts; throws when it never does. */
function runUntilPrompts(kernel: Kernel, out: { text: string }, count: number): void {
  for (let steps = 0; steps < MAX_STEPS; steps += SLICE) {
    if (out.text.split(PROMPT).length > count) return;
    const r = kernel.run(SLICE);
    if (r.reason === 'exited') break;
  }
  if (out.text.split(PROMPT).length <= count) throw new Error(`kernel bench: no prompt; console: ${out.text.slice(-300)}`);
}

/** The boot image (compiles the guest programs on the first call; cached on disk afterwards). */
export function benchImage(): BootImage {
  return buildBootImage();
}

/** Boots `image` once and measures boot-to-prompt and one `hello` from the shell. */
export async function measureBoot(image: BootImage): Promise<BootCost> {
  const out = { text: '' };
  const decoder = new TextDecoder();
  const start = performance.now();
  const kernel = await bootSystem(image, { consoleOutput: (b) => { out.text += decoder.decode(b); } });
  runUntilPrompts(kernel, out, 1);
  const bootMs = performance.now() - start;
  const bootInstructions = kernel.instructionsRetired();
  const helloStart = performance.now();
  kernel.pushConsoleInput(new TextEncoder().encode('hello\n'));
  runUntilPrompts(kernel, out, 2);
  if (!out.text.includes('Hello from rvos')) throw new Error('kernel bench: hello did not run');
  return { bootMs, bootInstructions, helloMs: performance.now() - helloStart, helloInstructions: kernel.instructionsRetired() - bootInstructions };
}
