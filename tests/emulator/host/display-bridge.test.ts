// The VM host's display side: the first 'display-frame' after boot is the
// whole screen (RGBA8, transferred), display input reaches a real C client
// through the keyboard/tablet devices and the kbd/mouse services, and frames
// are throttled to one per FRAME_INTERVAL_MS with a timer for the last one.

import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DisplayBridge, FRAME_INTERVAL_MS } from '../../../emulator/host/display-bridge.ts';
import type { DisplayFrame, HostMessage } from '../../../emulator/host/protocol/messages.ts';
import { VmHost } from '../../../emulator/host/vm-host.ts';
import { loadHartModule } from '../../../emulator/hart/hart.ts';
import { bootSystem } from '../../../emulator/kernel/system/boot.ts';
import { buildFixtureProgram } from '../../e2e/support/fixture-boot-image.ts';

const CLIENT_DIR = join(import.meta.dirname, '../../fixtures/display-services/display-client');

interface Sent {
  readonly frame: DisplayFrame;
  readonly transfer: ArrayBuffer[];
  readonly at: number;
}

/** Resolves when `check` holds (polled every 10 ms); rejects after `ms`. */
async function until(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('VmHost display', () => {
  const frames: Sent[] = [];
  let console = '';
  const decoder = new TextDecoder();
  // The C client stands in as /bin/shell, the program the host's default boot starts.
  const host = new VmHost((message: HostMessage, transfer) => {
    if (message.kind !== 'event') return;
    if (message.event === 'display-frame') frames.push({ frame: message.frame, transfer, at: performance.now() });
    if (message.event === 'console-output') console += decoder.decode(message.bytes);
  }, {
    loadBootImage: async () => ({ programs: [{ path: '/bin/shell', elf: buildFixtureProgram(CLIENT_DIR) }] }),
    loadHartModule,
  });
  afterAll(() => host.dispose());

  it('sends the whole screen first, then routes display input to the guest', { timeout: 60_000 }, async () => {
    host.receive({ kind: 'request', id: 1, op: 'boot' });
    await until(() => console.includes('ready\n') && frames.length > 0, 'the client and the first frame');
    const first = frames[0]!;
    expect(first.frame).toMatchObject({ width: 1024, height: 768 });
    expect(first.frame.rects.map(({ x, y, width, height }) => [x, y, width, height])).toEqual([[0, 0, 1024, 768]]);
    expect(first.transfer).toEqual([first.frame.rects[0]!.pixels]);
    expect(first.frame.rects[0]!.pixels.byteLength).toBe(1024 * 768 * 4);

    const input = (event: Record<string, unknown>): void => host.receive({ kind: 'display-input', event });
    input({ type: 'key', code: 9999, down: true }); // not an evdev code: refused, never reaches the guest
    input({ type: 'pointer', x: 3, y: 4, buttons: 2 });
    input({ type: 'wheel', delta: -1 });
    input({ type: 'key', code: 30, down: true });
    await until(() => console.includes('key 30 1\n'), 'the key event');
    expect(console).toContain('mouse 3 4 2 0\nmouse 3 4 2 -1\n');
    expect(console).not.toContain('key 9999');
    input({ type: 'key', code: 1, down: false });
    await until(() => console.includes('key 1 0\n'), 'Esc');
  });
});

describe('DisplayBridge', () => {
  it('sends at most one frame per interval and the last one when the guest goes quiet', async () => {
    const kernel = await bootSystem({ programs: [] }, { machine: { ramSize: 16 << 20 } });
    const sent: Sent[] = [];
    const bridge = new DisplayBridge((message, transfer) => {
      if (message.kind === 'event' && message.event === 'display-frame') sent.push({ frame: message.frame, transfer, at: performance.now() });
    });
    bridge.restart(kernel);
    bridge.update();
    expect(sent).toHaveLength(1);
    kernel.machine.display.flush({ x: 1, y: 1, width: 2, height: 2 });
    bridge.update();
    kernel.machine.display.flush({ x: 5, y: 5, width: 2, height: 2 });
    bridge.update();
    expect(sent).toHaveLength(1);
    await until(() => sent.length === 2, 'the delayed frame', 2000);
    expect(sent[1]!.at - sent[0]!.at).toBeGreaterThanOrEqual(FRAME_INTERVAL_MS - 1);
    expect(sent[1]!.frame.rects.map((r) => [r.x, r.y])).toEqual([[1, 1], [5, 5]]);
    bridge.update();
    kernel.machine.display.flush({ x: 0, y: 0, width: 1, height: 1 });
    bridge.update();
    bridge.cancel();
    await new Promise((resolve) => setTimeout(resolve, FRAME_INTERVAL_MS * 2));
    expect(sent).toHaveLength(2);
  });
});
