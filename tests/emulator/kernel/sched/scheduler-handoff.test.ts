// The scheduler's direct handoff (runNext): the chosen task runs next, ahead
// of the queue, once; it is never queued twice, a task that is no longer
// Runnable (or has exited) is not taken, and handoffs in a row are bounded.

import { describe, expect, it } from 'vitest';
import { ProcState } from '../../../../emulator/kernel/proc/process.ts';
import { MAX_HANDOFFS } from '../../../../emulator/kernel/sched/scheduler.ts';
import { schedulerWith } from './scheduler-kit.ts';

const setup = schedulerWith;

describe('Scheduler.runNext', () => {
  it('runs the chosen task ahead of the queue once, then round robin goes on', () => {
    const { scheduler, procs: [p0, p1, p2] } = setup(3);
    scheduler.runNext(p2!);
    expect(scheduler.pickNext()).toBe(p2);
    expect(p2!.state).toBe(ProcState.Running);
    scheduler.block(p2!, { kind: 'idle' });
    expect([scheduler.pickNext(), scheduler.pickNext()]).toEqual([p0, p1]);
    // p2's old entry is skipped (blocked); woken it is not queued twice.
    scheduler.wake(p2!.pid);
    scheduler.wake(p2!.pid);
    expect(scheduler.pickNext()).toBe(p2);
    expect(scheduler.pickNext()).toBeUndefined();
  });

  it('ignores a task that is not Runnable any more', () => {
    const { scheduler, procs: [p0, p1] } = setup(2);
    scheduler.runNext(p1!);
    scheduler.block(p1!, { kind: 'idle' });
    expect(scheduler.pickNext()).toBe(p0);
    expect(scheduler.pickNext()).toBeUndefined();
  });

  it('forgets the handoff of an exiting task', () => {
    const { scheduler, procs: [p0, p1] } = setup(2);
    scheduler.runNext(p1!);
    scheduler.forget(p1!);
    expect(scheduler.next).toBe(0);
    expect(scheduler.pickNext()).toBe(p0);
  });
});

describe('Scheduler.runNext fairness', () => {
  it('lets the queue go first after MAX_HANDOFFS handoffs in a row (a ping-pong pair cannot starve a third task)', () => {
    const { scheduler, procs: [p0, p1, p2] } = setup(3);
    const order: string[] = [];
    let running = scheduler.pickNext()!; // p0
    order.push(running.name);
    for (let i = 0; i < 4 * MAX_HANDOFFS; i++) {
      // The running task of the pair p0/p1 wakes its partner, hands it the hart and blocks.
      const partner = running === p0 ? p1! : p0!;
      if (partner.state === ProcState.Blocked) scheduler.wake(partner.pid);
      scheduler.runNext(partner);
      scheduler.block(running, { kind: 'idle' });
      running = scheduler.pickNext()!;
      order.push(running.name);
      if (running === p2) break;
    }
    // The queue holds p1 (woken) ahead of p2: p2 is its second pick, each after at most MAX_HANDOFFS handoffs.
    expect(order).toContain('p2');
    expect(order.indexOf('p2')).toBeLessThanOrEqual(2 * (MAX_HANDOFFS + 1));
  });
});
