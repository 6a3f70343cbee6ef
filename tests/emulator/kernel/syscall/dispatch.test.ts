// The dispatcher: every syscall number of the ABI has exactly one handler,
// unknown and out-of-range numbers answer BadSyscall, and an exception escaping
// a handler is logged as a kernel bug and kills only the caller (the kernel and
// other processes keep running, the caller's resources are freed).

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { Syscall } from '../../../../emulator/kernel/abi/syscall-numbers.ts';
import { EXIT_KILLED, HandleKind, Right } from '../../../../emulator/kernel/abi/handles.ts';
import { ProcState } from '../../../../emulator/kernel/proc/process.ts';
import { KernelBug } from '../../../../emulator/kernel/core/result.ts';
import { buildTable, dispatchSyscall, syscallHandler } from '../../../../emulator/kernel/syscall/dispatch.ts';
import { memInfoCounts } from '../../../../emulator/kernel/syscall/misc.ts';
import type { SyscallHandler } from '../../../../emulator/kernel/syscall/syscall-types.ts';
import { bootTestKernel, debugWrite, exit, spawnDetached, userProgram } from '../proc/user-program.ts';

const NO_ARGS = { raw: [0n, 0n, 0n, 0n, 0n, 0n] } as const;

describe('syscall dispatch', () => {
  it('has a handler for every syscall of the ABI', () => {
    for (const [name, number] of Object.entries(Syscall)) expect(syscallHandler(number), name).toBeDefined();
  });

  it('answers BadSyscall for unknown and out-of-range numbers', async () => {
    const { kernel } = await bootTestKernel();
    const p = kernel.processes.get(spawnDetached(kernel, 'p', userProgram(exit(0))))!;
    for (const number of [0n, 1n, 999n, 0xffff_ffffn, 1n << 32n, (1n << 64n) - 1n]) {
      expect(dispatchSyscall(kernel, p, number, NO_ARGS)).toEqual({ kind: 'return', error: RvosError.BadSyscall });
    }
    expect(p.syscalls).toBe(6);
  });

  it('refuses a table in which two groups claim one number', () => {
    const handler: SyscallHandler = () => ({ kind: 'return', error: 0 });
    expect(() => buildTable([{ 5: handler }, { 5: handler }])).toThrow(KernelBug);
  });

  it('logs an exception escaping a handler and kills only the caller', async () => {
    const { kernel, console } = await bootTestKernel();
    const initial = memInfoCounts(kernel);
    const victim = spawnDetached(kernel, 'victim', userProgram(exit(0)));
    const other = spawnDetached(kernel, 'other', userProgram(`${debugWrite('msg', 3)}${exit(0)}
  .data
msg: .ascii "ok\\n"
`));
    const p = kernel.processes.get(victim)!;
    kernel.processes.retain(victim);
    const broken: SyscallHandler = () => { throw new TypeError('boom'); };
    const outcome = dispatchSyscall(kernel, p, 77n, NO_ARGS, new Map([[77, broken]]));
    expect(outcome).toEqual({ kind: 'exited' });
    expect(p.state).toBe(ProcState.Zombie);
    expect(p.exitStatus).toBe(EXIT_KILLED);
    expect(kernel.processes.get(other)!.state).toBe(ProcState.Runnable);
    kernel.processes.release(victim);
    expect(kernel.run(100_000).reason).toBe('exited');
    expect(console()).toBe('kernel: kernel bug in syscall 77 of pid 1 (victim): TypeError: boom\nok\n');
    expect(memInfoCounts(kernel)).toEqual(initial);
  });

  it('keeps the caller runnable state untouched for a plain error', async () => {
    const { kernel } = await bootTestKernel();
    const p = kernel.processes.get(spawnDetached(kernel, 'p', userProgram(exit(0))))!;
    expect(dispatchSyscall(kernel, p, BigInt(Syscall.ProcWait), NO_ARGS)).toEqual({ kind: 'return', error: RvosError.WrongType });
    expect(p.state).toBe(ProcState.Runnable);
  });
});

describe('syscall dispatch after a broken invariant', () => {
  it('survives a kernel bug that also breaks the exit of the caller', async () => {
    const { kernel, console } = await bootTestKernel();
    const pid = spawnDetached(kernel, 'victim', userProgram(exit(0)));
    const p = kernel.processes.get(pid)!;
    // A handle naming a process object without a reference: proc_wait throws KernelBug, and so does the release at exit.
    p.handles!.install({ kind: HandleKind.Process, objectId: 4242, rights: Right.Wait });
    expect(dispatchSyscall(kernel, p, BigInt(Syscall.ProcWait), { raw: [1n, 0n, 0n, 0n, 0n, 0n] })).toEqual({ kind: 'exited' });
    expect(p.state).toBe(ProcState.Zombie);
    spawnDetached(kernel, 'next', userProgram(exit(0)));
    expect(kernel.run(10_000).reason).toBe('exited');
    kernel.machine.flushConsole();
    expect(console()).toContain('kernel: kernel bug in syscall 260 of pid 1 (victim): KernelBug');
    expect(console()).toContain('kernel: kernel bug while ending pid 1: KernelBug');
  });
});
