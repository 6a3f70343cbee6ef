// The trap path of a user task: the hart stopped with a host trap (ecall,
// fault); the task's registers are already saved in its TrapContext. An ecall
// from U-mode goes to the syscall dispatcher and its outcome is written back
// (a0 = error, a1.. = values, pc += 4) unless the call blocked or the task is
// gone. Any other exception kills the task with EXIT_FAULT and one log line.

import { EXIT_FAULT } from '../abi/handles.ts';
import type { KernelContext } from '../context/kernel-context.ts';
import { exitProcess } from '../lifecycle/exit.ts';
import { ProcState, type Process } from '../proc/process.ts';
import { argsFromContext, dispatchSyscall, syscallNumber } from '../syscall/dispatch.ts';
import { writeSyscallReturn } from '../syscall/syscall-return.ts';
import type { SyscallOutcome } from '../syscall/syscall-types.ts';

/** The trap cause of an ecall from U-mode (also what the kernel passes when it restarts a blocked ecall). */
export const CAUSE_ECALL_FROM_U = 8n;
const INTERRUPT_BIT = 1n << 63n;

const EXCEPTION_NAMES: Readonly<Record<number, string>> = {
  0: 'misaligned fetch', 1: 'fetch access fault', 2: 'illegal instruction', 3: 'breakpoint',
  4: 'misaligned load', 5: 'load access fault', 6: 'misaligned store/AMO', 7: 'store/AMO access fault',
  12: 'instruction page fault', 13: 'load page fault', 15: 'store/AMO page fault',
};

/** Handles the host trap (`cause`, `tval`) of the running user task `p`. */
export function handleTrap(k: KernelContext, p: Process, cause: bigint, tval: bigint): void {
  if (cause === CAUSE_ECALL_FROM_U) { // first: the common case, tested without BigInt arithmetic
    const outcome = dispatchSyscall(k, p, syscallNumber(p.context), argsFromContext(p.context));
    p.restartEcall = outcome.kind === 'block';
    applyOutcome(p, outcome);
    return;
  }
  if ((cause & INTERRUPT_BIT) !== 0n) return; // no interrupt is enabled for user code; nothing to do
  k.log(faultLine(p, cause, tval));
  if (p.state !== ProcState.Zombie) exitProcess(k, p, EXIT_FAULT);
}

/** Writes a syscall's result into the caller's context: a0 = error, a1.. = values, pc past the ecall. */
export function applyOutcome(p: Process, outcome: SyscallOutcome): void {
  if (outcome.kind !== 'return' || p.state === ProcState.Zombie) return;
  writeSyscallReturn(p.context, outcome.error, outcome.values ?? []);
}

/** The kernel log line for a fatal exception: "pid 5 (hello): load page fault at 0x0 pc 0x10074". */
export function faultLine(p: Process, cause: bigint, tval: bigint): string {
  const name = EXCEPTION_NAMES[Number(cause)] ?? `exception ${cause}`;
  return `pid ${p.pid} (${p.name}): ${name} at 0x${BigInt.asUintN(64, tval).toString(16)} pc 0x${p.context.pc.toString(16)}`;
}
