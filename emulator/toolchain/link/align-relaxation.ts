// R_RISCV_ALIGN handling. With linker relaxation on, GNU as pads each code
// `.align` with the worst-case number of nop bytes (the relocation's addend)
// and leaves the linker to delete the excess. This linker does no other
// relaxation, but deletes exactly those excess bytes, moving the object's
// symbols, relocations and section-relative addends behind them.

import { STT_SECTION } from '../elf/elf-constants.ts';
import type { InputObject, InputSection } from './input-object.ts';
import { LinkError, hexOf } from './link-diagnostics.ts';
import { R_RISCV_ALIGN } from '../elf/riscv-relocations.ts';

const NOP = [0x13, 0x00, 0x00, 0x00];
const C_NOP = [0x01, 0x00];

/**
 * Deletes the surplus padding of every R_RISCV_ALIGN in `object`'s sections
 * and raises each section's alignment to the largest one requested, so the
 * offsets kept here stay aligned in the output. Throws LinkError for padding
 * that cannot produce the requested alignment.
 */
export function applyAlignRelocations(object: InputObject): void {
  for (const section of object.sections.values()) {
    const aligns = section.relocations.filter((r) => r.type === R_RISCV_ALIGN).sort((a, b) => a.offset - b.offset);
    for (const reloc of aligns) {
      const alignment = alignmentOf(reloc.addend);
      if (section.nobits || reloc.offset + Number(reloc.addend) > section.size) {
        throw new LinkError(object.name, `R_RISCV_ALIGN at ${section.name}+${hexOf(reloc.offset)}: padding of ${reloc.addend} bytes lies outside the section`);
      }
      section.align = Math.max(section.align, alignment);
      const keep = (alignment - (reloc.offset % alignment)) % alignment;
      if (keep > Number(reloc.addend) || keep % 2 !== 0) {
        throw new LinkError(object.name, `R_RISCV_ALIGN at ${section.name}+${hexOf(reloc.offset)}: ${reloc.addend} bytes of padding cannot align to ${alignment}`);
      }
      writeNops(section.data, reloc.offset, keep);
      deleteBytes(object, section, reloc.offset + keep, Number(reloc.addend) - keep);
    }
  }
}

/** The alignment an R_RISCV_ALIGN addend asks for: the smallest power of two above it. */
function alignmentOf(addend: bigint): number {
  if (addend < 0n || addend > 1n << 20n) throw new LinkError('', `R_RISCV_ALIGN addend ${addend} is out of range`);
  let alignment = 1;
  while (alignment <= Number(addend)) alignment *= 2;
  return alignment;
}

/** Fills `count` bytes at `at` with 4-byte nops and, for a 2-byte rest, one c.nop. */
function writeNops(data: Uint8Array, at: number, count: number): void {
  let i = 0;
  for (; i + 4 <= count; i += 4) data.set(NOP, at + i);
  if (i < count) data.set(C_NOP, at + i);
}

/** Removes `count` bytes at offset `at` of `section`, shifting everything that follows. */
function deleteBytes(object: InputObject, section: InputSection, at: number, count: number): void {
  if (count === 0) return;
  const data = new Uint8Array(section.size - count);
  data.set(section.data.subarray(0, at));
  data.set(section.data.subarray(at + count), at);
  section.data = data;
  section.size -= count;
  const inside = section.relocations.find((r) => r.offset > at && r.offset < at + count);
  if (inside !== undefined) {
    throw new LinkError(object.name, `relocation at ${section.name}+${hexOf(inside.offset)} lies inside R_RISCV_ALIGN padding that is deleted`);
  }
  for (const r of section.relocations) if (r.offset > at) r.offset -= count;
  const here = BigInt(at);
  const n = BigInt(count);
  for (const s of object.symbols) {
    if (s.shndx !== section.index) continue;
    if (s.value > here) s.value -= n;
    else if (s.value + s.size > here) s.size -= n;
  }
  // Relocations that address this section through its section symbol plus an addend.
  for (const other of object.sections.values()) {
    for (const r of other.relocations) {
      const s = object.symbols[r.symbol - 1];
      if (s?.type === STT_SECTION && s.shndx === section.index && r.addend > here) r.addend -= n;
    }
  }
}
