// Fault injection for tests: make the N-th internal allocation of one kind
// (frame, handle slot, channel slot, queue slot) fail, to check that every
// failure path rolls back completely. Plain data on the kernel; when off (all
// countdowns 0) an allocator pays one comparison.

/** Allocation kinds that can be made to fail. */
export type FaultKind = 'frame' | 'handle' | 'channel' | 'queue';

/**
 * One countdown per kind: 0 = off; n > 0 = the n-th allocation of that kind
 * from now fails (the countdown is then 0 again). A test reads a countdown
 * still above 0 after a call as "the call made fewer than n allocations".
 */
export type FaultCountdowns = Record<FaultKind, number>;

/** Countdowns with every kind off. */
export function noFaults(): FaultCountdowns {
  return { frame: 0, handle: 0, channel: 0, queue: 0 };
}

/**
 * Counts one allocation of `kind`; true when it is the one that must fail.
 * Allocators call it only when `faults[kind] !== 0` (the cheap check when off).
 */
export function injectFault(faults: FaultCountdowns, kind: FaultKind): boolean {
  return --faults[kind] === 0;
}
