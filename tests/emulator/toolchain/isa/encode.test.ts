// Encoder tests: encode -> decode -> disassemble round trips for every
// instruction of the table (32-bit and compressed), compression choices, and
// fixed encodings checked against the ISA manual so the round trip is not
// only self-consistent.

import { describe, expect, it } from 'vitest';
import { disassemble } from '../../../../emulator/toolchain/disasm/disassemble.ts';
import { COMPRESSED } from '../../../../emulator/toolchain/isa/compressed.ts';
import { decode, expandOperands } from '../../../../emulator/toolchain/isa/decode.ts';
import { compress, encode, encodeCompressed, EncodeError } from '../../../../emulator/toolchain/isa/encode.ts';
import { fixedFields, INSTRUCTIONS } from '../../../../emulator/toolchain/isa/instructions.ts';
import { prng, sampleOperands } from '../support/operand-samples.ts';

describe('encode/decode round trip', () => {
  it('covers every 32-bit instruction of RV64GC', () => {
    const names = new Set(INSTRUCTIONS.map((d) => d.name));
    for (const n of ['lui', 'sraiw', 'remuw', 'amomaxu.d.aqrl', 'sc.w.rl', 'fnmadd.d', 'fcvt.lu.d', 'fmv.d.x',
      'fclass.s', 'csrrci', 'fence.i', 'fence.tso', 'sfence.vma', 'wfi', 'mret', 'sret', 'ecall', 'ebreak']) {
      expect(names.has(n), n).toBe(true);
    }
    // RV64I 53 (incl. fence.tso) + Zicsr/Zifencei/privileged 11 + M 13 + A 88 + F 30 + D 32 (incl. fcvt.s.d, fcvt.d.s)
    expect(INSTRUCTIONS.length).toBe(53 + 11 + 13 + 88 + 30 + 32);
  });

  it('decodes every encoded 32-bit instruction back to the same operands, and disassembles it', () => {
    const rnd = prng(1);
    for (const def of INSTRUCTIONS) {
      for (let k = 0; k < 25; k++) {
        const values = sampleOperands(def, rnd);
        const word = encode(def.name, values);
        const d = decode(word);
        expect(d?.def.name, `${def.name} ${values.join(',')}`).toBe(def.name);
        expect(d?.operands).toEqual(values);
        expect(disassemble(word)).not.toMatch(/^\.\dbyte/);
      }
    }
  });

  it('decodes every compressed instruction to its expansion, and compress() re-finds a 16-bit form', () => {
    const rnd = prng(2);
    for (const def of COMPRESSED.filter((d) => !d.hint)) {
      for (let k = 0; k < 25; k++) {
        const values = sampleOperands(def, rnd);
        const half = encodeCompressed(def.name, values);
        expect(half).toBeLessThan(0x10000);
        const d = decode(half);
        expect(d?.compressed?.name, `${def.name} ${values.join(',')}`).toBe(def.name);
        expect(d?.size).toBe(2);
        const wide = expandOperands(def, values);
        expect(d?.operands).toEqual(wide);
        const again = compress(def.expandsTo.name, wide);
        expect(again, `${def.name} ${values.join(',')}`).toBeDefined();
        expect(decode(again ?? 0)?.operands).toEqual(wide);
        // The expansion itself encodes to a 32-bit word with the same meaning.
        expect(decode(encode(def.expandsTo.name, wide))?.operands).toEqual(wide);
      }
    }
  });
});

describe('known encodings (RISC-V unprivileged spec)', () => {
  it('encodes 32-bit instructions to the manual bit patterns', () => {
    expect(encode('addi', ['a0', 'a0', 1])).toBe(0x00150513);
    expect(encode('jalr', ['zero', 0, 'ra'])).toBe(0x00008067);
    expect(encode('lui', ['a0', 0x12345])).toBe(0x12345537);
    expect(encode('sd', ['ra', 8, 'sp'])).toBe(0x00113423);
    expect(encode('beq', ['a0', 'a1', -4])).toBe(0xfeb50ee3);
    expect(encode('jal', ['ra', 2048])).toBe(0x001000ef);
    expect(encode('srai', ['a0', 'a0', 63])).toBe(0x43f55513);
    expect(encode('csrrs', ['a0', 'mstatus', 'zero'])).toBe(0x30002573);
    expect(encode('fadd.d', ['fa0', 'fa1', 'fa2'])).toBe(0x02c5f553);
    expect(encode('fadd.d', ['fa0', 'fa1', 'fa2', 'rtz'])).toBe(0x02c59553);
    expect(encode('amoadd.w.aqrl', ['a0', 'a2', 'a1'])).toBe(0x06c5a52f);
    expect(encode('fence', ['iorw', 'iorw'])).toBe(0x0ff0000f);
    expect(encode('ecall')).toBe(0x00000073);
  });

  it('encodes compressed instructions to the manual bit patterns', () => {
    expect(encodeCompressed('c.jr', ['ra'])).toBe(0x8082);
    expect(encodeCompressed('c.addi16sp', [-64])).toBe(0x7139);
    expect(encodeCompressed('c.addi', ['sp', -16])).toBe(0x1141);
    expect(encodeCompressed('c.lui', ['a0', 0xfffff])).toBe(0x757d);
    expect(encodeCompressed('c.sdsp', ['ra', 8])).toBe(0xe406);
    expect(encodeCompressed('c.ldsp', ['ra', 8])).toBe(0x60a2);
    expect(encodeCompressed('c.li', ['a0', -1])).toBe(0x557d);
    expect(encodeCompressed('c.nop')).toBe(0x0001);
    expect(compress('addi', ['sp', 'sp', -16])).toBe(0x1141);
    expect(compress('jalr', ['zero', 0, 'ra'])).toBe(0x8082);
    expect(compress('add', ['a0', 'zero', 'a1'])).toBe(0x852e); // c.mv, as GNU as does
    expect(compress('addi', ['a0', 'a1', 1])).toBeUndefined();
    expect(compress('ld', ['a0', 4, 'sp'])).toBeUndefined(); // offset not a multiple of 8
  });
});

describe('encoder errors', () => {
  it('rejects unknown mnemonics, wrong operand counts and bad names', () => {
    expect(() => encode('frobnicate', [])).toThrow(EncodeError);
    expect(() => encode('add', ['a0', 'a1'])).toThrow(/expected 3 operands/);
    expect(() => encode('add', ['a0', 'a1', 'fa0'])).toThrow(/not a valid rs2/);
    expect(() => encode('csrrw', ['a0', 'nosuchcsr', 'a1'])).toThrow(EncodeError);
    expect(() => encode('fence', ['rwx', 'rw'])).toThrow(EncodeError);
  });

  it('rejects values that do not fit or are misaligned', () => {
    expect(() => encode('addi', ['a0', 'a0', 2048])).toThrow(/out of range/);
    expect(() => encode('addi', ['a0', 'a0', -2049])).toThrow(/out of range/);
    expect(() => encode('beq', ['a0', 'a1', 3])).toThrow(/multiple of 2/);
    expect(() => encode('jal', ['ra', 1 << 20])).toThrow(/out of range/);
    expect(() => encode('slli', ['a0', 'a0', 64])).toThrow(/out of range/);
    expect(() => encode('fadd.s', ['fa0', 'fa0', 'fa0', 5])).toThrow(/reserved/);
  });

  it('rejects reserved compressed operands', () => {
    expect(() => encodeCompressed('c.addi4spn', ['a0', 0])).toThrow(/reserved/);
    expect(() => encodeCompressed('c.lui', ['sp', 1])).toThrow(/reserved/);
    expect(() => encodeCompressed('c.lw', ['a6', 0, 'a0'])).toThrow(/out of range/); // a6 is not x8..x15
    expect(() => encodeCompressed('c.addi', ['a0', 0])).toThrow(/reserved/);
  });
});

describe('fixedFields', () => {
  it('reads opcode and funct fields off the table', () => {
    const f = (name: string) => { const d = INSTRUCTIONS.find((x) => x.name === name); if (!d) throw new Error(name); return fixedFields(d); };
    expect(f('sub')).toEqual({ opcode: 0x33, funct3: 0, funct7: 0x20, rs2: undefined });
    expect(f('addi')).toEqual({ opcode: 0x13, funct3: 0, funct7: undefined, rs2: undefined });
    expect(f('fcvt.l.d')).toEqual({ opcode: 0x53, funct3: undefined, funct7: 0x61, rs2: 2 });
    expect(f('amoor.d.aq').funct7).toBe((0x08 << 2) | 2);
  });
});
