// Where the VM host cuts its kernel.run calls. A run boundary ends the running
// task's time slice, so the same inputs give the same execution only when runs
// end at the same step counts: on multiples of RUN_GRID (counted from boot),
// where inputs are applied, and where the guest stops being runnable.

import type { Kernel, KernelRunResult } from '../../kernel/system/kernel.ts';

/** kernel.run calls end at host step counts that are multiples of this (about 1 ms of emulation). */
export const RUN_GRID = 65_536;

/** The budget of the next kernel.run call at host step `steps`: up to the next grid line, at most `limit` (>= 1 unless limit is 0). */
export function gridBudget(steps: number, limit = Number.POSITIVE_INFINITY): number {
  return Math.min(limit, RUN_GRID - (steps % RUN_GRID));
}

/** What a deterministic run did. */
export interface DriveResult {
  /** Host step count afterwards. */
  readonly steps: number;
  /** Why the last kernel.run returned ('limit' when `target` was reached). */
  readonly last: KernelRunResult;
}

/**
 * Runs `kernel` from host step `steps` toward `target` in grid-cut kernel.run calls
 * (idle skip off), stopping at the target or when the last run returned anything
 * but 'limit' (waiting, idle, exited). Throws what kernel.run throws.
 */
export function runOnGrid(kernel: Kernel, steps: number, target: number): DriveResult {
  let last: KernelRunResult = { reason: 'limit', steps: 0 };
  while (steps < target) {
    last = kernel.run(gridBudget(steps, target - steps), { idleSkip: false });
    steps += last.steps;
    if (last.reason !== 'limit') break;
  }
  return { steps, last };
}
