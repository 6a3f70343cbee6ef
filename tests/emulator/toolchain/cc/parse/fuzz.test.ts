// Fuzz test of the C front end: truncated and mutated token streams from the
// userland corpus (deleted, duplicated, swapped and replaced tokens) must never
// throw, never hang and never hit an internal compiler error.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTranslationUnit } from '../../../../../emulator/toolchain/cc/compile-front.ts';
import { preprocess, type Token } from '../../../../../emulator/toolchain/cc/preprocess/preprocess.ts';
import { root } from './front-helpers.ts';
import { xorshiftRandom as rng } from '../../../../support/seeded-random.ts';

const fs = { read: (path: string): string | undefined => { try { return readFileSync(join(root, path), 'utf8'); } catch { return undefined; } } };

function tokensOf(file: string): Token[] {
  return preprocess(file, { fs, includePaths: ['fixtures/userland/include'] }).tokens;
}

const junk: Partial<Token>[] = ['{', '}', '(', ')', '[', ']', ';', ',', '*', '=', '...', ':', '?', '.', '->'].map((text) => ({ kind: 'punct', text }));
junk.push({ kind: 'identifier', text: 'int' }, { kind: 'identifier', text: 'struct' }, { kind: 'identifier', text: 'typedef' },
  { kind: 'identifier', text: 'sizeof' }, { kind: 'identifier', text: 'case' }, { kind: 'number', text: '0x1p' }, { kind: 'string', text: '"\\x"', prefix: '' },
  { kind: 'char', text: "''", prefix: '' }, { kind: 'other', text: '@' }, { kind: 'identifier', text: 'zz' });

function mutate(tokens: Token[], rand: (n: number) => number): Token[] {
  const body = tokens.slice(0, -1);
  const eof = tokens.at(-1)!;
  const edits = 1 + rand(6);
  for (let k = 0; k < edits && body.length > 0; k++) {
    const i = rand(body.length);
    switch (rand(5)) {
      case 0: body.splice(i, 1 + rand(3)); break;
      case 1: body.splice(i, 0, body[rand(body.length)]); break;
      case 2: { const j = rand(body.length); [body[i], body[j]] = [body[j], body[i]]; break; }
      case 3: body[i] = { ...body[i], ...junk[rand(junk.length)] } as Token; break;
      default: body.length = i; // truncate
    }
  }
  return [...body, eof];
}

function check(tokens: Token[]): void {
  const start = Date.now();
  const r = parseTranslationUnit(tokens);
  expect(Date.now() - start).toBeLessThan(2000);
  const internal = r.diagnostics.filter((d) => d.message.includes('internal compiler error'));
  expect(internal.map((d) => `${d.line}:${d.column}: ${d.message}`)).toEqual([]);
}

describe('front-end fuzz', () => {
  const files = ['tests/fixtures/userland/corpus/qsort.c', 'fixtures/userland/libc/format.c', 'fixtures/userland/libc/malloc.c', 'tests/fixtures/userland/corpus/string.c'];
  it.each(files)('mutations of %s', (file) => {
    const tokens = tokensOf(file);
    const rand = rng(file.length * 7919);
    for (let n = 0; n < 60; n++) check(mutate(tokens, rand));
  });

  it('every prefix of a small program', () => {
    const tokens = tokensOf('tests/fixtures/userland/corpus/hello.c');
    for (let i = 0; i < tokens.length; i += 3) check([...tokens.slice(0, i), tokens.at(-1)!]);
  });

  it('deep nesting does not crash', () => {
    const src = `int f(void) { return ${'('.repeat(3000)}1${')'.repeat(3000)}; }\nint g(void) { ${'{'.repeat(3000)} }`;
    const tokens = preprocess('main.c', { fs: { read: () => src } }).tokens;
    const r = parseTranslationUnit(tokens);
    expect(r.diagnostics.length).toBeLessThan(10);
  });

  it('empty and eof-only input', () => {
    expect(parseTranslationUnit([]).diagnostics).toEqual([]);
    expect(parseTranslationUnit(tokensOf('no-such-file.c')).diagnostics).toEqual([]);
  });
});
