// Differential test of our hart against qemu-riscv64 (user mode): >= 500
// seeded random RV64GC programs plus 100 integer-only (RV64IMAC) ones, so an
// FPU bug cannot hide integer bugs (see settings.ts for the RVOS_DIFF_* knobs),
// compared register by register and byte by byte; failing seeds are shrunk,
// printed, and appended to .notes/hart-bugs-differential.txt.

import { beforeAll, describe, expect, it } from 'vitest';
import { describeShrunk, recordShrunk, runCampaign, shrinkSeed } from './campaign.ts';
import { findOracle, type Oracle } from './differential.ts';
import { HartRunner } from './hart-runner.ts';
import { mix32 } from './prng.ts';
import { settingsFromEnv, type Settings } from './settings.ts';

const oracle = findOracle();

/** Runs a campaign and returns '' when every program matched, else the failures and shrunk programs. */
async function campaignReport(o: Oracle, hart: HartRunner, settings: Settings, label: string): Promise<string> {
  const started = performance.now();
  const result = await runCampaign(o, hart, settings);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`differential (${label}): ${result.programs} programs, ${result.instructions} instructions generated, `
    + `${result.retired} retired on the hart, ${result.failures.length} failing, ${seconds} s `
    + `(base seed 0x${settings.baseSeed.toString(16)})`);
  const reports: string[] = [];
  for (const failure of result.failures.slice(0, settings.shrinkMax)) {
    const shrunk = await shrinkSeed(o, hart, failure.seed, settings.generator);
    recordShrunk(shrunk);
    reports.push(describeShrunk(shrunk));
    console.log(`differential mismatch, shrunk:\n${reports[reports.length - 1]}`);
  }
  const summary = result.failures.slice(0, 20).map((f) => `seed ${f.seed}: ${f.outcome.status === 'mismatch'
    ? f.outcome.mismatch.first : f.outcome.status === 'invalid' ? f.outcome.reason : 'match'}`);
  if (result.failures.length > 20) summary.push(`... and ${result.failures.length - 20} more failing seeds`);
  return [...summary, ...reports].join('\n\n');
}

describe.skipIf(oracle === undefined)('hart vs qemu-riscv64 on random programs', () => {
  let hart: HartRunner;
  const settings = settingsFromEnv();
  beforeAll(async () => {
    hart = await HartRunner.create();
  });

  it('gives the same registers, fcsr and scratch memory for every RV64GC program', async () => {
    if (oracle === undefined) return;
    expect(await campaignReport(oracle, hart, settings, settings.generator.extensions.join(''))).toBe('');
  }, 900_000);

  it('gives the same results for integer-only (RV64IMAC) programs', async () => {
    if (oracle === undefined) return;
    const integer: Settings = {
      ...settings,
      baseSeed: mix32(settings.baseSeed ^ 0x1a7e_9e12),
      count: Math.max(1, Math.round(settings.count / 5)),
      generator: { ...settings.generator, extensions: settings.generator.extensions.filter((e) => e !== 'f') },
    };
    expect(await campaignReport(oracle, hart, integer, 'imac')).toBe('');
  }, 900_000);
});
