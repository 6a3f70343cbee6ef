// Random F and D instructions for the differential program generator:
// arithmetic with every static rounding mode and dyn, the fused multiply-add
// family, conversions, compares, fclass, moves, sign injection, loads/stores
// (plain and compressed) and fcsr/frm/fflags accesses that keep frm valid.

import type { Prng } from './prng.ts';
import { insn, type Item } from './program-model.ts';
import {
  doubleBits, fr, frC, hex, memOperand, rd, rdNonZero, rm, rs, singleBits,
} from './operands.ts';

const BIN_RM = ['fadd', 'fsub', 'fmul', 'fdiv'];
const BIN_NORM = ['fmin', 'fmax', 'fsgnj', 'fsgnjn', 'fsgnjx'];
const FMA = ['fmadd', 'fmsub', 'fnmadd', 'fnmsub'];
const CMP = ['feq', 'flt', 'fle'];
const INT_TYPES = ['w', 'wu', 'l', 'lu'];

function prec(rng: Prng): 's' | 'd' {
  return rng.chance(0.5) ? 's' : 'd';
}

/** Returns an F/D arithmetic op (add/sub/mul/div/sqrt/min/max/sgnj*) with a random rounding mode. */
export function genFArith(rng: Prng): Item {
  const p = prec(rng);
  const r = rng.below(10);
  if (r < 5) return insn(`${rng.pick(BIN_RM)}.${p} ${fr(rng, p)}, ${fr(rng, p)}, ${fr(rng, p)}, ${rm(rng)}`);
  if (r < 6) return insn(`fsqrt.${p} ${fr(rng, p)}, ${fr(rng, p)}, ${rm(rng)}`);
  return insn(`${rng.pick(BIN_NORM)}.${p} ${fr(rng, p)}, ${fr(rng, p)}, ${fr(rng, p)}`);
}

/** Returns a fused multiply-add family op with a random rounding mode. */
export function genFma(rng: Prng): Item {
  const p = prec(rng);
  return insn(`${rng.pick(FMA)}.${p} ${fr(rng, p)}, ${fr(rng, p)}, ${fr(rng, p)}, ${fr(rng, p)}, ${rm(rng)}`);
}

/** Returns an int<->float or float<->float conversion. */
export function genFConvert(rng: Prng): Item {
  const p = prec(rng);
  const t = rng.pick(INT_TYPES);
  switch (rng.below(4)) {
    case 0: return insn(`fcvt.${t}.${p} ${rd(rng)}, ${fr(rng, p)}, ${rm(rng)}`);
    case 1: {
      // int -> double of a 32-bit int is exact: binutils takes no rounding mode there.
      const exact = p === 'd' && (t === 'w' || t === 'wu');
      return insn(`fcvt.${p}.${t} ${fr(rng, p)}, ${rs(rng)}${exact ? '' : `, ${rm(rng)}`}`);
    }
    case 2: return insn(`fcvt.s.d ${fr(rng, 's')}, ${fr(rng, 'd')}, ${rm(rng)}`);
    default: return insn(`fcvt.d.s ${fr(rng, 'd')}, ${fr(rng, 's')}`);
  }
}

/** Returns a compare, fclass or fmv between register files. */
export function genFCompareMove(rng: Prng): Item {
  const p = prec(rng);
  switch (rng.below(5)) {
    case 0: return insn(`${rng.pick(CMP)}.${p} ${rd(rng)}, ${fr(rng, p)}, ${fr(rng, p)}`);
    case 1: return insn(`fclass.${p} ${rd(rng)}, ${fr(rng, p)}`);
    case 2: return insn(`fmv.x.${p === 's' ? 'w' : 'd'} ${rd(rng)}, ${fr(rng, p)}`);
    case 3: return insn(`fmv.${p === 's' ? 'w' : 'd'}.x ${fr(rng, p)}, ${rs(rng)}`);
    default: return genFConstant(rng);
  }
}

/** Returns li + fmv that puts an interesting double or (boxed) single into an f register. */
export function genFConstant(rng: Prng): Item {
  const t = rdNonZero(rng);
  if (rng.chance(0.5)) return insn(`li ${t}, ${hex(doubleBits(rng))}`, `fmv.d.x ${fr(rng, 'd')}, ${t}`);
  return insn(`li ${t}, ${hex(BigInt(singleBits(rng)))}`, `fmv.w.x ${fr(rng, 's')}, ${t}`);
}

/** Returns an flw/fsw/fld/fsd on the scratch area (misaligned now and then). */
export function genFMem(rng: Prng): Item {
  switch (rng.below(4)) {
    case 0: return insn(`flw ${fr(rng, 's')}, ${memOperand(rng, 4)}`);
    case 1: return insn(`fsw ${fr(rng, 's')}, ${memOperand(rng, 4)}`);
    case 2: return insn(`fld ${fr(rng, 'd')}, ${memOperand(rng, 8)}`);
    default: return insn(`fsd ${fr(rng, 'd')}, ${memOperand(rng, 8)}`);
  }
}

/** Returns a compressed c.fld/c.fsd (base x9) or c.fldsp/c.fsdsp (base x2). */
export function genFMemCompressed(rng: Prng): Item {
  if (rng.chance(0.5)) return insn(`${rng.pick(['c.fld', 'c.fsd'])} ${frC(rng)}, ${rng.below(32) * 8}(x9)`);
  return insn(`${rng.pick(['c.fldsp', 'c.fsdsp'])} ${fr(rng, 'd')}, ${rng.below(64) * 8}(x2)`);
}

/** Returns an fcsr/frm/fflags read or write; written rounding modes are always valid (0-4). */
export function genFcsr(rng: Prng): Item {
  const frm = rng.range(0, 4);
  const t = rdNonZero(rng);
  switch (rng.below(8)) {
    case 0: return insn(`fsrmi ${rd(rng)}, ${frm}`);
    case 1: return insn(`fsflagsi ${rd(rng)}, ${rng.below(32)}`);
    case 2: return insn(`frflags ${rd(rng)}`);
    case 3: return insn(`frcsr ${rd(rng)}`);
    case 4: return insn(`frrm ${rd(rng)}`);
    case 5: return insn(`li ${t}, ${(rng.below(1 << 20) << 3) | frm}`, `fsrm ${rd(rng)}, ${t}`);
    case 6: return insn(`li ${t}, ${rng.nextU32()}`, `fsflags ${rd(rng)}, ${t}`);
    default: {
      const value = (rng.chance(0.3) ? rng.below(1 << 20) << 8 : 0) | (frm << 5) | rng.below(32);
      return insn(`li ${t}, ${value >>> 0}`, `fscsr ${rd(rng)}, ${t}`);
    }
  }
}
