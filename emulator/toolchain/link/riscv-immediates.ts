// Instruction immediate fields for relocation: insert a value into the U, I,
// S, B and J formats and the compressed CB and CJ formats, keeping the other
// bits of the instruction. Callers check ranges first (see relocate.ts).

/** The value lui/auipc must hold so that hi20 << 12 plus the sign-extended lo12 gives `value`. */
export function hi20(value: bigint): number {
  return Number(BigInt.asUintN(20, (value + 0x800n) >> 12n));
}

/** The sign-extended low 12 bits that complete `hi20(value)`. */
export function lo12(value: bigint): number {
  return Number(BigInt.asIntN(12, value));
}

export function setU(insn: number, hi: number): number {
  return ((insn & 0xfff) | ((hi & 0xfffff) << 12)) >>> 0;
}

export function setI(insn: number, imm: number): number {
  return ((insn & 0x000f_ffff) | ((imm & 0xfff) << 20)) >>> 0;
}

export function setS(insn: number, imm: number): number {
  return ((insn & 0x01ff_f07f) | (((imm >> 5) & 0x7f) << 25) | ((imm & 0x1f) << 7)) >>> 0;
}

export function setB(insn: number, imm: number): number {
  const bits = (((imm >> 12) & 1) << 31) | (((imm >> 5) & 0x3f) << 25) | (((imm >> 1) & 0xf) << 8) | (((imm >> 11) & 1) << 7);
  return ((insn & 0x01ff_f07f) | bits) >>> 0;
}

export function setJ(insn: number, imm: number): number {
  const bits = (((imm >> 20) & 1) << 31) | (((imm >> 1) & 0x3ff) << 21) | (((imm >> 11) & 1) << 20) | (((imm >> 12) & 0xff) << 12);
  return ((insn & 0xfff) | bits) >>> 0;
}

/** c.beqz / c.bnez: offset[8|4:3] in bits 12:10, offset[7:6|2:1|5] in bits 6:2. */
export function setCB(half: number, imm: number): number {
  const bits = (((imm >> 8) & 1) << 12) | (((imm >> 3) & 3) << 10) | (((imm >> 6) & 3) << 5) | (((imm >> 1) & 3) << 3) | (((imm >> 5) & 1) << 2);
  return (half & 0xe383) | bits;
}

/** c.j / c.jal: offset[11|4|9:8|10|6|7|3:1|5] in bits 12:2. */
export function setCJ(half: number, imm: number): number {
  const bits = (((imm >> 11) & 1) << 12) | (((imm >> 4) & 1) << 11) | (((imm >> 8) & 3) << 9) | (((imm >> 10) & 1) << 8)
    | (((imm >> 6) & 1) << 7) | (((imm >> 7) & 1) << 6) | (((imm >> 1) & 7) << 3) | (((imm >> 5) & 1) << 2);
  return (half & 0xe003) | bits;
}
