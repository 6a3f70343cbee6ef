// Random RV64I (with W forms), M, A and explicit compressed instructions for
// the differential program generator. Every function returns one Item; memory
// operands stay inside the scratch area and are naturally aligned.

import type { Prng } from './prng.ts';
import { insn, type Item } from './program-model.ts';
import {
  intValue, memOperand, rd, rdC, rdNonZero, rs, scratchSlot, simm,
} from './operands.ts';

const R_OPS = ['add', 'sub', 'sll', 'slt', 'sltu', 'xor', 'srl', 'sra', 'or', 'and',
  'addw', 'subw', 'sllw', 'srlw', 'sraw'];
const M_OPS = ['mul', 'mulh', 'mulhsu', 'mulhu', 'div', 'divu', 'rem', 'remu',
  'mulw', 'divw', 'divuw', 'remw', 'remuw'];
const I_OPS = ['addi', 'slti', 'sltiu', 'xori', 'ori', 'andi', 'addiw'];
const SHIFT_OPS = ['slli', 'srli', 'srai'];
const SHIFTW_OPS = ['slliw', 'srliw', 'sraiw'];
const LOADS: readonly [string, number][] = [
  ['lb', 1], ['lh', 2], ['lw', 4], ['ld', 8], ['lbu', 1], ['lhu', 2], ['lwu', 4]];
const STORES: readonly [string, number][] = [['sb', 1], ['sh', 2], ['sw', 4], ['sd', 8]];
const AMO_OPS = ['amoswap', 'amoadd', 'amoxor', 'amoand', 'amoor', 'amomin', 'amomax',
  'amominu', 'amomaxu'];
const ORDERING = ['', '', '.aq', '.rl', '.aqrl'];

/** Returns a register-register integer op (RV64I incl. W forms). */
export function genIntR(rng: Prng): Item {
  return insn(`${rng.pick(R_OPS)} ${rd(rng)}, ${rs(rng)}, ${rs(rng)}`);
}

/** Returns an M-extension op; sources are often boundary values (division by zero, overflow). */
export function genMul(rng: Prng): Item {
  return insn(`${rng.pick(M_OPS)} ${rd(rng)}, ${rs(rng)}, ${rs(rng)}`);
}

/** Returns an immediate op, a shift by immediate, lui, auipc or li. */
export function genIntI(rng: Prng): Item {
  const r = rng.below(10);
  if (r < 4) return insn(`${rng.pick(I_OPS)} ${rd(rng)}, ${rs(rng)}, ${simm(rng, 12)}`);
  if (r < 6) return insn(`${rng.pick(SHIFT_OPS)} ${rd(rng)}, ${rs(rng)}, ${rng.below(64)}`);
  if (r < 7) return insn(`${rng.pick(SHIFTW_OPS)} ${rd(rng)}, ${rs(rng)}, ${rng.below(32)}`);
  if (r < 8) return insn(`lui ${rd(rng)}, ${rng.below(1 << 20)}`);
  if (r < 9) return insn(`auipc ${rd(rng)}, ${rng.below(1 << 20)}`);
  return insn(`li ${rdNonZero(rng)}, ${intValue(rng)}`);
}

/** Returns li of a boundary or random 64-bit value (keeps register values varied). */
export function genLoadImmediate(rng: Prng): Item {
  return insn(`li ${rdNonZero(rng)}, ${intValue(rng)}`);
}

/** Returns an integer load or store on the scratch area (misaligned now and then, see operands.ts). */
export function genIntMem(rng: Prng): Item {
  if (rng.chance(0.5)) {
    const [op, size] = rng.pick(LOADS);
    return insn(`${op} ${rd(rng)}, ${memOperand(rng, size)}`);
  }
  const [op, size] = rng.pick(STORES);
  return insn(`${op} ${rs(rng)}, ${memOperand(rng, size)}`);
}

/** Returns an AMO (.w or .d) on an aligned scratch word, with its address setup. */
export function genAmo(rng: Prng): Item {
  const size = rng.chance(0.5) ? 4 : 8;
  const [base, off] = scratchSlot(rng, size);
  const addr = rdNonZero(rng);
  const op = `${rng.pick(AMO_OPS)}.${size === 4 ? 'w' : 'd'}${rng.pick(ORDERING)}`;
  return insn(`addi ${addr}, ${base}, ${off}`, `${op} ${rd(rng)}, ${rs(rng)}, (${addr})`);
}

/** Returns lr; (0-2 ALU ops); sc on one aligned scratch slot, kept together. */
export function genLrSc(rng: Prng): Item {
  const size = rng.chance(0.5) ? 4 : 8;
  const suffix = size === 4 ? 'w' : 'd';
  const [base, off] = scratchSlot(rng, size);
  const addr = rdNonZero(rng);
  let dest = rdNonZero(rng);
  while (dest === addr) dest = rdNonZero(rng);
  const lines = [`addi ${addr}, ${base}, ${off}`, `lr.${suffix}${rng.pick(ORDERING)} ${dest}, (${addr})`];
  for (let i = rng.below(3); i > 0; i--) {
    let t = rdNonZero(rng);
    while (t === addr) t = rdNonZero(rng);
    lines.push(`${rng.pick(R_OPS)} ${t}, ${rs(rng)}, ${rs(rng)}`);
  }
  lines.push(`sc.${suffix}${rng.pick(ORDERING)} ${rd(rng)}, ${rs(rng)}, (${addr})`);
  return insn(...lines);
}

/** Returns an explicit compressed (RVC) integer instruction with legal operands. */
export function genCompressed(rng: Prng): Item {
  const nz = (bits: number): number => {
    let v = 0;
    while (v === 0) v = simm(rng, bits);
    return v;
  };
  switch (rng.below(17)) {
    case 0: return insn(`c.addi ${rdNonZero(rng)}, ${nz(6)}`);
    case 1: return insn(`c.li ${rdNonZero(rng)}, ${simm(rng, 6)}`);
    case 2: return insn(`c.lui ${rdNonZero(rng)}, ${rng.pick([rng.range(1, 31), rng.range(0xfffe0, 0xfffff)])}`);
    case 3: return insn(`c.addiw ${rdNonZero(rng)}, ${simm(rng, 6)}`);
    case 4: return insn(`c.slli ${rdNonZero(rng)}, ${rng.range(1, 63)}`);
    case 5: return insn(`${rng.pick(['c.srli', 'c.srai'])} ${rdC(rng)}, ${rng.range(1, 63)}`);
    case 6: return insn(`c.andi ${rdC(rng)}, ${simm(rng, 6)}`);
    case 7: return insn(`${rng.pick(['c.mv', 'c.add'])} ${rdNonZero(rng)}, ${rdNonZero(rng)}`);
    case 8: return insn(`${rng.pick(['c.sub', 'c.xor', 'c.or', 'c.and', 'c.subw', 'c.addw'])} ${rdC(rng)}, ${rdC(rng)}`);
    case 9: return compressedBaseMem(rng, rng.chance(0.5) ? 'c.ld' : 'c.lw');
    case 10: return compressedBaseMem(rng, rng.chance(0.5) ? 'c.sd' : 'c.sw');
    case 11: return compressedSpMem(rng, rng.chance(0.5) ? 'c.ldsp' : 'c.lwsp');
    case 12: return compressedSpMem(rng, rng.chance(0.5) ? 'c.sdsp' : 'c.swsp');
    case 13: return insn(`c.addi4spn ${rdC(rng)}, x2, ${rng.range(1, 255) * 4}`);
    case 14: {
      const step = rng.range(1, 31) * 16;
      return insn(`c.addi16sp x2, ${step}`, `c.addi16sp x2, ${-step}`);
    }
    case 15: return insn(rng.pick(['fence', 'fence.i', 'fence rw, w', 'fence r, rw']));
    default: return insn('c.nop');
  }
}

function compressedBaseMem(rng: Prng, op: string): Item {
  const size = op.endsWith('d') ? 8 : 4;
  const off = rng.below(32) * size;
  return insn(`${op} ${rdC(rng)}, ${off}(x9)`);
}

function compressedSpMem(rng: Prng, op: string): Item {
  const size = op.startsWith('c.ld') || op.startsWith('c.sd') ? 8 : 4;
  const off = rng.below(64) * size;
  const reg = op.startsWith('c.l') ? rdNonZero(rng) : rs(rng);
  return insn(`${op} ${reg}, ${off}(x2)`);
}
