// The contract between the syscall dispatcher and the handlers of each group
// (chan.ts, mem.ts, process.ts, misc.ts): the arguments as read from a0-a5 and
// the outcome a handler returns. Handlers never throw because of guest input.

import type { RvosErrorCode } from '../abi/errors.ts';
import type { KernelContext } from '../context/kernel-context.ts';
import type { Process } from '../proc/process.ts';

export type SyscallOutcome =
  /** a0 = error; a1, a2, ... = values (missing values leave the registers unchanged). */
  | { readonly kind: 'return'; readonly error: RvosErrorCode; readonly values?: readonly (number | bigint)[] }
  /** The caller is blocked; pc stays on the ecall, which is executed again when the task is woken. */
  | { readonly kind: 'block' }
  /** The calling task no longer runs (exit, or it killed itself). */
  | { readonly kind: 'exited' };

/** The raw 64-bit argument registers a0-a5 of one call. */
export interface SyscallArgs {
  readonly raw: readonly [bigint, bigint, bigint, bigint, bigint, bigint];
  /** Optional: the caller's saved x0..x31 as little-endian u32 halves (TrapContext.xw), so arguments are read without BigInts. */
  readonly xw?: Uint32Array;
}

export type SyscallHandler = (k: KernelContext, caller: Process, args: SyscallArgs) => SyscallOutcome;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** The largest high half of a value <= Number.MAX_SAFE_INTEGER (2^53 - 1). */
const MAX_SAFE_HIGH = 0x1f_ffff;
/** The outcome of a successful call without values (shared: outcomes are never mutated). */
const OK_NO_VALUES: SyscallOutcome = Object.freeze({ kind: 'return', error: 0, values: Object.freeze([]) });

/** Argument i as a number, or undefined when it does not fit exactly (the handler answers InvalidArgument). */
export function argNumber(args: SyscallArgs, i: number): number | undefined {
  const xw = args.xw;
  if (xw !== undefined && i < 6) return registerNumber(xw, 10 + i); // argument i is x[10 + i] (a0 + i)
  const v = args.raw[i];
  return v !== undefined && v <= MAX_SAFE ? Number(v) : undefined;
}

/** Register x[r] of a saved context's u32 halves (TrapContext.xw) as a number, or undefined when above 2^53 - 1. */
export function registerNumber(xw: Uint32Array, r: number): number | undefined {
  const high = xw[2 * r + 1]!;
  if (high === 0) return xw[2 * r]!; // the common case: no floating-point arithmetic
  return high <= MAX_SAFE_HIGH ? high * 0x1_0000_0000 + xw[2 * r]! : undefined;
}

/** A successful return with values. */
export function returnOk(...values: (number | bigint)[]): SyscallOutcome {
  return values.length === 0 ? OK_NO_VALUES : { kind: 'return', error: 0, values };
}

/** A failed return: a0 = error, a1.. unchanged. */
export function returnError(error: RvosErrorCode): SyscallOutcome {
  return { kind: 'return', error };
}
