// Process creation and exit on a real kernel: the boot channel at handle 0,
// full rollback when any step fails (bad ELF, no frames, process table full,
// channel table full) with SYS_MEMINFO counts unchanged, and 1,000 spawn/exit
// cycles that leak no frame, handle, channel or process slot.

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { HandleKind } from '../../../../emulator/kernel/abi/handles.ts';
import { BOOT_HANDLE } from '../../../../emulator/kernel/abi/wire-tags.ts';
import type { Kernel } from '../../../../emulator/kernel/system/kernel.ts';
import { STACK_TOP } from '../../../../emulator/kernel/mm/memory-layout.ts';
import { ProcState } from '../../../../emulator/kernel/proc/process.ts';
import { memInfoCounts } from '../../../../emulator/kernel/syscall/misc.ts';
import { bootTestKernel, exit, spawnDetached, USER_TEXT_BASE, userProgram } from './user-program.ts';

const EXIT7 = userProgram(exit(7));

/** Spawns until it fails; returns the error and the pids made. */
function spawnUntilFailure(kernel: Kernel, max: number) {
  const pids: number[] = [];
  for (let i = 0; i < max; i++) {
    const before = memInfoCounts(kernel);
    const r = kernel.spawn(`p${i}`, EXIT7);
    if (!r.ok) {
      expect(memInfoCounts(kernel)).toEqual(before);
      return { error: r.error, pids };
    }
    kernel.objects.release(HandleKind.Channel, r.value.bootEndpoint);
    pids.push(r.value.pid);
  }
  return { error: undefined, pids };
}

describe('spawn and exit', () => {
  it('starts a process at the ELF entry with the stack and the boot channel at handle 0', async () => {
    const { kernel } = await bootTestKernel();
    const spawned = kernel.spawn('p', EXIT7, 0);
    expect(spawned.ok).toBe(true);
    if (!spawned.ok) return;
    const p = kernel.processes.get(spawned.value.pid)!;
    expect(p.state).toBe(ProcState.Runnable);
    expect(p.context.pc).toBe(USER_TEXT_BASE);
    expect(p.context.x[2]).toBe(BigInt(STACK_TOP));
    const boot = p.handles!.lookup(BOOT_HANDLE, HandleKind.Channel, 0);
    expect(boot.ok && kernel.channels.live(boot.value.objectId).peer).toBe(spawned.value.bootEndpoint);
    expect(memInfoCounts(kernel)).toMatchObject({ processes: 1, channels: 1, handles: 1 });
  });

  it('closes the boot channel at exit: the parent end sees PeerClosed', async () => {
    const { kernel } = await bootTestKernel();
    const spawned = kernel.spawn('p', EXIT7);
    if (!spawned.ok) throw new Error('spawn');
    expect(kernel.channels.peerClosed(spawned.value.bootEndpoint)).toBe(false);
    kernel.run(1000);
    expect(kernel.channels.peerClosed(spawned.value.bootEndpoint)).toBe(true);
    kernel.objects.release(HandleKind.Channel, spawned.value.bootEndpoint);
    expect(memInfoCounts(kernel)).toMatchObject({ processes: 0, channels: 0, handles: 0 });
  });

  it('refuses a bad executable and leaves nothing behind', async () => {
    const { kernel } = await bootTestKernel();
    const before = memInfoCounts(kernel);
    for (const bytes of [new Uint8Array(0), new Uint8Array(64).fill(0x7f), EXIT7.slice(0, 100)]) {
      expect(kernel.spawn('bad', bytes)).toEqual({ ok: false, error: RvosError.BadExecutable });
    }
    expect(memInfoCounts(kernel)).toEqual(before);
  });

  it('returns TooManyProcesses when the table is full, leaks nothing, and keeps working', async () => {
    const { kernel } = await bootTestKernel();
    const initial = memInfoCounts(kernel);
    const { error, pids } = spawnUntilFailure(kernel, 100);
    expect(error).toBe(RvosError.TooManyProcesses);
    expect(pids.length).toBe(kernel.limits.processes);
    expect(kernel.run(1_000_000).reason).toBe('exited');
    expect(memInfoCounts(kernel)).toEqual(initial);
    expect(spawnUntilFailure(kernel, 1).pids.length).toBe(1);
  });

  it('returns TooManyChannels when the channel table is full and rolls the process back', async () => {
    const { kernel } = await bootTestKernel({ limits: { processes: 100 } });
    const initial = memInfoCounts(kernel);
    const { error, pids } = spawnUntilFailure(kernel, 100);
    expect(error).toBe(RvosError.TooManyChannels);
    expect(pids.length).toBe(kernel.limits.channels);
    kernel.run(1_000_000);
    expect(memInfoCounts(kernel)).toEqual(initial);
  });

  it('returns NoMemory when frames run out, with every frame of the failed spawn returned', async () => {
    const { kernel } = await bootTestKernel({}, 1);
    const initial = memInfoCounts(kernel);
    const { error, pids } = spawnUntilFailure(kernel, 100);
    expect(error).toBe(RvosError.NoMemory);
    expect(pids.length).toBeGreaterThan(3);
    expect(kernel.run(1_000_000).reason).toBe('exited');
    expect(memInfoCounts(kernel)).toEqual(initial);
  });

  it('runs 1,000 spawn/exit cycles without leaking anything', async () => {
    const { kernel } = await bootTestKernel();
    const initial = memInfoCounts(kernel);
    for (let round = 0; round < 100; round++) {
      for (let i = 0; i < 10; i++) spawnDetached(kernel, `p${i}`, EXIT7);
      expect(kernel.run(1_000_000).reason).toBe('exited');
    }
    expect(memInfoCounts(kernel)).toEqual(initial);
    expect(kernel.processes.get(1000)).toBeUndefined();
    const last = spawnDetached(kernel, 'last', EXIT7);
    expect(last).toBeGreaterThan(1000);
  });
});
