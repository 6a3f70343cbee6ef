// The userland corpus (tests/fixtures/userland/corpus/*.c) built entirely with
// the project's own toolchain (our C compiler for the program AND the libc,
// our assembler, our linker), run on the emulated machine, compared with the
// .expected output and .exit-code files, at -O0 and at -O1 (program and libc
// both compiled at that level). Needs no external tools.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRuntime, root, runC } from './rvos-cc-build.ts';

const corpus = join(root, 'tests/fixtures/userland/corpus');
const hartBuilt = existsSync(join(root, 'emulator/hart/build/hart.wasm'));
const sidecar = (name: string, ext: string): string | undefined => {
  const p = join(corpus, `${name}.${ext}`);
  return existsSync(p) ? readFileSync(p, 'latin1') : undefined;
};

/** -O0 code runs ~3x the instructions of gcc -O1: malloc-stress.c needs about 4.8e9. */
const LIMIT = 6_000_000_000;

describe.skipIf(!hartBuilt).each([0, 1] as const)('userland corpus compiled by the rvos C compiler at -O%i', (level) => {
  it('compiles every libc file with our compiler', () => {
    expect(buildRuntime(level).failures).toEqual([]);
  });

  for (const file of readdirSync(corpus).filter((f) => f.endsWith('.c')).sort()) {
    const name = file.slice(0, -2);
    it(`${file} prints its .expected output`, async () => {
      const run = await runC(readFileSync(join(corpus, file), 'utf8'), file, (sidecar(name, 'input') ?? '') + '\x04', LIMIT, [], level);
      expect(run.stdout).toBe(sidecar(name, 'expected'));
      expect({ reason: run.reason, exitCode: run.exitCode }).toEqual({ reason: 'exit', exitCode: Number(sidecar(name, 'exit-code') ?? '0') });
    }, 120_000);
  }
});
