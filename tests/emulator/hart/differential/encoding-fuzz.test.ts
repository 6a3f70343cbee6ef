// Encoding fuzz against qemu-riscv64: programs of raw instruction words with
// random fields (encoding-fuzz.ts). Where QEMU runs the words, the dumps must
// match; where QEMU raises SIGILL (or SIGSEGV/SIGBUS), the hart must trap with
// the matching cause at the same pc/address. RVOS_DIFF_FUZZ_COUNT sets the count (default 300).

import { describe, expect, it } from 'vitest';
import { describeShrunk, recordShrunk, runCampaign, shrinkProgram } from './campaign.ts';
import { findOracle } from './differential.ts';
import { generateFuzzProgram } from './encoding-fuzz.ts';
import { HartRunner } from './hart-runner.ts';
import { settingsFromEnv } from './settings.ts';

const oracle = findOracle();

describe.skipIf(oracle === undefined)('hart vs qemu-riscv64 on random instruction encodings', () => {
  it('decodes, executes or rejects every word as QEMU does', async () => {
    if (oracle === undefined) return;
    const settings = settingsFromEnv();
    const count = Number(process.env.RVOS_DIFF_FUZZ_COUNT ?? 300);
    const hart = await HartRunner.create();
    const started = performance.now();
    const result = await runCampaign(oracle, hart, { ...settings, count, generate: (seed) => generateFuzzProgram(seed) });
    console.log(`encoding fuzz: ${result.programs} programs, ${result.failures.length} failing, `
      + `${((performance.now() - started) / 1000).toFixed(1)} s (base seed 0x${settings.baseSeed.toString(16)})`);
    const reports: string[] = [];
    for (const failure of result.failures.slice(0, settings.shrinkMax)) {
      const replay = `npx tsx tests/emulator/hart/differential/replay-seed.ts ${failure.seed} --fuzz --shrink`;
      const shrunk = await shrinkProgram(oracle, hart, generateFuzzProgram(failure.seed), replay, 200);
      recordShrunk(shrunk);
      reports.push(describeShrunk(shrunk));
      console.log(`encoding fuzz mismatch, shrunk:\n${reports[reports.length - 1]}`);
    }
    const summary = result.failures.slice(0, 20).map((f) => `seed ${f.seed}: ${f.outcome.status === 'mismatch'
      ? f.outcome.mismatch.first : f.outcome.status === 'invalid' ? f.outcome.reason : 'match'}`);
    expect([...summary, ...reports].join('\n\n')).toBe('');
  }, 900_000);
});
