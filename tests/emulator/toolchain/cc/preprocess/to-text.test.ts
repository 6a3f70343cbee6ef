// Unit tests of toText (`gcc -E -P` style output) and of the diagnostic
// formatter the preprocessor shares with the assembler.

import { describe, expect, it } from 'vitest';
import { formatPreprocessDiagnostics, memoryFileSystem } from '../../../../../emulator/toolchain/cc/preprocess/preprocess.ts';
import { ppText, run, spellings } from './pp-helpers.ts';

describe('toText', () => {
  it('keeps one line per source line and drops blank lines and directives', () => {
    expect(ppText('#define X 1\n\nint a = X;\n\n\nint b;\n')).toBe('int a = 1;\nint b;\n');
  });

  it('keeps a multi-line invocation on one line and keeps indentation', () => {
    expect(ppText('#define f(a, b) a + b\n  x = f(1,\n 2);\n')).toBe('  x = 1 + 2;\n');
  });

  it('inserts a space where adjacent tokens would lex differently', () => {
    const out = ppText('#define E\n#define M -\nx+E+y -M- a/E/b 1E+2 M>\n');
    expect(spellings(out)).toEqual(['x', '+', '+', 'y', '-', '-', '-', 'a', '/', '/', 'b', '1E+2', '-', '>']);
    expect(out).toBe('x+ +y - - - a/ /b 1E+2 - >\n');
  });

  it('prints pragmas on their own lines and digraphs as written', () => {
    expect(ppText('a <: b :>\n#pragma weak x\nc\n')).toBe('a <: b :>\n#pragma weak x\nc\n');
  });

  it('prints nothing for an empty stream', () => {
    expect(ppText('#define X\n')).toBe('');
  });
});

describe('diagnostic formatting', () => {
  it('shows the source line of the right file with a caret', () => {
    const files = { 'main.c': '#include "h.h"\n', 'h.h': 'int x;\n  #error stop here\n' };
    const fs = memoryFileSystem(files);
    const r = run(files['main.c'], { 'h.h': files['h.h'] });
    expect(formatPreprocessDiagnostics(r.diagnostics, fs)).toBe('h.h:2:4: error: #error stop here\n  #error stop here\n   ^');
  });
});
