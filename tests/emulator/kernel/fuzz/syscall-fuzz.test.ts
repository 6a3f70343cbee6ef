// The syscall fuzzer in CI: every syscall of the ABI has a description, a
// program is the same for the same seed and replays to the same outcome, and
// a campaign of at least 100,000 fuzzed syscalls through the real trap path
// ends with no invariant violation, no kernel bug, no escaped exception and
// no leak (counts back at the boot baseline after every program).

import { describe, expect, it } from 'vitest';
import { Syscall } from '../../../../emulator/kernel/abi/syscall-numbers.ts';
import { runCampaign } from './campaign.ts';
import { FuzzMachine } from './executor.ts';
import { generateProgram } from './generator.ts';
import { SYSCALL_DESCRIPTIONS, undescribedSyscalls } from './syscall-descriptions.ts';

/** Syscalls the CI campaign makes at least (the issue asks for 100,000). */
const CI_SYSCALLS = 100_000;

describe('syscall fuzzer', () => {
  it('has a description for every syscall number of the ABI', () => {
    expect(undescribedSyscalls()).toEqual([]);
    expect(Object.keys(SYSCALL_DESCRIPTIONS).sort()).toEqual(Object.keys(Syscall).sort());
  });

  it('generates the same program for the same seed, 30-40 calls over 2-4 processes', () => {
    const program = generateProgram(42);
    expect(generateProgram(42)).toEqual(program);
    expect(generateProgram(43)).not.toEqual(program);
    expect(program.calls.length).toBeGreaterThanOrEqual(30);
    expect(program.calls.length).toBeLessThanOrEqual(40);
    expect(program.procs).toBeGreaterThanOrEqual(2);
  });

  it('replays a program to the same outcomes on a fresh kernel', async () => {
    const [a, b] = [await FuzzMachine.create(), await FuzzMachine.create()];
    const ra = a.run(generateProgram(7));
    const rb = b.run(generateProgram(7));
    expect(rb.outcomes).toEqual(ra.outcomes);
    expect(rb.syscalls).toBe(ra.syscalls);
    expect(ra.failures).toEqual([]);
  });

  it(`makes ${CI_SYSCALLS} syscalls with no invariant violation, kernel bug or leak`, async () => {
    const report = await runCampaign({ firstSeed: 1, minSyscalls: CI_SYSCALLS });
    const perMinute = Math.round(report.syscalls / (report.ms / 60_000));
    console.log(`syscall fuzz: ${report.programs} programs, ${report.syscalls} syscalls in ${(report.ms / 1000).toFixed(1)} s (${perMinute}/min)`);
    expect(report.failures).toEqual([]);
    expect(report.syscalls).toBeGreaterThanOrEqual(CI_SYSCALLS);
    // Every syscall was reached and succeeded at least once.
    for (const name of Object.keys(Syscall)) {
      const succeeded = [...report.outcomes].some(([k, n]) => n > 0 && (k === `${name}:Ok` || k === `${name}:exited` || k === `${name}:block`));
      expect(succeeded, name).toBe(true);
    }
  }, 120_000);
});
