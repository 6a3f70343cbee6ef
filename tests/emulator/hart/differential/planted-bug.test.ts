// End-to-end test of the differential machinery on a planted bug: a runner
// that executes every mulhsu as mulhu (patching the ELF before the real hart
// runs it) must be caught by a campaign, shrunk to a few instructions and
// recorded once in a notes file.

import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordShrunk, runCampaign, shrinkSeed } from './campaign.ts';
import { findOracle } from './differential.ts';
import { readElf } from './elf-segments.ts';
import { HartRunner, type HartResult, type ProgramRunner } from './hart-runner.ts';
import type { GeneratorOptions } from './program-generator.ts';

/** Runs the real hart on a copy of the ELF whose mulhsu instructions became mulhu. */
class MulhsuAsMulhu implements ProgramRunner {
  constructor(private readonly inner: HartRunner) {}

  run(elf: Uint8Array): HartResult {
    const copy = elf.slice();
    const text = readElf(copy).segments[0].data;
    const view = new DataView(text.buffer, text.byteOffset, text.byteLength);
    for (let at = 0; at + 4 <= text.length;) {
      if ((text[at] & 3) !== 3) {
        at += 2;
        continue;
      }
      const word = view.getUint32(at, true);
      if ((word & 0xfe00_707f) === 0x0200_2033) view.setUint32(at, word | 0x1000, true); // mulhsu -> mulhu
      at += 4;
    }
    return this.inner.run(copy);
  }
}

const oracle = findOracle();
const generator: GeneratorOptions = { bodyItems: 150, extensions: ['i', 'm'] };

describe.skipIf(oracle === undefined)('differential machinery on a planted bug', () => {
  it('detects it and shrinks the program to a handful of instructions around mulhsu', async () => {
    if (oracle === undefined) return;
    const runner = new MulhsuAsMulhu(await HartRunner.create());
    const result = await runCampaign(oracle, runner, { baseSeed: 11, count: 20, jobs: 2, generator });
    expect(result.failures.length).toBeGreaterThan(0);
    const shrunk = await shrinkSeed(oracle, runner, result.failures[0].seed, generator, 300);
    expect(shrunk.outcome.status).toBe('mismatch');
    expect(shrunk.asm).toContain('mulhsu');
    expect(shrunk.asm.split('\n').length).toBeLessThanOrEqual(6);
    const dir = mkdtempSync(join(tmpdir(), 'rvos-diff-notes-'));
    const notes = join(dir, 'bugs.txt');
    recordShrunk(shrunk, notes);
    recordShrunk(shrunk, notes);
    const text = readFileSync(notes, 'utf8');
    expect(text.split('=== differential mismatch').length).toBe(2);
    expect(text).toContain(`seed ${shrunk.seed}`);
    expect(text).toContain('expected 0x');
    rmSync(dir, { recursive: true });
  });
});
