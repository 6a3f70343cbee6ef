// Robustness: truncated and randomly mutated assembly sources never make the
// assembler throw or hang; every diagnostic points inside the source; and an
// object assembled without errors always serializes to ELF.

import { describe, expect, it } from 'vitest';
import { assemble as assembleForDepth } from '../../../../emulator/toolchain/asm/assembler.ts';
import { assemble } from '../../../../emulator/toolchain/asm/assembler.ts';
import { writeElfObject } from '../../../../emulator/toolchain/asm/elf-object-writer.ts';
import { readElf } from '../../../../emulator/toolchain/elf/elf-reader.ts';
import { prng } from '../support/operand-samples.ts';
import { PROGRAM_CORPUS } from './corpus.ts';

const INTERESTING = ['\n.rept 3\n', '\n.endr\n', ',', '(', ')', '%', '"', "'", ':', '.', '-', '~', '<<', '1b', '1f', '\n', ';', '#', '/*', '\\', 'a0', 'x', '0x', '9999999999999999999999', '@'];

function mutate(src: string, rnd: () => number): string {
  let s = src;
  const edits = 1 + (rnd() % 4);
  for (let i = 0; i < edits; i++) {
    const at = rnd() % (s.length + 1);
    switch (rnd() % 4) {
      case 0: s = s.slice(0, at); break; // truncate
      case 1: s = s.slice(0, at) + s.slice(at + 1 + (rnd() % 8)); break; // delete
      case 2: s = s.slice(0, at) + INTERESTING[rnd() % INTERESTING.length] + s.slice(at); break; // insert
      default: s = s.slice(0, at) + String.fromCharCode(32 + (rnd() % 95)) + s.slice(at + 1); // replace
    }
  }
  return s;
}

function check(src: string): void {
  const lines = src.split('\n').length;
  const r = assemble(src, 'fuzz.s');
  for (const d of r.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.message.length).toBeGreaterThan(0);
  }
  if (!r.diagnostics.some((d) => d.severity === 'error')) readElf(writeElfObject(r.object));
}

describe('limits', () => {
  it('a long flat sum is fine, deep nesting is an error (not a stack overflow)', () => {
    const flat = assembleForDepth(`.data\n.word ${Array.from({ length: 500 }, () => '1').join('+')}`, 'x.s');
    expect(flat.diagnostics).toEqual([]);
    const deep = assembleForDepth(`.word ${'('.repeat(5000)}1${')'.repeat(5000)}`, 'x.s');
    expect(deep.diagnostics[0]).toMatchObject({ line: 1, message: 'expression is too deeply nested' });
  });
});

describe('fuzz', () => {
  const sources = Object.values(PROGRAM_CORPUS).map((s) => s.replace(/\.space \d+/g, '.space 64'));

  it('every prefix of each corpus program (cut at 40 points)', () => {
    for (const src of sources) {
      for (let k = 0; k <= 40; k++) check(src.slice(0, Math.floor((src.length * k) / 40)));
    }
  });

  it('400 random mutations finish quickly and only produce diagnostics', () => {
    const rnd = prng(2024);
    const start = Date.now();
    for (let i = 0; i < 400; i++) check(mutate(sources[i % sources.length]!, rnd));
    expect(Date.now() - start).toBeLessThan(60_000);
  });

  it('random bytes and deeply nested expressions', () => {
    const rnd = prng(99);
    for (let i = 0; i < 100; i++) {
      check(Array.from({ length: 200 }, () => String.fromCharCode(rnd() % 128)).join(''));
    }
    check(`.word ${'('.repeat(500)}1${')'.repeat(500)}`);
    check(`.word ${'-'.repeat(2000)}1`);
    check(`.word ${Array.from({ length: 2000 }, () => '1').join('+')}`);
    check(`.word ${Array.from({ length: 100_000 }, () => '1').join('+')}`);
    check(`.word ${'('.repeat(100_000)}`);
    check(`.word ${'-'.repeat(100_000)}1`);
  });
});
