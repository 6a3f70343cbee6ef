// Fuzz test of the whole C pipeline (compileC: preprocess -> parse -> codegen
// -> assemble, then the link with crt0 + libc) at -O0 and -O1: truncated
// corpus programs, byte mutations, token soup, deep nesting, huge literals and
// bad escapes must give an object or located error diagnostics, never an
// exception, an internal error or a hang.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../../../emulator/toolchain/asm/diagnostics.ts';
import { compileC, type CompileOptions } from '../../../../../emulator/toolchain/cc/driver/compile-c.ts';
import { C_COMPILER } from '../../../../../emulator/toolchain/cc/driver/c-compiler.ts';
import { linkBare } from '../../../../../emulator/toolchain/cc/driver/bare-link.ts';
import { nodeFileSystem } from '../../../../../emulator/toolchain/cc/driver/file-system.ts';
import { defaultCacheDir, REPO_ROOT, runtimeLibrary, USERLAND_INCLUDE } from '../../../../../emulator/toolchain/cc/driver/runtime-library.ts';
import { xorshiftRandom as rng } from '../../../../support/seeded-random.ts';

/** A case may take this long (the machine is shared; a typical case takes 5-50 ms, the largest ~1 s). */
const CASE_MS = 10_000;
const LEVELS = [0, 1] as const;

const realFs = nodeFileSystem();
let runtime: { crt0: Uint8Array; libc: Uint8Array } | undefined;

function runtimeObjects(): { crt0: Uint8Array; libc: Uint8Array } {
  if (runtime) return runtime;
  const ctx = { fs: realFs, includePaths: [USERLAND_INCLUDE], defines: [], undefines: [], target: 'bare' as const, compiler: C_COMPILER };
  const r = runtimeLibrary(ctx, defaultCacheDir(undefined));
  if (!r.value) throw new Error(`runtime library: ${r.messages}`);
  runtime = r.value;
  return runtime;
}

const where = (d: Diagnostic): string => `${d.file}:${d.line}:${d.column}: ${d.message}`;

/** Compiles `source` as main.c at `level` and links any object; asserts the never-crash contract. */
function check(source: string, level: 0 | 1, label: string): void {
  const options: CompileOptions & { optimize: 0 | 1 } = {
    fs: { read: (p) => (p === 'main.c' ? source : realFs.read(p)) },
    includePaths: [USERLAND_INCLUDE],
    optimize: level,
  };
  const start = performance.now();
  const r = compileC('main.c', options);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  const context = `${label} -O${level}: ${JSON.stringify(source.length > 300 ? `${source.slice(0, 300)}...` : source)}`;
  expect(r.diagnostics.filter((d) => /internal/i.test(d.message)).map(where), context).toEqual([]);
  if (r.object === undefined) {
    expect(errors.length, context).toBeGreaterThan(0);
    for (const d of errors) {
      expect(d.file, context).toMatch(/\S/);
      expect(d.line, `${context}\n${where(d)}`).toBeGreaterThanOrEqual(1);
      expect(d.column, `${context}\n${where(d)}`).toBeGreaterThanOrEqual(1);
    }
  } else {
    expect(errors.map(where), context).toEqual([]);
    const { crt0, libc } = runtimeObjects();
    const linked = linkBare([{ name: 'crt0.o', bytes: crt0 }, { name: 'main.o', bytes: r.object }, { name: 'libc.a', bytes: libc }], true);
    expect(linked.messages, context).not.toMatch(/internal/i);
    if (linked.value === undefined) expect(linked.messages, context).toMatch(/error/);
  }
  expect(performance.now() - start, context).toBeLessThan(CASE_MS);
}

function checkBoth(source: string, label: string): void {
  for (const level of LEVELS) check(source, level, label);
}

const corpusFiles = [
  'tests/fixtures/userland/corpus/qsort.c', 'tests/fixtures/userland/corpus/string.c', 'tests/fixtures/userland/corpus/setjmp.c',
  'tests/emulator/toolchain/cc/codegen/c/calls.c', 'tests/emulator/toolchain/cc/codegen/c/misc.c',
];
/** The feature programs include "test.h"; inline it so every file is self-contained. */
const corpus = corpusFiles.map((f) => readFileSync(join(REPO_ROOT, f), 'utf8')
  .replace('#include "test.h"', readFileSync(join(REPO_ROOT, 'tests/emulator/toolchain/cc/codegen/c/test.h'), 'utf8')));

/** Offsets where a C token ends (a rough lexer: good enough to cut between tokens). */
function tokenEnds(source: string): number[] {
  const re = /[A-Za-z_]\w*|0[xX][\da-fA-F.pP+-]+|\d[\w.]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\/\*[\s\S]*?\*\/|\/\/.*|\s+|[^\w\s]/g;
  const ends: number[] = [];
  for (let m = re.exec(source); m !== null; m = re.exec(source)) ends.push(m.index + m[0].length);
  return ends;
}

const SOUP = ['int', 'char', 'long', 'unsigned', 'double', 'float', 'struct', 'union', 'enum', 'typedef', 'static', 'extern', 'const',
  'volatile', 'void', 'if', 'else', 'while', 'for', 'do', 'switch', 'case', 'default', 'break', 'continue', 'return', 'goto', 'sizeof',
  '_Alignof', '_Generic', '_Static_assert', '__asm__', '__attribute__((packed))', 'x', 'y', 'main', 'printf', 'f', 's', '0', '1', '-1',
  '0x7fffffffffffffff', '1.5', '1e400', '0x1p-1080', '"str"', "'c'", 'L"w"', '(', ')', '[', ']', '{', '}', ';', ',', '.', '->', '*',
  '&', '+', '-', '/', '%', '<<', '>>', '<', '>', '==', '!=', '&&', '||', '!', '~', '?', ':', '=', '+=', '<<=', '++', '--', '...',
  '#', '##', '\n#define X(a) a##a\n', '\n#if 1\n', '\n#endif\n', '\n'];

function tokenSoup(rand: (n: number) => number): string {
  const words: string[] = [];
  for (let i = 0, n = 10 + rand(120); i < n; i++) words.push(SOUP[rand(SOUP.length)]);
  return rand(2) === 0 ? words.join(' ') : `int main(void) { ${words.join(' ')} }`;
}

const BYTES = ['\0', '\\', '"', "'", '{', '}', '(', ')', ';', '#', '\n', '*', '/', '\x7f', '\xff', '??/', '\u00e9', '0x', 'e+'];

function mutateBytes(source: string, rand: (n: number) => number): string {
  let s = source;
  for (let k = 0, edits = 1 + rand(8); k < edits; k++) {
    const i = rand(s.length + 1);
    switch (rand(4)) {
      case 0: s = s.slice(0, i) + s.slice(i + 1 + rand(20)); break;
      case 1: s = s.slice(0, i) + BYTES[rand(BYTES.length)] + s.slice(i); break;
      case 2: s = s.slice(0, i) + String.fromCharCode(rand(256)) + s.slice(i + 1); break;
      default: { const j = rand(s.length + 1); s = s.slice(0, i) + s.slice(j, j + 1 + rand(40)) + s.slice(i); }
    }
  }
  return s;
}

describe('whole-pipeline fuzz (compileC + link, -O0 and -O1)', () => {
  beforeAll(() => { runtimeObjects(); }, 120_000);

  it('every corpus program compiles unmutated (the baseline of the mutations)', () => {
    corpus.forEach((source, i) => checkBoth(source, corpusFiles[i]));
  });

  it('truncated programs: sampled prefixes cut at token boundaries', () => {
    const rand = rng(2024);
    corpus.forEach((source, i) => {
      const ends = tokenEnds(source);
      for (let k = 0; k < 14; k++) check(source.slice(0, ends[rand(ends.length)]), k % 2 === 0 ? 0 : 1, `${corpusFiles[i]} prefix`);
    });
  });

  it('byte-level random mutations', () => {
    const rand = rng(77);
    for (let k = 0; k < 60; k++) {
      const i = rand(corpus.length);
      check(mutateBytes(corpus[i], rand), k % 2 === 0 ? 0 : 1, `${corpusFiles[i]} mutated #${k}`);
    }
  });

  it('random token soup', () => {
    const rand = rng(31337);
    for (let k = 0; k < 80; k++) check(tokenSoup(rand), k % 2 === 0 ? 0 : 1, `soup #${k}`);
  });

  it('deep nesting gives a diagnostic or an object, not a stack overflow', () => {
    const deep = 10_000;
    const cases: Record<string, string> = {
      parens: `int main(void) { return ${'('.repeat(deep)}1${')'.repeat(deep)}; }`,
      blocks: `int main(void) { ${'{'.repeat(deep)}${'}'.repeat(deep)} return 0; }`,
      unary: `int main(void) { int x = 1; return ${'-'.repeat(deep).split('').join(' ')}x; }`,
      casts: `int main(void) { return ${'(int)'.repeat(deep)}0; }`,
      'left-deep sum': `int main(void) { int a = 1; return a${' + a'.repeat(deep)}; }`,
      'right-deep assignment': `int main(void) { int a; ${'a = '.repeat(deep)}0; return a; }`,
      'else-if chain': `int f(int x) { ${Array.from({ length: deep / 10 }, (_, i) => `if (x == ${i}) return ${i};`).join(' else ')} return -1; }`,
      'nested ifs': `int f(int x) { ${'if (x) '.repeat(deep)}return 1; return 0; }`,
      'nested ternaries': `int f(int x) { return ${'x ? '.repeat(deep)}1${' : 0'.repeat(deep)}; }`,
      declarator: `int ${'('.repeat(deep)}x${')'.repeat(deep)};`,
      pointers: `int ${'*'.repeat(deep)}p;`,
      'array of arrays': `int a${'[1]'.repeat(deep)};`,
      'nested structs': `${'struct s { '.repeat(2000)}int x;${' } m;'.repeat(2000)}`,
      initializer: `int a = ${'{'.repeat(deep)}1${'}'.repeat(deep)};`,
      'nested calls': `int f(int x) { return x; } int main(void) { return ${'f('.repeat(deep)}0${')'.repeat(deep)}; }`,
      'macro parens': `#define P(x) (x)\nint main(void) { return ${'P('.repeat(2000)}1${')'.repeat(2000)}; }`,
      'nested conditionals': `${'#if 1\n'.repeat(deep)}int x;\n${'#endif\n'.repeat(deep)}`,
      'statement expressions': `int main(void) { return ${'({'.repeat(3000)}1;${'})'.repeat(3000)}; }`,
    };
    for (const [label, source] of Object.entries(cases)) checkBoth(source, label);
  }, 60_000);

  it('huge literals and bad escapes', () => {
    const cases = [
      `long x = ${'9'.repeat(1000)};`, `double d = 1e${'9'.repeat(400)};`, `double d = 0x1p${'9'.repeat(400)};`, 'double d = 1e-99999;',
      `char s[] = "${'x'.repeat(50_000)}";`, `int c = 'abcdefghij';`, 'int a[1L << 62];', 'char a[0x7fffffffffffffff];',
      'int x = 1 << 70;', 'long x = 0x10000000000000000;', 'unsigned long long x = 18446744073709551616ULL;',
      'int f(void) { return 1 / 0; }', 'int x = 1 / 0;', 'int x = -2147483647 - 1 / 0;', 'float f = 1e39f;', 'double d = 0x.p1;',
      'int x = 08;', 'int x = 0b102;', 'int x = 1.2.3;', 'int x = 123abc;', 'double d = 1e+;',
      'char *s = "\\q";', 'char *s = "\\x";', 'char *s = "\\xfffffffffffffffffff";', "int c = '\\777';", 'char *s = "\\u12";',
      "int c = '\\U0011ffff';", 'char *s = "abc', "int c = 'ab", "int c = '';", 'char *s = u8"\\xff\\uD800";',
      'char *s = "a" L"b" u"c";', `int x = ${'"s" '.repeat(5000)}[0];`, 'int main(void) { return "\\0"[0]; }',
      `int main(void) { static char big[1 << 20]; return big[${'9'.repeat(30)}]; }`, 'struct s { int a : 65; };', 'struct s { int a : -1; };',
      `enum { A = ${'9'.repeat(40)} };`, 'int x[] = { [1L << 40] = 1 };', '_Static_assert(0, "\\x");',
    ];
    for (const source of cases) checkBoth(source, 'literal');
  });

  it('variable length arrays and computed goto in odd places', () => {
    const cases = [
      'int f(int n) { for (;;) { int a[n]; switch (n) { case 1: break; default: continue; } return a[0]; } }',
      'int f(int n) { return ({ int a[n]; a[0] = 1; a[0]; }); }', 'void f(int n) { int a[n][n]; }', 'int g(void); int f(void) { int a[-1 + g()]; return sizeof a; }',
      'int f(int n) { int a[n] = { 1 }; return a[0]; }', 'typedef int t; int f(int n) { typedef int v[n]; return 0; }',
      'int f(int n, int m[n][n]) { return m[0][0]; }', 'int f(int n) { static int a[n]; return a[0]; }', 'int f(int n) { struct { int a[n]; } s; return 0; }',
      'int f(double d) { int a[d]; return 0; }', 'int f(int n) { int a[n]; return sizeof(a) + sizeof(int[n]); }', 'int a[n];',
      'int f(void) { void *p = &&l; goto *p; l: return 1; }', 'int f(int n) { char a[n]; { char b[a[0]]; b[0] = 0; } return a[1]; }',
    ];
    for (const source of cases) checkBoth(source, 'vla');
  });
});
