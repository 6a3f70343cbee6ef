// Struct/union layout of the C front end (offsets, sizes, alignment, bit-fields,
// packed/aligned attributes) against RV64 lp64d numbers; the same numbers are
// confirmed by riscv64-unknown-elf-gcc through _Static_asserts when it is installed.

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CType } from '../../../../../emulator/toolchain/cc/types.ts';
import { hasTool } from '../../elf/cross-gcc.ts';
import { global, ok } from './front-helpers.ts';
import { makeTempDir } from '../../../../support/temp-dir.ts';

/** Each case: declarations, then a type name whose members we measure. */
const cases: { decl: string; type: string; size: number; align: number; offsets: Record<string, number> }[] = [
  { decl: 'struct a { char c; int i; char d; };', type: 'struct a', size: 12, align: 4, offsets: { c: 0, i: 4, d: 8 } },
  { decl: 'struct b { char c; double d; short s; };', type: 'struct b', size: 24, align: 8, offsets: { c: 0, d: 8, s: 16 } },
  { decl: 'struct c { char c; long double ld; };', type: 'struct c', size: 32, align: 16, offsets: { c: 0, ld: 16 } },
  { decl: 'struct d { int a[3]; char *p; _Bool b; };', type: 'struct d', size: 32, align: 8, offsets: { a: 0, p: 16, b: 24 } },
  { decl: 'union e { char c; int i; double d; char s[9]; };', type: 'union e', size: 16, align: 8, offsets: { c: 0, i: 0, d: 0, s: 0 } },
  { decl: 'struct f { char c; struct { short x; int y; } in; char z; };', type: 'struct f', size: 16, align: 4, offsets: { c: 0, in: 4, z: 12 } },
  { decl: 'struct g { int a : 3; int b : 5; char c; };', type: 'struct g', size: 4, align: 4, offsets: { c: 1 } },
  { decl: 'struct h { char a; int b : 30; int c : 4; };', type: 'struct h', size: 12, align: 4, offsets: { a: 0 } },
  { decl: 'struct i { char a; int : 0; char b; };', type: 'struct i', size: 5, align: 1, offsets: { a: 0, b: 4 } },
  { decl: 'struct j { long x : 40; long y : 30; };', type: 'struct j', size: 16, align: 8, offsets: {} },
  { decl: 'struct k { char c; int i; short s; } __attribute__((packed));', type: 'struct k', size: 7, align: 1, offsets: { c: 0, i: 1, s: 5 } },
  { decl: 'struct l { char c; int i __attribute__((aligned(16))); };', type: 'struct l', size: 32, align: 16, offsets: { c: 0, i: 16 } },
  { decl: 'struct m { char c; } __attribute__((aligned(8)));', type: 'struct m', size: 8, align: 8, offsets: { c: 0 } },
  { decl: 'struct n { char c; _Alignas(8) char d; };', type: 'struct n', size: 16, align: 8, offsets: { c: 0, d: 8 } },
  { decl: 'struct o { int n; char data[]; };', type: 'struct o', size: 4, align: 4, offsets: { n: 0, data: 4 } },
  { decl: 'struct p { char c; union { int i; float f; }; short s; };', type: 'struct p', size: 12, align: 4, offsets: { c: 0, s: 8 } },
  { decl: 'struct q { unsigned char a : 4; unsigned char b : 4; unsigned char c : 4; };', type: 'struct q', size: 2, align: 1, offsets: {} },
  { decl: 'struct r { short s; long long ll; float f; };', type: 'struct r', size: 24, align: 8, offsets: { s: 0, ll: 8, f: 16 } },
  { decl: 'enum en { A, B }; struct s { char c; enum en e; };', type: 'struct s', size: 8, align: 4, offsets: { c: 0, e: 4 } },
  { decl: 'typedef struct { long long __ll; double __d; } max_align_t;', type: 'max_align_t', size: 16, align: 8, offsets: { __ll: 0, __d: 8 } },
  { decl: '#pragma pack(push, 1)\nstruct t { char c; int i; short s; };\n#pragma pack(pop)\n', type: 'struct t', size: 7, align: 1, offsets: { c: 0, i: 1, s: 5 } },
  { decl: '#pragma pack(2)\nstruct u { char c; long l; int b : 20; int d : 20; char e; };\n#pragma pack()\n', type: 'struct u', size: 16, align: 2, offsets: { c: 0, l: 2, e: 15 } },
  { decl: '#pragma pack(1)\nstruct v { char a : 4; int b : 29; char c; };\n#pragma pack()\nstruct w { char c; int i; };', type: 'struct w', size: 8, align: 4, offsets: { c: 0, i: 4 } },
];

/** The type of a variable of type `type` declared after `decl`. */
function typeOfDecl(decl: string, type: string): CType {
  return global(ok(`${decl}\n${type} probe;`), 'probe').type;
}

describe('struct and union layout (RV64 lp64d)', () => {
  it.each(cases)('$type', ({ decl, type, size, align, offsets }) => {
    const t = typeOfDecl(decl, type);
    expect(t.size).toBe(size);
    expect(t.align).toBe(align);
    for (const [name, off] of Object.entries(offsets)) expect(t.members!.find((m) => m.name === name)?.offset, name).toBe(off);
  });

  it('places bit-fields as GCC does', () => {
    const h = typeOfDecl(cases[7].decl, 'struct h').members!;
    expect(h.map((m) => [m.name, m.offset, m.bitOffset, m.bitWidth])).toEqual([['a', 0, undefined, undefined], ['b', 4, 0, 30], ['c', 8, 0, 4]]);
    const g = typeOfDecl(cases[6].decl, 'struct g').members!;
    expect(g.map((m) => [m.name, m.offset, m.bitOffset])).toEqual([['a', 0, 0], ['b', 0, 3], ['c', 1, undefined]]);
    const j = typeOfDecl(cases[9].decl, 'struct j').members!;
    expect(j.map((m) => [m.offset, m.bitOffset])).toEqual([[0, 0], [8, 0]]);
    // #pragma pack: bit-fields at the next free bit, even past a unit of their type
    const v = typeOfDecl(cases[22].decl, 'struct v');
    expect([v.size, v.align, ...v.members!.map((m) => [m.name, m.offset, m.bitOffset])]).toEqual([6, 1, ['a', 0, 0], ['b', 0, 4], ['c', 5, undefined]]);
  });

  it.each([
    ['char', 1], ['short', 2], ['int', 4], ['long', 8], ['long long', 8], ['float', 4], ['double', 8],
    ['long double', 16], ['void *', 8], ['_Bool', 1], ['int[5]', 20], ['__builtin_va_list', 8],
  ])('sizeof(%s) == %d', (type, size) => {
    const r = ok(`unsigned long probe = sizeof(${type});`);
    const init = global(r, 'probe').init!;
    expect(init.items[0]).toMatchObject({ kind: 'int', value: BigInt(size) });
  });

  it.skipIf(!hasTool('riscv64-unknown-elf-gcc'))('matches riscv64-unknown-elf-gcc (static asserts)', () => {
    const lines = ['#define offsetof(t, m) __builtin_offsetof(t, m)'];
    cases.forEach((c, i) => {
      lines.push(c.decl.replace(/\b(struct|union|enum) ([a-z]+)\b/g, `$1 $2${i}`).replace(/\b([A-B])\b/g, `$1${i}`).replace(/max_align_t/g, `max_align_t${i}`));
      const t = c.type.replace(/ ([a-z]+)$/, ` $1${i}`).replace(/max_align_t/, `max_align_t${i}`);
      lines.push(`_Static_assert(sizeof(${t}) == ${c.size}, "size ${i}");`);
      lines.push(`_Static_assert(_Alignof(${t}) == ${c.align}, "align ${i}");`);
      for (const [name, off] of Object.entries(c.offsets)) lines.push(`_Static_assert(offsetof(${t}, ${name}) == ${off}, "offset ${i} ${name}");`);
    });
    const source = lines.join('\n');
    // our front end accepts the same file (the asserts hold for us too)
    expect(ok(source).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const dir = makeTempDir('cc-layout-');
    writeFileSync(join(dir, 'layout.c'), source);
    const r = spawnSync('riscv64-unknown-elf-gcc', ['-march=rv64gc', '-mabi=lp64d', '-std=gnu11', '-fsyntax-only', join(dir, 'layout.c')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
