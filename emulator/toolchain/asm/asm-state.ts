// The assembler's working state between parsing and emission: sections as
// lists of items (labels, data, machine instructions, alignment, space), and
// the symbol table. Pass 1 (assembler.ts, directives.ts, pseudo.ts) fills it;
// layout.ts sizes it; emit.ts turns it into an ObjectFile.

import type { SourceLocation } from './diagnostics.ts';
import type { Expr } from './expr.ts';
import type { InstructionDef } from './isa-adapter.ts';
import type { SectionAttributes, SymbolBinding, SymbolType } from './object.ts';

export interface SymbolInfo {
  name: string;
  binding: SymbolBinding;
  type: SymbolType;
  /** Value of `.size`, evaluated at emission. */
  size?: Expr;
  /** Where the symbol is defined: a label item in a section, or an `.equ`/`=` expression. */
  def?: { kind: 'label'; section: SectionState; item: number } | { kind: 'equ'; expr: Expr };
  /** Location of the definition (or of the first reference, for diagnostics). */
  loc: SourceLocation;
  /** Internal or .L symbol: in .symtab only when a relocation needs it. */
  temporary: boolean;
  /** `.globl` was seen (the binding is global even if defined later). */
  declaredGlobal: boolean;
}

/** How an instruction's symbolic immediate turns into bits or a relocation. */
export type ImmRole = 'abs' | 'branch' | 'jump' | 'hi' | 'lo' | 'pcrel_hi' | 'pcrel_lo' | 'call';

export interface SymbolicImm {
  expr: Expr;
  role: ImmRole;
}

/** One machine instruction: its table entry and operand values in the entry's syntax order. */
export interface MachineInsn {
  def: InstructionDef;
  values: (number | SymbolicImm)[];
  /** False for an explicitly written c.* form (already 16-bit) or when compression is off. */
  compressible: boolean;
}

export type Item =
  | { kind: 'label'; sym: SymbolInfo }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'value'; width: 1 | 2 | 4 | 8; expr: Expr; loc: SourceLocation }
  | { kind: 'insn'; insn: MachineInsn; loc: SourceLocation }
  | { kind: 'align'; align: number; fill: number | undefined; max: number | undefined }
  | { kind: 'space'; size: number; fill: number };

export interface SectionState extends SectionAttributes {
  items: Item[];
}
