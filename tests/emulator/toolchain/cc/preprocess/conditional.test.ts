// Unit tests of #if/#ifdef/#elif/#else/#endif: the 64-bit constant-expression
// evaluator (signed/unsigned, shifts, short-circuit, character constants),
// `defined`, `__has_include`, group skipping and the errors.

import { describe, expect, it } from 'vitest';
import { messages, ppSpellings } from './pp-helpers.ts';

/** Returns true when `#if expr` takes its group. */
const truth = (expr: string, pre = ''): boolean => ppSpellings(`${pre}#if ${expr}\nyes\n#else\nno\n#endif\n`)[0] === 'yes';

describe('#if arithmetic (intmax_t / uintmax_t)', () => {
  it.each([
    ['1 + 2 * 3 == 7', true],
    ['(1 + 2) * 3 == 9', true],
    ['-7 / 2 == -3 && -7 % 2 == -1', true],
    ['-1 < 0', true],
    ['-1 < 0u', false],
    ['-1 == 18446744073709551615u', true],
    ['0xffffffffffffffff == -1', true],
    ['0x7fffffffffffffff + 1 < 0', true],
    ['(1 << 63) < 0 && (1u << 63) > 0', true],
    ['(-8 >> 1) == -4', true],
    ['(1 << 64) == 0 && (1 >> -1) == 2', true],
    ['~0 == -1 && ~0u > 0', true],
    ['(3 ^ 5) == 6 && (3 | 4) == 7 && (6 & 3) == 2', true],
    ['!0 == 1 && !5 == 0', true],
    ['0 ? 1 : 2', true],
    ['(0 ? 1u : -1) > 0', true],
    ['(1, 0)', false],
    ['077 == 63 && 0x10 == 16 && 0b101 == 5', true],
    ['10ULL == 10 && 10lu == 10 && 5LL == 5', true],
    ['undefined_name', false],
    ['undefined_name == 0', true],
  ])('%s -> %s', (expr, want) => {
    expect(truth(expr)).toBe(want);
  });

  it('does not evaluate the unused side of &&, || and ?:', () => {
    expect(messages('#if 0 && 1 / 0\n#endif\n#if 1 || 1 % 0\n#endif\n#if 1 ? 1 : 1 / 0\n#endif\n')).toEqual([]);
  });

  it('reports division by zero and malformed expressions', () => {
    expect(messages('#if 1 / 0\n#endif\n')).toEqual(['error: division by zero in #if']);
    expect(messages('#if\n#endif\n')).toEqual(['error: #if with no expression']);
    expect(messages('#if 1 +\n#endif\n')).toEqual(['error: #if expression ends unexpectedly']);
    expect(messages('#if (1\n#endif\n')).toEqual(["error: missing ')' in expression"]);
    expect(messages('#if 1 2\n#endif\n')).toEqual(['error: missing binary operator before token "2"']);
    expect(messages('#if 1.0\n#endif\n')).toEqual(['error: floating constant in preprocessor expression']);
    expect(messages('#if "s"\n#endif\n')).toEqual(['error: token ""s"" is not valid in preprocessor expressions']);
    expect(messages('#if 1 ? 2\n#endif\n')).toEqual(["error: '?' without following ':'"]);
    expect(messages('#if 99999999999999999999\n#endif\n')).toEqual(['error: integer constant "99999999999999999999" is too large for its type']);
  });

  it('treats a decimal constant above INTMAX_MAX as unsigned', () => {
    expect(truth('9223372036854775808 > 0 && -9223372036854775808 > 0')).toBe(true);
  });
});

describe('#if character constants (RV64: plain char unsigned, wchar_t int)', () => {
  it.each([
    ["'a' == 97", true],
    ["'\\n' == 10 && '\\0' == 0 && '\\x41' == 65 && '\\101' == 65", true],
    ["'\\xff' == 255 && '\\377' > 0", true],
    ["L'\\xffffffff' == -1", true],
    ["u'\\xffff' == 65535 && U'y' == 121", true],
    ["'ab' == 24930", true],
    ["'\\\\' == 92 && '\\'' == 39", true],
    ["'a' - 'b' < 0", false], // as RV64 GCC: a one-char constant is unsigned in #if
    ["u'a' - u'b' < 0", false],
    ["L'a' - L'b' < 0", true],
    ["'ab' - 'ac' < 0", true],
  ])('%s -> %s', (expr, want) => {
    expect(truth(expr)).toBe(want);
  });
});

describe('defined and __has_include', () => {
  it('evaluates defined X and defined(X) without expanding X', () => {
    const pre = '#define X Y\n';
    expect(truth('defined X && defined(X) && !defined Y && !defined(Y)', pre)).toBe(true);
  });

  it('evaluates defined produced by a macro expansion (as GCC does)', () => {
    expect(truth('IS_X', '#define X\n#define IS_X defined(X)\n')).toBe(true);
  });

  it('reports defined without an identifier', () => {
    expect(messages('#if defined\n#endif\n')).toEqual(['error: operator "defined" requires an identifier']);
    expect(messages('#if defined(X\n#endif\n')).toEqual(['error: missing \')\' after "defined"']);
  });

  it('answers __has_include for both header forms', () => {
    const files = { 'inc/h.h': '' };
    const src = '#if __has_include("inc/h.h") && __has_include(<h.h>) && !__has_include(<nope.h>)\nyes\n#endif\n#ifdef __has_include\nalso\n#endif\n';
    expect(ppSpellings(src, files, { includePaths: ['inc'] })).toEqual(['yes', 'also']);
  });
});

describe('groups', () => {
  it('takes exactly one group of an #if/#elif/#else chain', () => {
    const src = (v: number): string => `#if ${v} == 1\none\n#elif ${v} == 2\ntwo\n#elif ${v} == 3\nthree\n#else\nother\n#endif\n`;
    expect([1, 2, 3, 4].map((v) => ppSpellings(src(v))[0])).toEqual(['one', 'two', 'three', 'other']);
  });

  it('does not evaluate #elif after a taken group nor inside a skipped group', () => {
    expect(messages('#if 1\n#elif 1/0\n#endif\n#if 0\n#if 1/0\n#elif 1/0\n#endif\n#endif\n')).toEqual([]);
  });

  it('handles #ifdef and #ifndef, and warns about extra tokens', () => {
    expect(ppSpellings('#define A\n#ifdef A\na\n#endif\n#ifndef A\nb\n#endif\n#ifndef B\nc\n#endif\n')).toEqual(['a', 'c']);
    expect(messages('#ifdef A B\n#endif C\n')).toEqual(['warning: extra tokens at end of #ifdef directive', 'warning: extra tokens at end of #endif directive']);
    expect(messages('#ifdef\n#endif\n')).toEqual(['error: no macro name given in #ifdef directive']);
    expect(messages('#ifdef 3\n#endif\n')).toEqual(['error: macro names must be identifiers']);
  });

  it('ignores everything but conditionals inside skipped groups', () => {
    const src = "#if 0\n#error no\n#include \"missing.h\"\n#define X\n#bogus\ndon't ' \"\n#endif\n#ifdef X\nbad\n#endif\n";
    expect(messages(src)).toEqual([]);
    expect(ppSpellings(src)).toEqual([]);
  });

  it('reports unbalanced conditionals', () => {
    expect(messages('#endif\n')).toEqual(['error: #endif without #if']);
    expect(messages('#else\n')).toEqual(['error: #else without #if']);
    expect(messages('#elif 1\n')).toEqual(['error: #elif without #if']);
    expect(messages('#if 1\n#else\n#else\n#endif\n')).toEqual(['error: #else after #else']);
    expect(messages('#if 1\n#else\n#elif 1\n#endif\n')).toEqual(['error: #elif after #else']);
    expect(messages('#if 1\n#ifdef X\n')).toEqual(['error: unterminated #if', 'error: unterminated #ifdef']);
  });

  it('requires conditionals to balance within each included file', () => {
    expect(messages('#include "h.h"\n#endif\n', { 'h.h': '#if 1\n' })).toEqual(['error: unterminated #if', 'error: #endif without #if']);
  });
});
