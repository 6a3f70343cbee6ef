// Tests of -O1 in the C code generator: what the assembly looks like (register
// locals, nothing in registers across setjmp or for address-taken/volatile
// locals, folded constants, immediates, compare-and-branch), -O0 untouched,
// awkward programs giving the same output at -O0 and -O1, and fewer executed
// instructions at -O1 on the emulated hart.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileC } from '../../../../../emulator/toolchain/cc/driver/compile-c.ts';
import { memoryFileSystem } from '../../../../../emulator/toolchain/cc/preprocess/preprocess.ts';
import { root, runC } from './rvos-cc-build.ts';

const hartBuilt = existsSync(join(root, 'emulator/hart/build/hart.wasm'));

function asmOf(source: string, optimize: 0 | 1): string {
  const r = compileC('t.c', { fs: memoryFileSystem({ 't.c': source }), optimize });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.asm!;
}

/** The body of function `name` in the assembly text. */
function fnAsm(asm: string, name: string): string {
  const start = asm.indexOf(`\n${name}:\n`);
  return asm.slice(start, asm.indexOf(`.size ${name},`, start));
}

describe('-O1 assembly', () => {
  it('keeps scalar locals and parameters in callee-saved registers, saved and restored', () => {
    const f = fnAsm(asmOf('long f(long *a, int n) { long s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }\n', 1), 'f');
    expect(f).toMatch(/sd s1, -\d+\(s0\)/);
    expect(f).toMatch(/ld s1, -\d+\(s0\)/);
    expect(f).toMatch(/blt s\d+, s\d+, \.L\.begin/);
    expect(f).not.toMatch(/addi sp, sp, -8\n/);
  });

  it('leaves address-taken and volatile locals in memory and loads float locals into fs registers', () => {
    const f = fnAsm(asmOf('void g(int *); double f(double d) { int x = 1; volatile int v = 2; g(&x); double t = d * 2; return t + x + v; }\n', 1), 'f');
    expect(f).toMatch(/fmv\.d fs\d+, fa0/);
    expect(f).toMatch(/li a0, 1\n\tsw a0, -\d+\(s0\)/);
    expect(f.match(/\bs[1-9]\b/g) ?? []).toEqual([]);
  });

  it('uses no callee-saved register in a function that calls setjmp', () => {
    const src = 'typedef long jmp_buf[26]; int setjmp(jmp_buf); jmp_buf b;\nint f(int n) { int i, s = 0; for (i = 0; i < n; i++) s += i; if (setjmp(b)) return s; return s + 1; }\n';
    const f = fnAsm(asmOf(src, 1), 'f');
    expect(f).toContain('call setjmp');
    expect(f).not.toMatch(/\bf?s[1-9]\d?\b/);
  });

  it('folds constants and uses immediate operands', () => {
    const asm = asmOf('int f(void) { return 2 * 3 + (1 << 4) - 100 / 7; }\nint g(int x) { return (x + 5) << 2; }\n', 1);
    expect(fnAsm(asm, 'f')).toContain('li a0, 8');
    expect(fnAsm(asm, 'f')).not.toMatch(/\bmul|\bdiv|sll/);
    expect(fnAsm(asm, 'g')).toMatch(/addiw a0, s1, 5\n\tslliw a0, a0, 2/);
  });

  it("keeps main's explicit final return value (no implicit return 0 after it)", () => {
    const main = fnAsm(asmOf('int main(void) { return 3; }\n', 1), 'main');
    expect(main).toContain('li a0, 3');
    expect(main).not.toContain('li a0, 0');
    expect(fnAsm(asmOf('int main(void) { }\n', 1), 'main')).toContain('li a0, 0');
  });

  it('leaves -O0 as the plain stack machine', () => {
    const src = 'int f(int n) { int s = 0; for (int i = 0; i < n; i++) s += i * 2; return s; }\n';
    const o0 = asmOf(src, 0);
    expect(o0).toBe(compileC('t.c', { fs: memoryFileSystem({ 't.c': src }) }).asm);
    expect(o0).not.toMatch(/\bs[1-9]\b/);
    expect(o0).toContain('sd a0, 0(sp)');
    expect(asmOf(src, 1).split('\n').length).toBeLessThan(o0.split('\n').length);
  });
});

/** Programs where -O1 has to get the details right; each prints values that -O0 prints too. */
const AWKWARD = `#include <stdio.h>
struct s { char c; short h; int i; long l; float f; double d; };
static int deep(int a, int b, int c) {
  return ((((((((((((a + b) * (c - a)) ^ (b + c)) + ((a * c) - (b ^ a))) * 3) - ((a + c) * (b + 1))) + (((a | b) & (c | 1)) * 7))
    - ((a - b) * (c + 2))) + (((a + 1) * (b + 2)) * ((c + 3) * (a + 4)))) - (((b + 5) * (c + 6)) * ((a + 7) * (b + 8))))
    + ((((a + 9) * (b + 10)) * ((c + 11) * (a + 12))) - (((b + 13) * (c + 14)) * ((a + 15) * (b + 16))))) * (a + b + c));
}
static double fdeep(double a, double b) { return ((a + b) * (a - b)) / ((a * 2 + 1) * (b * 2 + 1)) + ((a + 1) * (b + 1)) * ((a + 2) * (b + 2)); }
static long args(int a, double b, long c, float d, char e, double f, short g, float h, unsigned i, double j, long k, double l) {
  return a + (long)b + c + (long)d + e + (long)f + g + (long)h + i + (long)j + k + (long)l;
}
static int sw(int x) { int r = 0; for (int i = 0; i < x; i++) switch (i % 4) { case 0: r += 1; break; case 1: r += 10; continue; case 2: r += 100; /* fallthrough */ default: r += 1000; } return r; }
static int gotos(int n) { int i = 0, s = 0; top: if (i >= n) goto out; s += i++; goto top; out: return s; }
static int stmt_expr(int x) { int y = ({ int t = x * 2; t + 1; }); return y + ({ x++; x; }); }
int main(void) {
  struct s v = { 'a', -2, 3, 4, 5.5f, 6.25 };
  struct s w = v;
  w.h += 1000; w.c++; w.l <<= 33; w.f *= 2; w.d /= 4;
  printf("%d %d %d %ld %g %g\\n", w.c, w.h, w.i, w.l, w.f, w.d);
  printf("%d %d\\n", deep(1, 2, 3), deep(-7, 100, 33));
  printf("%.10g\\n", fdeep(1.5, -2.25));
  printf("%ld\\n", args(1, 2.5, 3, 4.5f, 5, 6.5, 7, 8.5f, 9, 10.5, 11, 12.5));
  printf("%d %d %d\\n", sw(10), gotos(10), stmt_expr(5));
  unsigned char uc = 200; signed char sc = -100; unsigned short us = 65000; short ss = -32000;
  for (int i = 0; i < 3; i++) { uc += 30; sc -= 20; us += 300; ss -= 400; }
  printf("%d %d %d %d\\n", uc, sc, us, ss);
  int arr[20]; for (int i = 0; i < 20; i++) arr[i] = i * i - 50;
  int mn = arr[0], mx = arr[0]; long tot = 0;
  for (int i = 1; i < 20; i++) { if (arr[i] < mn) mn = arr[i]; if (arr[i] > mx) mx = arr[i]; tot += arr[i]; }
  printf("%d %d %ld\\n", mn, mx, tot);
  return 0;
}
`;

describe.skipIf(!hartBuilt)('-O1 programs on the emulated machine', () => {
  it('prints what -O0 prints for awkward code (deep expressions, many mixed arguments, narrow types, goto, switch)', async () => {
    const o0 = await runC(AWKWARD, 'awkward.c', '', undefined, [], 0);
    const o1 = await runC(AWKWARD, 'awkward.c', '', undefined, [], 1);
    expect(o0.stdout.split('\n')).toHaveLength(8);
    expect(o1.stdout).toBe(o0.stdout);
    expect(o1.exitCode).toBe(0);
  }, 60_000);

  it('runs a sieve with far fewer instructions than -O0', async () => {
    const sieve = `#include <stdio.h>
      static char composite[20000];
      int main(void) { int n = 0; for (int i = 2; i < 20000; i++) { if (composite[i]) continue; n++; for (int j = i * 2; j < 20000; j += i) composite[j] = 1; } printf("%d\\n", n); return 0; }\n`;
    const o0 = await runC(sieve, 'sieve.c', '', undefined, [], 0);
    const o1 = await runC(sieve, 'sieve.c', '', undefined, [], 1);
    expect(o0.stdout).toBe('2262\n');
    expect(o1.stdout).toBe('2262\n');
    expect(o1.instructions).toBeLessThan(o0.instructions * 0.5);
  }, 60_000);
});
