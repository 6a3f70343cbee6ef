// The parsed form of an ELF64 file, as produced by elf-reader.ts: header,
// program headers, named section headers and symbols. Addresses and sizes that
// may exceed 2^53 are bigint; file offsets, already checked to lie within the
// file, are plain numbers.

export interface ElfHeader {
  /** ET_REL, ET_EXEC or ET_DYN. */
  type: number;
  machine: number;
  entry: bigint;
  flags: number;
  phoff: number;
  shoff: number;
  phnum: number;
  shnum: number;
  shstrndx: number;
}

export interface ElfProgramHeader {
  index: number;
  type: number;
  flags: number;
  /** File offset and size of the bytes in the file (offset + filesz <= file size). */
  offset: number;
  filesz: number;
  vaddr: bigint;
  paddr: bigint;
  /** Size in memory (>= filesz for PT_LOAD; the rest is zero-filled). */
  memsz: bigint;
  align: bigint;
}

export interface ElfSectionHeader {
  index: number;
  name: string;
  type: number;
  flags: bigint;
  addr: bigint;
  /** File offset; for SHT_NOBITS the section has no bytes in the file. */
  offset: number;
  size: bigint;
  link: number;
  info: number;
  addralign: bigint;
  entsize: bigint;
}

export interface ElfSymbol {
  name: string;
  value: bigint;
  size: bigint;
  /** STT_* (st_info & 0xf). */
  type: number;
  /** STB_* (st_info >> 4). */
  bind: number;
  /** Section index, or SHN_UNDEF / SHN_ABS / SHN_COMMON. */
  shndx: number;
}

export interface ElfFile {
  header: ElfHeader;
  programHeaders: ElfProgramHeader[];
  sections: ElfSectionHeader[];
  /** Symbols of .symtab (or .dynsym if there is no .symtab), without the null symbol 0. */
  symbols: ElfSymbol[];
  /** The file's bytes; segment data is `bytes.subarray(ph.offset, ph.offset + ph.filesz)`. */
  bytes: Uint8Array;
}
