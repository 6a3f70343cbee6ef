// Robustness: random programs built from preprocessor-heavy fragments, and
// every prefix of the test fixtures, must preprocess without throwing and
// without hanging; the result is always well formed (ends with one 'eof').

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryFileSystem, type PreprocessResult, preprocess } from '../../../../../emulator/toolchain/cc/preprocess/preprocess.ts';
import { mulberry32 as rng } from '../../../../support/seeded-random.ts';

const FRAGMENTS = [
  '#define ', '#undef ', '#if ', '#ifdef ', '#ifndef ', '#elif ', '#else', '#endif', '#include ', '#line ', '#pragma ',
  '#error ', '#', '##', ' # ', '(', ')', ',', '...', '__VA_ARGS__', '__VA_OPT__', 'defined', '_Pragma', '__has_include',
  '__LINE__', '__FILE__', '__COUNTER__', 'f', 'g', 'x', 'y', 'f(', 'g(x)', '"s"', '"x.h"', '<x.h>', "'c'", "'", '"', '/*', '*/',
  '//', '\\\n', '\n', '\n', '\n', ' ', ' ', '1', '0x', '+', '-', '?', ':', '/', '0', '<', '>', '<:', '%:', 'L', 'u8', '@',
  '#define f(a, ...) a ## __VA_ARGS__ #a\n', '#define g f(g\n', '#define x x y\n', '#define y (x)\n', '#if 1\n', '#endif\n',
];

function randomProgram(rand: () => number): string {
  let s = '';
  const n = 20 + Math.floor(rand() * 80);
  for (let i = 0; i < n; i++) s += FRAGMENTS[Math.floor(rand() * FRAGMENTS.length)];
  return s;
}

function check(r: PreprocessResult): void {
  expect(r.tokens.at(-1)?.kind).toBe('eof');
  expect(r.tokens.filter((t) => t.kind === 'eof')).toHaveLength(1);
  for (const d of r.diagnostics) {
    expect(typeof d.message).toBe('string');
    expect(d.line).toBeGreaterThanOrEqual(0);
  }
}

describe('preprocessor robustness', () => {
  it('survives 400 random programs (with recursive headers) in bounded time', () => {
    const rand = rng(12345);
    const started = performance.now();
    for (let i = 0; i < 400; i++) {
      const main = randomProgram(rand);
      const fs = memoryFileSystem({ 'main.c': main, 'x.h': randomProgram(rand) + '\n#include "x.h"\n' });
      let r: PreprocessResult | undefined;
      expect(() => (r = preprocess('main.c', { fs, includePaths: ['.'] })), `program ${i}: ${JSON.stringify(main)}`).not.toThrow();
      if (r !== undefined) check(r);
    }
    expect(performance.now() - started).toBeLessThan(60_000);
  });

  it('survives every prefix of the fixtures and of random byte strings', () => {
    const dir = join(import.meta.dirname, 'fixtures');
    const sources = readdirSync(dir).filter((f) => f.endsWith('.c')).map((f) => readFileSync(join(dir, f), 'utf8'));
    const rand = rng(777);
    for (let i = 0; i < 20; i++) sources.push(Array.from({ length: 200 }, () => String.fromCharCode(Math.floor(rand() * 128))).join(''));
    for (const src of sources) {
      for (let cut = 0; cut <= src.length; cut += 7) {
        const fs = memoryFileSystem({ 'main.c': src.slice(0, cut) });
        check(preprocess('main.c', { fs, includePaths: ['sys'] }));
      }
    }
  });
});

describe('macro bombs', () => {
  it('stops an exponential expansion to nothing with one error', () => {
    const defs = Array.from({ length: 30 }, (_, i) => `#define m${i} m${i + 1} m${i + 1}`).join('\n');
    const r = preprocess('main.c', { fs: memoryFileSystem({ 'main.c': `${defs}\n#define m30\nm0 end\n` }) });
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0].message).toMatch(/^macro expansion of "m\d+" is too large$/);
    expect(r.tokens.map((t) => t.text)).toEqual(['end', '']);
  });
});
