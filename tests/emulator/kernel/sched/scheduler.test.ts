// Scheduler: round-robin order, at most one queue entry per task, block and
// wake by pid (waking a task that is not blocked is harmless), deadlines that
// wake sleepers, and stale entries of exited tasks skipped.

import { describe, expect, it } from 'vitest';
import { ProcState } from '../../../../emulator/kernel/proc/process.ts';
import { schedulerWith } from './scheduler-kit.ts';

const setup = schedulerWith;

describe('Scheduler', () => {
  it('runs tasks round robin and requeues a preempted task at the tail', () => {
    const { scheduler } = setup(3);
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      const p = scheduler.pickNext()!;
      order.push(p.name);
      expect(p.state).toBe(ProcState.Running);
      scheduler.makeRunnable(p);
    }
    expect(order).toEqual(['p0', 'p1', 'p2', 'p0', 'p1', 'p2']);
  });

  it('queues a task once however often it is made runnable', () => {
    const { scheduler, procs } = setup(1);
    scheduler.makeRunnable(procs[0]!);
    scheduler.makeRunnable(procs[0]!);
    expect(scheduler.queued).toBe(1);
    expect(scheduler.pickNext()).toBe(procs[0]);
    expect(scheduler.pickNext()).toBeUndefined();
  });

  it('blocks and wakes by pid; waking a runnable or unknown pid does nothing', () => {
    const { scheduler } = setup(2);
    const a = scheduler.pickNext()!;
    scheduler.block(a, { kind: 'recv', endpoints: [3] });
    expect(a.state).toBe(ProcState.Blocked);
    expect(scheduler.wake(12345)).toBe(false);
    expect(scheduler.pickNext()!.name).toBe('p1');
    expect(scheduler.pickNext()).toBeUndefined();
    expect(scheduler.wake(a.pid)).toBe(true);
    expect(scheduler.wake(a.pid)).toBe(false);
    expect(a.block).toBeUndefined();
    expect(scheduler.pickNext()).toBe(a);
  });

  it('wakes sleepers at their deadline, earliest first', () => {
    const { scheduler } = setup(2);
    const a = scheduler.pickNext()!;
    const b = scheduler.pickNext()!;
    a.timeout = 500;
    b.timeout = 200;
    scheduler.block(a, { kind: 'sleep' });
    scheduler.block(b, { kind: 'sleep' });
    expect(a.state).toBe(ProcState.Sleeping);
    expect(scheduler.nextDeadline()).toBe(200);
    expect(scheduler.expire(199)).toBe(0);
    expect(scheduler.expire(200)).toBe(1);
    expect(scheduler.pickNext()).toBe(b);
    expect(scheduler.nextDeadline()).toBe(500);
    expect(scheduler.expire(10_000)).toBe(1);
    expect(scheduler.nextDeadline()).toBeUndefined();
  });

  it('skips the queue entry of a task that exited and forgets its deadline', () => {
    const { scheduler, procs } = setup(2);
    const [a, b] = procs as [typeof procs[0], typeof procs[0]];
    a.state = ProcState.Zombie;
    scheduler.forget(a);
    expect(scheduler.pickNext()).toBe(b);
    expect(scheduler.pickNext()).toBeUndefined();
    scheduler.makeRunnable(a);
    expect(scheduler.queued).toBe(0);
  });
});
