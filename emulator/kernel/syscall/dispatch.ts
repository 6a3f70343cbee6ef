// The syscall dispatcher: THE table from syscall number (abi/syscall-numbers.ts)
// to handler, one handler file per object group (misc, process, chan, mem).
// Reads a7/a0-a5 from the caller's TrapContext; an unknown number answers
// BadSyscall; an exception escaping a handler is a kernel bug: it is logged
// and only the calling process is killed, the kernel keeps running.

import { RvosError } from '../abi/errors.ts';
import type { KernelContext } from '../context/kernel-context.ts';
import type { Process } from '../proc/process.ts';
import type { TrapContext } from '../proc/trap-context.ts';
import { describeError, exitAfterBug } from '../lifecycle/exit.ts';
import { KernelBug } from '../core/result.ts';
import { chanSyscalls } from './chan.ts';
import { chanCallSyscalls } from './chan-call.ts';
import { memSyscalls } from './mem.ts';
import { miscSyscalls } from './misc.ts';
import { processSyscalls } from './process.ts';
import type { SyscallArgs, SyscallHandler, SyscallOutcome } from './syscall-types.ts';

/** A group's handlers by syscall number (each group file exports one). */
export type SyscallGroup = Readonly<Record<number, SyscallHandler>>;

const TABLE: ReadonlyMap<number, SyscallHandler> = buildTable([miscSyscalls, processSyscalls, chanSyscalls, chanCallSyscalls, memSyscalls]);
/** TABLE as an array by number (the trap path indexes it instead of hashing; numbers are small). */
const BY_NUMBER: readonly (SyscallHandler | undefined)[] = denseTable(TABLE);

/** The handlers of `table` in an array indexed by syscall number. */
function denseTable(table: ReadonlyMap<number, SyscallHandler>): (SyscallHandler | undefined)[] {
  const dense = new Array<SyscallHandler | undefined>(Math.max(0, ...table.keys()) + 1).fill(undefined);
  for (const [number, handler] of table) dense[number] = handler;
  return dense;
}

/** The number -> handler map of `groups`; throws KernelBug when two groups claim one number. */
export function buildTable(groups: readonly SyscallGroup[]): Map<number, SyscallHandler> {
  const table = new Map<number, SyscallHandler>();
  for (const group of groups) {
    for (const [number, handler] of Object.entries(group)) {
      if (table.has(Number(number))) throw new KernelBug(`syscall ${number} has two handlers`);
      table.set(Number(number), handler);
    }
  }
  return table;
}

/** The handler for syscall `number`, or undefined (BadSyscall). */
export function syscallHandler(number: number): SyscallHandler | undefined {
  return TABLE.get(number);
}

/** a0-a5 of a saved context: read in place through `xw`; `raw` makes BigInts only when a handler asks. */
class ContextArgs implements SyscallArgs {
  constructor(private readonly x: BigUint64Array, readonly xw: Uint32Array) {}
  get raw(): SyscallArgs['raw'] {
    const x = this.x;
    return [x[10]!, x[11]!, x[12]!, x[13]!, x[14]!, x[15]!];
  }
}

/** The syscall arguments a0-a5 of a saved context (read when the handler runs: handlers run before anything writes a0..). */
export function argsFromContext(context: TrapContext): SyscallArgs {
  return new ContextArgs(context.x, context.xw);
}

/** The syscall number in a7 of a saved context, or -1 when it does not fit in 32 bits (no handler: BadSyscall). */
export function syscallNumber(context: TrapContext): number {
  return context.xw[35] === 0 ? context.xw[34]! : -1;
}

/**
 * Runs syscall `number` for `caller` with `args` (through `table`, the kernel's
 * by default); returns the outcome. Never throws for a handler's exception:
 * that is logged as a kernel bug and the caller is killed (outcome 'exited').
 */
export function dispatchSyscall(
  k: KernelContext, caller: Process, number: number | bigint, args: SyscallArgs, table: ReadonlyMap<number, SyscallHandler> = TABLE,
): SyscallOutcome {
  caller.syscalls++;
  const handler = table === TABLE && typeof number === 'number' ? (number >= 0 ? BY_NUMBER[number] : undefined)
    : typeof number === 'number' ? table.get(number) : number <= 0xffff_ffffn ? table.get(Number(number)) : undefined;
  if (handler === undefined) return { kind: 'return', error: RvosError.BadSyscall };
  try {
    const outcome = handler(k, caller, args);
    if (outcome.kind !== 'block') caller.timeout = undefined;
    return outcome;
  } catch (error) {
    k.log(`kernel bug in syscall ${number} of pid ${caller.pid} (${caller.name}): ${describeError(error)}`);
    exitAfterBug(k, caller);
    return { kind: 'exited' };
  }
}
