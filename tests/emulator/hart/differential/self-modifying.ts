// Self-modifying code items for the differential generator: store a freshly
// encoded instruction over a 4-byte slot in .text, fence.i, then execute it.
// Inside a loop the encoding varies with the loop counter, so a stale decoded
// instruction in the hart's code cache shows up as a register mismatch.

import type { Prng } from './prng.ts';
import { LOOP_REG, type Block } from './program-model.ts';
import { rdNonZero } from './operands.ts';

const I_FUNCT3: readonly [string, number, number][] = [
  ['addi', 0x13, 0], ['slti', 0x13, 2], ['sltiu', 0x13, 3], ['xori', 0x13, 4], ['ori', 0x13, 6],
  ['andi', 0x13, 7], ['addiw', 0x1b, 0]];
const R_OPS: readonly [string, number, number, number][] = [
  ['add', 0x33, 0, 0], ['sub', 0x33, 0, 0x20], ['sll', 0x33, 1, 0], ['xor', 0x33, 4, 0],
  ['srl', 0x33, 5, 0], ['sra', 0x33, 5, 0x20], ['or', 0x33, 6, 0], ['and', 0x33, 7, 0],
  ['mul', 0x33, 0, 1], ['addw', 0x3b, 0, 0], ['subw', 0x3b, 0, 0x20]];
const NOP = 0x0000_0013;
const C_NOP = 0x0001;

function regNumber(name: string): number {
  return Number(name.slice(1));
}

/** Returns the 32-bit encoding of a random I-type or R-type ALU instruction. */
function encodeAlu(rng: Prng): number {
  const rd = regNumber(rdNonZero(rng));
  const rs1 = rng.below(32);
  if (rng.chance(0.5)) {
    const [, opcode, funct3] = rng.pick(I_FUNCT3);
    return ((rng.below(4096) << 20) | (rs1 << 15) | (funct3 << 12) | (rd << 7) | opcode) >>> 0;
  }
  const [, opcode, funct3, funct7] = rng.pick(R_OPS);
  // rs2 < 27: adding a loop count (<= 5) to bits 20.. must not carry into funct7.
  return ((funct7 << 25) | (rng.below(27) << 20) | (rs1 << 15) | (funct3 << 12) | (rd << 7) | opcode) >>> 0;
}

/** Returns the encoding of c.addi rd, imm (imm[4:0] < 26 so adding a loop count does not carry). */
function encodeCAddi(rng: Prng): number {
  const rd = regNumber(rdNonZero(rng));
  return (rng.below(2) << 12) | (rd << 7) | (rng.below(26) << 2) | 0x1;
}

/**
 * Returns a block that patches a 4-byte slot (an ALU instruction) or, when
 * `compressed`, sometimes a 2-byte slot (c.addi) at its label and runs it. The
 * loop counter (0 outside loops) is added to the rs2/imm field so each loop
 * iteration executes a different instruction. Needs a writable .text (toolchain.ts).
 */
export function genSelfModifying(rng: Prng, compressed = false): Block {
  const addr = rdNonZero(rng);
  let value = rdNonZero(rng);
  while (value === addr) value = rdNonZero(rng);
  let tmp = rdNonZero(rng);
  while (tmp === addr || tmp === value) tmp = rdNonZero(rng);
  const half = compressed && rng.chance(0.4);
  const encoding = half ? encodeCAddi(rng) : encodeAlu(rng);
  return {
    kind: 'block',
    head: [
      `la ${addr}, %L`,
      `li ${value}, 0x${encoding.toString(16)}`,
      `slli ${tmp}, x${LOOP_REG}, ${half ? 2 : 20}`,
      `add ${value}, ${value}, ${tmp}`,
      `${half ? 'sh' : 'sw'} ${value}, 0(${addr})`,
      'fence.i',
      '%L:',
      half ? `.2byte 0x${C_NOP.toString(16)}` : `.4byte 0x${NOP.toString(16)}`,
    ],
    body: [],
    tail: [],
  };
}
