// Builds a static ELF64 little-endian RISC-V executable from loadable segments,
// an entry point and optional symbols. Each segment gets a PT_LOAD header and a
// section (plus a NOBITS section for its zero-filled tail); symbols go into
// .symtab/.strtab, section names into .shstrtab. Used by the toolchain and tests.

import {
  EF_RISCV_FLOAT_ABI_DOUBLE, EF_RISCV_RVC, EI_CLASS, EI_DATA, EI_OSABI, EI_VERSION,
  ELF64_EHDR_SIZE, ELF64_PHDR_SIZE, ELF64_SHDR_SIZE, ELF64_SYM_SIZE, ELF_MAGIC, ELFCLASS64,
  ELFDATA2LSB, ELFOSABI_NONE, EM_RISCV, ET_EXEC, EV_CURRENT, PF_W, PF_X, PT_LOAD, SHF_ALLOC,
  SHF_EXECINSTR, SHF_WRITE, SHN_ABS, SHT_NOBITS, SHT_PROGBITS, SHT_STRTAB, SHT_SYMTAB, STB_GLOBAL,
  STB_LOCAL, STT_NOTYPE,
} from './elf-constants.ts';
import { ElfError, hex } from './elf-error.ts';

export interface ElfSegmentSpec {
  vaddr: bigint;
  /** Physical (load) address; defaults to vaddr. */
  paddr?: bigint;
  /** Initialized bytes. */
  data: Uint8Array;
  /** Size in memory, >= data.length (the tail is zero-filled); defaults to data.length. */
  memsz?: bigint;
  /** PF_R | PF_W | PF_X. */
  flags: number;
  /** Section name for the bytes; defaults to .text / .data / .rodata from the flags. */
  name?: string;
}

export interface ElfSymbolSpec {
  name: string;
  value: bigint;
  size?: bigint;
  /** STT_*; defaults to STT_NOTYPE. */
  type?: number;
  /** STB_*; defaults to STB_GLOBAL. */
  bind?: number;
}

export interface ElfExecutableSpec {
  entry: bigint;
  segments: ElfSegmentSpec[];
  symbols?: ElfSymbolSpec[];
  /** e_flags; defaults to RVC + double-float ABI (rv64gc/lp64d). */
  flags?: number;
  /** Segment alignment in the file and p_align; defaults to 4096. */
  pageAlign?: number;
}

interface SectionSpec {
  name: string;
  type: number;
  flags: bigint;
  addr: bigint;
  offset: number;
  size: number | bigint;
  link?: number;
  info?: number;
  addralign: number;
  entsize?: number;
}

/** Growable little-endian byte buffer with absolute-offset writes. */
class ByteSink {
  private bytes = new Uint8Array(4096);
  private view = new DataView(this.bytes.buffer);
  length = 0;

  private reserve(end: number): void {
    if (end <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(end, this.bytes.length * 2));
    grown.set(this.bytes);
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }
  alignTo(alignment: number): void { this.length = Math.ceil(this.length / alignment) * alignment; this.reserve(this.length); }
  append(data: Uint8Array): number { const at = this.length; this.reserve(at + data.length); this.bytes.set(data, at); this.length += data.length; return at; }
  u8(at: number, v: number): void { this.reserve(at + 1); this.view.setUint8(at, v); }
  u16(at: number, v: number): void { this.reserve(at + 2); this.view.setUint16(at, v, true); }
  u32(at: number, v: number): void { this.reserve(at + 4); this.view.setUint32(at, v, true); }
  u64(at: number, v: bigint | number): void { this.reserve(at + 8); this.view.setBigUint64(at, BigInt(v), true); }
  result(): Uint8Array { return this.bytes.slice(0, this.length); }
}

/** A string table under construction: offset 0 is the empty string. */
class StringTable {
  private readonly parts: string[] = [''];
  private size = 1;
  add(s: string): number {
    if (s === '') return 0;
    const at = this.size;
    this.parts.push(s);
    this.size += new TextEncoder().encode(s).length + 1;
    return at;
  }
  bytes(): Uint8Array { return new TextEncoder().encode(this.parts.join('\0') + '\0'); }
}

/**
 * Returns the bytes of a static ELF64 RISC-V executable (ET_EXEC) holding the
 * given segments, entry and symbols. Throws ElfError for an impossible spec
 * (memsz smaller than the data, a zero or non-power-of-two alignment).
 */
export function writeElf(spec: ElfExecutableSpec): Uint8Array {
  const align = spec.pageAlign ?? 4096;
  if (align < 1 || (align & (align - 1)) !== 0) throw new ElfError(`ELF writer: alignment ${align} is not a power of two`);
  const out = new ByteSink();
  const phoff = ELF64_EHDR_SIZE;
  out.length = phoff + spec.segments.length * ELF64_PHDR_SIZE;
  const sections: SectionSpec[] = [];
  spec.segments.forEach((segment, index) => writeSegment(out, segment, index, align, sections));
  writeSymbolTables(out, spec.symbols ?? [], sections);
  const shstrtab = new StringTable();
  const names = sections.map((s) => shstrtab.add(s.name));
  const shstrndx = sections.length + 1;
  const shstrName = shstrtab.add('.shstrtab');
  const shstrOffset = out.append(shstrtab.bytes());
  sections.push({ name: '.shstrtab', type: SHT_STRTAB, flags: 0n, addr: 0n, offset: shstrOffset, size: out.length - shstrOffset, addralign: 1 });
  names.push(shstrName);
  out.alignTo(8);
  const shoff = out.length;
  // Section header 0 stays all zero; the others follow it.
  sections.forEach((s, i) => writeSectionHeader(out, shoff + (i + 1) * ELF64_SHDR_SIZE, s, names[i] ?? 0));
  out.length = shoff + (sections.length + 1) * ELF64_SHDR_SIZE;
  writeHeader(out, spec, { phoff, phnum: spec.segments.length, shoff, shnum: sections.length + 1, shstrndx });
  return out.result();
}

function writeSegment(out: ByteSink, seg: ElfSegmentSpec, index: number, align: number, sections: SectionSpec[]): void {
  const memsz = seg.memsz ?? BigInt(seg.data.length);
  if (memsz < BigInt(seg.data.length)) {
    throw new ElfError(`ELF writer: segment ${index} memory size ${hex(memsz)} is smaller than its data (${hex(seg.data.length)})`);
  }
  // Keep p_offset congruent to p_vaddr modulo the alignment, as loaders expect.
  const want = Number(seg.vaddr % BigInt(align));
  const base = Math.ceil(out.length / align) * align;
  out.length = base + want < out.length ? base + align + want : base + want;
  const offset = out.append(seg.data);
  const paddr = seg.paddr ?? seg.vaddr;
  const ph = ELF64_EHDR_SIZE + index * ELF64_PHDR_SIZE;
  out.u32(ph, PT_LOAD); out.u32(ph + 4, seg.flags); out.u64(ph + 8, offset);
  out.u64(ph + 16, seg.vaddr); out.u64(ph + 24, paddr); out.u64(ph + 32, seg.data.length);
  out.u64(ph + 40, memsz); out.u64(ph + 48, align);
  const flags = SHF_ALLOC | ((seg.flags & PF_W) ? SHF_WRITE : 0n) | ((seg.flags & PF_X) ? SHF_EXECINSTR : 0n);
  const name = seg.name ?? ((seg.flags & PF_X) ? '.text' : (seg.flags & PF_W) ? '.data' : '.rodata');
  if (seg.data.length > 0) {
    sections.push({ name, type: SHT_PROGBITS, flags, addr: seg.vaddr, offset, size: seg.data.length, addralign: 4 });
  }
  const tail = memsz - BigInt(seg.data.length);
  if (tail > 0n) {
    const bssName = seg.data.length > 0 ? `${name}.bss` : (seg.name ?? '.bss');
    sections.push({ name: bssName, type: SHT_NOBITS, flags: flags | SHF_WRITE, addr: seg.vaddr + BigInt(seg.data.length), offset: out.length, size: tail, addralign: 1 });
  }
}

/** Appends .symtab and .strtab (locals first, as the gABI requires) and their section entries. */
function writeSymbolTables(out: ByteSink, symbols: ElfSymbolSpec[], sections: SectionSpec[]): void {
  if (symbols.length === 0) return;
  const ordered = [...symbols].sort((a, b) => Number((a.bind ?? STB_GLOBAL) !== STB_LOCAL) - Number((b.bind ?? STB_GLOBAL) !== STB_LOCAL));
  const firstGlobal = 1 + ordered.filter((s) => (s.bind ?? STB_GLOBAL) === STB_LOCAL).length;
  const strtab = new StringTable();
  const table = new Uint8Array((ordered.length + 1) * ELF64_SYM_SIZE);
  const view = new DataView(table.buffer);
  ordered.forEach((sym, i) => {
    const at = (i + 1) * ELF64_SYM_SIZE;
    view.setUint32(at, strtab.add(sym.name), true);
    view.setUint8(at + 4, ((sym.bind ?? STB_GLOBAL) << 4) | (sym.type ?? STT_NOTYPE));
    view.setUint16(at + 6, sectionIndexOf(sym.value, sections), true);
    view.setBigUint64(at + 8, sym.value, true);
    view.setBigUint64(at + 16, sym.size ?? 0n, true);
  });
  out.alignTo(8);
  const symOffset = out.append(table);
  const symtabIndex = sections.length + 1;
  sections.push({ name: '.symtab', type: SHT_SYMTAB, flags: 0n, addr: 0n, offset: symOffset, size: table.length, link: symtabIndex + 1, info: firstGlobal, addralign: 8, entsize: ELF64_SYM_SIZE });
  const strBytes = strtab.bytes();
  const strOffset = out.append(strBytes);
  sections.push({ name: '.strtab', type: SHT_STRTAB, flags: 0n, addr: 0n, offset: strOffset, size: strBytes.length, addralign: 1 });
}

/** The 1-based section index whose address range holds `value`, or SHN_ABS. */
function sectionIndexOf(value: bigint, sections: SectionSpec[]): number {
  const i = sections.findIndex((s) => (s.flags & SHF_ALLOC) !== 0n && value >= s.addr && value < s.addr + BigInt(s.size));
  return i < 0 ? SHN_ABS : i + 1;
}

function writeSectionHeader(out: ByteSink, at: number, s: SectionSpec, nameOffset: number): void {
  out.u32(at, nameOffset); out.u32(at + 4, s.type); out.u64(at + 8, s.flags); out.u64(at + 16, s.addr);
  out.u64(at + 24, s.offset); out.u64(at + 32, s.size); out.u32(at + 40, s.link ?? 0); out.u32(at + 44, s.info ?? 0);
  out.u64(at + 48, s.addralign); out.u64(at + 56, s.entsize ?? 0);
}

interface Tables { phoff: number; phnum: number; shoff: number; shnum: number; shstrndx: number }

function writeHeader(out: ByteSink, spec: ElfExecutableSpec, t: Tables): void {
  ELF_MAGIC.forEach((b, i) => out.u8(i, b));
  out.u8(EI_CLASS, ELFCLASS64); out.u8(EI_DATA, ELFDATA2LSB); out.u8(EI_VERSION, EV_CURRENT); out.u8(EI_OSABI, ELFOSABI_NONE);
  out.u16(16, ET_EXEC); out.u16(18, EM_RISCV); out.u32(20, EV_CURRENT); out.u64(24, spec.entry);
  out.u64(32, t.phnum > 0 ? t.phoff : 0); out.u64(40, t.shoff);
  out.u32(48, spec.flags ?? (EF_RISCV_RVC | EF_RISCV_FLOAT_ABI_DOUBLE));
  out.u16(52, ELF64_EHDR_SIZE); out.u16(54, ELF64_PHDR_SIZE); out.u16(56, t.phnum);
  out.u16(58, ELF64_SHDR_SIZE); out.u16(60, t.shnum); out.u16(62, t.shstrndx);
}
