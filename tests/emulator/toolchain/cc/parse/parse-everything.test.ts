// Parse-everything test of the C front end: preprocess and parse every C file
// of the guest libc (fixtures/userland/libc) and the userland test corpus with
// the userland headers; each must parse and type-check with zero errors.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTranslationUnit } from '../../../../../emulator/toolchain/cc/compile-front.ts';
import { preprocess } from '../../../../../emulator/toolchain/cc/preprocess/preprocess.ts';
import { formatDiagnostic } from '../../../../../emulator/toolchain/asm/diagnostics.ts';
import { front, root } from './front-helpers.ts';

const fs = { read: (path: string): string | undefined => { try { return readFileSync(join(root, path), 'utf8'); } catch { return undefined; } } };
const cFiles = (dir: string): string[] => readdirSync(join(root, dir)).filter((f) => f.endsWith('.c')).sort().map((f) => `${dir}/${f}`);
const files = [...cFiles('fixtures/userland/libc'), ...cFiles('tests/fixtures/userland/corpus')];

describe('parse every userland C file', () => {
  it('finds the files', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  it.each(files)('%s', (file) => {
    const pp = preprocess(file, { fs, includePaths: ['fixtures/userland/include'] });
    expect(pp.hasErrors).toBe(false);
    const r = parseTranslationUnit(pp.tokens);
    const shown = r.diagnostics.map((d) => formatDiagnostic(d, fs.read(d.file)));
    expect(shown).toEqual([]); // GCC builds these with -Wall -Wextra -Werror: no warnings either
    const defined = r.unit.functions.length + r.unit.globals.filter((g) => !g.isExtern).length;
    if (!file.endsWith('errno.c')) expect(defined).toBeGreaterThan(0);
  });
});

/** One program that touches every supported construct at once. */
const everything = `
#include <stdarg.h>
#include <stddef.h>
typedef int fn_t(int);
fn_t *table[2];
struct p { int x, y; };
struct p *pp = &(struct p){ 1, 2 };
static const char *names[] = { "a", "b", [5] = "z" };
enum color { RED, GREEN = 4, BLUE };
union u { int i; float f; struct { unsigned lo : 16, hi : 16; } parts; };
int sum(int n, ...) { va_list ap; va_start(ap, n); int s = 0; while (n--) s += va_arg(ap, int); va_end(ap); return s; }
static int sq(int x) { return x * x; }
int apply(fn_t *f, int v) { return f(v) + (*f)(v); }
int classify(char c) {
  switch (c) { case 'a' ... 'z': return 1; case '0': case '1': return 2; default: break; }
  return 0;
}
int loops(int n) {
  int total = 0;
  for (int i = 0, j = n; i < j; i++, j--) { if (i == 3) continue; total += i * j; }
  do { total--; } while (total > 100);
  while (1) { if (total < 0) break; total -= 7; }
  goto done;
done:
  return total;
}
int misc(void) {
  union u v = { .parts = { 1, 2 } };
  v.parts.hi = 3;
  struct p arr[3] = { [1] = { .y = 5 } };
  struct p *q = arr + 1;
  long d = &arr[2] - q;
  int *ip = &q->x;
  char buf[16] = { 0 };
  const char *s = names[0] ? names[0] : "";
  _Bool b = s;
  float f = 1.5f; double g = f * 2;
  unsigned long sz = sizeof arr / sizeof arr[0] + offsetof(struct p, y) + _Alignof(union u);
  int r = apply(sq, 3) + sum(3, 1, 2, 3) + classify('q') + loops(10) + (int)g + b + (int)d + *ip + buf[0] + (int)sz;
  r += ({ int t = r; t * 2; });
  r = r > 0 ? r : -r;
  r <<= 1; r |= 0x10; r ^= ~r; r %= 7;
  return v.i + r + BLUE + (int)(sizeof(enum color));
}
`;

describe('a program using every supported construct', () => {
  it('parses without diagnostics and produces every function', () => {
    const r = front(everything);
    expect(r.diagnostics).toEqual([]);
    expect(r.unit.functions.map((f) => f.obj.name)).toEqual(['sum', 'sq', 'apply', 'classify', 'loops', 'misc']);
    expect(r.unit.globals.map((g) => g.name.replace(/\d+$/, 'N'))).toEqual(['table', 'pp', '.compound.N', 'names']);
    const pp = r.unit.globals.find((g) => g.name === 'pp')!;
    expect(pp.init?.items).toEqual([{ kind: 'reloc', offset: 0, size: 8, symbol: r.unit.globals[2].symbol, addend: 0n }]);
    expect(r.unit.globals.find((g) => g.name === 'names')?.type.size).toBe(48);
  });
});
