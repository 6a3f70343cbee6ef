// The assembler's in-memory relocatable object: sections with their bytes,
// symbols and relocations. assembler.ts produces it; elf-object-writer.ts turns
// it into an ELF64 ET_REL file; tests inspect it directly.

export type SymbolBinding = 'local' | 'global' | 'weak';
export type SymbolType = 'notype' | 'func' | 'object' | 'section' | 'file';

/** A section's name, type, flags and alignment: shared by the assembler's working state and its output. */
export interface SectionAttributes {
  name: string;
  /** 'nobits' sections (.bss) have a size but no bytes. */
  kind: 'progbits' | 'nobits';
  alloc: boolean;
  write: boolean;
  exec: boolean;
  /** Alignment in bytes (a power of two; in the working state, the largest requested so far). */
  align: number;
}

export interface ObjectSection extends SectionAttributes {
  /** Contents (empty for nobits). */
  bytes: Uint8Array;
  size: number;
  relocations: ObjectRelocation[];
}

export interface ObjectSymbol {
  name: string;
  /** Index into `sections`, or 'undef' / 'abs'. */
  section: number | 'undef' | 'abs';
  value: bigint;
  size: bigint;
  binding: SymbolBinding;
  type: SymbolType;
}

export interface ObjectRelocation {
  /** Byte offset in the section. */
  offset: number;
  /** R_RISCV_* number. */
  type: number;
  /** Index into `symbols`. */
  symbol: number;
  addend: bigint;
}

export interface ObjectFile {
  sections: ObjectSection[];
  /** Locals first is NOT required here; the writer orders them. */
  symbols: ObjectSymbol[];
  /** ELF e_flags (EF_RISCV_*). */
  flags: number;
}
