// Reference semantics of the RV64I and RV64M integer operations, written from
// the unprivileged spec with bigint, used by gen-int-ops.ts to compute the
// expected results of the generated cross-product checks.

const MASK64 = (1n << 64n) - 1n;
const MASK32 = (1n << 32n) - 1n;

/** The value as an unsigned 64-bit pattern. */
export function u64(v: bigint): bigint {
  return v & MASK64;
}
/** The value as a signed 64-bit integer. */
export function s64(v: bigint): bigint {
  return BigInt.asIntN(64, v);
}
/** Sign-extends the low 32 bits to 64 (returned unsigned). */
export function sext32(v: bigint): bigint {
  return u64(BigInt.asIntN(32, v));
}
function s32(v: bigint): bigint {
  return BigInt.asIntN(32, v);
}
function w32(v: bigint): bigint {
  return v & MASK32;
}

type Op = (a: bigint, b: bigint) => bigint;

function divS(a: bigint, b: bigint, bits: bigint): bigint {
  if (b === 0n) return -1n;
  if (a === -(1n << (bits - 1n)) && b === -1n) return a;
  return a / b; // bigint division truncates toward zero, like RISC-V
}
function remS(a: bigint, b: bigint, bits: bigint): bigint {
  if (b === 0n) return a;
  if (a === -(1n << (bits - 1n)) && b === -1n) return 0n;
  return a % b; // sign follows the dividend, like RISC-V
}

/** Register-register operations: inputs are unsigned 64-bit patterns, result likewise. */
export const RR_OPS: Record<string, Op> = {
  add: (a, b) => u64(a + b),
  sub: (a, b) => u64(a - b),
  sll: (a, b) => u64(a << (b & 63n)),
  srl: (a, b) => a >> (b & 63n),
  sra: (a, b) => u64(s64(a) >> (b & 63n)),
  slt: (a, b) => (s64(a) < s64(b) ? 1n : 0n),
  sltu: (a, b) => (a < b ? 1n : 0n),
  xor: (a, b) => a ^ b,
  or: (a, b) => a | b,
  and: (a, b) => a & b,
  addw: (a, b) => sext32(a + b),
  subw: (a, b) => sext32(a - b),
  sllw: (a, b) => sext32(a << (b & 31n)),
  srlw: (a, b) => sext32(w32(a) >> (b & 31n)),
  sraw: (a, b) => sext32(s32(a) >> (b & 31n)),
  mul: (a, b) => u64(a * b),
  mulh: (a, b) => u64((s64(a) * s64(b)) >> 64n),
  mulhsu: (a, b) => u64((s64(a) * b) >> 64n),
  mulhu: (a, b) => u64((a * b) >> 64n),
  div: (a, b) => u64(divS(s64(a), s64(b), 64n)),
  divu: (a, b) => (b === 0n ? MASK64 : a / b),
  rem: (a, b) => u64(remS(s64(a), s64(b), 64n)),
  remu: (a, b) => (b === 0n ? a : a % b),
  mulw: (a, b) => sext32(a * b),
  divw: (a, b) => sext32(divS(s32(a), s32(b), 32n)),
  divuw: (a, b) => (w32(b) === 0n ? MASK64 : sext32(w32(a) / w32(b))),
  remw: (a, b) => sext32(remS(s32(a), s32(b), 32n)),
  remuw: (a, b) => (w32(b) === 0n ? sext32(a) : sext32(w32(a) % w32(b))),
};

/** Register-immediate operations: the immediate is the signed 12-bit value (or shamt). */
export const IMM_OPS: Record<string, Op> = {
  addi: (a, i) => u64(a + i),
  slti: (a, i) => (s64(a) < i ? 1n : 0n),
  sltiu: (a, i) => (a < u64(i) ? 1n : 0n),
  xori: (a, i) => a ^ u64(i),
  ori: (a, i) => a | u64(i),
  andi: (a, i) => a & u64(i),
  slli: (a, i) => u64(a << i),
  srli: (a, i) => a >> i,
  srai: (a, i) => u64(s64(a) >> i),
  addiw: (a, i) => sext32(a + i),
  slliw: (a, i) => sext32(a << i),
  srliw: (a, i) => sext32(w32(a) >> i),
  sraiw: (a, i) => sext32(s32(a) >> i),
};
