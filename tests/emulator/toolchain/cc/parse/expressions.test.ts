// Expression typing of the C front end: usual arithmetic conversions and
// integer promotions as explicit casts, pointer arithmetic scaling, lvalues,
// calls checked against prototypes, variadic promotions, builtins.

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTool } from '../../elf/cross-gcc.ts';
import { diags, fn, ok, returned, show, typeOf } from './front-helpers.ts';
import { makeTempDir } from '../../../../support/temp-dir.ts';

const decls = 'char c; signed char sc; unsigned char uc; short s; unsigned short us; int i; unsigned u; long l; unsigned long ul; long long ll; float f; double d; int *p; const char *cp; int a[4]; struct st { int x; char y[3]; } st, *sp; enum e { E1 } en; _Bool b;';
const typeCases: [string, string][] = [
    ['c', 'char'], ['c + c', 'int'], ['uc + sc', 'int'], ['s * us', 'int'], ['u + i', 'unsigned int'], ['i + l', 'long'],
    ['u + l', 'long'], ['ul + l', 'unsigned long'], ['ll + ul', 'unsigned long long'], ['u + ll', 'long long'],
    ['f + i', 'float'], ['f + d', 'double'], ['i << l', 'int'], ['c << 1', 'int'], ['i < l', 'int'], ['p == 0', 'int'],
    ['!p', 'int'], ['-uc', 'int'], ['~us', 'int'], ['p + 1', 'int *'], ['1 + p', 'int *'], ['p - p', 'long'], ['a', 'int[4]'],
    ['&a', 'int (*)[4]'], ['*a', 'int'], ['a[1]', 'int'], ['&a[1]', 'int *'], ['st.y', 'char[3]'], ['sp->x', 'int'],
    ['&st', 'struct st *'], ['cp[0]', 'const char'], ['i ? p : 0', 'int *'], ['i ? 1 : 2.0', 'double'], ['i ? cp : (void *)0', 'const char *'],
    ['i = 3.5', 'int'], ['d += i', 'double'], ['p++', 'int *'], ['--c', 'char'], ['(i, d)', 'double'], ['sizeof a', 'unsigned long'],
    ['_Alignof(double)', 'unsigned long'], ['(char)i', 'char'], ['en', 'enum e'], ['E1', 'int'], ['b + b', 'int'], ['"ab"', 'char[3]'],
    ['L"ab"', 'int[3]'], ["'a'", 'int'], ['1.0f', 'float'], ['1.0L', 'long double'], ['10000000000', 'long'], ['i && d', 'int'],
];

describe('types of expressions', () => {
  it.each(typeCases)('%s : %s', (expr, type) => {
    expect(typeOf(decls, expr)).toBe(type);
  });

  it.skipIf(!hasTool('riscv64-unknown-elf-gcc'))('riscv64-unknown-elf-gcc agrees on every type', () => {
    const lines = [decls, ...typeCases.map(([expr, type], i) =>
      `_Static_assert(__builtin_types_compatible_p(__typeof__(${expr}), ${type}), "case ${i}");`)];
    const dir = makeTempDir('cc-types-');
    writeFileSync(join(dir, 'types.c'), `${lines.join('\n')}\n`);
    const r = spawnSync('riscv64-unknown-elf-gcc', ['-march=rv64gc', '-mabi=lp64d', '-std=gnu11', '-fsyntax-only', '-w', join(dir, 'types.c')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
  });
});

describe('implicit conversions are explicit casts', () => {
  it('usual arithmetic conversions', () => {
    expect(show(returned('long f(int i, long l) { return i + l; }'))).toBe('add((long)i, l):long');
    expect(show(returned('double f(float x, int i) { return x * i; }'))).toBe('(double)mul(x, (float)i):float');
    expect(show(returned('int f(unsigned char a, unsigned char b) { return a + b; }'))).toBe('add((int)a, (int)b):int');
    expect(show(returned('int f(unsigned u, int i) { return u < i; }'))).toBe('lt(u, (unsigned int)i):int');
  });
  it('scales pointer arithmetic and pointer differences', () => {
    expect(show(returned('int *f(int *p, int i) { return p + i; }'))).toBe('add(p, mul((long)i, 4:long):long):int *');
    expect(show(returned('long f(double *p, double *q) { return p - q; }'))).toBe('div(sub((long)p, (long)q):long, 8:long):long');
    expect(show(returned('int f(int (*p)[3]) { return p[1][2]; }'))).toBe('*add(&*add(p, 12:long):int (*)[3], 8:long):int *');
  });
  it('constant folds integer arithmetic', () => {
    expect(show(returned('int f(void) { return (1 + 2) * 3 << 2; }'))).toBe('36:int');
    expect(show(returned('unsigned f(void) { return -1; }'))).toBe('4294967295:unsigned int');
    expect(show(returned('long f(void) { return sizeof(int[10]) / sizeof(int); }'))).toBe('10:long');
  });
  it('converts call arguments to prototypes and promotes variadic ones', () => {
    const e = returned('int g(long, ...); int f(char c, float x) { return g(c, c, x); }');
    expect(show(e)).toBe('call(&g, (long)c, (int)c, (double)x):int');
    expect(show(returned('int h(); int f(short s) { return h(s); }'))).toBe('call(&h, (int)s):int');
  });
  it('compound assignment keeps the operation type', () => {
    const e = returned('int f(char c, double d) { return c += d; }');
    expect(show(e)).toBe('(int)add=(c, d):double');
    expect(show(returned('int *f(int *p) { return p += 2; }'))).toBe('add=(p, 8:long):int *');
    expect(show(returned('long *f(long *p) { return p++; }'))).toBe('postinc(p, 8)');
  });
  it('member access through anonymous unions and pointers', () => {
    expect(show(returned('struct s { int a; union { int b; float c; }; }; float f(struct s *p) { return p->c; }'))).toBe('*p.?.c');
  });
});

describe('builtins', () => {
  it('va_start/va_arg/va_end/va_copy are nodes', () => {
    const r = ok('#include <stdarg.h>\nint f(int n, ...) { va_list ap, aq; va_start(ap, n); va_copy(aq, ap); int x = va_arg(ap, int); double d = va_arg(aq, double); va_end(ap); return x + (int)d; }');
    const body = fn(r, 'f').body;
    const kinds = body.kind === 'block' ? body.body.map((s) => (s.kind === 'expr' ? s.expr.kind : s.kind)) : [];
    expect(kinds).toEqual(['decl', 'decl', 'va_start', 'va_copy', 'decl', 'decl', 'va_end', 'return']);
    expect(fn(r, 'f').isVariadic).toBe(true);
  });
  it('__func__ is a const char array with the function name', () => {
    const e = returned('const char *f(void) { return __func__; }');
    expect(e.kind === 'addr' && e.operand.kind === 'string' ? new TextDecoder().decode(e.operand.bytes) : '').toBe('f\0');
  });
  it('offsetof via the stddef.h macro and the builtin', () => {
    expect(show(returned('#include <stddef.h>\nstruct s { char c; long l; }; unsigned long f(void) { return offsetof(struct s, l); }'))).toBe('8:unsigned long');
    expect(show(returned('struct s { char c; int a[4]; }; unsigned long f(void) { return __builtin_offsetof(struct s, a[2]); }'))).toBe('12:unsigned long');
  });
  it('inline asm keeps template, operands, constraints and clobbers', () => {
    const body = fn(ok('double f(double x) { double r; __asm__ volatile("fsqrt.d %0, %1" : "=f"(r) : "f"(x) : "memory"); return r; }'), 'f').body;
    const asm = body.kind === 'block' ? body.body[1] : undefined;
    expect(asm).toMatchObject({ kind: 'asm', template: 'fsqrt.d %0, %1', isVolatile: true, clobbers: ['memory'] });
    expect(asm?.kind === 'asm' && [asm.outputs[0].constraint, asm.inputs[0].constraint]).toEqual(['=f', 'f']);
  });
  it('statement expressions and compound literals', () => {
    expect(show(returned('int f(int a) { return ({ int t = a * 2; t + 1; }); }'))).toBe('stmt_expr:int');
    const e = returned('struct p { int x, y; }; int f(void) { return (struct p){ 1, 2 }.y; }');
    expect(e.kind === 'member' && e.operand.kind === 'compound_literal' ? e.operand.stores.map((s) => [s.offset, show(s.value)]) : []).toEqual([[0, '1:int'], [4, '2:int']]);
  });
});

describe('statements', () => {
  it('switch collects its case labels', () => {
    const body = fn(ok('int f(char c) { switch (c) { case 1: return 1; case \'a\': case 5 ... 7: break; default: return 0; } return 2; }'), 'f').body;
    const sw = body.kind === 'block' ? body.body[0] : undefined;
    expect(sw?.kind === 'switch' && sw.cases.map((c) => [c.value, c.high])).toEqual([[1n, undefined], [97n, undefined], [5n, 7n]]);
    expect(sw?.kind === 'switch' && sw.defaultLabel).toBeGreaterThan(0);
  });
  it('collects locals including block-scope ones and keeps statics global', () => {
    const r = ok('int f(int a) { int b = a; { int c = b; static int n = 3; b += c + n; } for (int i = 0; i < 3; i++) b++; return b; }');
    expect(fn(r, 'f').locals.map((o) => o.name)).toEqual(['a', 'b', 'c', 'i']);
    expect(r.unit.globals.find((g) => g.name === 'n')?.symbol).toMatch(/^n\.\d+$/);
  });
  it('goto and labels', () => {
    expect(diags('void f(void) { goto out; out: ; }')).toEqual([]);
    expect(diags('void f(void) { goto nowhere; }')).toEqual(["1:21: label 'nowhere' used but not defined"]);
  });
  it('_Static_assert at file scope, in blocks and in structs', () => {
    expect(diags('_Static_assert(sizeof(long) == 8, "lp64"); struct s { int a; _Static_assert(1, ""); }; void f(void) { _Static_assert(2 > 1, "x"); }')).toEqual([]);
    expect(diags('_Static_assert(sizeof(int) == 8, "int is 4");')).toEqual(['1:1: static assertion failed: "int is 4"']);
  });
});
