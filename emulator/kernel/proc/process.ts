// Process: one task of the process table as plain data (ids, numbers, typed
// arrays; the handle table and address space are tables of plain data too).
// User processes run on the hart; service tasks ('service') have no address
// space and are stepped by the scheduler (services/).

import type { AddressSpace } from '../mm/address-space.ts';
import type { HandleTable } from '../ipc/handle-table.ts';
import type { TrapContext } from './trap-context.ts';

export const ProcState = {
  /** In the run queue. */
  Runnable: 'runnable',
  /** On the hart (or being stepped, for a service). */
  Running: 'running',
  /** Waiting for an object (endpoint, process exit, console input); see Process.block. */
  Blocked: 'blocked',
  /** Waiting only for its deadline (sys_sleep). */
  Sleeping: 'sleeping',
  /** Exited; kept until no handle refers to it (exit status readable by proc_wait). */
  Zombie: 'zombie',
} as const;
export type ProcStateName = (typeof ProcState)[keyof typeof ProcState];

export type ProcessKind = 'user' | 'service';

/** Why a task is Blocked (plain data; the objects keep the waiter lists, this is for introspection and cleanup). */
export type BlockReason =
  | { readonly kind: 'recv'; readonly endpoints: readonly number[] }
  | { readonly kind: 'send'; readonly endpoint: number }
  | { readonly kind: 'proc-exit'; readonly pid: number }
  | { readonly kind: 'sleep' }
  /** A service task with nothing to do until a message or input wakes it. */
  | { readonly kind: 'idle' };

export interface Process {
  readonly pid: number;
  /** Process-table slot (pid -> slot is arithmetic, see process-table.ts). */
  readonly slot: number;
  readonly name: string;
  readonly kind: ProcessKind;
  state: ProcStateName;
  /** pid of the creator (0 = the kernel). */
  readonly parent: number;
  /** Handle table (user processes; undefined for services and after exit). */
  handles: HandleTable | undefined;
  /** Address space (user processes; undefined for services and after exit). */
  space: AddressSpace | undefined;
  /** Saved registers (user processes). */
  readonly context: TrapContext;
  /** What the task waits for while Blocked/Sleeping. */
  block: BlockReason | undefined;
  /** Deadline in ticks of the blocking syscall now in progress (kept across retries, cleared when it returns). */
  timeout: number | undefined;
  /**
   * True while pc is on an ecall that blocked: when the task runs again the kernel re-dispatches it
   * directly (running the hart would only trap on the same ecall, retiring nothing). Unset = false.
   */
  restartEcall?: boolean;
  /** Exit status once Zombie. */
  exitStatus: number;
  /** pids blocked in proc_wait on this process. */
  exitWaiters: number[];
  /** Handles (of any process) that refer to this process. */
  refs: number;
  /** Accounting: instructions retired on the hart and syscalls made. */
  instructions: number;
  syscalls: number;
}

/** True when the task can still run or be woken (not Zombie). */
export function isAlive(p: Process): boolean {
  return p.state !== ProcState.Zombie;
}
