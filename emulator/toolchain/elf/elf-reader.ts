// A validating parser for ELF64 little-endian RISC-V files (EXEC, DYN, REL):
// header, program headers, section headers with names, and the symbol table.
// Every range is checked against the file with bigint arithmetic (no overflow),
// and every defect is reported as an ElfError naming the field and values.

import {
  EI_CLASS, EI_DATA, EI_VERSION, ELF64_EHDR_SIZE, ELF64_PHDR_SIZE, ELF64_SHDR_SIZE,
  ELF64_SYM_SIZE, ELF_MAGIC, ELFCLASS64, ELFDATA2LSB, EM_RISCV, ET_DYN, ET_EXEC, ET_REL,
  EV_CURRENT, PN_XNUM, PT_LOAD, SHN_UNDEF, SHN_XINDEX, SHT_DYNSYM, SHT_NOBITS, SHT_NULL,
  SHT_STRTAB, SHT_SYMTAB,
} from './elf-constants.ts';
import { ElfError, hex } from './elf-error.ts';
import type { ElfFile, ElfHeader, ElfProgramHeader, ElfSectionHeader, ElfSymbol } from './elf-file.ts';

const utf8 = new TextDecoder('utf-8');

/** Little-endian field access over the whole file; callers check ranges first. */
class FileView {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  get size(): number { return this.bytes.length; }
  u8(at: number): number { return this.view.getUint8(at); }
  u16(at: number): number { return this.view.getUint16(at, true); }
  u32(at: number): number { return this.view.getUint32(at, true); }
  u64(at: number): bigint { return this.view.getBigUint64(at, true); }

  /** Throws unless [offset, offset+size) lies within the file; returns offset as a number. */
  checkRange(what: string, offset: bigint, size: bigint): number {
    if (offset + size > BigInt(this.size)) {
      throw new ElfError(`${what}: file range ${hex(offset)}+${hex(size)} exceeds file size ${hex(this.size)}`);
    }
    return Number(offset);
  }
}

/**
 * Parses and validates an ELF64 little-endian RISC-V file. Returns the parsed
 * file (which keeps a reference to `bytes`); throws ElfError for any malformed,
 * truncated or unsupported input, and never throws anything else.
 */
export function readElf(bytes: Uint8Array): ElfFile {
  try {
    return parse(new FileView(bytes));
  } catch (error) {
    if (error instanceof ElfError) throw error;
    // A bug in this reader, not in the file; still keep the error contract.
    throw new ElfError(`ELF reader internal error: ${String(error)}`);
  }
}

function parse(file: FileView): ElfFile {
  checkIdent(file);
  const header = readHeader(file);
  const sections = readSections(file, header);
  const programHeaders = readProgramHeaders(file, header);
  const symbols = readSymbols(file, sections);
  return { header, programHeaders, sections, symbols, bytes: file.bytes };
}

function checkIdent(file: FileView): void {
  const magicOk = file.size >= 4 && ELF_MAGIC.every((b, i) => file.u8(i) === b);
  if (!magicOk) throw new ElfError('not an ELF file: bad magic (expected 7f 45 4c 46)');
  if (file.size < ELF64_EHDR_SIZE) {
    throw new ElfError(`ELF header: file size ${hex(file.size)} is smaller than the ELF64 header (0x40 bytes)`);
  }
  const cls = file.u8(EI_CLASS);
  if (cls !== ELFCLASS64) throw new ElfError(`ELF header: class ${cls} is not ELFCLASS64 (2); only 64-bit ELF is supported`);
  const data = file.u8(EI_DATA);
  if (data !== ELFDATA2LSB) throw new ElfError(`ELF header: data encoding ${data} is not little-endian (ELFDATA2LSB = 1)`);
  const version = file.u8(EI_VERSION);
  if (version !== EV_CURRENT) throw new ElfError(`ELF header: identification version ${version} is not EV_CURRENT (1)`);
}

function readHeader(file: FileView): ElfHeader {
  const type = file.u16(16);
  if (type !== ET_EXEC && type !== ET_DYN && type !== ET_REL) {
    throw new ElfError(`ELF header: file type ${type} is not ET_REL (1), ET_EXEC (2) or ET_DYN (3)`);
  }
  const machine = file.u16(18);
  if (machine !== EM_RISCV) throw new ElfError(`ELF header: machine ${machine} is not RISC-V (EM_RISCV = 243)`);
  const version = file.u32(20);
  if (version !== EV_CURRENT) throw new ElfError(`ELF header: version ${version} is not EV_CURRENT (1)`);
  const ehsize = file.u16(52);
  if (ehsize !== ELF64_EHDR_SIZE) throw new ElfError(`ELF header: header size ${ehsize} is not 64`);
  const phoff = file.u64(32);
  const shoff = file.u64(40);
  const phentsize = file.u16(54);
  const shentsize = file.u16(58);
  let phnum = file.u16(56);
  let shnum = file.u16(60);
  let shstrndx = file.u16(62);
  if (shoff !== 0n) {
    if (shentsize !== ELF64_SHDR_SIZE) throw new ElfError(`ELF header: section header size ${shentsize} is not 64`);
    const at = file.checkRange('ELF section header 0', shoff, BigInt(ELF64_SHDR_SIZE));
    // Extended numbering: the real counts live in section header 0.
    if (shnum === 0) shnum = checkCount('section header count', file.u64(at + 32), file.size);
    if (phnum === PN_XNUM) phnum = file.u32(at + 44);
    if (shstrndx === SHN_XINDEX) shstrndx = file.u32(at + 40);
  } else if (shnum !== 0) {
    throw new ElfError(`ELF header: ${shnum} section headers but section header offset 0`);
  }
  if (phnum > 0 && phentsize !== ELF64_PHDR_SIZE) {
    throw new ElfError(`ELF header: program header size ${phentsize} is not 56`);
  }
  const phoffN = file.checkRange('ELF program header table', phoff, BigInt(phnum) * BigInt(ELF64_PHDR_SIZE));
  const shoffN = file.checkRange('ELF section header table', shoff, BigInt(shnum) * BigInt(ELF64_SHDR_SIZE));
  if (shnum > 0 && shstrndx !== SHN_UNDEF && shstrndx >= shnum) {
    throw new ElfError(`ELF header: section name table index ${shstrndx} is not below the section count ${shnum}`);
  }
  return { type, machine, entry: file.u64(24), flags: file.u32(48), phoff: phoffN, shoff: shoffN, phnum, shnum, shstrndx };
}

function checkCount(what: string, count: bigint, fileSize: number): number {
  if (count > BigInt(fileSize)) throw new ElfError(`ELF header: ${what} ${hex(count)} is larger than the file`);
  return Number(count);
}

function readProgramHeaders(file: FileView, header: ElfHeader): ElfProgramHeader[] {
  const result: ElfProgramHeader[] = [];
  for (let index = 0; index < header.phnum; index++) {
    result.push(readProgramHeader(file, header.phoff + index * ELF64_PHDR_SIZE, index));
  }
  return result;
}

function readProgramHeader(file: FileView, at: number, index: number): ElfProgramHeader {
  const what = `ELF program header ${index}`;
  const type = file.u32(at);
  const offset = file.u64(at + 8);
  const vaddr = file.u64(at + 16);
  const paddr = file.u64(at + 24);
  const filesz = file.u64(at + 32);
  const memsz = file.u64(at + 40);
  const align = file.u64(at + 48);
  if (offset + filesz > BigInt(file.size)) {
    throw new ElfError(`${what}: segment file range ${hex(offset)}+${hex(filesz)} exceeds file size ${hex(file.size)}`);
  }
  if (type === PT_LOAD) {
    if (filesz > memsz) throw new ElfError(`${what}: file size ${hex(filesz)} is larger than memory size ${hex(memsz)}`);
    const end = 1n << 64n;
    if (vaddr + memsz > end) throw new ElfError(`${what}: virtual range ${hex(vaddr)}+${hex(memsz)} wraps around 2^64`);
    if (paddr + memsz > end) throw new ElfError(`${what}: physical range ${hex(paddr)}+${hex(memsz)} wraps around 2^64`);
    if (align > 1n && (align & (align - 1n)) !== 0n) throw new ElfError(`${what}: alignment ${hex(align)} is not a power of two`);
  }
  return {
    index, type, flags: file.u32(at + 4), offset: Number(offset), filesz: Number(filesz),
    vaddr, paddr, memsz, align,
  };
}

interface RawSection extends Omit<ElfSectionHeader, 'name'> { nameOffset: number }

function readSections(file: FileView, header: ElfHeader): ElfSectionHeader[] {
  const raw: RawSection[] = [];
  for (let index = 0; index < header.shnum; index++) {
    raw.push(readSectionHeader(file, header.shoff + index * ELF64_SHDR_SIZE, index));
  }
  const names = header.shstrndx === SHN_UNDEF ? undefined : raw[header.shstrndx];
  if (names !== undefined && names.type !== SHT_STRTAB) {
    throw new ElfError(`ELF section ${names.index}: section name table has type ${names.type}, not SHT_STRTAB (3)`);
  }
  return raw.map(({ nameOffset, ...section }) => ({
    ...section,
    name: names === undefined ? '' : readString(file, names, nameOffset, `ELF section ${section.index} name`),
  }));
}

function readSectionHeader(file: FileView, at: number, index: number): RawSection {
  const type = file.u32(at + 4);
  const offset = file.u64(at + 24);
  const size = file.u64(at + 32);
  const hasBytes = type !== SHT_NOBITS && type !== SHT_NULL;
  if (hasBytes && offset + size > BigInt(file.size)) {
    throw new ElfError(`ELF section ${index}: file range ${hex(offset)}+${hex(size)} exceeds file size ${hex(file.size)}`);
  }
  return {
    index, nameOffset: file.u32(at), type, flags: file.u64(at + 8), addr: file.u64(at + 16),
    // A NOBITS offset is only informative (no bytes); beyond 2^53 it may round.
    offset: Number(offset), size, link: file.u32(at + 40), info: file.u32(at + 44),
    addralign: file.u64(at + 48), entsize: file.u64(at + 56),
  };
}

/** Reads the NUL-terminated string at `offset` inside string-table section `table`. */
function readString(file: FileView, table: Omit<ElfSectionHeader, 'name'>, offset: number, what: string): string {
  const size = Number(table.size);
  if (offset >= size) {
    throw new ElfError(`${what}: string offset ${hex(offset)} is outside string table section ${table.index} (size ${hex(size)})`);
  }
  const start = table.offset + offset;
  const end = file.bytes.indexOf(0, start);
  if (end < 0 || end >= table.offset + size) {
    throw new ElfError(`${what}: string at offset ${hex(offset)} of section ${table.index} is not NUL-terminated`);
  }
  return utf8.decode(file.bytes.subarray(start, end));
}

function readSymbols(file: FileView, sections: ElfSectionHeader[]): ElfSymbol[] {
  const table = sections.find((s) => s.type === SHT_SYMTAB) ?? sections.find((s) => s.type === SHT_DYNSYM);
  if (table === undefined) return [];
  const what = `ELF section ${table.index} (${table.name || 'symbol table'})`;
  if (table.entsize !== BigInt(ELF64_SYM_SIZE)) throw new ElfError(`${what}: entry size ${table.entsize} is not 24`);
  if (table.size % BigInt(ELF64_SYM_SIZE) !== 0n) throw new ElfError(`${what}: size ${hex(table.size)} is not a multiple of 24`);
  const strings = sections[table.link];
  if (strings === undefined || strings.type !== SHT_STRTAB) {
    throw new ElfError(`${what}: linked string table ${table.link} is not an SHT_STRTAB section`);
  }
  const count = Number(table.size) / ELF64_SYM_SIZE;
  const symbols: ElfSymbol[] = [];
  for (let i = 1; i < count; i++) {
    const at = table.offset + i * ELF64_SYM_SIZE;
    const info = file.u8(at + 4);
    symbols.push({
      name: readString(file, strings, file.u32(at), `ELF symbol ${i} name`),
      value: file.u64(at + 8), size: file.u64(at + 16), type: info & 0xf, bind: info >> 4, shndx: file.u16(at + 6),
    });
  }
  return symbols;
}

/** Returns the first symbol named `name` that is defined (not SHN_UNDEF), or undefined. */
export function findSymbol(elf: ElfFile, name: string): ElfSymbol | undefined {
  return elf.symbols.find((s) => s.name === name && s.shndx !== SHN_UNDEF);
}
