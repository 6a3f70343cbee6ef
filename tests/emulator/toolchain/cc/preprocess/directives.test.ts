// Unit tests of the other directives: #define/#undef checks, #line with
// __LINE__/__FILE__, #error/#warning, #pragma pass-through and push/pop_macro,
// _Pragma, invalid directives, and the built-in macros.

import { describe, expect, it } from 'vitest';
import { messages, ppSpellings, run } from './pp-helpers.ts';

describe('#define and #undef', () => {
  it('rejects bad macro names and parameter lists', () => {
    expect(messages('#define\n')).toEqual(['error: no macro name given in #define directive']);
    expect(messages('#define 3 x\n')).toEqual(['error: macro names must be identifiers']);
    expect(messages('#define defined\n')).toEqual(['error: "defined" cannot be used as a macro name']);
    expect(messages('#define f(a, a) a\n')).toEqual(['error: duplicate macro parameter "a"']);
    expect(messages('#define f(a b) a\n')).toEqual(['error: expected \',\' or \')\', found "b"']);
    expect(messages('#define f(a,) a\n')).toEqual(['error: expected parameter name, found ")"']);
    expect(messages('#define f(... x) a\n')).toEqual(["error: missing ')' in macro parameter list"]);
    expect(messages('#define f(__VA_ARGS__) a\n')).toEqual(['error: __VA_ARGS__ can not be used as a parameter name']);
  });

  it('distinguishes f(x) from f (x) by the space before the parenthesis', () => {
    expect(ppSpellings('#define f(x) [x]\n#define g (x) [x]\nf(1) g(1)\n')).toEqual(['[', '1', ']', '(', 'x', ')', '[', 'x', ']', '(', '1', ')']);
  });

  it('warns when an object-like macro name is not followed by white space', () => {
    expect(messages('#define X+1\n')).toEqual(['warning: ISO C99 requires whitespace after the macro name']);
  });

  it('undefines macros and tolerates undefining an unknown name', () => {
    expect(ppSpellings('#define X 1\n#undef X\n#undef Y\nX\n')).toEqual(['X']);
    expect(messages('#undef X Y\n')).toEqual(['warning: extra tokens at end of #undef directive']);
  });
});

describe('#line, __LINE__ and __FILE__', () => {
  it('renumbers following lines and renames the file for __FILE__ only', () => {
    const r = run('#line 100 "gen.y"\n__LINE__ __FILE__\n__LINE__\n');
    expect(r.tokens.filter((t) => t.kind !== 'eof').map((t) => t.text)).toEqual(['100', '"gen.y"', '101']);
    expect(r.tokens[0].loc).toEqual({ file: 'main.c', line: 2, column: 1 });
  });

  it('accepts a macro-expanded #line and the GNU line-marker form', () => {
    expect(ppSpellings('#define N 50\n#line N\n__LINE__\n# 7 "x.c"\n__LINE__ __FILE__\n')).toEqual(['50', '7', '"x.c"']);
  });

  it('reports a bad #line', () => {
    expect(messages('#line x\n')).toEqual(['error: "x" after #line is not a positive integer']);
    expect(messages('#line 5 x\n')).toEqual(['error: invalid filename "x"']);
  });

  it('uses the included file name and escapes it', () => {
    expect(ppSpellings('#include "d/h.h"\n__FILE__\n', { 'd/h.h': '__FILE__ __INCLUDE_LEVEL__' })).toEqual(['"d/h.h"', '1', '"main.c"']);
    expect(ppSpellings('#line 1 "a\\\\b"\n__FILE__\n')).toEqual(['"a\\\\b"']);
  });
});

describe('#error, #warning, invalid directives', () => {
  it('reports #error and #warning with their text', () => {
    const r = run('#error this  is "bad"\n#warning careful\n');
    expect(r.diagnostics.map((d) => [d.severity, d.message, d.line, d.column])).toEqual([
      ['error', '#error this is "bad"', 1, 2],
      ['warning', '#warning careful', 2, 2],
    ]);
    expect(r.hasErrors).toBe(true);
  });

  it('reports an unknown directive but accepts the null directive and #ident', () => {
    expect(messages('#foo\n#\n# /* c */\n#ident "x"\n')).toEqual(['error: invalid preprocessing directive #foo']);
  });

  it('does not treat # in the middle of a line or from a macro as a directive', () => {
    expect(ppSpellings('#define H #\na # define\nH define x\n')).toEqual(['a', '#', 'define', '#', 'define', 'x']);
  });
});

describe('#pragma and _Pragma', () => {
  it('passes unknown pragmas through as one pragma token on its own line', () => {
    const r = run('int a;\n#pragma STDC FP_CONTRACT  ON\nint b;\n');
    const p = r.tokens.find((t) => t.kind === 'pragma');
    expect(p?.text).toBe('STDC FP_CONTRACT ON');
    expect(p?.atLineStart).toBe(true);
    expect(p?.loc.line).toBe(2);
  });

  it('turns _Pragma("...") into the same pragma token, also from a macro', () => {
    const r = run('#define P(x) _Pragma(#x)\nP(GCC diagnostic push) _Pragma("weak \\"q\\"")\n');
    expect(r.tokens.filter((t) => t.kind === 'pragma').map((t) => t.text)).toEqual(['GCC diagnostic push', 'weak "q"']);
    expect(r.tokens[0].expansion?.macro).toBe('P');
  });

  it('saves and restores macros with push_macro and pop_macro', () => {
    const src = '#define X 1\n#pragma push_macro("X")\n#undef X\n#define X 2\nX\n#pragma pop_macro("X")\nX\n#pragma push_macro("Y")\n#define Y 3\n#pragma pop_macro("Y")\nY\n';
    expect(ppSpellings(src)).toEqual(['2', '1', 'Y']);
  });

  it('reports GCC warning / error pragmas and consumes system_header', () => {
    expect(messages('#pragma GCC warning "w"\n#pragma GCC error "e"\n#pragma GCC system_header\n')).toEqual(['warning: w', 'error: e']);
    expect(run('#pragma GCC system_header\n').tokens.map((t) => t.kind)).toEqual(['eof']);
  });

  it('reports a malformed _Pragma', () => {
    expect(messages('_Pragma(x)\n')).toEqual(['error: _Pragma takes a parenthesized string literal']);
    expect(ppSpellings('_Pragma x\n')).toEqual(['_Pragma', 'x']);
  });
});

describe('built-in macros', () => {
  it('has deterministic, configurable __DATE__ and __TIME__', () => {
    expect(ppSpellings('__DATE__ __TIME__\n')).toEqual(['"Jan  1 1970"', '"00:00:00"']);
    expect(ppSpellings('__DATE__ __TIME__\n', {}, { date: 'Nov 24 2026', time: '03:04:05' })).toEqual(['"Nov 24 2026"', '"03:04:05"']);
  });

  it('counts with __COUNTER__ and names the main file in __BASE_FILE__', () => {
    expect(ppSpellings('__COUNTER__ __COUNTER__ __BASE_FILE__\n')).toEqual(['0', '1', '"main.c"']);
  });
});
