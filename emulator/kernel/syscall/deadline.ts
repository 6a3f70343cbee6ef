// Deadlines of blocking syscalls in virtual-time ticks (10 MHz: 1 tick =
// 100 ns): conversion from user nanoseconds (saturating, never wrapping) and
// the restartable "block until" step shared by sleep and timed waits.

import type { KernelContext } from '../context/kernel-context.ts';
import type { BlockReason, Process } from '../proc/process.ts';
import type { SyscallOutcome } from './syscall-types.ts';

/** Nanoseconds per tick of virtual time. */
export const NS_PER_TICK = 100;

/** Deadlines stay exact JS numbers: now + MAX_TICKS is still a safe integer. */
const MAX_TICKS = BigInt(Math.floor(Number.MAX_SAFE_INTEGER / 2));

/** Ticks covering `ns` nanoseconds (a raw u64), rounded up; saturates far in the future instead of wrapping. */
export function ticksFromNs(ns: bigint): number {
  const ticks = (BigInt.asUintN(64, ns) + BigInt(NS_PER_TICK - 1)) / BigInt(NS_PER_TICK);
  return Number(ticks > MAX_TICKS ? MAX_TICKS : ticks);
}

/**
 * The restartable wait: undefined when `deadline` (ticks) has passed (the
 * syscall completes); otherwise blocks `caller` for `reason` with that deadline
 * and returns the 'block' outcome (the ecall is retried when it is woken).
 */
export function blockUntil(k: KernelContext, caller: Process, deadline: number, reason: BlockReason): SyscallOutcome | undefined {
  if (k.now() >= deadline) return undefined;
  caller.timeout = deadline;
  k.scheduler.block(caller, reason);
  return { kind: 'block' };
}
