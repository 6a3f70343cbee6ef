// Writes an ObjectFile as an ELF64 little-endian RISC-V relocatable (ET_REL):
// the sections' bytes, one .rela<name> per section with relocations, .symtab
// (locals first, as the gABI requires), .strtab and .shstrtab. GNU ld accepts it.

import {
  EI_CLASS, EI_DATA, EI_OSABI, EI_VERSION, ELF64_EHDR_SIZE, ELF64_SHDR_SIZE, ELF64_SYM_SIZE,
  ELF_MAGIC, ELFCLASS64, ELFDATA2LSB, ELFOSABI_NONE, EM_RISCV, ET_REL, EV_CURRENT, SHF_ALLOC,
  SHF_EXECINSTR, SHF_WRITE, SHN_ABS, SHN_UNDEF, SHT_NOBITS, SHT_PROGBITS, SHT_RELA, SHT_STRTAB,
  SHT_SYMTAB, STB_GLOBAL, STB_LOCAL, STB_WEAK, STT_FILE, STT_FUNC, STT_NOTYPE, STT_OBJECT, STT_SECTION,
} from '../elf/elf-constants.ts';
import type { ObjectFile, ObjectSymbol } from './object.ts';

const SHF_INFO_LINK = 0x40n;
const RELA_SIZE = 24;

const BIND = { local: STB_LOCAL, global: STB_GLOBAL, weak: STB_WEAK } as const;
const TYPE = { notype: STT_NOTYPE, object: STT_OBJECT, func: STT_FUNC, section: STT_SECTION, file: STT_FILE } as const;

interface Header {
  name: number;
  type: number;
  flags: bigint;
  offset: number;
  size: number;
  link: number;
  info: number;
  align: number;
  entsize: number;
}

/** A string table under construction; offset 0 is the empty string. */
class StringTable {
  private readonly parts: Uint8Array[] = [new Uint8Array(1)];
  private readonly index = new Map<string, number>([['', 0]]);
  private length = 1;

  add(s: string): number {
    const known = this.index.get(s);
    if (known !== undefined) return known;
    const bytes = new TextEncoder().encode(`${s}\0`);
    const at = this.length;
    this.parts.push(bytes);
    this.length += bytes.length;
    this.index.set(s, at);
    return at;
  }

  bytes(): Uint8Array {
    return concat(this.parts);
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Returns the symbol order of .symtab (locals, then globals) and the old-index -> new-index map. */
function orderSymbols(symbols: readonly ObjectSymbol[]): { order: ObjectSymbol[]; newIndex: number[]; firstGlobal: number } {
  const ids = symbols.map((_, i) => i);
  const locals = ids.filter((i) => symbols[i]!.binding === 'local');
  const globals = ids.filter((i) => symbols[i]!.binding !== 'local');
  const newIndex: number[] = [];
  [...locals, ...globals].forEach((old, k) => { newIndex[old] = k + 1; });
  return { order: [...locals, ...globals].map((i) => symbols[i]!), newIndex, firstGlobal: locals.length + 1 };
}

function symtabBytes(order: readonly ObjectSymbol[], strtab: StringTable): Uint8Array {
  const out = new Uint8Array((order.length + 1) * ELF64_SYM_SIZE);
  const v = new DataView(out.buffer);
  order.forEach((s, k) => {
    const at = (k + 1) * ELF64_SYM_SIZE;
    v.setUint32(at, s.type === 'section' ? 0 : strtab.add(s.name), true);
    v.setUint8(at + 4, (BIND[s.binding] << 4) | TYPE[s.type]);
    const shndx = s.section === 'undef' ? SHN_UNDEF : s.section === 'abs' ? SHN_ABS : s.section + 1;
    v.setUint16(at + 6, shndx, true);
    v.setBigUint64(at + 8, BigInt.asUintN(64, s.value), true);
    v.setBigUint64(at + 16, BigInt.asUintN(64, s.size), true);
  });
  return out;
}

function relaBytes(obj: ObjectFile, section: number, newIndex: readonly number[]): Uint8Array {
  const relocs = obj.sections[section]!.relocations;
  const out = new Uint8Array(relocs.length * RELA_SIZE);
  const v = new DataView(out.buffer);
  relocs.forEach((r, k) => {
    const at = k * RELA_SIZE;
    v.setBigUint64(at, BigInt(r.offset), true);
    v.setBigUint64(at + 8, (BigInt(newIndex[r.symbol]!) << 32n) | BigInt(r.type), true);
    v.setBigInt64(at + 16, BigInt.asIntN(64, r.addend), true);
  });
  return out;
}

function writeEhdr(v: DataView, flags: number, shoff: number, shnum: number, shstrndx: number): void {
  ELF_MAGIC.forEach((b, i) => v.setUint8(i, b));
  v.setUint8(EI_CLASS, ELFCLASS64);
  v.setUint8(EI_DATA, ELFDATA2LSB);
  v.setUint8(EI_VERSION, EV_CURRENT);
  v.setUint8(EI_OSABI, ELFOSABI_NONE);
  v.setUint16(16, ET_REL, true);
  v.setUint16(18, EM_RISCV, true);
  v.setUint32(20, EV_CURRENT, true);
  v.setBigUint64(40, BigInt(shoff), true);
  v.setUint32(48, flags, true);
  v.setUint16(52, ELF64_EHDR_SIZE, true);
  v.setUint16(58, ELF64_SHDR_SIZE, true);
  v.setUint16(60, shnum, true);
  v.setUint16(62, shstrndx, true);
}

function writeShdr(v: DataView, at: number, h: Header): void {
  v.setUint32(at, h.name, true);
  v.setUint32(at + 4, h.type, true);
  v.setBigUint64(at + 8, h.flags, true);
  v.setBigUint64(at + 24, BigInt(h.offset), true);
  v.setBigUint64(at + 32, BigInt(h.size), true);
  v.setUint32(at + 40, h.link, true);
  v.setUint32(at + 44, h.info, true);
  v.setBigUint64(at + 48, BigInt(h.align), true);
  v.setBigUint64(at + 56, BigInt(h.entsize), true);
}

/** Returns the bytes of an ELF64 ET_REL file for `obj`. Relocation symbol indices must be valid. */
export function writeElfObject(obj: ObjectFile): Uint8Array {
  const shstr = new StringTable();
  const strtab = new StringTable();
  const { order, newIndex, firstGlobal } = orderSymbols(obj.symbols);
  const blobs: { header: Header; data: Uint8Array }[] = [];
  const n = obj.sections.length;
  const withRelocs = obj.sections.map((s, i) => (s.relocations.length > 0 ? i : -1)).filter((i) => i >= 0);
  const symtabIndex = 1 + n + withRelocs.length;
  obj.sections.forEach((s) => {
    const flags = (s.alloc ? SHF_ALLOC : 0n) | (s.write ? SHF_WRITE : 0n) | (s.exec ? SHF_EXECINSTR : 0n);
    const type = s.kind === 'nobits' ? SHT_NOBITS : SHT_PROGBITS;
    blobs.push({ header: { name: shstr.add(s.name), type, flags, offset: 0, size: s.size, link: 0, info: 0, align: s.align, entsize: 0 }, data: s.kind === 'nobits' ? new Uint8Array(0) : s.bytes });
  });
  for (const i of withRelocs) {
    const data = relaBytes(obj, i, newIndex);
    blobs.push({ header: { name: shstr.add(`.rela${obj.sections[i]!.name}`), type: SHT_RELA, flags: SHF_INFO_LINK, offset: 0, size: data.length, link: symtabIndex, info: i + 1, align: 8, entsize: RELA_SIZE }, data });
  }
  const symtab = symtabBytes(order, strtab);
  blobs.push({ header: { name: shstr.add('.symtab'), type: SHT_SYMTAB, flags: 0n, offset: 0, size: symtab.length, link: symtabIndex + 1, info: firstGlobal, align: 8, entsize: ELF64_SYM_SIZE }, data: symtab });
  const strBytes = strtab.bytes();
  blobs.push({ header: { name: shstr.add('.strtab'), type: SHT_STRTAB, flags: 0n, offset: 0, size: strBytes.length, link: 0, info: 0, align: 1, entsize: 0 }, data: strBytes });
  const shstrName = shstr.add('.shstrtab');
  const shstrBytes = shstr.bytes();
  blobs.push({ header: { name: shstrName, type: SHT_STRTAB, flags: 0n, offset: 0, size: shstrBytes.length, link: 0, info: 0, align: 1, entsize: 0 }, data: shstrBytes });
  return layoutFile(obj.flags, blobs);
}

function layoutFile(flags: number, blobs: { header: Header; data: Uint8Array }[]): Uint8Array {
  let at = ELF64_EHDR_SIZE;
  for (const b of blobs) {
    at = Math.ceil(at / Math.max(1, b.header.align)) * Math.max(1, b.header.align);
    b.header.offset = at;
    at += b.data.length;
  }
  const shoff = Math.ceil(at / 8) * 8;
  const out = new Uint8Array(shoff + (blobs.length + 1) * ELF64_SHDR_SIZE);
  const v = new DataView(out.buffer);
  writeEhdr(v, flags, shoff, blobs.length + 1, blobs.length);
  blobs.forEach((b, k) => {
    out.set(b.data, b.header.offset);
    writeShdr(v, shoff + (k + 1) * ELF64_SHDR_SIZE, b.header);
  });
  return out;
}
