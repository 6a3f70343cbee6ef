// Completing a syscall in a task's saved context: a0 = error, a1.. = values,
// pc past the ecall. The trap path uses it for the caller; the direct IPC
// handoff (chan-call.ts) uses it to complete a blocked receiver's ecall.

import type { TrapContext } from '../proc/trap-context.ts';

/** Writes a syscall's result into `context`: a0 = `error`, a1.. = `values`, pc past the ecall. */
export function writeSyscallReturn(context: TrapContext, error: number, values: readonly (number | bigint)[]): void {
  setRegister(context, 10, error);
  for (let i = 0; i < values.length; i++) setRegister(context, 11 + i, values[i]!);
  context.pc = BigInt.asUintN(64, context.pc + 4n); // one 64-bit add in optimized code
}

/** x[r] = `value` modulo 2^64; a non-negative safe integer goes in as two u32 halves (no BigInt). */
function setRegister(context: TrapContext, r: number, value: number | bigint): void {
  if (typeof value === 'number' && value >= 0 && Number.isSafeInteger(value)) {
    const low = value >>> 0; // value mod 2^32, exact for a safe integer (no floating-point %)
    context.xw[2 * r] = low;
    context.xw[2 * r + 1] = (value - low) / 0x1_0000_0000;
  } else {
    context.x[r] = BigInt.asUintN(64, BigInt(value));
  }
}
