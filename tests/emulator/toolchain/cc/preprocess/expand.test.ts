// Unit tests of macro expansion: hide sets (Prosser), # and ##, variadic
// macros, __VA_OPT__, GNU comma elision, argument errors, and the expansion
// site / spacing information carried on the output tokens.

import { describe, expect, it } from 'vitest';
import { diagnosticLocation, expansionChain } from '../../../../../emulator/toolchain/cc/preprocess/token.ts';
import { messages, ppSpellings, run, spellings } from './pp-helpers.ts';

const same = (src: string, expected: string): void => {
  expect(ppSpellings(src)).toEqual(spellings(expected));
};

describe('object-like and function-like macros', () => {
  it('expands chains and stops self-reference', () => {
    same('#define A B\n#define B A\nA B\n', 'A B');
    same('#define foo foo + 1\nfoo\n', 'foo + 1');
  });

  it('does not invoke a function-like macro without (', () => {
    same('#define f(x) [x]\nf + f (1) f\n(2)\n', 'f + [1] [2]');
  });

  it('paints a name blue for good: it is not expanded in a later context', () => {
    same('#define foo(x) bar x\nfoo(foo) (2)\n', 'bar foo (2)');
    same('#define f(x) x\n#define g f(g)\nf(g)\n', 'g');
  });

  it('uses the closing parenthesis hide set (HS ∩ HS\')', () => {
    same('#define f(a) a*g\n#define g(a) f(a)\nf(2)(9)\n', '2*9*g');
  });

  it('does not invoke a function-like macro when a directive comes before the (', () => {
    same('#define f(x) [x]\nf\n#define Z 9\n(Z)\nf\n(1)\n', 'f (9) [1]');
  });

  it('carries out conditional directives inside an argument list (as GCC)', () => {
    same('#define f(x) [x]\nf(1\n#ifdef f\n2\n#else\n3\n#endif\n)\n', '[1 2]');
  });

  it('collects arguments across lines and ignores commas in parentheses', () => {
    same('#define f(a, b) <a|b>\nf((1, 2),\n [3]\n)\n', '<(1, 2)|[3]>');
  });

  it('handles () for a macro with no parameters and empty arguments', () => {
    same('#define p() P\n#define q(x) [x]\n#define r(x, y) [x|y]\np() q() r(,)\n', 'P [] [|]');
  });

  it('reports wrong argument counts and unterminated calls', () => {
    expect(messages('#define f(a, b) a\nf(1)\n')).toEqual(['error: macro "f" requires 2 arguments, but only 1 given']);
    expect(messages('#define f(a) a\nf(1, 2)\n')).toEqual(['error: macro "f" passed 2 arguments, but takes just 1']);
    expect(messages('#define f(a) a\nf(1\n')).toEqual(['error: unterminated argument list invoking macro "f"']);
  });

  it('does not let an argument list run out of an included file', () => {
    const r = run('#include "h.h"\n1)\n', { 'h.h': '#define f(x) x\nf(\n' });
    expect(r.diagnostics.map((d) => d.message)).toEqual(['unterminated argument list invoking macro "f"']);
  });
});

describe('# and ##', () => {
  it('stringizes with single spaces and escapes inside literals', () => {
    same('#define s(x) #x\ns(  a   +  b ) s("a\\n" \'\\\'\') s()\n', '"a + b" "\\"a\\\\n\\" \'\\\\\'\'" ""');
  });

  it('stringizes a line break inside an argument as one space', () => {
    same('#define s(x) #x\ns(a\nb\n  c)\n', '"a b c"');
  });

  it('stringizes the argument before expansion', () => {
    same('#define s(x) #x\n#define xs(x) s(x)\n#define V 42\ns(V) xs(V)\n', '"V" "42"');
  });

  it('pastes identifiers, numbers and operators', () => {
    same('#define c(a, b) a ## b\nc(x, y) c(1, 2) c(+, =) c(<<, =) c(-, >) c(L, "s")\n', 'xy 12 += <<= -> L"s"');
  });

  it('does not expand operands of ## but rescans the result', () => {
    same('#define c(a, b) a ## b\n#define xy done\n#define X x\nc(X, y) c(x, y)\n', 'Xy done');
  });

  it('reports a paste that does not make one token and keeps both', () => {
    const r = run('#define c(a, b) a ## b\n#define d c(+, -)\nx = d;\n');
    expect(r.diagnostics.map((d) => [d.message, d.line, d.column])).toEqual([
      ['pasting "+" and "-" does not give a valid preprocessing token (in expansion of macro "c")', 3, 5],
    ]);
    expect(r.tokens.filter((t) => t.kind !== 'eof').map((t) => t.text)).toEqual(['x', '=', '+', '-', ';']);
  });

  it('rejects ## at either end and # without a parameter', () => {
    expect(messages('#define a ## b\n')).toEqual(["error: '##' cannot appear at either end of a macro expansion"]);
    expect(messages('#define a(x) b ##\n')).toEqual(["error: '##' cannot appear at either end of a macro expansion"]);
    expect(messages('#define a(x) #y\n')).toEqual(["error: '#' is not followed by a macro parameter"]);
    expect(messages('#define a #y\n')).toEqual([]);
  });
});

describe('variadic macros', () => {
  it('passes __VA_ARGS__ with its commas', () => {
    same('#define v(a, ...) [a|__VA_ARGS__]\nv(1) v(1, 2, 3) v(1,)\n', '[1|] [1|2, 3] [1|]');
  });

  it('supports GNU named variadic parameters', () => {
    same('#define v(args...) f(args)\nv(1, 2)\n', 'f(1, 2)');
  });

  it('drops the comma of `, ## __VA_ARGS__` only when the arguments are omitted', () => {
    same('#define e(f, ...) g(f, ## __VA_ARGS__)\ne(x) e(x,) e(x, y)\n', 'g(x) g(x,) g(x,y)');
  });

  it('supports __VA_OPT__', () => {
    same('#define f(a, ...) f(a __VA_OPT__(,) __VA_ARGS__)\nf(1) f(1, 2)\n', 'f(1) f(1, 2)');
  });

  it('stringizes #__VA_OPT__(...) after substitution', () => {
    same('#define F(a, ...) #__VA_OPT__(a   b __VA_ARGS__) x\nF(1) F(1, 2  3)\n', '"" x "1 b 2 3" x');
  });

  it('treats variable arguments that expand to nothing as absent for __VA_OPT__ (as GCC)', () => {
    same('#define E\n#define f(...) [__VA_OPT__(x ## y)]\nf(E) f(1)\n', '[] [xy]');
  });

  it('warns about __VA_ARGS__ in a non-variadic macro', () => {
    expect(messages('#define f(a) __VA_ARGS__\n')).toEqual(['warning: __VA_ARGS__ can only appear in the expansion of a C99 variadic macro']);
  });
});

describe('output token information', () => {
  it('records the expansion chain and points diagnostics at the invocation', () => {
    const r = run('#define INNER 1 + y\n#define OUTER (INNER)\nint x = OUTER;\n');
    const one = r.tokens.find((t) => t.text === '1');
    expect(one?.loc).toEqual({ file: 'main.c', line: 1, column: 15 });
    expect(one !== undefined && expansionChain(one)).toEqual(['INNER', 'OUTER']);
    expect(one !== undefined && diagnosticLocation(one)).toEqual({ file: 'main.c', line: 3, column: 9 });
    const x = r.tokens.find((t) => t.text === 'x');
    expect(x?.expansion).toBeUndefined();
  });

  it('keeps argument tokens at their own source location', () => {
    const r = run('#define ID(a) (a)\nID(value)\n');
    const v = r.tokens.find((t) => t.text === 'value');
    expect(v?.loc).toEqual({ file: 'main.c', line: 2, column: 4 });
    expect(v?.expansion).toBeUndefined();
  });

  it('gives the first token of an expansion the spacing of the macro name', () => {
    const r = run('#define E\n#define P +\na P b\nP\nE c\n');
    const flags = r.tokens.filter((t) => t.kind !== 'eof').map((t) => [t.text, t.hasSpaceBefore, t.atLineStart]);
    expect(flags).toEqual([
      ['a', false, true],
      ['+', true, false],
      ['b', true, false],
      ['+', false, true],
      ['c', true, true],
    ]);
  });

  it('expands __LINE__ to the line of the invocation', () => {
    same('#define L __LINE__\n\nL\n__LINE__\n', '3 4');
  });
});
