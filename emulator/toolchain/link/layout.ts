// Script-free memory layout. RX segment at textBase: .text (.text.init and
// .init first), .rodata. RW segment at the next page: .tohost (64-byte
// aligned, alone in its line), .data, .sdata, then .sbss, .bss and COMMON
// symbols (no file bytes), then an optional stack. Assigns every input
// section's address; builds the segment bytes.

import type { InputObject, InputSection, OutputKind } from './input-object.ts';
import { LinkError, hexOf } from './link-diagnostics.ts';
import type { SymbolTable } from './symbol-table.ts';

export const PAGE_SIZE = 0x1000n;
/** .tohost is aligned to (and padded out to) this many bytes. */
export const TOHOST_ALIGN = 64n;
/** Largest image (first text byte to the stack top) the linker builds. */
export const MAX_IMAGE_SIZE = 0x8000_0000n;

export interface OutputSection {
  kind: OutputKind;
  name: string;
  address: bigint;
  size: bigint;
  nobits: boolean;
  inputs: InputSection[];
}

export interface Layout {
  sections: OutputSection[];
  rxStart: bigint;
  rxEnd: bigint;
  rwStart: bigint;
  /** End of the initialized part of the RW segment (_edata). */
  rwFileEnd: bigint;
  /** End of .bss and COMMON (_end). */
  bssEnd: bigint;
  /** End of the RW segment (stack top when there is a stack). */
  rwEnd: bigint;
}

const NAMES: Readonly<Record<OutputKind, string>> = {
  text: '.text', rodata: '.rodata', tohost: '.tohost', data: '.data', sdata: '.sdata', sbss: '.sbss', bss: '.bss',
};

/** Sections that must start the text: riscv-tests' .text.init and the ELF .init. */
function textPriority(s: InputSection): number {
  return s.name === '.text.init' || s.name.startsWith('.text.init.') || s.name === '.init' ? 0 : 1;
}

function alignUp(value: bigint, align: bigint): bigint {
  return (value + align - 1n) / align * align;
}

/**
 * Places all sections of `objects` and the COMMON symbols of `table`, and
 * returns the layout. Throws LinkError when the image would exceed
 * MAX_IMAGE_SIZE or wrap around the address space.
 */
export function layoutImage(objects: readonly InputObject[], table: SymbolTable, textBase: bigint, stackSize: bigint): Layout {
  const byKind = (kind: OutputKind): InputSection[] => objects.flatMap((o) => [...o.sections.values()].filter((s) => s.kind === kind));
  let at = textBase;
  const sections: OutputSection[] = [];
  const place = (kind: OutputKind, inputs: InputSection[], minAlign = 1n): void => {
    const align = inputs.reduce((a, s) => (BigInt(s.align) > a ? BigInt(s.align) : a), minAlign);
    at = alignUp(at, align);
    const start = at;
    for (const s of inputs) {
      at = alignUp(at, BigInt(s.align));
      s.address = at;
      at += BigInt(s.size);
    }
    sections.push({ kind, name: NAMES[kind], address: start, size: at - start, nobits: kind === 'sbss' || kind === 'bss', inputs });
  };
  place('text', byKind('text').map((s, i) => ({ s, i })).sort((a, b) => textPriority(a.s) - textPriority(b.s) || a.i - b.i).map((x) => x.s));
  place('rodata', byKind('rodata'));
  const rxEnd = at;
  at = alignUp(at, PAGE_SIZE);
  const rwStart = at;
  const tohost = byKind('tohost');
  if (tohost.length > 0) {
    place('tohost', tohost, TOHOST_ALIGN);
    at = alignUp(at, TOHOST_ALIGN);
  }
  place('data', byKind('data'));
  place('sdata', byKind('sdata'));
  const rwFileEnd = at;
  place('sbss', byKind('sbss'));
  place('bss', byKind('bss'));
  placeCommons(table, sections[sections.length - 1]!, () => at, (v) => { at = v; });
  const bssEnd = at;
  const rwEnd = stackSize > 0n ? alignUp(at, 16n) + stackSize : at;
  if (rwEnd - textBase > MAX_IMAGE_SIZE || rwEnd > 1n << 64n) {
    throw new LinkError('ld', `image ${hexOf(textBase)}..${hexOf(rwEnd)} is larger than ${hexOf(MAX_IMAGE_SIZE)} bytes`);
  }
  return { sections, rxStart: textBase, rxEnd, rwStart, rwFileEnd, bssEnd, rwEnd };
}

function placeCommons(table: SymbolTable, bss: OutputSection, get: () => bigint, set: (v: bigint) => void): void {
  let at = get();
  for (const g of table.commons) {
    const def = g.definition!;
    at = alignUp(at, def.commonAlign);
    def.address = at;
    at += def.commonSize;
  }
  bss.size = at - bss.address;
  set(at);
}

/** Returns the bytes of [start, end) of the image: the contents of the PROGBITS sections placed there. */
export function segmentBytes(layout: Layout, start: bigint, end: bigint): Uint8Array {
  const out = new Uint8Array(Number(end - start));
  for (const section of layout.sections) {
    if (section.nobits || section.address < start || section.address >= end) continue;
    for (const s of section.inputs) out.set(s.data, Number(s.address - start));
  }
  return out;
}
