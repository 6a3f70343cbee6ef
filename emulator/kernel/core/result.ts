// KResult: how kernel code returns success or a structured error. Internal
// functions return a KResult; the syscall layer turns the error into a0
// exactly once. Kernel bugs (broken invariants) throw KernelBug instead.

import type { RvosErrorCode } from '../abi/errors.ts';

export type KResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: RvosErrorCode };

/** A successful result carrying `value`. */
export function ok<T>(value: T): KResult<T> {
  return { ok: true, value };
}

/** A failed result carrying the error code. */
export function fail(error: RvosErrorCode): KResult<never> {
  return { ok: false, error };
}

/** Thrown only for a broken kernel invariant (never for anything a guest did). */
export class KernelBug extends Error {
  override name = 'KernelBug';
}
