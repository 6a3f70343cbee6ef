// Instruction decoding against the shared tables: a 32-bit word or a 16-bit
// compressed halfword becomes its table entry plus operand values. Compressed
// forms are returned expanded to their 32-bit instruction, with the 16-bit
// entry attached. Used by the disassembler (and later by debugger views).

import { COMPRESSED, type CompressedDef } from './compressed.ts';
import { INSTRUCTIONS, type InstructionDef } from './instructions.ts';
import { extractOperand, type OperandKind } from './operands.ts';

export interface DecodedInstruction {
  /** The 32-bit instruction (for a compressed form, the one it expands to). */
  readonly def: InstructionDef;
  /** Operand values in `def.syntax` order. */
  readonly operands: readonly number[];
  /** 2 for a compressed halfword, 4 otherwise. */
  readonly size: 2 | 4;
  /** The compressed form, when the input was a halfword. */
  readonly compressed?: CompressedDef;
  /** The compressed form's own operand values (in its syntax order). */
  readonly compressedOperands?: readonly number[];
}

/** Returns true when the low bits mark a 16-bit compressed instruction. */
export function isCompressed(word: number): boolean {
  return (word & 3) !== 3;
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v !== 0; v >>>= 1) n += v & 1;
  return n;
}

/** Table entries grouped by their low 7 bits (32-bit) or quadrant+funct3 (16-bit), most specific first. */
function buildIndex<T extends InstructionDef>(defs: readonly T[], key: (match: number) => number): Map<number, T[]> {
  const index = new Map<number, T[]>();
  for (const def of defs) {
    const k = key(def.match);
    const list = index.get(k) ?? [];
    list.push(def);
    index.set(k, list);
  }
  for (const list of index.values()) list.sort((a, b) => popcount(b.mask) - popcount(a.mask));
  return index;
}

const WIDE_INDEX = buildIndex(INSTRUCTIONS, (m) => m & 0x7f);
const RVC_INDEX = buildIndex(COMPRESSED, (m) => (m & 3) | ((m >>> 13) << 2));

/**
 * Returns false for a reserved operand value (RVC zero/excluded values). The
 * reserved rounding modes 5 and 6 decode (objdump shows them as `unknown`);
 * the hart raises illegal-instruction for them at run time.
 */
function operandValid(kind: OperandKind, value: number): boolean {
  if (kind.nonZero && value === 0) return false;
  return !kind.reserved?.includes(value);
}

function matchOperands(def: InstructionDef, word: number): number[] | undefined {
  const values: number[] = [];
  for (const kind of def.operands) {
    const v = extractOperand(kind, word);
    if (!operandValid(kind, v)) return undefined;
    values.push(v);
  }
  return values;
}

function decodeWide(word: number): DecodedInstruction | undefined {
  for (const def of WIDE_INDEX.get(word & 0x7f) ?? []) {
    if (((word & def.mask) >>> 0) !== def.match) continue;
    const operands = matchOperands(def, word);
    if (operands) return { def, operands, size: 4 };
  }
  return undefined;
}

/** Returns the 32-bit operand list a compressed form's operands expand to. */
export function expandOperands(def: CompressedDef, operands: readonly number[]): number[] {
  return def.expansion.map((slot) => ('from' in slot ? operands[slot.from] : slot.value));
}

function decodeCompressed(half: number): DecodedInstruction | undefined {
  for (const def of RVC_INDEX.get((half & 3) | ((half >>> 13) << 2)) ?? []) {
    if ((half & def.mask) !== def.match) continue;
    const operands = matchOperands(def, half);
    if (!operands) continue;
    return { def: def.expandsTo, operands: expandOperands(def, operands), size: 2, compressed: def, compressedOperands: operands };
  }
  return undefined;
}

/**
 * Decodes the instruction at the start of `word` (a 16-bit halfword in the low
 * bits is enough when it is compressed). Returns undefined for a reserved or
 * unknown encoding.
 */
export function decode(word: number): DecodedInstruction | undefined {
  const w = word >>> 0;
  if (isCompressed(w)) return decodeCompressed(w & 0xffff);
  if ((w & 0x1f) === 0x1f) return undefined; // 48-bit and longer encodings
  return decodeWide(w);
}
