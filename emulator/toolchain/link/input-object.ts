// Reads one relocatable object (ET_REL) for the linker: its allocated sections
// (classified into the output section they go to, with a private copy of their
// bytes to relocate), its symbols, and the RELA entries of each section.
// Everything is validated here so later stages can index without checks.

import {
  ET_REL, SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE, SHN_LORESERVE, SHN_UNDEF, SHT_NOBITS, SHT_NULL, SHT_RELA,
} from '../elf/elf-constants.ts';
import type { ElfSectionHeader, ElfSymbol } from '../elf/elf-file.ts';
import { readElf } from '../elf/elf-reader.ts';
import { LinkError, hexOf } from './link-diagnostics.ts';

/** The output section an input section goes to, in layout order. */
export type OutputKind = 'text' | 'rodata' | 'tohost' | 'data' | 'sdata' | 'sbss' | 'bss';

export interface Relocation {
  offset: number;
  type: number;
  /** Symbol table index (0 = no symbol). */
  symbol: number;
  addend: bigint;
}

export interface InputSection {
  readonly object: InputObject;
  readonly index: number;
  readonly name: string;
  readonly kind: OutputKind;
  readonly nobits: boolean;
  /** Alignment in bytes, a power of two (may be raised by R_RISCV_ALIGN handling). */
  align: number;
  size: number;
  /** A private copy of the section's bytes (empty for NOBITS), relocated in place. */
  data: Uint8Array;
  relocations: Relocation[];
  /** Final address, set by the layout. */
  address: bigint;
}

export interface InputObject {
  /** Display name: the file name, or `archive(member)`. */
  readonly name: string;
  readonly flags: number;
  /** Symbol table entries; entry i is symbol index i + 1 (index 0 is the null symbol). */
  readonly symbols: ElfSymbol[];
  /** Allocated sections by section header index. */
  readonly sections: Map<number, InputSection>;
}

const SHF_TLS = 0x400n;
const SHT_REL = 9;
const RELA_SIZE = 24;
/** Largest input section alignment accepted (keeps padding, and so memory use, bounded). */
export const MAX_SECTION_ALIGN = 1 << 20;
/** Largest input section size accepted (the machine's RAM is at most 2 GiB). */
export const MAX_SECTION_SIZE = 0x8000_0000;

/**
 * Parses `bytes` as a relocatable RISC-V object named `name`. Returns the
 * object; throws LinkError (naming `name`) for anything that is not a valid
 * ET_REL file or uses unsupported features (TLS sections, REL relocations).
 */
export function readInputObject(name: string, bytes: Uint8Array): InputObject {
  let elf;
  try {
    elf = readElf(bytes);
  } catch (error) {
    throw new LinkError(name, error instanceof Error ? error.message : String(error));
  }
  if (elf.header.type !== ET_REL) throw new LinkError(name, `ELF type ${elf.header.type} is not a relocatable object (ET_REL = 1)`);
  const object: InputObject = { name, flags: elf.header.flags, symbols: elf.symbols, sections: new Map() };
  for (const header of elf.sections) {
    if ((header.flags & SHF_ALLOC) === 0n) continue;
    object.sections.set(header.index, makeSection(object, header, bytes));
  }
  for (const header of elf.sections) {
    if (header.type === SHT_REL) throw new LinkError(name, `section ${header.name}: SHT_REL relocations are not used on RISC-V and not supported`);
    if (header.type !== SHT_RELA) continue;
    const target = object.sections.get(header.info);
    if (target !== undefined) target.relocations = readRelocations(name, header, bytes, elf.symbols.length);
  }
  checkSymbols(object, elf.sections.length);
  return object;
}

function makeSection(object: InputObject, h: ElfSectionHeader, bytes: Uint8Array): InputSection {
  const where = `section ${h.name || h.index}`;
  if ((h.flags & SHF_TLS) !== 0n) throw new LinkError(object.name, `${where}: thread-local storage is not supported (no TLS in this linker)`);
  const align = h.addralign === 0n ? 1n : h.addralign;
  if ((align & (align - 1n)) !== 0n || align > BigInt(MAX_SECTION_ALIGN)) {
    throw new LinkError(object.name, `${where}: alignment ${hexOf(h.addralign)} is not a power of two up to ${hexOf(MAX_SECTION_ALIGN)}`);
  }
  if (h.size > BigInt(MAX_SECTION_SIZE)) throw new LinkError(object.name, `${where}: size ${hexOf(h.size)} is larger than ${hexOf(MAX_SECTION_SIZE)}`);
  const nobits = h.type === SHT_NOBITS;
  const size = Number(h.size);
  const data = nobits ? new Uint8Array(0) : bytes.slice(h.offset, h.offset + size);
  if (h.type === SHT_NULL || data.length !== (nobits ? 0 : size)) {
    throw new LinkError(object.name, `${where}: allocated section of type ${h.type} has no contents in the file`);
  }
  return {
    object, index: h.index, name: h.name, kind: classify(h, nobits), nobits, align: Number(align), size,
    data, relocations: [], address: 0n,
  };
}

/** The output section for an input section, from its flags and name (GNU ld's default script order). */
function classify(h: ElfSectionHeader, nobits: boolean): OutputKind {
  const small = h.name === '.sdata' || h.name.startsWith('.sdata.') || h.name === '.sbss' || h.name.startsWith('.sbss.');
  // NOBITS always goes to the zero-filled tail, whatever its flags: it has no bytes to put in a file segment.
  if (nobits) return small ? 'sbss' : 'bss';
  if ((h.flags & SHF_EXECINSTR) !== 0n) return 'text';
  if (h.name === '.tohost') return 'tohost';
  if ((h.flags & SHF_WRITE) === 0n) return 'rodata';
  return small ? 'sdata' : 'data';
}

function readRelocations(name: string, h: ElfSectionHeader, bytes: Uint8Array, symbolCount: number): Relocation[] {
  const where = `relocation section ${h.name || h.index}`;
  if (h.size % BigInt(RELA_SIZE) !== 0n) throw new LinkError(name, `${where}: size ${hexOf(h.size)} is not a multiple of 24`);
  const view = new DataView(bytes.buffer, bytes.byteOffset + h.offset, Number(h.size));
  const result: Relocation[] = [];
  for (let at = 0; at < view.byteLength; at += RELA_SIZE) {
    const offset = view.getBigUint64(at, true);
    const info = view.getBigUint64(at + 8, true);
    const symbol = Number(info >> 32n);
    if (symbol > symbolCount) throw new LinkError(name, `${where}: entry ${at / RELA_SIZE} uses symbol ${symbol}, but the symbol table has ${symbolCount}`);
    if (offset > BigInt(MAX_SECTION_SIZE)) throw new LinkError(name, `${where}: entry ${at / RELA_SIZE} offset ${hexOf(offset)} is out of range`);
    result.push({ offset: Number(offset), type: Number(info & 0xffff_ffffn), symbol, addend: view.getBigInt64(at + 16, true) });
  }
  return result;
}

function checkSymbols(object: InputObject, sectionCount: number): void {
  object.symbols.forEach((s, i) => {
    if (s.shndx !== SHN_UNDEF && s.shndx < SHN_LORESERVE && s.shndx >= sectionCount) {
      throw new LinkError(object.name, `symbol ${i + 1} '${s.name}' refers to section ${s.shndx}, but the object has ${sectionCount} sections`);
    }
  });
}
