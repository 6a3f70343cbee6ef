// Each relocation type on hand-built objects: the patched immediate decodes
// (with decoders written independently here) to the expected value, range
// limits give the documented error instead of truncation, and TLS, GOT,
// unknown and misplaced relocations are rejected with a clear message.

import { describe, expect, it } from 'vitest';
import { readElf } from '../../../../emulator/toolchain/elf/elf-reader.ts';
import * as R from '../../../../emulator/toolchain/elf/riscv-relocations.ts';
import { buildObject, words, type RelocSpec } from './object-builder.ts';
import { bytesAt, linkErrors, linkOk, symbolValue, wordAt } from './link-helpers.ts';

const sext = (v: number, bits: number): number => (v << (32 - bits)) >> (32 - bits);
const bit = (v: number, i: number): number => (v >>> i) & 1;
const decodeB = (w: number): number => sext((bit(w, 31) << 12) | (bit(w, 7) << 11) | (((w >>> 25) & 0x3f) << 5) | (((w >>> 8) & 0xf) << 1), 13);
const decodeJ = (w: number): number => sext((bit(w, 31) << 20) | (((w >>> 12) & 0xff) << 12) | (bit(w, 20) << 11) | (((w >>> 21) & 0x3ff) << 1), 21);
const decodeI = (w: number): number => w >> 20;
const decodeS = (w: number): number => sext((((w >>> 25) & 0x7f) << 5) | ((w >>> 7) & 0x1f), 12);
const decodeU = (w: number): number => w & 0xfffff000;
const decodeCB = (h: number): number => sext((bit(h, 12) << 8) | (((h >>> 5) & 3) << 6) | (bit(h, 2) << 5) | (((h >>> 10) & 3) << 3) | (((h >>> 3) & 3) << 1), 9);
const decodeCJ = (h: number): number => sext((bit(h, 12) << 11) | (bit(h, 8) << 10) | (((h >>> 9) & 3) << 8) | (bit(h, 6) << 7) | (bit(h, 7) << 6) | (bit(h, 2) << 5) | (bit(h, 11) << 4) | (((h >>> 3) & 7) << 1), 12);

const BEQ = 0x00000063;
const JAL = 0x0000006f;
const ADDI = 0x00000013;
const SD = 0x00003023;
const AUIPC = 0x00000017;
const LUI = 0x00000037;
const JALR = 0x00000067;
const C_BEQZ = 0xc001;
const C_J = 0xa001;

/** A caller object whose .text holds `code` with `relocs`, and a target object with `target` at `gap` bytes of filler in. */
function pair(code: number[], relocs: RelocSpec[], gap = 0x40, targetValue = 0n): { name: string; bytes: Uint8Array }[] {
  const caller = buildObject('caller.o', [{ name: '.text', bytes: code, align: 2 }], [{ name: '_start', section: '.text' }], relocs);
  const filler = new Array<number>(gap).fill(0);
  const target = buildObject('target.o', [{ name: '.text', bytes: [...filler, 0x01, 0x00, 0x01, 0x00], align: 2 }], [{ name: 'target', section: '.text', value: BigInt(gap) + targetValue }]);
  return [caller, target];
}

describe('instruction relocations', () => {
  it.each([
    ['BRANCH', words(BEQ), R.R_RISCV_BRANCH, decodeB],
    ['JAL', words(JAL), R.R_RISCV_JAL, decodeJ],
  ])('%s holds target - pc', (_name, code, type, decode) => {
    const r = linkOk(pair(code, [{ section: '.text', offset: 0, type, symbol: 'target' }]));
    const elf = readElf(r.elf);
    expect(decode(wordAt(elf, 0x8000_0000n))).toBe(Number(symbolValue(elf, 'target') - 0x8000_0000n));
  });

  it.each([
    ['RVC_BRANCH', [C_BEQZ & 0xff, C_BEQZ >> 8], R.R_RISCV_RVC_BRANCH, decodeCB],
    ['RVC_JUMP', [C_J & 0xff, C_J >> 8], R.R_RISCV_RVC_JUMP, decodeCJ],
  ])('%s holds target - pc in the compressed format', (_name, code, type, decode) => {
    const r = linkOk(pair(code, [{ section: '.text', offset: 0, type, symbol: 'target' }]));
    const elf = readElf(r.elf);
    const half = wordAt(elf, 0x8000_0000n) & 0xffff;
    expect(decode(half)).toBe(Number(symbolValue(elf, 'target') - 0x8000_0000n));
    expect(half & 0xe003).toBe((type === R.R_RISCV_RVC_JUMP ? C_J : C_BEQZ) & 0xe003);
  });

  it('CALL patches the auipc+jalr pair, including a negative low part', () => {
    const r = linkOk(pair(words(AUIPC | (1 << 7), JALR | (1 << 7) | (1 << 15)), [{ section: '.text', offset: 0, type: R.R_RISCV_CALL, symbol: 'target' }], 0x1900));
    const elf = readElf(r.elf);
    const [auipc, jalr] = [wordAt(elf, 0x8000_0000n), wordAt(elf, 0x8000_0004n)];
    expect(decodeU(auipc) + decodeI(jalr)).toBe(Number(symbolValue(elf, 'target') - 0x8000_0000n));
    expect(decodeI(jalr)).toBeLessThan(0);
    expect(jalr & 0xfffff).toBe(JALR | (1 << 7) | (1 << 15));
  });

  it('PCREL_HI20 with PCREL_LO12_I and _S finds the hi part through the auipc label', () => {
    const code = words(AUIPC | (5 << 7), ADDI | (6 << 7) | (5 << 15), SD | (5 << 15) | (7 << 20));
    const caller = buildObject('caller.o', [{ name: '.text', bytes: code, align: 4 }], [
      { name: '_start', section: '.text' }, { name: '.Lhi', section: '.text', binding: 'local' },
    ], [
      { section: '.text', offset: 0, type: R.R_RISCV_PCREL_HI20, symbol: 'target', addend: 0x7ffn },
      { section: '.text', offset: 4, type: R.R_RISCV_PCREL_LO12_I, symbol: '.Lhi' },
      { section: '.text', offset: 8, type: R.R_RISCV_PCREL_LO12_S, symbol: '.Lhi' },
    ]);
    const [, target] = pair([], []);
    const elf = readElf(linkOk([caller, target!]).elf);
    const want = Number(symbolValue(elf, 'target') + 0x7ffn - 0x8000_0000n);
    expect(decodeU(wordAt(elf, 0x8000_0000n)) + decodeI(wordAt(elf, 0x8000_0004n))).toBe(want);
    expect(decodeU(wordAt(elf, 0x8000_0000n)) + decodeS(wordAt(elf, 0x8000_0008n))).toBe(want);
  });

  it('HI20 with LO12_I and LO12_S address an absolute symbol', () => {
    const code = words(LUI | (5 << 7), ADDI | (6 << 7) | (5 << 15), SD | (5 << 15) | (7 << 20));
    const obj = buildObject('abs.o', [{ name: '.text', bytes: code }], [{ name: '_start', section: '.text' }, { name: 'port', section: 'abs', value: 0x1234_5fffn }], [
      { section: '.text', offset: 0, type: R.R_RISCV_HI20, symbol: 'port' },
      { section: '.text', offset: 4, type: R.R_RISCV_LO12_I, symbol: 'port' },
      { section: '.text', offset: 8, type: R.R_RISCV_LO12_S, symbol: 'port' },
    ]);
    const elf = readElf(linkOk([obj]).elf);
    expect(decodeU(wordAt(elf, 0x8000_0000n)) + decodeI(wordAt(elf, 0x8000_0004n))).toBe(0x1234_5fff);
    expect(decodeU(wordAt(elf, 0x8000_0000n)) + decodeS(wordAt(elf, 0x8000_0008n))).toBe(0x1234_5fff);
  });
});

describe('range and placement errors', () => {
  it.each([
    ['BRANCH', words(BEQ), R.R_RISCV_BRANCH, 0xffc, 'offset 0x1000 does not fit 13 bits'],
    ['RVC_BRANCH', [0x01, 0xc0], R.R_RISCV_RVC_BRANCH, 0x100, 'offset 0x102 does not fit 9 bits'],
    ['RVC_JUMP', [0x01, 0xa0], R.R_RISCV_RVC_JUMP, 0x800, 'offset 0x802 does not fit 12 bits'],
    ['JAL', words(JAL), R.R_RISCV_JAL, 0x100000, 'offset 0x100004 does not fit 21 bits'],
  ])('%s out of range is an error naming the symbol and offset', (name, code, type, gap, detail) => {
    expect(linkErrors(pair(code, [{ section: '.text', offset: 0, type, symbol: 'target' }], gap)))
      .toBe(`caller.o: error: relocation R_RISCV_${name} against 'target' out of range: ${detail} (at .text+0x0)`);
  });

  it('accepts the largest forward offsets that fit', () => {
    expect(decodeB(wordAt(readElf(linkOk(pair(words(BEQ), [{ section: '.text', offset: 0, type: R.R_RISCV_BRANCH, symbol: 'target' }], 0xffa)).elf), 0x8000_0000n))).toBe(0xffe);
    expect(decodeJ(wordAt(readElf(linkOk(pair(words(JAL), [{ section: '.text', offset: 0, type: R.R_RISCV_JAL, symbol: 'target' }], 0xffffa)).elf), 0x8000_0000n))).toBe(0xffffe);
  });

  it('rejects an odd branch offset', () => {
    expect(linkErrors(pair(words(JAL), [{ section: '.text', offset: 0, type: R.R_RISCV_JAL, symbol: 'target' }], 0x40, 1n))).toMatch(/offset 0x45 is odd/);
  });

  it('rejects R_RISCV_32 of a value above 4 GiB, and a 32_PCREL beyond 2 GiB', () => {
    const obj = buildObject('d.o', [{ name: '.data', bytes: new Array(8).fill(0) }], [{ name: 'big', section: 'abs', value: 0x1_0000_0000n }], [
      { section: '.data', offset: 0, type: R.R_RISCV_32, symbol: 'big' },
      { section: '.data', offset: 4, type: R.R_RISCV_32_PCREL, symbol: 'big', addend: 0x1_0000_0000n },
    ]);
    const text = linkErrors([obj]);
    expect(text).toContain("d.o: error: relocation R_RISCV_32 against 'big' out of range: value 0x100000000 does not fit 32 bits (at .data+0x0)");
    expect(text).toMatch(/R_RISCV_32_PCREL against 'big' out of range: offset 0x[0-9a-f]+ does not fit 32 bits/);
  });

  it.each([
    [29, "relocation R_RISCV_TPREL_HI20 against 'tls_var' is a thread-local storage relocation: TLS is not supported (at .text+0x0)"],
    [R.R_RISCV_GOT_HI20, "relocation R_RISCV_GOT_HI20 against 'tls_var' needs a GOT, which this static linker does not build: compile with -fno-pic (at .text+0x0)"],
    [3, "relocation R_RISCV_RELATIVE against 'tls_var' is a dynamic relocation and has no meaning in a static executable (at .text+0x0)"],
    [99, "relocation relocation type 99 against 'tls_var' is not supported by this linker (at .text+0x0)"],
  ])('rejects relocation type %i with a clear message', (type, message) => {
    const obj = buildObject('t.o', [{ name: '.text', bytes: words(LUI) }], [{ name: '_start', section: '.text' }, { name: 'tls_var', section: 'abs' }], [{ section: '.text', offset: 0, type, symbol: 'tls_var' }]);
    expect(linkErrors([obj])).toBe(`t.o: error: ${message}`);
  });

  it('rejects a %pcrel_lo whose label is not at an auipc with R_RISCV_PCREL_HI20', () => {
    const obj = buildObject('lo.o', [{ name: '.text', bytes: words(ADDI, ADDI) }], [{ name: '_start', section: '.text' }], [
      { section: '.text', offset: 4, type: R.R_RISCV_PCREL_LO12_I, symbol: '_start' },
    ]);
    expect(linkErrors([obj])).toBe("lo.o: error: relocation R_RISCV_PCREL_LO12_I against '_start' does not point at an auipc with an R_RISCV_PCREL_HI20 relocation (it points at 0x80000000) (at .text+0x4)");
  });

  it('rejects a relocation outside its section', () => {
    const obj = buildObject('o.o', [{ name: '.text', bytes: words(ADDI) }], [{ name: '_start', section: '.text' }], [
      { section: '.text', offset: 2, type: R.R_RISCV_64, symbol: '_start' },
    ]);
    expect(linkErrors([obj])).toBe("o.o: error: relocation R_RISCV_64 against '_start' offset lies outside .text (size 0x4) (at .text+0x2)");
  });
});

describe('data relocations', () => {
  it('ADD/SUB/SET pairs compute label differences at every width', () => {
    const data = [0x11, 0xc5, 0xc5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const obj = buildObject('d.o', [{ name: '.data', bytes: data }], [
      { name: 'a', section: 'abs', value: 0x1000n }, { name: 'b', section: 'abs', value: 0x1234n },
    ], [
      { section: '.data', offset: 0, type: R.R_RISCV_ADD8, symbol: 'b' }, { section: '.data', offset: 0, type: R.R_RISCV_SUB8, symbol: 'a' },
      { section: '.data', offset: 1, type: R.R_RISCV_SET6, symbol: 'b' },
      { section: '.data', offset: 2, type: R.R_RISCV_SUB6, symbol: 'a', addend: 3n },
      { section: '.data', offset: 3, type: R.R_RISCV_ADD16, symbol: 'b' }, { section: '.data', offset: 3, type: R.R_RISCV_SUB16, symbol: 'a' },
      { section: '.data', offset: 5, type: R.R_RISCV_ADD32, symbol: 'b' }, { section: '.data', offset: 5, type: R.R_RISCV_SUB32, symbol: 'a' },
      { section: '.data', offset: 9, type: R.R_RISCV_ADD64, symbol: 'a' }, { section: '.data', offset: 9, type: R.R_RISCV_SUB64, symbol: 'b' },
      { section: '.data', offset: 17, type: R.R_RISCV_SET8, symbol: 'b' },
      { section: '.data', offset: 18, type: R.R_RISCV_SET16, symbol: 'b' },
      { section: '.data', offset: 20, type: R.R_RISCV_SET32, symbol: 'b', addend: -0x1235n },
    ]);
    const r = linkOk([obj]);
    const bytes = bytesAt(readElf(r.elf), r.sections.find((s) => s.name === '.data')!.address, 24);
    const view = new DataView(bytes.buffer);
    expect(view.getUint8(0)).toBe((0x11 + 0x34) & 0xff);
    expect(view.getUint8(1)).toBe(0xc0 | 0x34);
    expect(view.getUint8(2)).toBe(0xc0 | ((5 - 3) & 0x3f));
    expect(view.getUint16(3, true)).toBe(0x234);
    expect(view.getUint32(5, true)).toBe(0x234);
    expect(view.getBigInt64(9, true)).toBe(-0x234n);
    expect(view.getUint8(17)).toBe(0x34);
    expect(view.getUint16(18, true)).toBe(0x1234);
    expect(view.getUint32(20, true)).toBe(0xffff_ffff);
  });

  it('SET_ULEB128/SUB_ULEB128 rewrite a ULEB128 in place, and reject values that do not fit', () => {
    const obj = buildObject('u.o', [{ name: '.data', bytes: [0x80, 0x80, 0x00, 0x7f] }], [
      { name: 'a', section: 'abs', value: 0x1000n }, { name: 'b', section: 'abs', value: 0x3234n },
    ], [
      { section: '.data', offset: 0, type: R.R_RISCV_SET_ULEB128, symbol: 'b' }, { section: '.data', offset: 0, type: R.R_RISCV_SUB_ULEB128, symbol: 'a' },
    ]);
    const r = linkOk([obj]);
    const bytes = bytesAt(readElf(r.elf), r.sections.find((s) => s.name === '.data')!.address, 4);
    expect([...bytes]).toEqual([0xb4, 0xc4, 0x00, 0x7f]);
    const small = buildObject('u.o', [{ name: '.data', bytes: [0x00] }], [{ name: 'b', section: 'abs', value: 0x3234n }], [
      { section: '.data', offset: 0, type: R.R_RISCV_SET_ULEB128, symbol: 'b' },
    ]);
    expect(linkErrors([small])).toMatch(/value 0x3234 does not fit the 1-byte ULEB128 there/);
  });

  it('R_RISCV_64 and R_RISCV_32 store addresses; 32_PCREL stores target - place', () => {
    const obj = buildObject('d.o', [{ name: '.data', bytes: new Array(16).fill(0) }], [{ name: 'abs', section: 'abs', value: 0x1234_5678n }], [
      { section: '.data', offset: 0, type: R.R_RISCV_64, symbol: 'abs', addend: 0x1_0000_0000n },
      { section: '.data', offset: 8, type: R.R_RISCV_32, symbol: 'abs' },
      { section: '.data', offset: 12, type: R.R_RISCV_32_PCREL, symbol: '#.data' },
    ]);
    const r = linkOk([obj]);
    const bytes = bytesAt(readElf(r.elf), r.sections.find((s) => s.name === '.data')!.address, 16);
    const view = new DataView(bytes.buffer);
    expect(view.getBigUint64(0, true)).toBe(0x1_1234_5678n);
    expect(view.getUint32(8, true)).toBe(0x1234_5678);
    expect(view.getInt32(12, true)).toBe(-12);
  });
});

describe('R_RISCV_ALIGN and R_RISCV_RELAX', () => {
  it('deletes the surplus padding, moving later symbols, relocations and section-relative addends', () => {
    // nop; [6 bytes of padding: nop, c.nop] asking for 8-byte alignment; x: jal target
    const code = [...words(ADDI), ...words(ADDI), 0x01, 0x00, ...words(JAL)];
    const obj = buildObject('al.o', [{ name: '.text', bytes: code, align: 2 }, { name: '.data', bytes: new Array(8).fill(0), align: 8 }], [
      { name: '_start', section: '.text', size: 14n, type: 'func' }, { name: 'x', section: '.text', value: 10n },
    ], [
      { section: '.text', offset: 4, type: R.R_RISCV_ALIGN, symbol: '', addend: 6n },
      { section: '.text', offset: 10, type: R.R_RISCV_JAL, symbol: '_start' },
      { section: '.text', offset: 10, type: R.R_RISCV_RELAX, symbol: '' },
      { section: '.data', offset: 0, type: R.R_RISCV_64, symbol: '#.text', addend: 10n },
    ]);
    const r = linkOk([obj]);
    const elf = readElf(r.elf);
    expect(symbolValue(elf, 'x')).toBe(0x8000_0008n);
    expect(elf.symbols.find((s) => s.name === '_start')!.size).toBe(12n);
    expect(wordAt(elf, 0x8000_0004n)).toBe(ADDI);
    expect(decodeJ(wordAt(elf, 0x8000_0008n))).toBe(-8);
    const data = r.sections.find((s) => s.name === '.data')!.address;
    expect(new DataView(bytesAt(elf, data, 8).buffer).getBigUint64(0, true)).toBe(0x8000_0008n);
    expect(r.sections.find((s) => s.name === '.text')!.size).toBe(12n);
  });

  it('keeps padding when it is exactly what the alignment needs, rewriting it as nops', () => {
    const code = [0x01, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, ...words(ADDI)];
    const obj = buildObject('al.o', [{ name: '.text', bytes: code, align: 8 }], [{ name: '_start', section: '.text' }], [
      { section: '.text', offset: 2, type: R.R_RISCV_ALIGN, symbol: '', addend: 6n },
    ]);
    const elf = readElf(linkOk([obj]).elf);
    expect([...bytesAt(elf, 0x8000_0002n, 6)]).toEqual([0x13, 0, 0, 0, 0x01, 0x00]);
    expect(wordAt(elf, 0x8000_0008n)).toBe(ADDI);
  });
});
