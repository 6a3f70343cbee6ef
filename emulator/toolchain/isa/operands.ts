// Operand kinds of RV64GC instructions (32-bit and compressed): where each
// operand's bits sit in the instruction word, how wide and signed its value is,
// and which values are reserved. The instruction tables name operands by these
// kinds; encode and decode are both derived from this one description.

import type { RegisterFile } from './registers.ts';

/** `width` instruction bits starting at bit `at` hold value bits starting at `valueAt`. */
export interface BitRun {
  readonly at: number;
  readonly width: number;
  readonly valueAt: number;
}

export type OperandClass = 'reg' | 'imm' | 'target' | 'uimm-hex' | 'csr' | 'rm' | 'fence';

export interface OperandKind {
  readonly name: string;
  readonly cls: OperandClass;
  readonly runs: readonly BitRun[];
  /** Register file, for cls 'reg'. */
  readonly file?: RegisterFile;
  /** Added to the field to get the register number (8 for the 3-bit x8..x15 fields of RVC). */
  readonly regOffset?: number;
  readonly signed?: boolean;
  /** The value 0 is reserved (RVC nz* immediates, rd != 0). */
  readonly nonZero?: boolean;
  /** Further reserved values (c.lui: rd = 2). */
  readonly reserved?: readonly number[];
  /** The (signed) value is presented as this many unsigned bits (c.lui: like lui's 20-bit field). */
  readonly wrapBits?: number;
}

function run(hi: number, lo: number, valueLo: number): BitRun {
  return { at: lo, width: hi - lo + 1, valueAt: valueLo };
}

function reg(name: string, file: RegisterFile, hi: number, lo: number, extra: Partial<OperandKind> = {}): OperandKind {
  return { name, cls: 'reg', file, runs: [run(hi, lo, 0)], ...extra };
}

function imm(name: string, cls: OperandClass, signed: boolean, runs: BitRun[], extra: Partial<OperandKind> = {}): OperandKind {
  return { name, cls, signed, runs, ...extra };
}

const KIND_LIST: OperandKind[] = [
  // 32-bit formats
  reg('rd', 'x', 11, 7), reg('rs1', 'x', 19, 15), reg('rs2', 'x', 24, 20),
  reg('frd', 'f', 11, 7), reg('frs1', 'f', 19, 15), reg('frs2', 'f', 24, 20), reg('frs3', 'f', 31, 27),
  imm('imm12', 'imm', true, [run(31, 20, 0)]),
  imm('simm12', 'imm', true, [run(31, 25, 5), run(11, 7, 0)]),
  imm('boff', 'target', true, [run(31, 31, 12), run(30, 25, 5), run(11, 8, 1), run(7, 7, 11)]),
  imm('joff', 'target', true, [run(31, 31, 20), run(30, 21, 1), run(20, 20, 11), run(19, 12, 12)]),
  imm('uimm20', 'uimm-hex', false, [run(31, 12, 0)]),
  imm('shamt6', 'uimm-hex', false, [run(25, 20, 0)]),
  imm('shamt5', 'uimm-hex', false, [run(24, 20, 0)]),
  imm('zimm5', 'imm', false, [run(19, 15, 0)]),
  imm('csr', 'csr', false, [run(31, 20, 0)]),
  imm('rm', 'rm', false, [run(14, 12, 0)]),
  imm('pred', 'fence', false, [run(27, 24, 0)]),
  imm('succ', 'fence', false, [run(23, 20, 0)]),
  // RVC registers: full 5-bit fields and the 3-bit x8..x15 / f8..f15 fields
  reg('c_rd', 'x', 11, 7), reg('c_rd_nz', 'x', 11, 7, { nonZero: true }),
  reg('c_rd_lui', 'x', 11, 7, { nonZero: true, reserved: [2] }),
  reg('c_rs2', 'x', 6, 2), reg('c_rs2_nz', 'x', 6, 2, { nonZero: true }),
  reg('c_frd', 'f', 11, 7), reg('c_frs2', 'f', 6, 2),
  reg('c_rdp', 'x', 4, 2, { regOffset: 8 }), reg('c_rs1p', 'x', 9, 7, { regOffset: 8 }),
  reg('c_rs2p', 'x', 4, 2, { regOffset: 8 }),
  reg('c_frdp', 'f', 4, 2, { regOffset: 8 }), reg('c_frs2p', 'f', 4, 2, { regOffset: 8 }),
  // RVC immediates
  imm('c_imm6', 'imm', true, [run(12, 12, 5), run(6, 2, 0)]),
  imm('c_nzimm6', 'imm', true, [run(12, 12, 5), run(6, 2, 0)], { nonZero: true }),
  imm('c_lui', 'uimm-hex', true, [run(12, 12, 5), run(6, 2, 0)], { nonZero: true, wrapBits: 20 }),
  imm('c_shamt', 'uimm-hex', false, [run(12, 12, 5), run(6, 2, 0)], { nonZero: true }),
  imm('c_addi4spn', 'imm', false, [run(12, 11, 4), run(10, 7, 6), run(6, 6, 2), run(5, 5, 3)], { nonZero: true }),
  imm('c_addi16sp', 'imm', true, [run(12, 12, 9), run(6, 6, 4), run(5, 5, 6), run(4, 3, 7), run(2, 2, 5)], { nonZero: true }),
  imm('c_lw_off', 'imm', false, [run(12, 10, 3), run(6, 6, 2), run(5, 5, 6)]),
  imm('c_ld_off', 'imm', false, [run(12, 10, 3), run(6, 5, 6)]),
  imm('c_lwsp_off', 'imm', false, [run(12, 12, 5), run(6, 4, 2), run(3, 2, 6)]),
  imm('c_ldsp_off', 'imm', false, [run(12, 12, 5), run(6, 5, 3), run(4, 2, 6)]),
  imm('c_swsp_off', 'imm', false, [run(12, 9, 2), run(8, 7, 6)]),
  imm('c_sdsp_off', 'imm', false, [run(12, 10, 3), run(9, 7, 6)]),
  imm('c_boff', 'target', true, [run(12, 12, 8), run(11, 10, 3), run(6, 5, 6), run(4, 3, 1), run(2, 2, 5)]),
  imm('c_joff', 'target', true, [
    run(12, 12, 11), run(11, 11, 4), run(10, 9, 8), run(8, 8, 10), run(7, 7, 6), run(6, 6, 7), run(5, 3, 1), run(2, 2, 5),
  ]),
];

/** Every operand kind by name. */
export const OPERAND_KINDS: ReadonlyMap<string, OperandKind> = new Map(KIND_LIST.map((k) => [k.name, k]));

/** Returns the operand kind called `name`; throws for an unknown name (a table bug). */
export function operandKind(name: string): OperandKind {
  const kind = OPERAND_KINDS.get(name);
  if (!kind) throw new Error(`unknown operand kind '${name}'`);
  return kind;
}

/** Returns the instruction bits occupied by an operand. */
export function fieldMask(kind: OperandKind): number {
  let mask = 0;
  for (const r of kind.runs) mask |= ((2 ** r.width - 1) * 2 ** r.at);
  return mask >>> 0;
}

/** Number of value bits (highest value bit + 1) and alignment (lowest value bit). */
function valueShape(kind: OperandKind): { bits: number; align: number } {
  let bits = 0;
  let align = 32;
  for (const r of kind.runs) {
    bits = Math.max(bits, r.valueAt + r.width);
    align = Math.min(align, r.valueAt);
  }
  return { bits, align };
}

/** Returns the operand's value as the tables define it (register number, signed or unsigned immediate). */
export function extractOperand(kind: OperandKind, word: number): number {
  let raw = 0;
  for (const r of kind.runs) raw += (Math.floor(word / 2 ** r.at) % 2 ** r.width) * 2 ** r.valueAt;
  if (kind.signed) {
    const { bits } = valueShape(kind);
    if (raw >= 2 ** (bits - 1)) raw -= 2 ** bits;
    if (kind.wrapBits !== undefined && raw < 0) raw += 2 ** kind.wrapBits;
  }
  return raw + (kind.regOffset ?? 0);
}

/** Returns why `value` cannot be encoded in this operand, or undefined when it can. */
export function operandError(kind: OperandKind, value: number): string | undefined {
  if (!Number.isInteger(value)) return `${kind.name}: ${value} is not an integer`;
  if (kind.nonZero && value === 0) return `${kind.name}: 0 is reserved`;
  if (kind.reserved?.includes(value)) return `${kind.name}: ${value} is reserved`;
  const { bits, align } = valueShape(kind);
  let v = value - (kind.regOffset ?? 0);
  if (kind.wrapBits !== undefined) {
    // The value is given as the wider field's unsigned bits (c.lui: lui's 0..0xfffff).
    if (v < 0 || v >= 2 ** kind.wrapBits) return `${kind.name}: ${value} out of range`;
    if (v >= 2 ** (kind.wrapBits - 1)) v -= 2 ** kind.wrapBits;
  }
  const lo = kind.signed ? -(2 ** (bits - 1)) : 0;
  const hi = kind.signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
  if (v < lo || v > hi) return `${kind.name}: ${value} out of range`;
  if (v % 2 ** align !== 0) return `${kind.name}: ${value} not a multiple of ${2 ** align}`;
  return undefined;
}

/** Returns the instruction bits for an operand value; the value must pass `operandError`. */
export function insertOperand(kind: OperandKind, value: number): number {
  let v = value - (kind.regOffset ?? 0);
  if (kind.wrapBits !== undefined && v >= 2 ** (kind.wrapBits - 1)) v -= 2 ** kind.wrapBits;
  const { bits } = valueShape(kind);
  if (v < 0) v += 2 ** bits;
  let word = 0;
  for (const r of kind.runs) word += (Math.floor(v / 2 ** r.valueAt) % 2 ** r.width) * 2 ** r.at;
  return word >>> 0;
}

/** Rounding-mode names by rm field value (5 and 6 are reserved). */
export const ROUNDING_MODES: readonly string[] = ['rne', 'rtz', 'rdn', 'rup', 'rmm', '', '', 'dyn'];
/** The rm value meaning "use frm"; objdump leaves it out. */
export const RM_DYNAMIC = 7;

/** Returns a fence predecessor/successor set as letters (`iorw`, `rw`); an empty set is `unknown`, as objdump prints it. */
export function fenceSetName(set: number): string {
  const name = ['i', 'o', 'r', 'w'].filter((_, i) => (set & (8 >> i)) !== 0).join('');
  return name === '' ? 'unknown' : name;
}

/** Returns the 4-bit set for fence letters (`rw` -> 3), or undefined for bad letters. */
export function parseFenceSet(text: string): number | undefined {
  if (text === '0') return 0;
  let set = 0;
  for (const ch of text.toLowerCase()) {
    const i = 'iorw'.indexOf(ch);
    if (i < 0 || (set & (8 >> i)) !== 0) return undefined;
    set |= 8 >> i;
  }
  return set;
}
