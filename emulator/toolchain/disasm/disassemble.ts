// The disassembler: one instruction word (or compressed halfword) -> a line of
// text in GNU objdump style (ABI register names, objdump's pseudo-instructions,
// compressed forms shown expanded, rounding mode only when not dyn, unknown
// encodings as .4byte/.2byte), built on the shared ISA tables.

import { csrName } from '../isa/csr-names.ts';
import { decode, isCompressed, type DecodedInstruction } from '../isa/decode.ts';
import type { InstructionDef } from '../isa/instructions.ts';
import { fenceSetName, RM_DYNAMIC, ROUNDING_MODES, type OperandKind } from '../isa/operands.ts';
import { registerName } from '../isa/registers.ts';
import { ALIASES, type Alias } from './aliases.ts';

const MASK64 = (1n << 64n) - 1n;

const ALIASES_BY_BASE = new Map<string, Alias[]>();
for (const alias of ALIASES) {
  const list = ALIASES_BY_BASE.get(alias.base) ?? [];
  list.push(alias);
  ALIASES_BY_BASE.set(alias.base, list);
}

function hex(n: number): string {
  return `0x${n.toString(16)}`;
}

/** Branch and jump targets: an absolute address (bare hex, like objdump) with a pc, else `.+off`. */
function formatTarget(offset: number, pc: bigint | undefined): string {
  if (pc === undefined) return offset < 0 ? `.${offset}` : `.+${offset}`;
  return ((pc + BigInt(offset)) & MASK64).toString(16);
}

function formatOperand(kind: OperandKind, value: number, pc: bigint | undefined): string {
  switch (kind.cls) {
    case 'reg': return registerName(kind.file ?? 'x', value);
    case 'imm': return String(value);
    case 'uimm-hex': return hex(value);
    case 'target': return formatTarget(value, pc);
    case 'csr': return csrName(value) ?? hex(value);
    case 'rm': return ROUNDING_MODES[value] || 'unknown';
    case 'fence': return fenceSetName(value);
  }
}

/** Renders a syntax string, replacing each operand name with its formatted value; a dyn rm is dropped. */
function render(syntax: string, def: InstructionDef, values: readonly number[], pc: bigint | undefined): string {
  const index = new Map(def.operands.map((k, i) => [k.name, i]));
  const text = syntax.replace(/[a-z_0-9]+/g, (word) => {
    const i = index.get(word);
    if (i === undefined) return word;
    if (def.operands[i].cls === 'rm' && values[i] === RM_DYNAMIC) return '';
    return formatOperand(def.operands[i], values[i], pc);
  });
  return text.replace(/,$/, '');
}

function aliasApplies(alias: Alias, def: InstructionDef, values: readonly number[]): boolean {
  const value = (name: string): number | undefined => {
    const i = def.operands.findIndex((k) => k.name === name);
    return i < 0 ? undefined : values[i];
  };
  for (const [name, want] of Object.entries(alias.when ?? {})) if (value(name) !== want) return false;
  for (const [a, b] of alias.same ?? []) if (value(a) !== value(b)) return false;
  return true;
}

function line(mnemonic: string, operands: string): string {
  return operands === '' ? mnemonic : `${mnemonic} ${operands}`;
}

/** Returns the text of a decoded instruction (alias applied where objdump would). */
export function formatDecoded(d: DecodedInstruction, pc?: bigint): string {
  if (d.compressed?.hint && d.compressedOperands) {
    const [mnemonic, syntax = ''] = d.compressed.hint.split(' ');
    return line(mnemonic, render(syntax, d.compressed, d.compressedOperands, pc));
  }
  const alias = ALIASES_BY_BASE.get(d.def.name)?.find((a) => aliasApplies(a, d.def, d.operands));
  if (alias) return line(alias.name, render(alias.show, d.def, d.operands, pc));
  return line(d.def.name, render(d.def.syntax, d.def, d.operands, pc));
}

/**
 * Returns one line of disassembly for the instruction in `word`: a 32-bit
 * word, or a compressed halfword in the low 16 bits (detected from the low
 * bits). `pc` turns branch and jump offsets into absolute addresses.
 * Never throws: unknown encodings become `.4byte 0x...` / `.2byte 0x...`.
 */
export function disassemble(word: number, pc?: bigint): string {
  const w = word >>> 0;
  if (isCompressed(w) && (w & 0xffff) === 0) return 'unimp';
  const d = decode(w);
  if (d) return formatDecoded(d, pc);
  return isCompressed(w) ? `.2byte ${hex(w & 0xffff)}` : `.4byte ${hex(w)}`;
}

/** Returns the instruction length in bytes (2 or 4) that `disassemble` consumes for this word. */
export function instructionLength(word: number): 2 | 4 {
  return isCompressed(word >>> 0) ? 2 : 4;
}

export interface DisassembledLine {
  readonly pc: bigint;
  readonly size: 2 | 4;
  /** The instruction bits (16 or 32). */
  readonly word: number;
  readonly text: string;
}

/**
 * Returns the disassembly of a run of code bytes (little-endian) starting at
 * `pc`, one line per instruction; a trailing half instruction becomes a
 * `.2byte` line.
 */
export function disassembleRange(bytes: Uint8Array, pc: bigint): DisassembledLine[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lines: DisassembledLine[] = [];
  for (let at = 0; at + 2 <= bytes.length;) {
    const low = view.getUint16(at, true);
    const size = instructionLength(low) === 4 && at + 4 <= bytes.length ? 4 : 2;
    const word = size === 4 ? view.getUint32(at, true) : low;
    const here = pc + BigInt(at);
    lines.push({ pc: here, size, word, text: size === 2 && !isCompressed(word) ? `.2byte 0x${word.toString(16)}` : disassemble(word, here) });
    at += size;
  }
  return lines;
}
