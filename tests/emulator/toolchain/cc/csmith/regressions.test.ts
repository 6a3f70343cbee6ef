// Reduced Csmith programs that once showed a bug of our compiler (see
// README.md): regressions/<seed>.c must print regressions/<seed>.expected
// (gcc's output) when built by our compiler at -O0 and at -O1. Needs no
// external tools, only the built hart.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../codegen/rvos-cc-build.ts';
import { rvosRun } from './csmith-compare.ts';

const dir = join(import.meta.dirname, 'regressions');
const cases = readdirSync(dir).filter((f) => f.endsWith('.c')).sort();

describe.skipIf(!existsSync(join(root, 'emulator/hart/build/hart.wasm')))('reduced csmith regressions', () => {
  it('every case has its expected output', () => {
    expect(cases.filter((f) => !existsSync(join(dir, f.replace(/\.c$/, '.expected'))))).toEqual([]);
  });
  for (const file of cases) {
    for (const level of [0, 1] as const) {
      it(`${file} at -O${level} prints gcc's output`, async () => {
        const run = await rvosRun(join(dir, file), level);
        expect(run).toEqual({ stdout: readFileSync(join(dir, file.replace(/\.c$/, '.expected')), 'latin1') });
      });
    }
  }
});
