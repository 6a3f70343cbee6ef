// Constant evaluation and initializer flattening of the C front end: integer
// constant expressions (array sizes, enums, case labels), static data items
// with relocations for address constants, and store lists for locals.

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTool } from '../../elf/cross-gcc.ts';
import type { StaticInitItem } from '../../../../../emulator/toolchain/cc/ast.ts';
import { diags, fn, global, ok, show } from './front-helpers.ts';
import { makeTempDir } from '../../../../support/temp-dir.ts';

/** The static items of global `name` as compact strings: `offset:size=value` or `offset=symbol+addend`. */
function items(src: string, name: string): string[] {
  const init = global(ok(src), name).init;
  return (init?.items ?? []).map((i: StaticInitItem) =>
    i.kind === 'int' ? `${i.offset}:${i.size}=${i.value}${i.bitWidth !== undefined ? `@${i.bitOffset}+${i.bitWidth}` : ''}` : `${i.offset}=${i.symbol}+${i.addend}`);
}

function sizeOf(src: string, name: string): number {
  return global(ok(src), name).type.size;
}

const constCases: [string, number][] = [
    ['1 + 2 * 3', 7], ['(1 << 4) | 3', 19], ['-7 / 2', -3 & 0xff], ['-7 % 3', -1 & 0xff], ['sizeof(long) * 2', 16],
    ['1 ? 5 : 6', 5], ['0 && (1 / 0)', 0], ['(unsigned char)300', 44], ['(char)-1 > 0', 1], ['(signed char)-1 < 0', 1],
    ['0xffffffffu + 1 == 0', 1], ['-1 < 0u', 0], ['(int)3.9', 3], ["'a'", 97], ['~0u >> 28', 15], ['!0 + !5', 1],
    ["'\\xff' == 255", 1], ['(char)200 == 200', 1], ['-1L < 0UL', 0], ['(unsigned short)-1 == 65535', 1],
    ['1 << 31 < 0', 1], ['(long)1 << 63 < 0', 1], ['0x80000000 > 0', 1], ['2147483648 > 0', 1], ['(int)2.5e9 == 0', 0],
];

describe('integer constant expressions', () => {
  it.each(constCases)('%s', (expr, value) => {
    expect(sizeOf(`char a[(unsigned char)(${expr}) + 1];`, 'a')).toBe(value + 1);
  });

  it.skipIf(!hasTool('riscv64-unknown-elf-gcc'))('riscv64-unknown-elf-gcc agrees on every value', () => {
    const lines = constCases.map(([expr, value], i) => `_Static_assert((unsigned char)(${expr}) == ${value}, "case ${i}");`);
    const dir = makeTempDir('cc-const-');
    writeFileSync(join(dir, 'const.c'), `${lines.join('\n')}\n`);
    const r = spawnSync('riscv64-unknown-elf-gcc', ['-march=rv64gc', '-mabi=lp64d', '-std=gnu11', '-fsyntax-only', '-w', join(dir, 'const.c')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
  });

  it('enum values count on from the last explicit one', () => {
    const r = ok('enum { A, B = 10, C, D = A + 2, E }; int v[] = { A, B, C, D, E };');
    expect(items('enum { A, B = 10, C, D = A + 2, E }; int v[] = { A, B, C, D, E };', 'v')).toEqual(['0:4=0', '4:4=10', '8:4=11', '12:4=2', '16:4=3']);
    expect(global(r, 'v').type.size).toBe(20);
  });

  it('rejects non-constant array sizes and case labels', () => {
    expect(diags('int n; int a[n];')).toEqual(['1:14: variable length arrays are not supported']);
    expect(diags('void f(int x, int y) { switch (x) { case y: break; } }')).toEqual(['1:42: case label is not an integer constant expression']);
  });
});

describe('static initializers', () => {
  it('scalars, floats and zero fill', () => {
    expect(items('int x = 5; ', 'x')).toEqual(['0:4=5']);
    expect(items('float f = 1.5f;', 'f')).toEqual(['0:4=1069547520']);
    expect(items('double d = 1;', 'd')).toEqual(['0:8=4607182418800017408']);
    expect(items('char c = 300;', 'c')).toEqual(['0:1=44']);
    expect(items('int z;', 'z')).toEqual([]);
    expect(items('_Bool b = 0.5;', 'b')).toEqual(['0:1=1']);
  });
  it('nested braces, brace elision and designators', () => {
    const src = 'struct p { int x, y; }; struct q { char c; struct p pts[2]; long l; }';
    expect(items(`${src} v = { 1, { { 2, 3 }, { 4, 5 } }, 6 };`, 'v')).toEqual(['0:1=1', '4:4=2', '8:4=3', '12:4=4', '16:4=5', '24:8=6']);
    expect(items(`${src} v = { 1, 2, 3, 4, 5, 6 };`, 'v')).toEqual(['0:1=1', '4:4=2', '8:4=3', '12:4=4', '16:4=5', '24:8=6']);
    expect(items(`${src} v = { .l = 9, .pts[1].y = 7, .c = 'a' };`, 'v')).toEqual(['0:1=97', '16:4=7', '24:8=9']);
    expect(items('int a[5] = { [2] = 1, 2, [0] = 3 };', 'a')).toEqual(['0:4=3', '8:4=1', '12:4=2']);
    expect(items('int m[2][3] = { 1, 2, 3, 4 };', 'm')).toEqual(['0:4=1', '4:4=2', '8:4=3', '12:4=4']);
    expect(items('int m[2][3] = { { 1 }, { 4 } };', 'm')).toEqual(['0:4=1', '12:4=4']);
  });
  it('after a nested designator, initialization continues in the innermost aggregate', () => {
    expect(items('int x[2][3] = { 1, 2, 3, 4, 5, 6, [0][1] = 7, 8, [0] = 9, [0] = 10, 11, [1][0] = 12 };', 'x'))
      .toEqual(['0:4=10', '4:4=11', '8:4=8', '12:4=12', '16:4=5', '20:4=6']);
    expect(items('int x[2][3] = { 1, 2, 3, 4, 5, 6, [0] = { 7, 8 }, 9, 10 };', 'x')).toEqual(['0:4=7', '4:4=8', '8:4=3', '12:4=9', '16:4=10', '20:4=6']);
    expect(items('struct { int a; struct { int b, c; } s; int d; } v = { .s.b = 1, 2, 3 };', 'v')).toEqual(['4:4=1', '8:4=2', '12:4=3']);
    expect(sizeOf('char x[][2] = { [8][1] = 1, 2 };', 'x')).toBe(20);
    expect(sizeOf('char x[] = { [10 - 3] = 1, 2, 3 };', 'x')).toBe(10);
  });
  it('typedefs of incomplete arrays are completed per object', () => {
    const r = ok('typedef char T[]; T a = { 1, 2, 3 }; T b = { 1, 2, 3, 4, 5, 6 };');
    expect([global(r, 'a').type.size, global(r, 'b').type.size]).toEqual([3, 6]);
  });
  it('address constants with negative offsets and casts', () => {
    expect(items('char s[] = "foobar"; char *p = &s - 3;', 'p')).toEqual(['0=s+-21']);
    expect(items('char *q = { "foo" };', 'q')).toEqual(['0=.L.str.0+0']);
  });
  it('arrays of unknown size take the initializer size', () => {
    expect(sizeOf('int a[] = { 1, 2, 3 };', 'a')).toBe(12);
    expect(sizeOf('int a[] = { [9] = 1 };', 'a')).toBe(40);
    expect(sizeOf('char s[] = "hello";', 's')).toBe(6);
    expect(sizeOf('struct p { int x; } a[] = { 1, 2 };', 'a')).toBe(8);
  });
  it('string literals initialize char arrays (truncated or zero padded)', () => {
    expect(items('char s[4] = "ab";', 's')).toEqual(['0:1=97', '1:1=98', '2:1=0']);
    expect(items('char s[2] = "abc";', 's')).toEqual(['0:1=97', '1:1=98']);
    expect(items('char s[] = { "hi" };', 's')).toEqual(['0:1=104', '1:1=105', '2:1=0']);
    expect(items('struct { char name[4]; int n; } v = { "ab", 3 };', 'v')).toEqual(['0:1=97', '1:1=98', '2:1=0', '4:4=3']);
  });
  it('address constants become relocations', () => {
    expect(items('int x; int *p = &x;', 'p')).toEqual(['0=x+0']);
    expect(items('int a[10]; int *p = &a[3] + 1;', 'p')).toEqual(['0=a+16']);
    expect(items('int a[10]; int *p = a + 2;', 'p')).toEqual(['0=a+8']);
    expect(items('struct s { int a; long b; } g; long *p = &g.b;', 'p')).toEqual(['0=g+8']);
    expect(items('const char *s = "hi";', 's')).toEqual(['0=.L.str.0+0']);
    expect(items('int f(void); int (*fp)(void) = f;', 'fp')).toEqual(['0=f+0']);
    expect(items('char *tab[] = { "a", 0, "b" };', 'tab')).toEqual(['0=.L.str.0+0', '8:8=0', '16=.L.str.1+0']);
    expect(items('int x; long d = (long)&x;', 'd')).toEqual(['0=x+0']);
  });
  it('unions initialize their first (or designated) member', () => {
    expect(items('union u { char c; int i; } v = { 65 };', 'v')).toEqual(['0:1=65']);
    expect(items('union u { char c; int i; } v = { .i = 65 };', 'v')).toEqual(['0:4=65']);
  });
  it('bit-fields carry their bit position', () => {
    expect(items('struct b { int a : 3, b : 5; char c; } v = { 1, 2, 3 };', 'v')).toEqual(['0:4=1@0+3', '0:4=2@3+5', '1:1=3']);
  });
  it('block-scope statics are static data', () => {
    const r = ok('int *f(void) { static int n = 4; static int *p = &n; return p; }');
    const p = r.unit.globals.find((g) => g.name === 'p')!;
    const n = r.unit.globals.find((g) => g.name === 'n')!;
    expect(p.init?.items).toEqual([{ kind: 'reloc', offset: 0, size: 8, symbol: n.symbol, addend: 0n }]);
  });
  it('reports non-constant initializers', () => {
    expect(diags('int x; int y = x;')).toEqual(['1:16: initializer element is not constant']);
    expect(diags('int f(void); int y = f();')).toEqual(['1:23: initializer element is not constant']);
    expect(diags('void g(int a) { static int s = a; }')).toEqual(['1:32: initializer element is not constant']);
  });
});

describe('local initializers', () => {
  function stores(src: string): { zero: boolean; stores: string[] } {
    const body = fn(ok(src), 'f').body;
    const d = body.kind === 'block' ? body.body.find((s) => s.kind === 'decl') : undefined;
    if (d?.kind !== 'decl') throw new Error('no decl');
    return { zero: d.zeroFill, stores: d.stores.map((s) => `${s.offset}=${show(s.value)}`) };
  }
  it('scalars are one store, aggregates zero-fill then store', () => {
    expect(stores('void f(int a) { long x = a; }')).toEqual({ zero: false, stores: ['0=(long)a'] });
    expect(stores('void f(int a) { int v[4] = { a, [2] = a + 1 }; }')).toEqual({ zero: true, stores: ['0=a', '8=add(a, 1:int):int'] });
    expect(stores('struct p { int x, y; }; void f(struct p q) { struct p r = q; }')).toEqual({ zero: false, stores: ['0=q'] });
    expect(stores('void f(void) { char s[4] = "ab"; }')).toEqual({ zero: true, stores: ['0=97:char', '1=98:char', '2=0:char'] });
  });
});
