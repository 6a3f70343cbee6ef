// The instruction encoder: mnemonic + operands (in assembly order) -> machine
// word, for every RV64GC instruction, driven by the same tables as the
// decoder. This is the back end the assembler will sit on; it knows no
// pseudo-instructions and no labels (branch operands are byte offsets).

import { COMPRESSED, findCompressed, type CompressedDef, type ExpansionSlot } from './compressed.ts';
import { csrAddress } from './csr-names.ts';
import { findInstruction, type InstructionDef } from './instructions.ts';
import { insertOperand, operandError, parseFenceSet, RM_DYNAMIC, ROUNDING_MODES, type OperandKind } from './operands.ts';
import { parseRegister } from './registers.ts';

/**
 * An operand as written: a number (register number, immediate, byte offset
 * for branches, CSR address, rm or fence-set value) or a name (register ABI
 * or xN/fN name, CSR name, rounding mode, fence set such as `rw`).
 */
export type OperandValue = number | string;

/** Thrown for an unknown mnemonic, a wrong operand count, or a value that does not fit. */
export class EncodeError extends Error {
  override name = 'EncodeError';
}

function resolveName(kind: OperandKind, text: string): number | undefined {
  switch (kind.cls) {
    case 'reg': return parseRegister(kind.file ?? 'x', text);
    case 'csr': return csrAddress(text);
    case 'rm': { const i = ROUNDING_MODES.indexOf(text.toLowerCase()); return i >= 0 && text !== '' ? i : undefined; }
    case 'fence': return parseFenceSet(text);
    default: return undefined;
  }
}

/** Returns the numeric value of one operand; throws EncodeError for an unknown name. */
function resolveOperand(mnemonic: string, kind: OperandKind, value: OperandValue): number {
  if (typeof value === 'number') return value;
  const n = resolveName(kind, value);
  if (n === undefined) throw new EncodeError(`${mnemonic}: '${value}' is not a valid ${kind.name}`);
  return n;
}

/** Resolves an operand list against a definition; a missing trailing `rm` means dynamic. */
function resolveOperands(def: InstructionDef, operands: readonly OperandValue[]): number[] {
  const kinds = def.operands;
  const list = [...operands];
  if (list.length === kinds.length - 1 && kinds[kinds.length - 1]?.cls === 'rm') list.push(RM_DYNAMIC);
  if (list.length !== kinds.length) {
    throw new EncodeError(`${def.name}: expected ${kinds.length} operands (${def.syntax}), got ${operands.length}`);
  }
  return list.map((v, i) => resolveOperand(def.name, kinds[i], v));
}

/** Returns the machine word for a definition and resolved operand values; throws EncodeError when a value does not fit. */
export function encodeWith(def: InstructionDef, values: readonly number[]): number {
  let word = def.match;
  def.operands.forEach((kind, i) => {
    const value = values[i];
    const err = kind.cls === 'rm' && (value === 5 || value === 6) ? `rm: ${value} is reserved` : operandError(kind, value);
    if (err) throw new EncodeError(`${def.name}: ${err}`);
    word = (word | insertOperand(kind, value)) >>> 0;
  });
  return word;
}

/**
 * Returns the 32-bit word of `mnemonic` (e.g. `addi`, `amoadd.w.aqrl`) with
 * `operands` in assembly order (`ld a0,8(sp)` is `['a0', 8, 'sp']`).
 * Throws EncodeError for an unknown mnemonic or operands that do not fit.
 */
export function encode(mnemonic: string, operands: readonly OperandValue[] = []): number {
  const def = findInstruction(mnemonic);
  if (!def) throw new EncodeError(`unknown instruction '${mnemonic}'`);
  return encodeWith(def, resolveOperands(def, operands));
}

/**
 * Returns the 16-bit halfword of a compressed instruction named with its
 * prefix (`c.addi`), operands in its own syntax order (literal `sp` omitted).
 * Throws EncodeError as `encode` does.
 */
export function encodeCompressed(mnemonic: string, operands: readonly OperandValue[] = []): number {
  const def = findCompressed(mnemonic);
  if (!def || def.hint) throw new EncodeError(`unknown compressed instruction '${mnemonic}'`);
  return encodeWith(def, resolveOperands(def, operands));
}

/** Returns the compressed form's operands when the 32-bit operands fit an expansion, else undefined. */
function matchExpansion(def: CompressedDef, slots: readonly ExpansionSlot[], wide: readonly number[]): number[] | undefined {
  const own: number[] = [];
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    if ('value' in slot) {
      if (wide[i] !== slot.value) return undefined;
    } else if (own[slot.from] === undefined) {
      own[slot.from] = wide[i];
    } else if (own[slot.from] !== wide[i]) {
      return undefined;
    }
  }
  return def.operands.every((k, i) => operandError(k, own[i]) === undefined) ? own : undefined;
}

/**
 * Returns the 16-bit encoding of a 32-bit instruction (`addi a0,a0,1` ->
 * `c.addi`) when an RV64C form expresses it exactly, else undefined.
 * Throws EncodeError when the 32-bit instruction itself is invalid.
 */
export function compress(mnemonic: string, operands: readonly OperandValue[] = []): number | undefined {
  const wideDef = findInstruction(mnemonic);
  if (!wideDef) throw new EncodeError(`unknown instruction '${mnemonic}'`);
  const wide = resolveOperands(wideDef, operands);
  encodeWith(wideDef, wide); // validates
  for (const def of COMPRESSED) {
    if (def.hint) continue;
    const forms = [{ target: def.expandsTo, slots: def.expansion }, ...def.alternatives];
    for (const form of forms) {
      const own = form.target === wideDef ? matchExpansion(def, form.slots, wide) : undefined;
      if (own) return encodeWith(def, own);
    }
  }
  return undefined;
}
