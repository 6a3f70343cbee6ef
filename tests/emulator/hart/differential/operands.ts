// Random operand choices for the program generator: destination/source
// registers that respect the reserved ones (program-model.ts), aligned scratch
// addresses, rounding modes, and interesting integer / floating-point values.

import type { Prng } from './prng.ts';
import { BASE_REG, RESERVED_REGS, SCRATCH_SIZE, SP_REG } from './program-model.ts';

const WRITABLE: readonly number[] = Array.from({ length: 32 }, (_, i) => i)
  .filter((r) => !RESERVED_REGS.includes(r));
/** x8..x15 without the reserved base register: the registers compressed forms can name. */
const WRITABLE_C: readonly number[] = [8, 10, 11, 12, 13, 14, 15];

export const ROUNDING_MODES: readonly string[] = ['rne', 'rtz', 'rdn', 'rup', 'rmm', 'dyn'];

/** Returns the registers a random instruction may write (x0 excluded). */
export function writableRegs(): readonly number[] {
  return WRITABLE;
}

/** Returns a destination register name; x0 now and then (writes to x0 are a test too). */
export function rd(rng: Prng): string {
  return rng.chance(0.02) ? 'x0' : `x${rng.pick(WRITABLE)}`;
}

/** Returns a destination register that is not x0. */
export function rdNonZero(rng: Prng): string {
  return `x${rng.pick(WRITABLE)}`;
}

/** Returns a writable register among x8..x15 (for compressed forms). */
export function rdC(rng: Prng): string {
  return `x${rng.pick(WRITABLE_C)}`;
}

/** Returns a source register: mostly a writable one, now and then any (reading reserved ones is harmless). */
export function rs(rng: Prng): string {
  return rng.chance(0.1) ? `x${rng.below(32)}` : `x${rng.pick(WRITABLE)}`;
}

/**
 * Returns an f register name. With a precision, mostly one of that precision's
 * half (f0-f15 doubles, f16-f31 singles) so that values stay meaningful instead
 * of turning into NaNs through precision mixing; crossing over still happens.
 */
export function fr(rng: Prng, precision?: 's' | 'd'): string {
  if (precision === undefined || rng.chance(0.04)) return `f${rng.below(32)}`;
  return `f${rng.below(16) + (precision === 's' ? 16 : 0)}`;
}

/** Returns an f register among f8..f15 (for compressed forms). */
export function frC(rng: Prng): string {
  return `f${rng.range(8, 15)}`;
}

/** Returns a rounding-mode operand. */
export function rm(rng: Prng): string {
  return rng.pick(ROUNDING_MODES);
}

/** Share of plain loads/stores that are misaligned (the hart emulates them, see assembly/mmu.ts, as QEMU user mode does). */
const MISALIGNED_SHARE = 0.08;

/**
 * Returns `off(base)` for an access of `size` bytes inside the scratch area:
 * naturally aligned, or now and then misaligned (never for AMO/LR/SC, which trap).
 */
export function memOperand(rng: Prng, size: number): string {
  const slot = size > 1 && rng.chance(MISALIGNED_SHARE)
    ? rng.below(SCRATCH_SIZE - size + 1)
    : rng.below(SCRATCH_SIZE / size) * size;
  return slot < 2048 && rng.chance(0.5)
    ? `${slot}(x${BASE_REG})`
    : `${slot - 2048}(x${SP_REG})`;
}

/** Returns [base register, byte offset] of an aligned scratch slot, offset within addi range. */
export function scratchSlot(rng: Prng, size: number): [string, number] {
  const slot = rng.below(SCRATCH_SIZE / size) * size;
  return slot < 2048 ? [`x${BASE_REG}`, slot] : [`x${SP_REG}`, slot - 2048];
}

/** Returns a signed immediate in [-2^(bits-1), 2^(bits-1)). */
export function simm(rng: Prng, bits: number): number {
  const half = 2 ** (bits - 1);
  return rng.chance(0.2) ? rng.pick([0, 1, -1, half - 1, -half]) : rng.range(-half, half - 1);
}

const SPECIAL_INTS: readonly bigint[] = [
  0n, 1n, 2n, 0xffff_ffff_ffff_ffffn, 0x8000_0000_0000_0000n, 0x7fff_ffff_ffff_ffffn,
  0x7fff_ffffn, 0x8000_0000n, 0xffff_ffff_8000_0000n, 0xffff_ffffn, 0x1_0000_0000n,
  0xffn, 0x80n, 0xffffn, 0x8000n, 31n, 32n, 63n, 64n, 0xffff_ffff_ffff_fffen,
];

/** Returns a 64-bit value as an unsigned hex literal, biased to boundaries. */
export function intValue(rng: Prng): string {
  const r = rng.below(10);
  let v: bigint;
  if (r < 4) v = rng.pick(SPECIAL_INTS);
  else if (r < 6) v = BigInt.asUintN(64, BigInt(rng.range(-4096, 4096)));
  else if (r < 7) v = BigInt.asUintN(64, BigInt.asIntN(32, BigInt(rng.nextU32())));
  else v = rng.nextU64();
  return hex(v);
}

/** Returns `0x...` for an unsigned 64-bit value. */
export function hex(v: bigint): string {
  return `0x${v.toString(16)}`;
}

const SPECIAL_DOUBLES: readonly bigint[] = [
  0x0n, 0x8000_0000_0000_0000n, 0x3ff0_0000_0000_0000n, 0xbff0_0000_0000_0000n,
  0x7ff0_0000_0000_0000n, 0xfff0_0000_0000_0000n, 0x7ff8_0000_0000_0000n, 0x7ff0_0000_0000_0001n,
  0xfff8_0000_0000_1234n, 0x7ff4_0000_0000_0000n, 0x1n, 0x000f_ffff_ffff_ffffn, 0x0010_0000_0000_0000n,
  0x7fef_ffff_ffff_ffffn, 0x3fe0_0000_0000_0000n, 0x4340_0000_0000_0000n, 0x43e0_0000_0000_0000n,
  0xc3e0_0000_0000_0000n, 0x43df_ffff_ffff_ffffn, 0xc3e0_0000_0000_0001n, 0x43f0_0000_0000_0000n,
  0x43ef_ffff_ffff_ffffn, 0x41e0_0000_0000_0000n, 0xc1e0_0000_0000_0000n, 0x41f0_0000_0000_0000n,
  0x41df_ffff_ffc0_0000n, 0xc1e0_0000_0020_0000n, 0x3fb9_9999_9999_999an, 0x3ff8_0000_0000_0000n,
  0x4004_0000_0000_0000n, 0xc004_0000_0000_0000n, 0x3ff0_0000_0000_0001n, 0x3fef_ffff_ffff_ffffn,
  0xbfe0_0000_0000_0000n, 0x3690_0000_0000_0000n, 0x47e0_0000_0000_0000n, 0x3810_0000_0000_0000n,
];

const SPECIAL_SINGLES: readonly number[] = [
  0x0, 0x8000_0000, 0x3f80_0000, 0xbf80_0000, 0x7f80_0000, 0xff80_0000, 0x7fc0_0000, 0x7f80_0001,
  0xffc0_1234, 0x7fa0_0000, 0x1, 0x007f_ffff, 0x0080_0000, 0x7f7f_ffff, 0x3f00_0000, 0x4f00_0000,
  0xcf00_0000, 0x5f00_0000, 0xdf00_0000, 0x4f80_0000, 0x5f80_0000, 0x4eff_ffff, 0xcf00_0001,
  0x3fc0_0000, 0x4020_0000, 0xc020_0000, 0x3f80_0001, 0x3f7f_ffff, 0x3dcc_cccd, 0x0d80_0000, 0x7300_0000,
];

const scratchView = new DataView(new ArrayBuffer(8));

/** Returns the bits of a random "ordinary" double (small integers, binary fractions). */
function ordinaryDouble(rng: Prng): bigint {
  const v = rng.range(-1_000_000, 1_000_000) / 2 ** rng.range(0, 30);
  scratchView.setFloat64(0, v);
  return scratchView.getBigUint64(0);
}

function ordinarySingle(rng: Prng): number {
  scratchView.setFloat32(0, Math.fround(rng.range(-100_000, 100_000) / 2 ** rng.range(0, 20)));
  return scratchView.getUint32(0);
}

/** Returns the 64-bit pattern of an interesting double. */
export function doubleBits(rng: Prng): bigint {
  const r = rng.below(10);
  if (r < 5) return rng.pick(SPECIAL_DOUBLES);
  if (r < 8) return ordinaryDouble(rng);
  return rng.nextU64();
}

/** Returns the 32-bit pattern of an interesting single. */
export function singleBits(rng: Prng): number {
  const r = rng.below(10);
  if (r < 5) return rng.pick(SPECIAL_SINGLES);
  if (r < 8) return ordinarySingle(rng);
  return rng.nextU32();
}

/** Returns a 64-bit f-register pattern: a double, a NaN-boxed single, or (rarely) an unboxed single. */
export function fregBits(rng: Prng): bigint {
  const r = rng.below(10);
  if (r < 5) return doubleBits(rng);
  const single = BigInt(singleBits(rng));
  return r < 9 ? 0xffff_ffff_0000_0000n | single : single;
}
