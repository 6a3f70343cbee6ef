// Tests of the fuzzer's reducer: ddmin shrinks a call list to the calls a
// failure needs (here a synthetic failure condition, so the test knows the
// answer), drops unneeded preemption, and a program that does not fail on a
// fresh kernel is returned unchanged.

import { describe, expect, it } from 'vitest';
import { HandleKind } from '../../../../emulator/kernel/abi/handles.ts';
import type { Kernel } from '../../../../emulator/kernel/system/kernel.ts';
import { replaySeed, runCampaign } from './campaign.ts';
import type { FuzzCall } from './fuzz-program.ts';
import { formatRegression } from './fuzz-program.ts';
import { generateProgram } from './generator.ts';
import { failureSignature, reduceCalls, reduceProgram } from './reducer.ts';

describe('reducer', () => {
  it('shrinks a program to the calls the failure needs', async () => {
    const program = generateProgram(5);
    const needed = [program.calls[3]!.id, program.calls[17]!.id, program.calls[29]!.id];
    const test = async (calls: readonly FuzzCall[]) => needed.every((id) => calls.some((c) => c.id === id));
    const reduced = await reduceCalls(program.calls, test);
    expect(reduced.map((c) => c.id)).toEqual(needed);
    expect(reduced.every((c) => c.preempt === 0)).toBe(true);
  });

  it('leaves a program that does not fail unchanged', async () => {
    const program = generateProgram(9);
    const result = await reduceProgram(program);
    expect(result.failure).toBeUndefined();
    expect(result.program).toBe(program);
  });

  it('ignores numbers in failure signatures and prints a regression test', () => {
    expect(failureSignature('leak: frames 12 after exit, 10 at boot')).toBe(failureSignature('leak: frames 99 after exit, 98 at boot'));
    const text = formatRegression({ seed: 3, procs: 2, calls: generateProgram(3).calls.slice(0, 2) }, "invariant (live): pid 5 'x'");
    expect(text).toContain("it('seed 3: invariant (live): pid 5 \"x\"'");
    expect(text).toContain('expect(await replayProgram({');
  });
});

describe('finding a planted kernel bug', () => {
  /** A planted refcount bug: handle_dup of an shm handle forgets the new handle's reference. */
  const plant = (kernel: Kernel) => {
    const retain = kernel.objects.retain.bind(kernel.objects);
    kernel.objects.retain = (kind, id) => { if (kind !== HandleKind.Shm || kernel.shm.get(id)!.refs !== 1) retain(kind, id); };
  };

  it('reports its seed, replays it and reduces it to at most 10 calls', async () => {
    const found: number[] = [];
    const report = await runCampaign({ firstSeed: 1, minSyscalls: 20_000, machine: { plant }, onFailure: (f) => found.push(f.seed) });
    expect(report.failures.length).toBeGreaterThan(0);
    const seed = found[0]!;
    // pids differ on a fresh kernel; the failures are the same otherwise.
    const replayed = await replaySeed(seed, { plant });
    expect(replayed.map(failureSignature)).toEqual(report.failures[0]!.failures.map(failureSignature));
    expect(await replaySeed(seed)).toEqual([]);
    const reduced = await reduceProgram(generateProgram(seed), { plant });
    expect(reduced.failure).toBeDefined();
    expect(reduced.program.calls.length).toBeLessThanOrEqual(10);
    expect(reduced.program.calls.some((c) => c.name === 'HandleDup')).toBe(true);
  }, 60_000);
});
