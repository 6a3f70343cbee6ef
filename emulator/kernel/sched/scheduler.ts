// Scheduler: round-robin run queue of process-table slots (a ring buffer, one
// entry per slot at most), blocking and waking by pid, and deadlines in ticks
// for sleeping tasks and blocking calls with a timeout. Plain data; the kernel
// run loop (kernel.ts) asks it what to run next and when the next deadline is.

import { KernelBug } from '../core/result.ts';

/** Handoffs in a row after which the run queue goes first again (tasks that only ping-pong cannot starve the others). */
export const MAX_HANDOFFS = 8;
import { ProcState, type BlockReason, type Process } from '../proc/process.ts';
import type { ProcessTable } from '../proc/process-table.ts';

export class Scheduler {
  /** Ring buffer of slots; `inQueue[slot]` = 1 while the slot has an entry. */
  private readonly queue: Int32Array;
  private readonly inQueue: Uint8Array;
  private head = 0;
  private size = 0;
  /** pids blocked with a deadline (Process.timeout). */
  private readonly timed: number[] = [];
  /** pid of the task now running (0 = none). */
  current = 0;
  /** Context switches so far (a different task than the previous one was started). */
  switches = 0;
  /** pid that pickNext takes before the queue, once (the direct IPC handoff; 0 = none). */
  next = 0;
  /** Handoffs taken in a row since pickNext last took the queue's head (bounded by MAX_HANDOFFS). */
  handoffs = 0;

  constructor(private readonly processes: ProcessTable) {
    this.queue = new Int32Array(processes.capacity);
    this.inQueue = new Uint8Array(processes.capacity);
  }

  /** Tasks in the run queue (stale entries of exited tasks included). */
  get queued(): number {
    return this.size;
  }

  /** True when some blocked task has a deadline (the run loop then checks the clock). */
  get hasDeadlines(): boolean {
    return this.timed.length > 0;
  }

  /** Makes `p` Runnable at the tail of the run queue (no-op for a Zombie). */
  makeRunnable(p: Process): void {
    if (p.state === ProcState.Zombie) return;
    p.state = ProcState.Runnable;
    p.block = undefined;
    if (this.inQueue[p.slot] === 1) return;
    this.inQueue[p.slot] = 1;
    this.queue[(this.head + this.size) % this.queue.length] = p.slot;
    this.size++;
  }

  /** True while `p`'s slot has an entry in the run queue (the invariant checker: every Runnable task is queued). */
  isQueued(p: Process): boolean {
    return this.inQueue[p.slot] === 1;
  }

  /** True when `pid` waits for a deadline (the invariant checker: every sleeper has a timer). */
  hasTimer(pid: number): boolean {
    return this.timed.includes(pid);
  }

  /**
   * Lets Runnable `p` run next, ahead of the run queue (once). Only for the direct IPC handoff: the
   * running task blocks waiting on `p` and hands it the hart. `p` keeps its queue entry, so it is not
   * queued twice; the entry is skipped or serves its next wake-up. Fairness: after MAX_HANDOFFS
   * handoffs in a row the request is ignored and the queue's head runs, so at most MAX_HANDOFFS
   * handoffs happen between two tasks taken from the queue.
   */
  runNext(p: Process): void {
    if (this.handoffs < MAX_HANDOFFS) this.next = p.pid;
  }

  /** Removes and returns the next Runnable task (now Running), or undefined when none is runnable. */
  pickNext(): Process | undefined {
    if (this.next !== 0) {
      const p = this.processes.get(this.next);
      this.next = 0;
      if (p?.state === ProcState.Runnable) {
        this.handoffs++;
        return this.start(p);
      }
    }
    this.handoffs = 0;
    while (this.size > 0) {
      const slot = this.queue[this.head]!;
      this.head = (this.head + 1) % this.queue.length;
      this.size--;
      this.inQueue[slot] = 0;
      const p = this.processes.atSlot(slot);
      if (p?.state === ProcState.Runnable) return this.start(p);
    }
    return undefined;
  }

  /** Marks `p` Running as the current task (counting a switch when it is a different task). */
  private start(p: Process): Process {
    p.state = ProcState.Running;
    if (this.current !== p.pid) this.switches++;
    this.current = p.pid;
    return p;
  }

  /** Blocks the running task `p` for `reason`; its Process.timeout (if set) is a deadline that wakes it. */
  block(p: Process, reason: BlockReason): void {
    if (p.state === ProcState.Zombie) throw new KernelBug(`block of exited pid ${p.pid}`);
    p.state = reason.kind === 'sleep' ? ProcState.Sleeping : ProcState.Blocked;
    p.block = reason;
    if (p.timeout !== undefined && !this.timed.includes(p.pid)) this.timed.push(p.pid);
  }

  /** Wakes `pid` if it is Blocked or Sleeping (it retries its syscall); returns whether it was woken. */
  wake(pid: number): boolean {
    const p = this.processes.get(pid);
    if (p === undefined || (p.state !== ProcState.Blocked && p.state !== ProcState.Sleeping)) return false;
    this.dropTimer(pid);
    this.makeRunnable(p);
    return true;
  }

  /** Wakes every task whose deadline is at or before `now` (ticks); returns how many. */
  expire(now: number): number {
    let woken = 0;
    for (const pid of this.timed.slice()) {
      const p = this.processes.get(pid);
      if (p?.timeout === undefined) this.dropTimer(pid);
      else if (p.timeout <= now && this.wake(pid)) woken++;
    }
    return woken;
  }

  /** The earliest deadline (ticks) of a blocked task, or undefined. */
  nextDeadline(): number | undefined {
    let earliest: number | undefined;
    for (const pid of this.timed) {
      const t = this.processes.get(pid)?.timeout;
      if (t !== undefined && (earliest === undefined || t < earliest)) earliest = t;
    }
    return earliest;
  }

  /** Forgets an exiting task's deadline (its run-queue entry goes stale and is skipped). */
  forget(p: Process): void {
    this.dropTimer(p.pid);
    if (this.current === p.pid) this.current = 0;
    if (this.next === p.pid) this.next = 0;
  }

  private dropTimer(pid: number): void {
    const i = this.timed.indexOf(pid);
    if (i >= 0) this.timed.splice(i, 1);
  }
}
