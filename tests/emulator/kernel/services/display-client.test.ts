// The display services end to end with a real C client (built by our
// toolchain against librvos): it maps the framebuffer SHM and draws into it,
// the display device reads those pixels from guest RAM, host input reaches
// it in order through kbd and mouse, and when it exits the framebuffer is
// back to the gpu service's one reference with no mapping.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../../../emulator/kernel/introspection/invariants.ts';
import { introspect } from '../../../../emulator/kernel/introspection/introspection.ts';
import { wakeInputWaiters } from '../../../../emulator/kernel/services/input-service.ts';
import { bootSystem, lastExit } from '../../../../emulator/kernel/system/boot.ts';
import type { Kernel } from '../../../../emulator/kernel/system/kernel.ts';
import { buildFixtureProgram } from '../../../e2e/support/fixture-boot-image.ts';

const CLIENT = '/bin/display-client';

function framebufferView(kernel: Kernel) {
  const gpuPid = kernel.processes.list().find((p) => p.name === 'gpu')!.pid;
  return introspect(kernel).shm.find((r) => r.services?.includes(gpuPid))!;
}

describe('display services with a C client', () => {
  it('draws through the mapped framebuffer, receives input in order and releases everything on exit', async () => {
    const elf = buildFixtureProgram(join(import.meta.dirname, '../../../fixtures/display-services/display-client'));
    let out = '';
    const decoder = new TextDecoder();
    const kernel = await bootSystem({ programs: [{ path: CLIENT, elf }] }, { start: [CLIENT], machine: { ramSize: 16 << 20 }, consoleOutput: (b) => { out += decoder.decode(b); } });
    expect(kernel.run(20_000_000).reason).toBe('idle');
    expect(out).toBe('gpu 1024x768\nready\n');
    const client = kernel.processes.list().find((p) => p.name === 'display-client')!.pid;
    const mapped = framebufferView(kernel);
    expect(mapped).toMatchObject({ pages: 768, refs: 2, holders: [{ pid: client }], mappings: [{ pid: client, writable: true }] });
    expect(checkInvariants(kernel)).toEqual([]);

    const frame = kernel.machine.display.takeFrame()!;
    expect(frame.rects.map(({ x, y, width, height }) => [x, y, width, height])).toEqual([[0, 0, 1024, 768]]);
    const pixel = (x: number, y: number): number[] => [...new Uint8Array(frame.rects[0]!.pixels, (y * 1024 + x) * 4, 4)];
    expect(pixel(10, 10)).toEqual([0xff, 0x80, 0x40, 255]);
    expect(pixel(29, 14)).toEqual([0xff, 0x80, 0x40, 255]);
    expect(pixel(30, 14)).toEqual([0, 0, 0, 255]);

    const { keyboard, tablet } = kernel.machine;
    out = '';
    keyboard.pushKey(30, true);
    keyboard.pushKey(30, false);
    tablet.pushPointer(100, 200, 1);
    tablet.pushWheel(2);
    wakeInputWaiters(kernel, keyboard);
    wakeInputWaiters(kernel, tablet);
    expect(kernel.run(20_000_000).reason).toBe('idle');
    expect(out).toBe('mouse 100 200 1 0\nmouse 100 200 1 2\nkey 30 1\nkey 30 0\n');

    keyboard.pushKey(1, true);
    keyboard.pushKey(1, false);
    wakeInputWaiters(kernel, keyboard);
    expect(kernel.run(20_000_000).reason).toBe('exited');
    expect(lastExit(kernel, 'display-client')?.status).toBe(0);
    expect(framebufferView(kernel)).toMatchObject({ refs: 1, holders: [], mappings: [] });
    expect(checkInvariants(kernel)).toEqual([]);
  });
});
