// Differential test of the rvos C compiler against a real one: every corpus
// program (tests/fixtures/userland/corpus/*.c and the code generator's feature
// programs) built by rvos cc at -O0 and -O1 and run on our hart must print the
// same output and exit with the same status as when built by
// riscv64-linux-gnu-gcc -static (glibc) and run under qemu-riscv64.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasGlibcOracle, hartBuilt, root, runGlibc } from '../../../../fixtures/userland/userland-build.ts';
import { runRvos } from './run-rvos.ts';

const corpusDir = join(root, 'tests/fixtures/userland/corpus');
const featureDir = join(root, 'tests/emulator/toolchain/cc/codegen/c');

/** Corpus programs whose output differs from glibc by design (the same list as tests/fixtures/userland/corpus.test.ts), and why. */
const DIFFERS_BY_DESIGN: Record<string, string> = {
  'malloc-stress': 'prints rvos malloc statistics (an rvos extension)',
  rand: "rvos rand() is the C standard's sample generator, glibc's is not",
  assert: "assert's message names the rvos libc format, glibc's differs",
};

interface Program { name: string; source: string; input: string }

const sidecar = (name: string, ext: string): string => {
  const path = join(corpusDir, `${name}.${ext}`);
  return existsSync(path) ? readFileSync(path, 'latin1') : '';
};

const testHeader = readFileSync(join(featureDir, 'test.h'), 'utf8');

const programs: Program[] = [
  ...readdirSync(corpusDir).filter((f) => f.endsWith('.c')).sort().map((f) => f.slice(0, -2))
    .filter((name) => !(name in DIFFERS_BY_DESIGN))
    .map((name) => ({ name, source: readFileSync(join(corpusDir, `${name}.c`), 'utf8'), input: sidecar(name, 'input') })),
  // Feature programs include "test.h": inline it so gcc compiles the file from a temp directory.
  ...readdirSync(featureDir).filter((f) => f.endsWith('.c')).sort()
    .map((f) => ({ name: `feature-${f.slice(0, -2)}`, source: readFileSync(join(featureDir, f), 'utf8').replace('#include "test.h"', testHeader), input: '' })),
];

describe.skipIf(!hasGlibcOracle || !hartBuilt)('corpus: rvos cc on our hart vs riscv64-linux-gnu-gcc + glibc under qemu', () => {
  it('covers the corpus and the feature programs', () => {
    expect(programs.length).toBeGreaterThanOrEqual(15);
  });

  for (const p of programs) {
    it(`${p.name}: same output and exit status at -O0 and -O1`, async () => {
      const ref = runGlibc(p.source, p.name, p.input);
      expect(ref.exitCode, ref.stdout).toBeGreaterThanOrEqual(0);
      for (const level of [0, 1] as const) {
        // Our bare platform's stdin ends at Ctrl-D; under qemu it ends at end of file.
        const ours = await runRvos(p.source, `${p.name}.c`, level, p.input === '' ? '' : `${p.input}\x04`);
        expect(ours.stdout, `-O${level}`).toBe(ref.stdout);
        expect({ level, reason: ours.reason, exitCode: ours.exitCode }).toEqual({ level, reason: 'exit', exitCode: ref.exitCode });
      }
    }, 180_000);
  }
});
