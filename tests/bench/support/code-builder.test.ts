// Tests of the benchmark code builder: label resolution for branches and
// auipc/addi pairs, `li` expansion, and compressed layout (checked by
// disassembling the result with the project's disassembler).

import { describe, expect, it } from 'vitest';
import { CodeBuilder } from '../../../bench/support/code-builder.ts';
import { disassembleRange } from '../../../emulator/toolchain/disasm/disassemble.ts';

function listing(code: Uint8Array): string[] {
  return disassembleRange(code, 0x1000n).map((l) => `${l.pc.toString(16)} ${l.text}`);
}

describe('CodeBuilder', () => {
  it('resolves backward branches and expands li', () => {
    const b = new CodeBuilder(false);
    b.li('s0', 100).li('a0', 0x12345678).label('loop').op('addi', 's0', 's0', -1).op('bne', 's0', 'zero', { label: 'loop' });
    expect(listing(b.build())).toEqual([
      '1000 li s0,100',
      '1004 lui a0,0x12345',
      '1008 addiw a0,a0,1656',
      '100c addi s0,s0,-1',
      '1010 bnez s0,100c',
    ]);
  });

  it('compresses where it can and lays out labels with the 16-bit sizes', () => {
    const b = new CodeBuilder(true);
    b.label('top').op('addi', 's0', 's0', -1).op('mul', 'a0', 'a0', 'a1').op('bne', 's0', 'zero', { label: 'top' }).op('jal', 'zero', { label: 'top' });
    const code = b.build();
    expect(code.length).toBe(2 + 4 + 2 + 2);
    expect(listing(code)).toEqual(['1000 addi s0,s0,-1', '1002 mul a0,a0,a1', '1006 bnez s0,1000', '1008 j 1000']);
  });

  it('loads a label address with auipc + addi, including a data label outside the code', () => {
    const b = new CodeBuilder(false);
    b.at('array', 0x10000).la('s1', 'array').la('s2', 'here').label('here').op('ecall');
    expect(listing(b.build())).toEqual([
      '1000 auipc s1,0x10',
      '1004 mv s1,s1',
      '1008 auipc s2,0x0',
      '100c addi s2,s2,8',
      '1010 ecall',
    ]);
  });

  it('rejects an undefined label', () => {
    expect(() => new CodeBuilder(false).op('jal', 'zero', { label: 'nowhere' }).build()).toThrow(/undefined label/);
  });
});
