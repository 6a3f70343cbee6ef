// Fuzzing campaigns: generated programs run one after another on one fuzz
// machine (a fresh one after a failure), with totals and every failure's seed.
// replayProgram runs one program on a fresh machine, which is how a seed is
// replayed, the reducer tests candidates, and regression tests run.

import { FuzzMachine, type FuzzMachineOptions } from './executor.ts';
import type { FuzzProgram } from './fuzz-program.ts';
import { generateProgram } from './generator.ts';

export interface CampaignOptions {
  /** Seed of the first program; program i has seed firstSeed + i. */
  readonly firstSeed: number;
  /** Stop after this many syscalls ... */
  readonly minSyscalls?: number;
  /** ... or at this time (Date.now() ms), whichever comes first. */
  readonly until?: number;
  /** Called after each failing program. */
  readonly onFailure?: (failure: CampaignFailure) => void;
  /** Options of every fuzz machine the campaign creates. */
  readonly machine?: FuzzMachineOptions;
}

export interface CampaignFailure {
  readonly seed: number;
  readonly failures: readonly string[];
}

export interface CampaignReport {
  readonly programs: number;
  /** Calls made through the trap path. */
  readonly calls: number;
  /** Syscalls the fuzzed processes made (retries of woken blocking calls included). */
  readonly syscalls: number;
  readonly ms: number;
  readonly failures: readonly CampaignFailure[];
  /** Outcome counts by "Name:error". */
  readonly outcomes: ReadonlyMap<string, number>;
  /** The seed to start the next campaign with. */
  readonly nextSeed: number;
}

/** Runs programs from `options.firstSeed` until a stop condition holds; returns the totals and failures. */
export async function runCampaign(options: CampaignOptions): Promise<CampaignReport> {
  const start = performance.now();
  const failures: CampaignFailure[] = [];
  const outcomes = new Map<string, number>();
  let machine = await FuzzMachine.create(options.machine);
  let [programs, calls, syscalls, seed] = [0, 0, 0, options.firstSeed];
  const more = () => (options.minSyscalls === undefined || syscalls < options.minSyscalls) && (options.until === undefined || Date.now() < options.until);
  while (more()) {
    const result = machine.run(generateProgram(seed));
    programs++;
    calls += result.calls;
    syscalls += result.syscalls;
    for (const [k, v] of result.outcomes) outcomes.set(k, (outcomes.get(k) ?? 0) + v);
    if (result.failures.length > 0) {
      const failure = { seed, failures: result.failures };
      failures.push(failure);
      options.onFailure?.(failure);
      machine = await FuzzMachine.create(options.machine);
    }
    seed++;
  }
  return { programs, calls, syscalls, ms: performance.now() - start, failures, outcomes, nextSeed: seed };
}

/** The failures of `program` run alone on a fresh fuzz machine (empty = clean). */
export async function replayProgram(program: FuzzProgram, options: FuzzMachineOptions = {}): Promise<string[]> {
  const machine = await FuzzMachine.create(options);
  return machine.run(program).failures;
}

/** The failures of the program of `seed` run alone on a fresh fuzz machine. */
export async function replaySeed(seed: number, options: FuzzMachineOptions = {}): Promise<string[]> {
  return replayProgram(generateProgram(seed), options);
}
