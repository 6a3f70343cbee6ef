// Disassembler unit tests with expected text written out (independent of
// installed tools): objdump-style aliases, compressed expansion, rounding
// modes, branch targets with and without a pc, CSR names, unknown encodings.

import { describe, expect, it } from 'vitest';
import { disassemble, disassembleRange, instructionLength } from '../../../../emulator/toolchain/disasm/disassemble.ts';

const cases: [number, string][] = [
  [0x00000013, 'nop'],
  [0x00500513, 'li a0,5'],
  [0x00058513, 'mv a0,a1'],
  [0x00150513, 'addi a0,a0,1'],
  [0xfff5c513, 'not a0,a1'],
  [0x40b00533, 'neg a0,a1'],
  [0x0005851b, 'sext.w a0,a1'],
  [0x00008067, 'ret'],
  [0x00050067, 'jr a0'],
  [0x000500e7, 'jalr a0'],
  [0x30002573, 'csrr a0,mstatus'],
  [0x30551073, 'csrw mtvec,a0'],
  [0x3002e073, 'csrsi mstatus,5'],
  [0xc0002573, 'rdcycle a0'],
  [0x7c002573, 'csrr a0,0x7c0'],
  [0x20b58553, 'fmv.s fa0,fa1'],
  [0x22b59553, 'fneg.d fa0,fa1'],
  [0x02c5f553, 'fadd.d fa0,fa1,fa2'],
  [0x02c59553, 'fadd.d fa0,fa1,fa2,rtz'],
  [0xc0051553, 'fcvt.w.s a0,fa0,rtz'],
  [0x0ff0000f, 'fence'],
  [0x0330000f, 'fence rw,rw'],
  [0x1605a52f, 'lr.w.aqrl a0,(a1)'],
  [0x00113423, 'sd ra,8(sp)'],
  [0x12345537, 'lui a0,0x12345'],
  [0x43f55513, 'srai a0,a0,0x3f'],
  [0x12000073, 'sfence.vma'],
  [0x10500073, 'wfi'],
  [0xc0001073, 'unimp'],
  // compressed, shown expanded
  [0x8082, 'ret'],
  [0x1141, 'addi sp,sp,-16'],
  [0xe406, 'sd ra,8(sp)'],
  [0x60a2, 'ld ra,8(sp)'],
  [0x557d, 'li a0,-1'],
  [0x852e, 'mv a0,a1'],
  [0x0001, 'nop'],
  [0x9002, 'ebreak'],
  [0x0000, 'unimp'],
  [0x4001, 'c.li zero,0'], // a HINT
  // unknown
  [0xffffffff, '.4byte 0xffffffff'],
  [0x00000053 | (0x7f << 25), '.4byte 0xfe000053'],
  [0x6001, '.2byte 0x6001'], // c.lui with imm 0 is reserved
];

describe('disassemble', () => {
  it.each(cases)('%s', (word, text) => {
    expect(disassemble(word)).toBe(text);
  });

  it('prints branch and jump targets as absolute addresses when given a pc', () => {
    expect(disassemble(0xfe051ee3, 0x80000010n)).toBe('bnez a0,8000000c');
    expect(disassemble(0x0000006f, 0x80000000n)).toBe('j 80000000');
    expect(disassemble(0x008000ef, 0x1000n)).toBe('jal 1008');
    expect(disassemble(0xa001, 0x100n)).toBe('j 100'); // c.j 0
    expect(disassemble(0xfe050fe3, 0n)).toBe('beqz a0,fffffffffffffffe');
  });

  it('prints pc-relative targets without a pc', () => {
    expect(disassemble(0xfe051ee3)).toBe('bnez a0,.-4');
    expect(disassemble(0x008000ef)).toBe('jal .+8');
  });

  it('reports instruction lengths from the low bits', () => {
    expect(instructionLength(0x8082)).toBe(2);
    expect(instructionLength(0x00008067)).toBe(4);
  });
});

describe('disassembleRange', () => {
  it('walks mixed 16- and 32-bit code and marks a cut-off instruction', () => {
    // c.addi16sp sp,-64 | sd ra,8(sp) (32-bit) | ret (c.jr ra) | first half of a 32-bit word
    const bytes = new Uint8Array([0x39, 0x71, 0x23, 0x34, 0x11, 0x00, 0x82, 0x80, 0x13, 0x05]);
    const lines = disassembleRange(bytes, 0x80000000n);
    expect(lines.map((l) => [l.pc, l.size, l.text])).toEqual([
      [0x80000000n, 2, 'addi sp,sp,-64'],
      [0x80000002n, 4, 'sd ra,8(sp)'],
      [0x80000006n, 2, 'ret'],
      [0x80000008n, 2, '.2byte 0x513'],
    ]);
  });
});
