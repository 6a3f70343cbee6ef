// Tests that preprocessed .S text keeps the main file's line numbers (so the
// assembler's diagnostics point at the .S source) and still assembles.

import { describe, expect, it } from 'vitest';
import { lineKeepingText } from '../../../../../emulator/toolchain/cc/driver/asm-cpp-text.ts';
import { memoryFileSystem, preprocess } from '../../../../../emulator/toolchain/cc/preprocess/preprocess.ts';

function text(files: Record<string, string>): string {
  const r = preprocess('main.S', { fs: memoryFileSystem(files) });
  expect(r.diagnostics).toEqual([]);
  return lineKeepingText(r.tokens, 'main.S');
}

describe('lineKeepingText', () => {
  it('puts each token line on its source line, with macros expanded', () => {
    const out = text({ 'main.S': '#define REG a0\n/* comment\n   more */\n\n    li REG, 1\n#if 0\nnope\n#endif\nret\n' });
    const lines = out.split('\n');
    expect(lines[4]).toBe(' li a0, 1');
    expect(lines[8]).toBe('ret');
    expect(out).not.toContain('nope');
  });

  it('keeps lines after an include of a header with only definitions', () => {
    const out = text({ 'main.S': '#include "defs.h"\n\nli a0, N\n', 'defs.h': '#define N 42\n#define M 1\n' });
    expect(out.split('\n')[2]).toBe('li a0, 42');
  });

  it('returns an empty string for a file without tokens', () => {
    expect(text({ 'main.S': '/* nothing */\n' })).toBe('');
  });
});
