// Differential tests of the disassembler and encoder against GNU binutils
// (riscv64-unknown-elf-as/objdump 2.40): random and table-driven instruction
// words through `objdump -b binary`, and a generated source using every
// RV64GC instruction assembled by `as` with and without compression.
// Skipped when the cross binutils are not installed.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { disassemble } from '../../../../emulator/toolchain/disasm/disassemble.ts';
import { COMPRESSED } from '../../../../emulator/toolchain/isa/compressed.ts';
import { compress, encode } from '../../../../emulator/toolchain/isa/encode.ts';
import { INSTRUCTIONS, type InstructionDef } from '../../../../emulator/toolchain/isa/instructions.ts';
import { AS, assembleAndDump, hasTool, OBJDUMP, objdumpRaw, type ObjdumpLine } from '../support/gnu-tools.ts';
import { asmText, prng, sampleOperands } from '../support/operand-samples.ts';

const haveObjdump = hasTool(OBJDUMP);
const haveAs = haveObjdump && hasTool(AS);

/**
 * Encodings objdump 2.40 decodes that we deliberately do not: the obsolete
 * pre-1.10 privileged instructions uret, hret and sfence.vm.
 */
const OBSOLETE = new Set([0x00200073, 0x20200073, 0x10400073]);

/** Returns a fresh word: table-driven (a random entry with random operand bits, sometimes a flipped bit) or raw random. */
function fuzzWord(rnd: () => number, defs: readonly InstructionDef[]): number {
  const def = defs[rnd() % defs.length];
  let w = (def.match | (rnd() & ~def.mask)) >>> 0;
  if (rnd() % 4 === 0) w = (w ^ (1 << (rnd() % (def.size * 8)))) >>> 0;
  if (def.size === 2) {
    if ((w & 3) === 3) w ^= 1; // a flip must not turn it into a 32-bit instruction
    return ((w & 0xffff) | 0x10000) >>> 0; // the upper half is a c.nop
  }
  if ((w & 3) !== 3) w = (w | 3) >>> 0;
  if ((w & 0x1f) === 0x1f) w = ((w & ~0x1f) | 0x13) >>> 0; // keep clear of 48/64-bit encodings
  return w;
}

function mismatches(words: readonly number[], lines: readonly ObjdumpLine[]): string[] {
  const byAddress = new Map(lines.map((l) => [l.address, l]));
  const bad: string[] = [];
  words.forEach((w, i) => {
    const address = BigInt(i * 4);
    const theirs = byAddress.get(address);
    const ours = disassemble(w, address);
    if (!theirs) bad.push(`${w.toString(16)}: objdump has no line at ${address}`);
    else if (ours !== theirs.text && !OBSOLETE.has(w)) bad.push(`${w.toString(16)}: objdump '${theirs.text}', ours '${ours}'`);
  });
  return bad;
}

function fuzzAgainstObjdump(seed: number, count: number, defs: readonly InstructionDef[]): string[] {
  const rnd = prng(seed);
  const words = Array.from({ length: count }, () => fuzzWord(rnd, defs));
  const bytes = new Uint8Array(count * 4);
  const view = new DataView(bytes.buffer);
  words.forEach((w, i) => view.setUint32(i * 4, w, true));
  return mismatches(words, objdumpRaw(bytes));
}

describe.skipIf(!haveObjdump)('disassembler vs objdump on instruction words', () => {
  it('agrees on table-driven 32-bit and compressed words (with bit flips)', () => {
    const bad = fuzzAgainstObjdump(1, 30_000, [...INSTRUCTIONS, ...COMPRESSED]);
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it('agrees on random 16-bit halfwords', () => {
    const rnd = prng(2);
    const words = Array.from({ length: 20_000 }, () => {
      let h = rnd() & 0xffff;
      if ((h & 3) === 3) h &= ~1;
      return (h | 0x10000) >>> 0;
    });
    const bytes = new Uint8Array(words.length * 4);
    const view = new DataView(bytes.buffer);
    words.forEach((w, i) => view.setUint32(i * 4, w, true));
    expect(mismatches(words, objdumpRaw(bytes)).slice(0, 20)).toEqual([]);
  });

  it('agrees on random words with valid major opcodes', () => {
    const rnd = prng(3);
    const opcodes = [...new Set(INSTRUCTIONS.map((d) => d.match & 0x7f))];
    const words = Array.from({ length: 20_000 }, () => ((rnd() & ~0x7f) | opcodes[rnd() % opcodes.length]) >>> 0);
    const bytes = new Uint8Array(words.length * 4);
    const view = new DataView(bytes.buffer);
    words.forEach((w, i) => view.setUint32(i * 4, w, true));
    expect(mismatches(words, objdumpRaw(bytes)).slice(0, 20)).toEqual([]);
  });
});

interface SourceLine {
  readonly def: InstructionDef;
  readonly values: number[];
  readonly text: string;
}

function everyInstruction(seed: number, samplesEach: number): SourceLine[] {
  const rnd = prng(seed);
  const lines: SourceLine[] = [];
  for (const def of INSTRUCTIONS) {
    for (let k = 0; k < samplesEach; k++) {
      const values = sampleOperands(def, rnd);
      lines.push({ def, values, text: asmText(def, values) });
    }
  }
  return lines;
}

/** Assembles every line with as, then checks our encoding and our disassembly of each word. */
function checkAgainstAs(compressed: boolean): string[] {
  const source = everyInstruction(compressed ? 11 : 12, 8);
  const prologue = compressed ? '' : '.option norvc\n';
  const { lines } = assembleAndDump(prologue + source.map((s) => s.text).join('\n') + '\n', ['-mno-relax', '-mpriv-spec=1.12']);
  if (lines.length !== source.length) return [`as produced ${lines.length} instructions for ${source.length} lines`];
  const bad: string[] = [];
  source.forEach((s, i) => {
    const wide = encode(s.def.name, s.values);
    const ours = compressed ? (compress(s.def.name, s.values) ?? wide) : wide;
    const theirs = lines[i];
    if (ours !== theirs.word) bad.push(`${s.text}: as ${theirs.word.toString(16)}, encode ${ours.toString(16)}`);
    const text = disassemble(theirs.word, theirs.address);
    if (text !== theirs.text) bad.push(`${s.text}: objdump '${theirs.text}', ours '${text}'`);
  });
  return bad;
}

describe.skipIf(!haveAs)('encoder and disassembler vs GNU as + objdump -d', () => {
  it('matches for every RV64GC instruction without compression (-mno-relax, .option norvc)', () => {
    expect(checkAgainstAs(false).slice(0, 20)).toEqual([]);
  });

  it('matches with compression on (as picks RVC forms; our compress() must pick the same)', () => {
    expect(checkAgainstAs(true).slice(0, 20)).toEqual([]);
  });

  it('prints the pseudo-instructions objdump prints for a hand-written source', () => {
    const source = readFileSync(new URL('./fixtures/pseudo.s', import.meta.url), 'utf8');
    const { lines } = assembleAndDump(source, ['-mno-relax', '-mpriv-spec=1.12']);
    expect(lines.length).toBeGreaterThan(100);
    const bad = lines.filter((l) => disassemble(l.word, l.address) !== l.text)
      .map((l) => `${l.word.toString(16)}: objdump '${l.text}', ours '${disassemble(l.word, l.address)}'`);
    expect(bad).toEqual([]);
  });
});
