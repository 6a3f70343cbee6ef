// Conformance-style programs (single files using printf, in the manner of
// c-testsuite and the gcc torture execute tests): each *.c here is compiled by
// rvos cc at -O0 and -O1, run on our hart, and must print its .expected output
// and exit 0. Where riscv64-linux-gnu-gcc and qemu-riscv64 exist, the
// .expected files are checked against gcc + glibc. Constructs rvos cc does not
// support (the parts of VLAs beyond block-scope arrays among them) must be
// diagnosed, never miscompiled.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileC } from '../../../../../emulator/toolchain/cc/driver/compile-c.ts';
import { hasGlibcOracle, hartBuilt, runGlibc } from '../../../../fixtures/userland/userland-build.ts';
import { runRvos } from '../differential/run-rvos.ts';

const dir = import.meta.dirname;
const programs = readdirSync(dir).filter((f) => f.endsWith('.c')).sort().map((file) => ({
  file,
  source: readFileSync(join(dir, file), 'utf8'),
  expected: readFileSync(join(dir, file.replace(/\.c$/, '.expected')), 'latin1'),
}));

describe.skipIf(!hartBuilt)('conformance programs built by rvos cc', () => {
  it('has the suite', () => {
    expect(programs.length).toBeGreaterThanOrEqual(40);
  });

  for (const p of programs) {
    it(`${p.file} prints its .expected output and exits 0 at -O0 and -O1`, async () => {
      for (const level of [0, 1] as const) {
        const run = await runRvos(p.source, p.file, level);
        expect(run.stdout, `-O${level}`).toBe(p.expected);
        expect({ level, reason: run.reason, exitCode: run.exitCode }).toEqual({ level, reason: 'exit', exitCode: 0 });
      }
    }, 120_000);
  }
});

describe.skipIf(!hasGlibcOracle)('conformance .expected files are what gcc + glibc print', () => {
  for (const p of programs) {
    it(`${p.file}`, () => {
      const ref = runGlibc(p.source, `conformance-${p.file.replace(/\.c$/, '')}`);
      expect(ref.stdout).toBe(p.expected);
      expect(ref.exitCode).toBe(0);
    }, 60_000);
  }
});

/** What rvos cc does not support: each must be an error diagnostic at its line, not an object. */
const UNSUPPORTED: [string, string, RegExp][] = [
  ['pointer to a variable length array', 'int f(int n) { int (*p)[n] = 0; return p != 0; }', /variable length array type .* is not supported/],
  ['variable length array type name', 'unsigned long f(int n) { return sizeof(int[n]); }', /variable length array in a type name is not supported/],
  ['variable length array inner dimension', 'int f(int n) { int a[2][n]; return 0; }', /variable length array type/],
  ['initialized variable length array', 'int f(int n) { int a[n] = { 0 }; return a[0]; }', /variable-sized object may not be initialized/],
  ['address of an undefined label', 'int f(void) { void *p = &&nowhere; goto *p; }', /nowhere/],
  ['long double arithmetic', 'long double f(long double a, long double b) { return a + b; }', /long double/],
  ['long double conversion', 'double f(long double a) { return a; }', /long double/],
  ['local aligned above 16 bytes', 'int f(void) { _Alignas(32) int x = 1; return x; }', /alignment of local 'x' above 16 bytes/],
];

describe('constructs rvos cc does not support are diagnosed', () => {
  for (const [what, source, message] of UNSUPPORTED) {
    it(what, () => {
      for (const level of [0, 1] as const) {
        const r = compileC('u.c', { fs: { read: (path) => (path === 'u.c' ? source : undefined) }, includePaths: [], optimize: level });
        const errors = r.diagnostics.filter((d) => d.severity === 'error');
        expect(r.object).toBeUndefined();
        expect(errors.map((d) => d.message).join('\n')).toMatch(message);
        expect(errors.every((d) => d.file === 'u.c' && d.line === 1 && d.column > 1)).toBe(true);
        expect(errors.map((d) => d.message).join('\n')).not.toMatch(/internal/);
      }
    });
  }
});
