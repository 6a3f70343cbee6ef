// proc_wait and proc_kill on the real hart: a parent holding a process handle
// waits (restartable: it blocks, the child's exit wakes it, the retried ecall
// returns the status), kills a spinning child (status EXIT_KILLED), and gets
// BadHandle / WrongType / AccessDenied for bad handles. A Zombie stays while a
// handle refers to it and is freed when the last handle goes.

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { EXIT_KILLED, HandleKind, Right } from '../../../../emulator/kernel/abi/handles.ts';
import { Syscall } from '../../../../emulator/kernel/abi/syscall-numbers.ts';
import { ProcState } from '../../../../emulator/kernel/proc/process.ts';
import { dispatchSyscall } from '../../../../emulator/kernel/syscall/dispatch.ts';
import { memInfoCounts } from '../../../../emulator/kernel/syscall/misc.ts';
import { bootTestKernel, exit, giveProcessHandle, SPIN, spawnDetached, userProgram } from '../proc/user-program.ts';

/** Waits on handle 1 and exits with the status it got (or 100 + error). */
const WAITER = userProgram(`
  li a0, 1
  sys ${Syscall.ProcWait}
  bnez a0, 1f
  mv a0, a1
  sys 93
1:
  addi a0, a0, 100
  sys 93
`);

/** Kills handle 1, then waits on it and exits with the status. */
const KILLER = userProgram(`
  li a0, 1
  sys ${Syscall.ProcKill}
  bnez a0, 1f
  li a0, 1
  sys ${Syscall.ProcWait}
  mv a0, a1
  sys 93
1:
  addi a0, a0, 100
  sys 93
`);

/** Spins 20,000 instructions, then exits with 42. */
const SLOW_CHILD = userProgram(`
  li t0, 10000
1:
  addi t0, t0, -1
  bnez t0, 1b
${exit(42)}`);

async function parentAndChild(parentElf: Uint8Array, childElf: Uint8Array) {
  const { kernel } = await bootTestKernel({ limits: { timeSliceInstructions: 1000 } });
  const parent = spawnDetached(kernel, 'parent', parentElf);
  const child = spawnDetached(kernel, 'child', childElf);
  kernel.processes.retain(parent);
  giveProcessHandle(kernel, parent, child);
  return { kernel, parent, child };
}

describe('proc_wait and proc_kill', () => {
  it('blocks in proc_wait until the child exits, then returns its status', async () => {
    const { kernel, parent, child } = await parentAndChild(WAITER, SLOW_CHILD);
    kernel.run(3000);
    expect(kernel.processes.get(parent)!.state).toBe(ProcState.Blocked);
    expect(kernel.processes.get(parent)!.block).toEqual({ kind: 'proc-exit', pid: child });
    expect(kernel.run(1_000_000).reason).toBe('exited');
    expect(kernel.processes.get(parent)!.exitStatus).toBe(42);
    // The parent's exit released the last handle of the child: both are gone.
    expect(kernel.processes.get(child)).toBeUndefined();
    kernel.processes.release(parent);
    expect(memInfoCounts(kernel)).toMatchObject({ processes: 0, handles: 0, channels: 0 });
  });

  it('returns at once for a child that has already exited', async () => {
    const { kernel, parent, child } = await parentAndChild(WAITER, userProgram(exit(-3)));
    kernel.scheduler.pickNext(); // let the child run first
    kernel.scheduler.makeRunnable(kernel.processes.get(parent)!);
    kernel.run(1_000_000);
    expect(kernel.processes.get(parent)!.exitStatus).toBe(-3);
    expect(kernel.processes.get(parent)!.syscalls).toBe(2); // proc_wait never blocked
    expect(kernel.processes.get(child)).toBeUndefined();
  });

  it('kills a spinning child with EXIT_KILLED', async () => {
    const { kernel, parent } = await parentAndChild(KILLER, userProgram(SPIN));
    expect(kernel.run(1_000_000).reason).toBe('exited');
    expect(kernel.processes.get(parent)!.exitStatus).toBe(EXIT_KILLED);
  });

  it('checks handle kind and rights in Zircon order', async () => {
    const { kernel, parent, child } = await parentAndChild(WAITER, SLOW_CHILD);
    const p = kernel.processes.get(parent)!;
    const call = (number: number, handle: bigint) => dispatchSyscall(kernel, p, BigInt(number), { raw: [handle, 0n, 0n, 0n, 0n, 0n] });
    expect(call(Syscall.ProcWait, 9n)).toEqual({ kind: 'return', error: RvosError.BadHandle });
    expect(call(Syscall.ProcWait, 1n << 63n)).toEqual({ kind: 'return', error: RvosError.BadHandle });
    expect(call(Syscall.ProcWait, 0n)).toEqual({ kind: 'return', error: RvosError.WrongType });
    kernel.objects.retain(HandleKind.Process, child);
    const weak = p.handles!.install({ kind: HandleKind.Process, objectId: child, rights: Right.Transfer });
    if (!weak.ok) throw new Error('install');
    expect(call(Syscall.ProcWait, BigInt(weak.value))).toEqual({ kind: 'return', error: RvosError.AccessDenied });
    expect(call(Syscall.ProcKill, BigInt(weak.value))).toEqual({ kind: 'return', error: RvosError.AccessDenied });
    expect(kernel.processes.get(child)!.state).not.toBe(ProcState.Zombie);
  });

  it('kill of itself ends the caller', async () => {
    const { kernel } = await bootTestKernel();
    const pid = spawnDetached(kernel, 'self', userProgram(exit(0)));
    kernel.processes.retain(pid);
    giveProcessHandle(kernel, pid, pid);
    const p = kernel.processes.get(pid)!;
    expect(dispatchSyscall(kernel, p, BigInt(Syscall.ProcKill), { raw: [1n, 0n, 0n, 0n, 0n, 0n] })).toEqual({ kind: 'exited' });
    expect(p.state).toBe(ProcState.Zombie);
    expect(p.exitStatus).toBe(EXIT_KILLED);
    kernel.processes.release(pid);
    expect(kernel.processes.get(pid)).toBeUndefined();
    expect(memInfoCounts(kernel)).toMatchObject({ processes: 0, handles: 0 });
  });
});
