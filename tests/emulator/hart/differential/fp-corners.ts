// Targeted floating-point corner cases for the differential generator, where
// FPUs classically go wrong: tininess after rounding near the smallest normal,
// overflow by rounding mode, exact ties (RNE vs RMM), signed zeros from exact
// cancellation, subnormal sqrt/div, narrowing to single subnormals, and
// float->int ties. Operands are built from bit patterns; the op comes last.

import type { Prng } from './prng.ts';
import { insn, type Item, OBS_TMP_REG } from './program-model.ts';
import { fr, hex, rd, rm } from './operands.ts';

interface Format {
  readonly p: 's' | 'd';
  readonly mant: bigint;
  readonly bias: bigint;
  readonly maxExp: bigint;
}

const DOUBLE: Format = { p: 'd', mant: 52n, bias: 1023n, maxExp: 2047n };
const SINGLE: Format = { p: 's', mant: 23n, bias: 127n, maxExp: 255n };
const TMP = `x${OBS_TMP_REG}`;

function make(f: Format, negative: boolean, exp: bigint, mant: bigint): bigint {
  const sign = negative ? 1n << (f.mant + (f.p === 'd' ? 11n : 8n)) : 0n;
  return sign | (exp << f.mant) | mant;
}

/** Returns bits moved by `ulps` units in the last place (finite, non-negative bits). */
function nudge(bits: bigint, ulps: number): bigint {
  const moved = bits + BigInt(ulps);
  return moved < 0n ? 0n : moved;
}

/** li + fmv of a pattern into a random f register of the format; returns [lines, register]. */
function load(rng: Prng, f: Format, bits: bigint): [string[], string] {
  const reg = fr(rng, f.p);
  return [[`li ${TMP}, ${hex(bits)}`, `fmv.${f.p === 'd' ? 'd' : 'w'}.x ${reg}, ${TMP}`], reg];
}

function item(rng: Prng, f: Format, operands: readonly bigint[], op: (regs: string[]) => string): Item {
  const lines: string[] = [];
  const regs: string[] = [];
  for (const bits of operands) {
    const [l, r] = load(rng, f, bits);
    lines.push(...l);
    regs.push(r);
  }
  lines.push('fsflagsi 0', op(regs));
  return insn(...lines);
}

const one = (f: Format): bigint => make(f, false, f.bias, 0n);
const minNormal = (f: Format): bigint => make(f, false, 1n, 0n);
const maxNormal = (f: Format): bigint => make(f, false, f.maxExp - 1n, (1n << f.mant) - 1n);

/** Returns one corner-case FP operation with its operand setup, flags cleared just before it. */
export function genFCorner(rng: Prng): Item {
  const f = rng.chance(0.5) ? DOUBLE : SINGLE;
  const p = f.p;
  const k = (): number => rng.range(-3, 3);
  const neg = (): boolean => rng.chance(0.3);
  const signed = (bits: bigint): bigint => (neg() ? bits | make(f, true, 0n, 0n) : bits);
  switch (rng.below(8)) {
    case 0: { // product near the smallest normal: tininess is detected after rounding
      const a = signed(nudge(minNormal(f), k()));
      const b = nudge(rng.chance(0.5) ? one(f) : make(f, false, f.bias - 1n, (1n << f.mant) - 1n), k());
      return item(rng, f, [a, b], ([x, y]) => `fmul.${p} ${fr(rng, p)}, ${x}, ${y}, ${rm(rng)}`);
    }
    case 1: { // fused multiply-add landing near the smallest normal
      const a = nudge(minNormal(f), k() + 4);
      const c = signed(nudge(make(f, false, 0n, 1n << (f.mant - 1n)), k() + 4));
      return item(rng, f, [a, nudge(one(f), k()), c], ([x, y, z]) =>
        `${rng.pick(['fmadd', 'fmsub', 'fnmadd', 'fnmsub'])}.${p} ${fr(rng, p)}, ${x}, ${y}, ${z}, ${rm(rng)}`);
    }
    case 2: { // overflow or not, depending on the rounding mode
      const a = signed(nudge(maxNormal(f), -Math.abs(k())));
      if (rng.chance(0.5)) {
        return item(rng, f, [a, nudge(one(f), Math.abs(k()))], ([x, y]) => `fmul.${p} ${fr(rng, p)}, ${x}, ${y}, ${rm(rng)}`);
      }
      const half = make(f, false, f.maxExp - 1n - f.mant - 1n, BigInt(rng.below(4)));
      return item(rng, f, [a, half], ([x, y]) => `fadd.${p} ${fr(rng, p)}, ${x}, ${y}, ${rm(rng)}`);
    }
    case 3: { // exact ties: ulp of a is 2, b is an odd integer
      const a = signed(make(f, false, f.bias + f.mant + 1n, BigInt(rng.below(1 << 20))));
      const b = signed(make(f, false, f.bias + BigInt(rng.below(2)), rng.chance(0.5) ? 0n : 1n << (f.mant - 1n)));
      return item(rng, f, [a, b], ([x, y]) => `${rng.pick(['fadd', 'fsub'])}.${p} ${fr(rng, p)}, ${x}, ${y}, ${rm(rng)}`);
    }
    case 4: { // exact cancellation: the sign of zero depends on the rounding mode
      const a = signed(make(f, false, f.bias + BigInt(rng.below(10)), BigInt(rng.below(1 << 20))));
      return item(rng, f, [a], ([x]) => `${rng.pick(['fsub', 'fadd'])}.${p} ${fr(rng, p)}, ${x}, ${x}, ${rm(rng)}`);
    }
    case 5: { // subnormal operands for sqrt and div
      const sub = make(f, false, 0n, BigInt(rng.range(1, 1 << 22)) | (rng.chance(0.5) ? 1n << (f.mant - 1n) : 0n));
      if (rng.chance(0.5)) return item(rng, f, [sub], ([x]) => `fsqrt.${p} ${fr(rng, p)}, ${x}, ${rm(rng)}`);
      return item(rng, f, [signed(sub), nudge(make(f, false, f.bias + 1n, 1n << (f.mant - 1n)), k())],
        ([x, y]) => `fdiv.${p} ${fr(rng, p)}, ${x}, ${y}, ${rm(rng)}`);
    }
    case 6: { // narrowing a double onto single subnormal / normal / overflow boundaries
      const exp = BigInt(rng.pick([1023 - 126, 1023 - 127, 1023 - 149, 1023 - 150, 1023 + 127, 1023 + 128]));
      const bits = signed(make(DOUBLE, false, exp, (BigInt(rng.nextU32()) << 20n) | BigInt(rng.below(1 << 20))));
      return item(rng, DOUBLE, [bits], ([x]) => `fcvt.s.d ${fr(rng, 's')}, ${x}, ${rm(rng)}`);
    }
    default: { // float -> int at ties and range limits
      const intBits = rng.pick([31n, 32n, 63n, 64n, 1n, 2n, 3n]);
      const bits = signed(make(f, false, f.bias + intBits - 1n, BigInt(rng.below(1 << 21)) << (f.mant - 21n)));
      const t = rng.pick(['w', 'wu', 'l', 'lu']);
      return item(rng, f, [bits], ([x]) => `fcvt.${t}.${p} ${rd(rng)}, ${x}, ${rm(rng)}`);
    }
  }
}
