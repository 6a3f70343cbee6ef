// The display store against a real VmHost over a real MessageChannel (as the
// worker transport uses it): the host's first frame after boot sizes and paints
// the surface, `paint` (started on the serial console) draws on it, and
// pointer and key events sent through the store reach the guest: a drag draws
// a stroke, `q` quits back to the shell prompt.

import { createPinia, setActivePinia } from 'pinia';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHartModule } from '../../../emulator/hart/hart.ts';
import { buildBootImage } from '../../../emulator/host/boot-image.ts';
import { VmHost } from '../../../emulator/host/vm-host.ts';
import { HostClient, type HostPort } from '../../../renderer/src/host-client/host-client.ts';
import { useDisplayStore } from '../../../renderer/src/stores/display.ts';
import { evdevKeyCode } from '../../../renderer/src/support/evdev-key-codes.ts';
import { RgbaSurface } from './rgba-surface.ts';

/** The RGBA of pixel (x, y) of the surface. */
function pixel(surface: RgbaSurface, x: number, y: number): number[] {
  const at = (y * surface.width + x) * 4;
  return [...surface.pixels.subarray(at, at + 4)];
}

async function until(condition: () => boolean, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('display store on a real VM host', () => {
  const channel = new MessageChannel();
  const surface = new RgbaSurface();
  let host: VmHost;
  let client: HostClient;
  let output = '';

  beforeAll(() => {
    host = new VmHost((message, transfer) => channel.port2.postMessage(message, transfer), { loadBootImage: async () => buildBootImage(), loadHartModule });
    channel.port2.on('message', (data: unknown) => host.receive(data));
    client = new HostClient(channel.port1 as unknown as HostPort);
    channel.port1.start();
    client.on('console-output', (event) => { output += new TextDecoder().decode(event.bytes); });
    setActivePinia(createPinia());
    const display = useDisplayStore();
    display.connect(client);
    display.attach(surface, (paint) => setTimeout(paint, 0));
  });

  afterAll(() => {
    host.dispose();
    channel.port1.close();
  });

  it('paints the host frames and sends the guest pointer and key events', { timeout: 120_000 }, async () => {
    const display = useDisplayStore();
    await client.request('boot');
    await until(() => display.framesPainted > 0 && output.includes('rvos> '), 'the first frame and the prompt');
    expect([surface.width, surface.height]).toEqual([1024, 768]);

    client.consoleInput(new TextEncoder().encode('paint\r'));
    await until(() => pixel(surface, 512, 400).join() === '255,255,255,255', 'paint\'s white canvas');
    // One event at a time: the tablet merges queued motion with the same buttons, a press included.
    for (const [x, buttons] of [[200, 0], [200, 1], [300, 1], [400, 1], [400, 0]] as const) {
      display.sendInput({ type: 'pointer', x, y: 300, buttons });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await until(() => pixel(surface, 300, 300).join() === '0,0,0,255', 'the stroke');
    expect(pixel(surface, 300, 340)).toEqual([255, 255, 255, 255]);

    const prompts = output.split('rvos> ').length;
    const q = evdevKeyCode('KeyQ')!;
    display.sendInput({ type: 'key', code: q, down: true });
    display.sendInput({ type: 'key', code: q, down: false });
    await until(() => output.split('rvos> ').length > prompts, 'the prompt after q');
    expect(display.rejectedRects()).toBe(0);
    expect(display.framesPainted).toBe(display.framesReceived);
  });
});
