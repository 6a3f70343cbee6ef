// Scheduling on the real hart: preemption by time slice between busy loops
// (both make progress, instruction counts are exact and repeatable), sleep
// with idle skip (virtual time jumps, few instructions run), a sleeper woken
// while another task computes, and yield.

import { describe, expect, it } from 'vitest';
import { ProcState } from '../../../emulator/kernel/proc/process.ts';
import { bootTestKernel, exit, SPIN, spawnDetached, userProgram } from './proc/user-program.ts';

const SPIN_ELF = userProgram(SPIN);

/** Exits with 0 when sleep(ns) took at least ns of virtual time by sys_clock, else 1. */
const SLEEPER = userProgram(`
  sys 113
  mv s0, a1
  li a0, 1000000
  sys 101
  mv s1, a0
  sys 113
  sub t1, a1, s0
  li t0, 1000000
  sltu a0, t1, t0
  or a0, a0, s1
  sys 93
`);

async function twoSpinners() {
  const { kernel } = await bootTestKernel({ limits: { timeSliceInstructions: 1000 } });
  const a = spawnDetached(kernel, 'a', SPIN_ELF);
  const b = spawnDetached(kernel, 'b', SPIN_ELF);
  const result = kernel.run(10_000);
  return { kernel, result, a: kernel.processes.get(a)!, b: kernel.processes.get(b)! };
}

describe('kernel scheduling', () => {
  it('preempts busy loops every time slice so both make progress', async () => {
    const { kernel, result, a, b } = await twoSpinners();
    expect(result).toEqual({ reason: 'limit', steps: 10_000 });
    expect(a.instructions).toBe(5000);
    expect(b.instructions).toBe(5000);
    expect(a.context.x[5]).toBe(2500n);
    expect(b.context.x[5]).toBe(2500n);
    expect(kernel.scheduler.switches).toBe(10);
  });

  it('is deterministic: the same programs give the same registers and counts', async () => {
    const first = await twoSpinners();
    const second = await twoSpinners();
    expect(second.a.context.x).toEqual(first.a.context.x);
    expect(second.b.context.pc).toBe(first.b.context.pc);
    expect(second.kernel.now()).toBe(first.kernel.now());
  });

  it('sleeps by skipping virtual time when nothing else runs', async () => {
    const { kernel } = await bootTestKernel();
    const pid = spawnDetached(kernel, 'sleeper', SLEEPER);
    kernel.processes.retain(pid);
    expect(kernel.run(1_000_000).reason).toBe('exited');
    const p = kernel.processes.get(pid)!;
    expect(p.exitStatus).toBe(0);
    expect(p.instructions).toBeLessThan(30);
    expect(kernel.now()).toBeGreaterThanOrEqual(10_000);
    kernel.processes.release(pid);
  });

  it('wakes a sleeper exactly at its deadline while another task computes', async () => {
    const { kernel } = await bootTestKernel({ limits: { timeSliceInstructions: 30_000 } });
    const sleeper = spawnDetached(kernel, 'sleeper', SLEEPER);
    kernel.processes.retain(sleeper);
    const spinner = spawnDetached(kernel, 'spin', SPIN_ELF);
    expect(kernel.run(300_000).reason).toBe('limit');
    expect(kernel.processes.get(sleeper)!.state).toBe(ProcState.Zombie);
    expect(kernel.processes.get(sleeper)!.exitStatus).toBe(0);
    // 1 ms = 10,000 ticks = 100,000 instructions at 10 per tick: the spinner's slice ends at the deadline
    // (not at its 30,000-instruction slice boundary) and the sleeper exits right after it.
    const exitTime = kernel.exits.find((e) => e.pid === sleeper)!.time;
    expect(exitTime).toBeGreaterThanOrEqual(10_000);
    expect(exitTime).toBeLessThan(10_005);
    expect(kernel.processes.get(spinner)!.instructions).toBeGreaterThan(100_000);
  });

  it('yield hands the hart to the next task at once', async () => {
    const { kernel } = await bootTestKernel();
    const yielder = userProgram(`
  li s0, 3
1:
  sys 124
  addi s0, s0, -1
  bnez s0, 1b
${exit(0)}`);
    const a = spawnDetached(kernel, 'a', yielder);
    const b = spawnDetached(kernel, 'b', yielder);
    kernel.processes.retain(a);
    kernel.processes.retain(b);
    expect(kernel.run(100_000).reason).toBe('exited');
    expect(kernel.scheduler.switches).toBeGreaterThanOrEqual(8);
    expect(kernel.processes.get(a)!.syscalls).toBe(4);
  });
});

describe('run without idle skip', () => {
  it('returns waiting with the deadline, and the host decides when time moves', async () => {
    const { kernel } = await bootTestKernel();
    const pid = spawnDetached(kernel, 'sleeper', SLEEPER);
    kernel.processes.retain(pid);
    const first = kernel.run(1_000_000, { idleSkip: false });
    expect(first.reason).toBe('waiting');
    expect(first.deadline).toBeGreaterThanOrEqual(10_000);
    expect(kernel.run(1_000_000, { idleSkip: false }).reason).toBe('waiting');
    kernel.advanceTimeTo(first.deadline!);
    expect(kernel.run(1_000_000, { idleSkip: false }).reason).toBe('exited');
    expect(kernel.processes.get(pid)!.exitStatus).toBe(0);
  });
});
