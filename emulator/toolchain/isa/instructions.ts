// The RV64GC instruction table (32-bit encodings): every instruction of
// RV64I, M, A, F, D, Zicsr, Zifencei and the privileged set, with its fixed
// bits (opcode, funct3, funct7, ...) and its operands in assembly order.
// The mask is derived (every bit no operand covers is fixed), so encoder and
// decoder share this table and nothing else knows an opcode.

import { fieldMask, operandKind, type OperandKind } from './operands.ts';

export type Extension = 'I' | 'M' | 'A' | 'F' | 'D' | 'Zicsr' | 'Zifencei' | 'Priv' | 'C';
export type Format = 'R' | 'R4' | 'I' | 'S' | 'B' | 'U' | 'J' | 'C';

export interface InstructionDef {
  readonly name: string;
  readonly ext: Extension;
  readonly format: Format;
  /** The fixed bits; operand fields are zero. */
  readonly match: number;
  /** Bits that must equal `match` (everything no operand covers). */
  readonly mask: number;
  /** Assembly syntax with operand-kind names, e.g. `rd,imm12(rs1)`; `rm` is an optional last operand. */
  readonly syntax: string;
  /** Operand kinds in the order of the syntax (and of the encoder's operand list). */
  readonly operands: readonly OperandKind[];
  /** Instruction length in bytes. */
  readonly size: 2 | 4;
}

/** Words in a syntax string that are literal text, not operands (`c.lwsp rd,off(sp)`). */
const LITERAL_WORDS = new Set(['sp', 'zero']);

/** Returns the operand-kind names of a syntax string, in order (literal words skipped). */
export function syntaxOperands(syntax: string): string[] {
  return (syntax.match(/[a-z_0-9]+/g) ?? []).filter((w) => !LITERAL_WORDS.has(w));
}

/** Builds one table entry; the mask is every bit not covered by an operand. */
export function defineInstruction(name: string, ext: Extension, format: Format, match: number, syntax: string, size: 2 | 4 = 4): InstructionDef {
  const operands = syntaxOperands(syntax).map(operandKind);
  const all = size === 4 ? 0xffffffff : 0xffff;
  const mask = (all & ~operands.reduce((m, k) => m | fieldMask(k), 0)) >>> 0;
  if ((match & ~mask) !== 0) throw new Error(`${name}: fixed bits overlap operands`);
  return { name, ext, format, match: match >>> 0, mask, syntax, operands, size };
}

// Major opcodes (bits 6:0).
const LOAD = 0x03, LOAD_FP = 0x07, MISC_MEM = 0x0f, OP_IMM = 0x13, AUIPC = 0x17, OP_IMM_32 = 0x1b;
const STORE = 0x23, STORE_FP = 0x27, AMO = 0x2f, OP = 0x33, LUI = 0x37, OP_32 = 0x3b;
const MADD = 0x43, MSUB = 0x47, NMSUB = 0x4b, NMADD = 0x4f, OP_FP = 0x53;
const BRANCH = 0x63, JALR = 0x67, JAL = 0x6f, SYSTEM = 0x73;

/** opcode | funct3 << 12 | funct7 << 25 | rs2 << 20 (rs2 as a fixed selector field). */
function bits(opcode: number, funct3 = 0, funct7 = 0, rs2 = 0): number {
  return (opcode | (funct3 << 12) | (rs2 << 20) | (funct7 << 25)) >>> 0;
}

const table: InstructionDef[] = [];
function add(name: string, ext: Extension, format: Format, match: number, syntax: string): void {
  table.push(defineInstruction(name, ext, format, match, syntax));
}

function addBaseInteger(): void {
  add('lui', 'I', 'U', LUI, 'rd,uimm20');
  add('auipc', 'I', 'U', AUIPC, 'rd,uimm20');
  add('jal', 'I', 'J', JAL, 'rd,joff');
  add('jalr', 'I', 'I', JALR, 'rd,imm12(rs1)');
  (['beq', 'bne', '', '', 'blt', 'bge', 'bltu', 'bgeu'] as const).forEach((n, f3) => {
    if (n) add(n, 'I', 'B', bits(BRANCH, f3), 'rs1,rs2,boff');
  });
  ['lb', 'lh', 'lw', 'ld', 'lbu', 'lhu', 'lwu'].forEach((n, f3) => add(n, 'I', 'I', bits(LOAD, f3), 'rd,imm12(rs1)'));
  ['sb', 'sh', 'sw', 'sd'].forEach((n, f3) => add(n, 'I', 'S', bits(STORE, f3), 'rs2,simm12(rs1)'));
  (['addi', '', 'slti', 'sltiu', 'xori', '', 'ori', 'andi'] as const).forEach((n, f3) => {
    if (n) add(n, 'I', 'I', bits(OP_IMM, f3), 'rd,rs1,imm12');
  });
  add('slli', 'I', 'I', bits(OP_IMM, 1), 'rd,rs1,shamt6');
  add('srli', 'I', 'I', bits(OP_IMM, 5), 'rd,rs1,shamt6');
  add('srai', 'I', 'I', bits(OP_IMM, 5, 0x20), 'rd,rs1,shamt6');
  const ops: [string, number, number][] = [
    ['add', 0, 0], ['sub', 0, 0x20], ['sll', 1, 0], ['slt', 2, 0], ['sltu', 3, 0],
    ['xor', 4, 0], ['srl', 5, 0], ['sra', 5, 0x20], ['or', 6, 0], ['and', 7, 0],
  ];
  for (const [n, f3, f7] of ops) add(n, 'I', 'R', bits(OP, f3, f7), 'rd,rs1,rs2');
  add('addiw', 'I', 'I', bits(OP_IMM_32, 0), 'rd,rs1,imm12');
  add('slliw', 'I', 'I', bits(OP_IMM_32, 1), 'rd,rs1,shamt5');
  add('srliw', 'I', 'I', bits(OP_IMM_32, 5), 'rd,rs1,shamt5');
  add('sraiw', 'I', 'I', bits(OP_IMM_32, 5, 0x20), 'rd,rs1,shamt5');
  const opsW: [string, number, number][] = [['addw', 0, 0], ['subw', 0, 0x20], ['sllw', 1, 0], ['srlw', 5, 0], ['sraw', 5, 0x20]];
  for (const [n, f3, f7] of opsW) add(n, 'I', 'R', bits(OP_32, f3, f7), 'rd,rs1,rs2');
  add('fence.tso', 'I', 'I', 0x8330000f, '');
  add('fence', 'I', 'I', MISC_MEM, 'pred,succ');
  add('ecall', 'I', 'I', 0x00000073, '');
  add('ebreak', 'I', 'I', 0x00100073, '');
}

function addSystem(): void {
  add('fence.i', 'Zifencei', 'I', bits(MISC_MEM, 1), '');
  ['csrrw', 'csrrs', 'csrrc'].forEach((n, i) => add(n, 'Zicsr', 'I', bits(SYSTEM, i + 1), 'rd,csr,rs1'));
  ['csrrwi', 'csrrsi', 'csrrci'].forEach((n, i) => add(n, 'Zicsr', 'I', bits(SYSTEM, i + 5), 'rd,csr,zimm5'));
  add('sret', 'Priv', 'I', 0x10200073, '');
  add('mret', 'Priv', 'I', 0x30200073, '');
  add('wfi', 'Priv', 'I', 0x10500073, '');
  add('sfence.vma', 'Priv', 'R', bits(SYSTEM, 0, 0x09), 'rs1,rs2');
}

function addMulDiv(): void {
  ['mul', 'mulh', 'mulhsu', 'mulhu', 'div', 'divu', 'rem', 'remu'].forEach((n, f3) => add(n, 'M', 'R', bits(OP, f3, 1), 'rd,rs1,rs2'));
  (['mulw', '', '', '', 'divw', 'divuw', 'remw', 'remuw'] as const).forEach((n, f3) => {
    if (n) add(n, 'M', 'R', bits(OP_32, f3, 1), 'rd,rs1,rs2');
  });
}

function addAtomics(): void {
  const amos: [string, number][] = [
    ['amoadd', 0x00], ['amoswap', 0x01], ['amoxor', 0x04], ['amoor', 0x08], ['amoand', 0x0c],
    ['amomin', 0x10], ['amomax', 0x14], ['amominu', 0x18], ['amomaxu', 0x1c],
  ];
  const orderings: [string, number][] = [['', 0], ['.aq', 2], ['.rl', 1], ['.aqrl', 3]];
  for (const [width, f3] of [['w', 2], ['d', 3]] as const) {
    for (const [suffix, aqrl] of orderings) {
      add(`lr.${width}${suffix}`, 'A', 'R', bits(AMO, f3, (0x02 << 2) | aqrl), 'rd,(rs1)');
      add(`sc.${width}${suffix}`, 'A', 'R', bits(AMO, f3, (0x03 << 2) | aqrl), 'rd,rs2,(rs1)');
      for (const [n, f5] of amos) add(`${n}.${width}${suffix}`, 'A', 'R', bits(AMO, f3, (f5 << 2) | aqrl), 'rd,rs2,(rs1)');
    }
  }
}

/** One precision of F/D: `s` has fmt 0, `d` has fmt 1. */
function addFloat(p: 's' | 'd'): void {
  const ext: Extension = p === 's' ? 'F' : 'D';
  const fmt = p === 's' ? 0 : 1;
  const f7 = (f5: number): number => (f5 << 2) | fmt;
  const x = p === 's' ? 'w' : 'd'; // fmv.x.w / fmv.x.d
  add(p === 's' ? 'flw' : 'fld', ext, 'I', bits(LOAD_FP, p === 's' ? 2 : 3), 'frd,imm12(rs1)');
  add(p === 's' ? 'fsw' : 'fsd', ext, 'S', bits(STORE_FP, p === 's' ? 2 : 3), 'frs2,simm12(rs1)');
  [['fmadd', MADD], ['fmsub', MSUB], ['fnmsub', NMSUB], ['fnmadd', NMADD]].forEach(([n, op]) =>
    add(`${n}.${p}`, ext, 'R4', bits(op as number, 0, fmt), 'frd,frs1,frs2,frs3,rm'));
  [['fadd', 0x00], ['fsub', 0x01], ['fmul', 0x02], ['fdiv', 0x03]].forEach(([n, f5]) =>
    add(`${n}.${p}`, ext, 'R', bits(OP_FP, 0, f7(f5 as number)), 'frd,frs1,frs2,rm'));
  add(`fsqrt.${p}`, ext, 'R', bits(OP_FP, 0, f7(0x0b)), 'frd,frs1,rm');
  ['fsgnj', 'fsgnjn', 'fsgnjx'].forEach((n, f3) => add(`${n}.${p}`, ext, 'R', bits(OP_FP, f3, f7(0x04)), 'frd,frs1,frs2'));
  ['fmin', 'fmax'].forEach((n, f3) => add(`${n}.${p}`, ext, 'R', bits(OP_FP, f3, f7(0x05)), 'frd,frs1,frs2'));
  ['w', 'wu', 'l', 'lu'].forEach((t, sel) => {
    add(`fcvt.${t}.${p}`, ext, 'R', bits(OP_FP, 0, f7(0x18), sel), 'rd,frs1,rm');
    // fcvt.d.w and fcvt.d.wu are exact: no rounding-mode operand (rm field 0), as in GNU as.
    const exact = p === 'd' && sel < 2;
    add(`fcvt.${p}.${t}`, ext, 'R', bits(OP_FP, 0, f7(0x1a), sel), exact ? 'frd,rs1' : 'frd,rs1,rm');
  });
  add(`fmv.x.${x}`, ext, 'R', bits(OP_FP, 0, f7(0x1c)), 'rd,frs1');
  add(`fclass.${p}`, ext, 'R', bits(OP_FP, 1, f7(0x1c)), 'rd,frs1');
  ['fle', 'flt', 'feq'].forEach((n, f3) => add(`${n}.${p}`, ext, 'R', bits(OP_FP, f3, f7(0x14)), 'rd,frs1,frs2'));
  add(`fmv.${x}.x`, ext, 'R', bits(OP_FP, 0, f7(0x1e)), 'frd,rs1');
  if (p === 'd') {
    add('fcvt.s.d', ext, 'R', bits(OP_FP, 0, 0x08 << 2, 1), 'frd,frs1,rm');
    add('fcvt.d.s', ext, 'R', bits(OP_FP, 0, (0x08 << 2) | 1, 0), 'frd,frs1');
  }
}

addBaseInteger();
addSystem();
addMulDiv();
addAtomics();
addFloat('s');
addFloat('d');

/** Every 32-bit RV64GC instruction. */
export const INSTRUCTIONS: readonly InstructionDef[] = table;

const BY_NAME = new Map(table.map((d) => [d.name, d]));

/** Returns the 32-bit instruction called `name`, or undefined. */
export function findInstruction(name: string): InstructionDef | undefined {
  return BY_NAME.get(name);
}

export interface FixedFields {
  readonly opcode: number;
  /** Present when bits 14:12 are fixed by the encoding. */
  readonly funct3?: number;
  /** Present when bits 31:25 are fixed (R-type funct7, including fmt and aq/rl for AMOs). */
  readonly funct7?: number;
  /** Present when bits 24:20 are fixed (the rs2 selector of fcvt/fsqrt/lr, or a system funct12's low part). */
  readonly rs2?: number;
}

/** Returns the fixed opcode/funct fields of a 32-bit instruction, read off its match and mask. */
export function fixedFields(def: InstructionDef): FixedFields {
  const field = (lo: number, width: number): number | undefined => {
    const m = 2 ** width - 1;
    return Math.floor(def.mask / 2 ** lo) % 2 ** width === m ? Math.floor(def.match / 2 ** lo) % 2 ** width : undefined;
  };
  return { opcode: def.match & 0x7f, funct3: field(12, 3), funct7: field(25, 7), rs2: field(20, 5) };
}
