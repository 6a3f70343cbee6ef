// Encoding fuzz programs for the differential test: register initialisation,
// then a dozen raw 32-bit and 16-bit instruction words with random (often
// reserved) fields, so the hart's decoder must accept exactly what QEMU accepts
// and trap (illegal instruction, same pc) on the rest. Memory forms use the
// scratch base x9; jumps, branches, ecall/ebreak/xRET/wfi are left out (no
// control flow), CSR accesses are in (privilege and CSR-number checks).

import { Prng } from './prng.ts';
import { ACC_REG, BASE_REG, insn, type Item, OBS_TMP_REG, type Program, SCRATCH_SIZE } from './program-model.ts';
import { fregBits, hex, writableRegs } from './operands.ts';
import { initItems } from './program-generator.ts';

const LOAD = 0x03, LOAD_FP = 0x07, MISC_MEM = 0x0f, OP_IMM = 0x13, AUIPC = 0x17, OP_IMM_32 = 0x1b;
const STORE = 0x23, STORE_FP = 0x27, AMO = 0x2f, OP = 0x33, LUI = 0x37, OP_32 = 0x3b, OP_FP = 0x53, SYSTEM = 0x73;
const OPCODES = [LOAD, LOAD_FP, MISC_MEM, OP_IMM, AUIPC, OP_IMM_32, STORE, STORE_FP, AMO, OP, LUI, OP_32,
  0x43, 0x47, 0x4b, 0x4f, OP_FP, OP_FP, OP, OP_IMM];
const MEMORY = [LOAD, LOAD_FP, STORE, STORE_FP, AMO, MISC_MEM];
/** funct7 values of OP-FP that name an instruction in F/D (for the "tame" half of the words). */
const FP_FUNCT7 = [0x00, 0x01, 0x04, 0x05, 0x08, 0x09, 0x0c, 0x0d, 0x10, 0x11, 0x14, 0x15, 0x20, 0x21,
  0x2c, 0x2d, 0x50, 0x51, 0x60, 0x61, 0x68, 0x69, 0x70, 0x71, 0x78, 0x79];
const RESERVED = new Set([2, BASE_REG, ACC_REG, OBS_TMP_REG, 31]);

const field = (w: number, value: number, shift: number, bits: number): number =>
  ((w & ~(((1 << bits) - 1) << shift)) | ((value & ((1 << bits) - 1)) << shift)) >>> 0;

/** Makes funct fields valid most of the time, so that the word usually decodes. */
function tame(rng: Prng, w: number, opcode: number): number {
  if (opcode === LOAD) return field(w, rng.below(7), 12, 3);
  if (opcode === STORE) return field(w, rng.below(4), 12, 3);
  if (opcode === LOAD_FP || opcode === STORE_FP) return field(w, rng.range(2, 3), 12, 3);
  if (opcode === OP_IMM_32) return tameShift32(rng, field(w, rng.pick([0, 1, 5]), 12, 3));
  if (opcode === OP || opcode === OP_32) return field(w, rng.pick([0, 0x20, 1]), 25, 7);
  if (opcode === OP_IMM && ((w >>> 12) & 3) === 1) return field(w, rng.pick([0, 0x10]), 26, 6);
  if (opcode === OP_FP) return field(field(w, rng.pick(FP_FUNCT7), 25, 7), rng.pick([0, 1, 2, 3, 4, 7]), 12, 3);
  if (opcode >= 0x43 && opcode <= 0x4f) return field(field(w, rng.below(2), 25, 2), rng.pick([0, 1, 2, 3, 4, 7]), 12, 3);
  return w;
}

function tameShift32(rng: Prng, w: number): number {
  return ((w >>> 12) & 3) === 1 ? field(w, rng.pick([0, 0x20]), 25, 7) : w;
}

/**
 * Returns a Zicsr word (csrrw..csrrci, or reserved funct3 4) on fflags/frm/fcsr
 * or a random CSR number. Counters (0xC00-0xCFF) are left out: QEMU user mode
 * lets U-mode read them, our hart follows mcounteren, and the values differ anyway.
 */
function csrWord(rng: Prng): number {
  let csr = rng.chance(0.5) ? rng.range(1, 3) : rng.below(4096);
  while (csr >= 0xc00 && csr <= 0xcff) csr = rng.below(4096);
  const funct3 = rng.chance(0.05) ? 4 : rng.pick([1, 2, 3, 5, 6, 7]);
  const w = (csr << 20) | (rng.below(32) << 15) | (funct3 << 12) | (rng.pick(writableRegs()) << 7) | SYSTEM;
  return w >>> 0;
}

/** Returns a random 32-bit word with the given constraints: rd never a reserved register, memory at x9. */
function word32(rng: Prng): number {
  if (rng.chance(0.1)) return csrWord(rng);
  const opcode = rng.pick(OPCODES);
  let w = field(rng.nextU32(), opcode, 0, 7);
  if (rng.chance(0.75)) w = tame(rng, w, opcode);
  if (opcode !== STORE && opcode !== STORE_FP) w = field(w, rng.pick(writableRegs()), 7, 5);
  if (MEMORY.includes(opcode)) {
    w = field(w, BASE_REG, 15, 5);
    if (opcode === AMO && rng.chance(0.8)) w = field(w, rng.chance(0.5) ? 2 : 3, 12, 3); // .w / .d
    if (opcode === LOAD || opcode === LOAD_FP) w = field(w, rng.below(SCRATCH_SIZE / 2), 20, 12);
    if (opcode === STORE || opcode === STORE_FP) w = field(field(w, rng.below(64), 25, 7), rng.below(32), 7, 5);
  }
  return w;
}

/** True when a 16-bit word would jump, trap to the debugger, or write a reserved register. */
function unsafe16(h: number): boolean {
  const q = h & 3;
  const f3 = h >>> 13;
  const rd = (h >>> 7) & 31;
  const rdc = ((h >>> 7) & 7) + 8;
  const rd2 = ((h >>> 2) & 7) + 8;
  if (q === 0) return ((f3 === 0 || f3 === 2 || f3 === 3) && RESERVED.has(rd2)) || (f3 !== 0 && f3 !== 4 && rdc !== BASE_REG);
  if (q === 1) return f3 >= 5 || (f3 === 4 ? RESERVED.has(rdc) : RESERVED.has(rd));
  if (f3 === 4) return ((h >>> 2) & 31) === 0 || RESERVED.has(rd);
  return (f3 === 0 || f3 === 2 || f3 === 3) && RESERVED.has(rd);
}

function word16(rng: Prng): number {
  for (;;) {
    const h = rng.below(0x10000);
    const reservedQ0 = (h & 3) === 0 && h >>> 13 === 4; // would crowd out the rest (others are often unsafe)
    if ((h & 3) !== 3 && !unsafe16(h) && !(reservedQ0 && rng.chance(0.8))) return h;
  }
}

/** Mixes x[rd] and f[rd] of a 32-bit word into the accumulator. */
function observeWord(w: number): Item {
  const rd = (w >>> 7) & 31;
  const acc = `x${ACC_REG}`;
  const tmp = `x${OBS_TMP_REG}`;
  return insn(`slli ${tmp}, ${acc}, 1`, `add ${acc}, ${acc}, ${tmp}`, `add ${acc}, ${acc}, x${rd}`,
    `fmv.x.d ${tmp}, f${rd}`, `add ${acc}, ${acc}, ${tmp}`);
}

/**
 * Returns the encoding-fuzz program of `seed`: init, then 2-8 raw instruction
 * words (about one in five is illegal, so roughly a third of the programs run clean).
 */
export function generateFuzzProgram(seed: number): Program {
  const rng = new Prng(seed ^ 0x0f0f_5a5a);
  const items = initItems(rng, true);
  const words = rng.range(2, 8);
  for (let i = 0; i < words; i++) {
    if (rng.chance(0.3)) {
      items.push(insn(`.2byte 0x${word16(rng).toString(16)}`));
      continue;
    }
    const w = word32(rng);
    items.push(insn(`.4byte 0x${w.toString(16)}`), observeWord(w));
  }
  const scratch = Array.from({ length: SCRATCH_SIZE / 8 }, () => hex(rng.chance(0.5) ? fregBits(rng) : rng.nextU64()));
  return { seed, items, scratch, rvc: true };
}
