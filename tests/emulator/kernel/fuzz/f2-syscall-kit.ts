// A kernel with idle user processes for the fuzz tests of F2, with syscalls
// made through dispatchSyscall: the function the trap path (trap-handler.ts)
// calls for every ecall from U-mode, so the same handler code a user program
// reaches. Also: results as plain data and reading/writing user memory.

import type { Kernel } from '../../../../emulator/kernel/system/kernel.ts';
import type { KernelLimits } from '../../../../emulator/kernel/core/limits.ts';
import type { Process } from '../../../../emulator/kernel/proc/process.ts';
import { userMemory } from '../../../../emulator/kernel/lifecycle/user-access.ts';
import type { SyscallOutcome } from '../../../../emulator/kernel/syscall/syscall-types.ts';
import { bootTestKernel, SPIN, spawnDetached, userProgram } from '../proc/user-program.ts';
import { sys } from '../syscall/chan-syscall-kit.ts';

export interface F2Kit {
  readonly kernel: Kernel;
  readonly procs: Process[];
  /** Console output (kernel log) so far. */
  console(): string;
}

/** A kernel on a 16 MiB machine with `count` spinning user processes that never run (pids 1..count; boot channel's other end closed). */
export async function f2Kit(count = 2, limits: Partial<KernelLimits> = {}): Promise<F2Kit> {
  const { kernel, console } = await bootTestKernel({ limits });
  const procs: Process[] = [];
  for (let i = 0; i < count; i++) procs.push(kernel.processes.get(spawnDetached(kernel, `p${i}`, userProgram(SPIN)))!);
  return { kernel, procs, console };
}

/** A syscall's result as plain data: error (0 = OK, -1 blocked, -2 the caller is gone) and a1.. values. */
export interface CallResult {
  readonly error: number;
  readonly values: readonly number[];
}

/** Makes syscall `number` as `p` (see the file header); returns its result. */
export function call(kernel: Kernel, p: Process, number: number, ...args: (number | bigint)[]): CallResult {
  return resultOf(sys(kernel, p, number, ...args));
}

/** The plain-data result of an outcome. */
export function resultOf(outcome: SyscallOutcome): CallResult {
  if (outcome.kind === 'block') return { error: -1, values: [] };
  if (outcome.kind === 'exited') return { error: -2, values: [] };
  return { error: outcome.error, values: (outcome.values ?? []).map(Number) };
}

/** The values of a successful call; throws with the error otherwise. */
export function okValues(r: CallResult): readonly number[] {
  if (r.error !== 0) throw new Error(`syscall failed with error ${r.error}`);
  return r.values;
}

/** Writes `bytes` at `va` in `p`'s memory (through the kernel's user-memory accessor); throws when unmapped. */
export function poke(kernel: Kernel, p: Process, va: number, bytes: Uint8Array): void {
  const w = userMemory(kernel, p)?.write(va, bytes);
  if (w?.ok !== true) throw new Error(`poke 0x${va.toString(16)} failed`);
}

/** Reads `len` bytes at `va` in `p`'s memory; throws when unmapped. */
export function peek(kernel: Kernel, p: Process, va: number, len: number): Uint8Array {
  const r = userMemory(kernel, p)?.read(va, len);
  if (r?.ok !== true) throw new Error(`peek 0x${va.toString(16)} failed`);
  return r.value;
}
