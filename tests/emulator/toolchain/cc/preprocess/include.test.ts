// Unit tests of #include: search order for "..." and <...>, computed includes,
// #pragma once, #include_next, the depth limit, path normalization and the
// dependency list.

import { describe, expect, it } from 'vitest';
import { joinPath, memoryFileSystem, resolveInclude } from '../../../../../emulator/toolchain/cc/preprocess/include.ts';
import { messages, ppSpellings, run } from './pp-helpers.ts';

describe('path helpers', () => {
  it('joins and normalizes paths', () => {
    expect(joinPath('a/b', '../c.h')).toBe('a/c.h');
    expect(joinPath('a', './b/./c.h')).toBe('a/b/c.h');
    expect(joinPath('', 'x.h')).toBe('x.h');
    expect(joinPath('/usr/include', 'sys/../stdio.h')).toBe('/usr/include/stdio.h');
    expect(joinPath('a', '/abs.h')).toBe('/abs.h');
    expect(joinPath('..', 'x.h')).toBe('../x.h');
  });

  it('searches the includer directory first for "..." only', () => {
    const fs = memoryFileSystem({ 'src/h.h': 'local', 'inc/h.h': 'global' });
    const paths = { quote: [], angle: ['inc'] };
    expect(resolveInclude('h.h', true, 'src/main.c', paths, fs)?.path).toBe('src/h.h');
    expect(resolveInclude('h.h', false, 'src/main.c', paths, fs)?.path).toBe('inc/h.h');
    expect(resolveInclude('none.h', true, 'src/main.c', paths, fs)).toBeUndefined();
  });
});

describe('#include', () => {
  it('includes "..." relative to the including file, nested', () => {
    const files = { 'a/one.h': '#include "two.h"\none', 'a/two.h': 'two' };
    expect(ppSpellings('#include "a/one.h"\nmain\n', files)).toEqual(['two', 'one', 'main']);
  });

  it('searches -iquote, then -I, then system paths in order', () => {
    const files = { 'q/x.h': 'quote', 'i/x.h': 'include', 's/x.h': 'system', 's/y.h': 'sys_y' };
    const opts = { quoteIncludePaths: ['q'], includePaths: ['i'], systemIncludePaths: ['s'] };
    expect(ppSpellings('#include "x.h"\n#include <x.h>\n#include <y.h>\n', files, opts)).toEqual(['quote', 'include', 'sys_y']);
  });

  it('accepts computed includes of both forms', () => {
    const files = { 'inc/a.h': 'a_h', 'b.h': 'b_h' };
    const src = '#define A <a.h>\n#define B "b.h"\n#define S(x) #x\n#include A\n#include B\n#include S(b.h)\n';
    expect(ppSpellings(src, files, { includePaths: ['inc'] })).toEqual(['a_h', 'b_h', 'b_h']);
  });

  it('honours #pragma once and _Pragma("once")', () => {
    const files = { 'o.h': '#pragma once\nonce', 'p.h': '_Pragma("once") pr' };
    expect(ppSpellings('#include "o.h"\n#include "o.h"\n#include "p.h"\n#include "./p.h"\n', files)).toEqual(['once', 'pr']);
  });

  it('continues the search after the current directory with #include_next', () => {
    const files = { 'd1/n.h': 'first\n#include_next <n.h>', 'd2/n.h': 'second' };
    expect(ppSpellings('#include <n.h>\n', files, { includePaths: ['d1', 'd2'] })).toEqual(['first', 'second']);
  });

  it('reports a missing file and a bad header name', () => {
    expect(messages('#include "nope.h"\n')).toEqual(['error: nope.h: No such file or directory']);
    expect(messages('#include\n')).toEqual(['error: #include expects "FILENAME" or <FILENAME>']);
    expect(messages('#include nope\n')).toEqual(['error: #include expects "FILENAME" or <FILENAME>']);
  });

  it('stops runaway recursion at depth 200 with one clear error', () => {
    const r = run('#include "self.h"\n', { 'self.h': 'x\n#include "self.h"\n' });
    expect(r.diagnostics.map((d) => d.message)).toEqual(['#include nested depth 200 exceeds maximum of 200']);
    expect(r.tokens.filter((t) => t.text === 'x')).toHaveLength(199); // as GCC: the main file counts as depth 1
  });

  it('lists the main file and each included file once, in first-read order', () => {
    const files = { 'a.h': '#include "b.h"', 'b.h': '', 'c.h': '#include "a.h"' };
    expect(run('#include "a.h"\n#include "c.h"\n', files).dependencies).toEqual(['main.c', 'a.h', 'b.h', 'c.h']);
  });

  it('gives tokens of an included file that file\'s name and lines', () => {
    const r = run('#include "h.h"\n', { 'h.h': '\n  tok\n' });
    expect(r.tokens[0].loc).toEqual({ file: 'h.h', line: 2, column: 3 });
  });

  it('reports a missing main file as a diagnostic', () => {
    const r = run('');
    expect(r.hasErrors).toBe(false);
    const missing = run('', {}, { fs: memoryFileSystem({}) });
    expect(missing.hasErrors).toBe(true);
    expect(missing.tokens.map((t) => t.kind)).toEqual(['eof']);
  });
});
