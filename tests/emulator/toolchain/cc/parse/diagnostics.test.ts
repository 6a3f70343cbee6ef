// Diagnostics of the C front end: line, column and message of typical errors
// (undeclared names, argument counts, incompatible assignments, missing
// semicolons, unknown type names, redefinitions, misplaced jumps, non-constant
// static initializers...) and the GCC-style caret rendering.

import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../../../emulator/toolchain/asm/diagnostics.ts';
import { diags, front } from './front-helpers.ts';

/** Source, and the first diagnostic expected as `line:column: message`. */
const cases: [string, string][] = [
  ["int f(void) {\n  return y;\n}", "2:10: 'y' undeclared (first use in this function)"],
  ["int g(int a, int b);\nint f(void) { return g(1); }", "2:23: too few arguments to function 'g'"],
  ["int g(int a);\nint f(void) { return g(1, 2); }", "2:23: too many arguments to function 'g'"],
  ["struct s { int a; };\nvoid f(void) { struct s v; int x; x = v; }", "2:39: incompatible types when assigning to type 'int' from type 'struct s'"],
  ["void f(void) {\n  int x = 1\n  x++;\n}", "2:12: expected ';' after declaration"],
  ["void f(void) {\n  foo x;\n}", "2:3: unknown type name 'foo'"],
  ["foo x;", "1:1: unknown type name 'foo'"],
  ["int x;\nlong x;", "2:6: conflicting types for 'x'; have 'long'"],
  ["int x = 1;\nint x = 2;", "2:5: redefinition of 'x'"],
  ["void f(void) {}\nvoid f(void) {}", "2:6: redefinition of 'f'"],
  ["void f(void) { break; }", "1:16: break statement not within loop or switch"],
  ["void f(void) { continue; }", "1:16: continue statement not within a loop"],
  ["int x;\nint y = x + 1;", "2:11: initializer element is not constant"],
  ["void f(void) { int a; int a; }", "1:27: redefinition of 'a'"],
  ["void f(void) { 3 = 4; }", "1:16: lvalue required as left operand of assignment"],
  ["void f(const int *p) { *p = 1; }", "1:24: assignment of read-only location"],
  ["struct s { int a; };\nint f(struct s *p) { return p->b; }", "2:32: 'struct s' has no member named 'b'"],
  ["int f(int x) { return x(); }", "1:24: called object is not a function or function pointer"],
  ["void f(int x) { switch (x) { case 1: case 1: break; } }", "1:38: duplicate case value"],
  ["void f(int x) { switch (x) { default: default: break; } }", "1:39: multiple default labels in one switch"],
  ["void f(void) { case 1: ; }", "1:16: case label not within a switch statement"],
  ["int a[-1];", "1:6: size of array is negative"],
  ["void f(void) { int *p; p * 2; }", "1:26: invalid operands to binary * (have 'int *' and 'int')"],
  ["void f(void) { char *p; return p; }", "1:32: 'return' with a value, in function returning void"],
  ["void f(void) { undefined_fn(1); }", "1:16: implicit declaration of function 'undefined_fn'"],
  ["void f(void) { int x = (int){1, 2} ; }", "1:33: excess elements in scalar initializer"],
  ["struct s; struct s v;", "1:20: storage size of 'v' isn't known"],
  ["void f(void) { goto L; }", "1:21: label 'L' used but not defined"],
  ["int f(void) { return 1 }", "1:23: expected ';' after return statement"],
  ["int f(void) { if (1) { return 1; }", "1:35: expected '}' at end of input"],
  ["int f(void) { int x = 08; }", "1:23: invalid digit in octal constant '08'"],
  ["_Static_assert(0, \"boom\");", "1:1: static assertion failed: \"boom\""],
  ["struct s { int a; int a; };", "1:23: duplicate member 'a'"],
  ["enum e { A, A };", "1:13: 'A' redeclared as different kind of symbol"],
  ["void f(void) { long double x = 1.0L; x = x + 1; }", "1:42: long double arithmetic is not supported by this compiler"],
  ["int f(int x) { return x ? : ; }", "1:29: expected expression before ';'"],
  ["void f(void) { sizeof(struct nope); }", "1:16: invalid application of 'sizeof' to incomplete type 'struct nope'"],
  ["typedef int T; T T2; int f(void) { return T2 + T; }", "1:49: unexpected type name 'T': expected expression"],
  ["int main(void) { int x = 1 @ 2; }", "1:28: stray '@' in program"],
  ["void f(void) { int x; &3; }", "1:23: lvalue required as unary '&' operand"],
  ["void v(void); int f(void) { return v(); }", "1:37: incompatible types when returning type 'int' from type 'void'"],
  ["void f(void) { float x = 1; x % 2; }", "1:31: invalid operands to binary % (have 'float' and 'int')"],
  ["int f(void) { struct { int a; } s; return s; }", "1:43: incompatible types when returning type 'int' from type 'struct <anonymous>'"],
];

describe('front-end diagnostics', () => {
  it.each(cases)('%j', (src, expected) => {
    expect(diags(src, true)[0]).toBe(expected);
  });

  it('points a missing semicolon at the end of the previous token, with a caret', () => {
    const src = 'int f(void) {\n  int x = 1\n  return x;\n}\n';
    const d = front(src).diagnostics[0];
    expect(formatDiagnostic(d, src)).toBe("main.c:2:12: error: expected ';' after declaration\n  int x = 1\n           ^");
  });

  it('points into the macro invocation for errors inside expansions', () => {
    expect(diags('#define GET(p) ((p)->missing)\nstruct s { int a; };\nint f(struct s *q) {\n  return GET(q);\n}')).toEqual([
      "4:10: 'struct s' has no member named 'missing'",
    ]);
  });

  it('recovers after an error and reports later ones', () => {
    expect(diags('void f(void) {\n  int a = ;\n  int b = c;\n}\nint g(void) { return d; }')).toEqual([
      "2:11: expected expression before ';'",
      "3:11: 'c' undeclared (first use in this function)",
      "5:22: 'd' undeclared (first use in this function)",
    ]);
  });

  it('reports an undeclared identifier once per function, without follow-up errors', () => {
    expect(diags('void f(void) { x = 1; x++; &x; x->a; x[1] = 2; x(3); *x = 4; }\nvoid g(void) { x = 2; }')).toEqual([
      "1:16: 'x' undeclared (first use in this function)",
      "2:16: 'x' undeclared (first use in this function)",
    ]);
    expect(diags('void f(void) { int x; x.a = 1; x.a++; }')).toEqual([
      "1:24: request for member 'a' in something not a structure or union",
      "1:33: request for member 'a' in something not a structure or union",
    ]);
  });

  it('stops after too many errors', () => {
    const d = diags(`void f(void) { ${'y; '.repeat(5)}${Array.from({ length: 150 }, (_, i) => `u${i};`).join(' ')} }`);
    expect(d.length).toBeLessThanOrEqual(102);
    expect(d.at(-1)).toContain('too many errors');
  });

  it('warns (not errors) where GCC warns', () => {
    const d = front('void f(void) { int *p = 1; char *q = p; const char *c = "x"; char *m = c; }').diagnostics;
    expect(d.every((x) => x.severity === 'warning')).toBe(true);
    expect(d.map((x) => x.message)).toEqual([
      "initializing 'int *' from 'int' makes pointer from integer without a cast",
      "incompatible pointer types initializing 'char *' from 'int *'",
      "initializing discards 'const' qualifier from pointer target type",
    ]);
  });
});
