// The inspector's views of a snapshot (renderer/src/support/kernel-meters.ts) on
// a real one: rvos booted to the idle shell prompt, introspected, turned into
// meters against the kernel's limits and process-table rows.

import { beforeAll, describe, expect, it } from 'vitest';
import { buildBootImage } from '../../../emulator/host/boot-image.ts';
import { annotateFunctions, ProcessSymbols } from '../../../emulator/host/process-symbols.ts';
import type { BootImage } from '../../../emulator/kernel/context/kernel-context.ts';
import type { IntrospectionSnapshot } from '../../../emulator/kernel/introspection/introspection-types.ts';
import { introspect } from '../../../emulator/kernel/introspection/introspection.ts';
import { bootSystem } from '../../../emulator/kernel/system/boot.ts';
import { formatBytes, kernelMeters, processRows } from '../../../renderer/src/support/kernel-meters.ts';
import { hartBuilt } from '../../fixtures/userland/programs/rvos-session.ts';

describe.skipIf(!hartBuilt)('kernel meters and process rows', () => {
  let snap: IntrospectionSnapshot;
  let image: BootImage;

  beforeAll(async () => {
    image = buildBootImage();
    const kernel = await bootSystem(image, {});
    const result = kernel.run(50_000_000);
    expect(result.reason).not.toBe('limit');
    snap = introspect(kernel);
  });

  it('measures frames, processes, channels, handles and SHM against the limits', () => {
    const meters = new Map(kernelMeters(snap).map((m) => [m.key, m]));
    expect([...meters.keys()]).toEqual(['frames', 'processes', 'channels', 'handles', 'shm']);
    const frames = meters.get('frames')!;
    expect(frames).toMatchObject({ used: snap.frames.used, limit: snap.frames.total, text: `${snap.frames.used} / ${snap.frames.total}` });
    expect(frames.used).toBeGreaterThan(0);
    expect(meters.get('processes')).toMatchObject({ used: snap.processes.length, limit: snap.limits.processes });
    const channels = meters.get('channels')!.used; // endpoint pairs with at least one live end
    expect(channels).toBeGreaterThanOrEqual(snap.endpoints.length / 2);
    expect(channels).toBeLessThanOrEqual(snap.endpoints.length);
    expect(meters.get('channels')!.limit).toBe(snap.limits.channels);
    const handles = meters.get('handles')!;
    expect(handles.used).toBe(Math.max(...snap.processes.map((p) => p.handles.length)));
    expect(handles.limit).toBe(snap.limits.handlesPerProcess);
    expect(meters.get('shm')).toMatchObject({ used: snap.shm.length, limit: snap.limits.shmRegions });
    for (const m of meters.values()) {
      expect(m.fraction).toBeCloseTo(m.used / m.limit, 9);
      expect(m.fraction).toBeLessThanOrEqual(1);
    }
  });

  it('lists every process by pid with its state, pc, handles and memory', () => {
    const rows = processRows(snap);
    expect(rows.map((r) => r.pid)).toEqual(snap.processes.map((p) => p.pid).sort((a, b) => a - b));
    const shell = rows.find((r) => r.name === 'shell')!;
    expect(shell).toMatchObject({ kind: 'user', state: 'blocked', handles: 3 });
    expect(shell.stateText).toMatch(/^blocked: recv \d+/);
    expect(shell.pc).toMatch(/^0x[0-9a-f]+$/);
    expect(shell.function).toBeNull(); // a plain kernel snapshot has no symbols
    expect(shell.memory).toBe(formatBytes(shell.frames * 4096));
    const service = rows.find((r) => r.kind === 'service')!;
    expect(service).toMatchObject({ pc: '—', memory: '—' });
  });

  it('shows the function the host found for a process\'s pc', () => {
    const symbols = new ProcessSymbols(image);
    const rows = processRows(annotateFunctions(snap, symbols));
    const shell = rows.find((r) => r.name === 'shell')!;
    expect(shell.function).toMatch(/^[A-Za-z_]\w*(\+0x[0-9a-f]+)?$/);
    expect(shell.function).toBe(symbols.describe('shell', shell.pc));
    expect(rows.find((r) => r.kind === 'service')!.function).toBeNull();
  });

  it('formats sizes in KiB below a MiB and MiB above', () => {
    expect(formatBytes(52 * 1024)).toBe('52 KiB');
    expect(formatBytes(128 * 1024 * 1024)).toBe('128.0 MiB');
  });
});
