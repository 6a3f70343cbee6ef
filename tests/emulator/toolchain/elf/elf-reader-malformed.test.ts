// Malformed ELF input: truncation at every offset, corrupted header fields,
// huge offsets and random byte corruption must all give ElfError (or, for
// harmless corruption, a successful parse) — never another exception or a hang.

import { describe, expect, it } from 'vitest';
import { readElf } from '../../../../emulator/toolchain/elf/elf-reader.ts';
import { ElfError } from '../../../../emulator/toolchain/elf/elf-error.ts';
import { sampleElf } from './sample-elf.ts';

/** Parses `bytes` and returns the ElfError message, or 'ok'; fails the test on any other exception. */
function outcome(bytes: Uint8Array): string {
  try {
    readElf(bytes);
    return 'ok';
  } catch (error) {
    expect(error).toBeInstanceOf(ElfError);
    const message = (error as ElfError).message;
    expect(message).not.toMatch(/internal error/);
    return message;
  }
}

function patched(edit: (view: DataView) => void): Uint8Array {
  const bytes = sampleElf();
  edit(new DataView(bytes.buffer));
  return bytes;
}

describe('ELF reader on malformed input', () => {
  it('rejects the file truncated at every offset with ElfError', () => {
    const full = sampleElf();
    for (let length = 0; length < full.length; length++) {
      expect(outcome(full.subarray(0, length)), `length ${length}`).not.toBe('ok');
    }
    expect(outcome(full)).toBe('ok');
  });

  it.each([
    ['bad magic', (v: DataView) => v.setUint8(1, 0x46), /bad magic/],
    ['32-bit class', (v: DataView) => v.setUint8(4, 1), /class 1 is not ELFCLASS64/],
    ['big endian', (v: DataView) => v.setUint8(5, 2), /not little-endian/],
    ['ident version', (v: DataView) => v.setUint8(6, 0), /identification version 0/],
    ['file type', (v: DataView) => v.setUint16(16, 4, true), /file type 4/],
    ['machine x86-64', (v: DataView) => v.setUint16(18, 62, true), /machine 62 is not RISC-V/],
    ['version', (v: DataView) => v.setUint32(20, 2, true), /version 2 is not EV_CURRENT/],
    ['header size', (v: DataView) => v.setUint16(52, 52, true), /header size 52/],
    ['phentsize', (v: DataView) => v.setUint16(54, 32, true), /program header size 32/],
    ['shentsize', (v: DataView) => v.setUint16(58, 40, true), /section header size 40/],
    ['huge phoff', (v: DataView) => v.setBigUint64(32, 0xffff_ffff_ffff_fff0n, true), /program header table: file range 0xfffffffffffffff0\+0x70 exceeds file size/],
    ['huge shoff', (v: DataView) => v.setBigUint64(40, 0xffff_ffff_ffff_ff00n, true), /section header 0: file range/],
    ['huge phnum', (v: DataView) => v.setUint16(56, 0xfffe, true), /program header table/],
    ['shstrndx out of range', (v: DataView) => v.setUint16(62, 99, true), /section name table index 99/],
  ])('rejects %s', (_name, edit, message) => {
    expect(outcome(patched(edit))).toMatch(message);
  });

  it('names the program header and ranges of a segment beyond the file', () => {
    const bytes = patched((v) => v.setBigUint64(64 + 56 + 8, 0x1000n, true)); // phdr 1 p_offset
    const size = bytes.length;
    const view = new DataView(bytes.buffer);
    view.setBigUint64(64 + 56 + 32, BigInt(size), true); // p_filesz = file size
    view.setBigUint64(64 + 56 + 40, BigInt(size), true); // p_memsz
    expect(outcome(bytes)).toBe(`ELF program header 1: segment file range 0x1000+0x${size.toString(16)} exceeds file size 0x${size.toString(16)}`);
  });

  it('rejects filesz > memsz, wrapping ranges and offset+size overflow', () => {
    expect(outcome(patched((v) => v.setBigUint64(64 + 40, 4n, true)))).toMatch(/program header 0: file size 0x8 is larger than memory size 0x4/);
    expect(outcome(patched((v) => v.setBigUint64(64 + 16, 0xffff_ffff_ffff_fffcn, true)))).toMatch(/program header 0: virtual range .* wraps around/);
    expect(outcome(patched((v) => v.setBigUint64(64 + 8, 0xffff_ffff_ffff_fffcn, true)))).toMatch(/program header 0: segment file range 0xfffffffffffffffc\+0x8 exceeds/);
    expect(outcome(patched((v) => v.setBigUint64(64 + 48, 3n, true)))).toMatch(/alignment 0x3 is not a power of two/);
  });

  it('rejects bad section and symbol tables', () => {
    const base = readElf(sampleElf());
    const shoff = base.header.shoff;
    const symtab = base.sections.find((s) => s.name === '.symtab')!;
    const at = shoff + symtab.index * 64;
    expect(outcome(patched((v) => v.setBigUint64(at + 56, 16n, true)))).toMatch(/entry size 16 is not 24/);
    expect(outcome(patched((v) => v.setUint32(at + 40, 1, true)))).toMatch(/linked string table 1 is not an SHT_STRTAB/);
    expect(outcome(patched((v) => v.setBigUint64(at + 32, 0x7fff_ffff_ffffn, true)))).toMatch(/section \d+: file range/);
    expect(outcome(patched((v) => v.setUint32(shoff + 64, 0xffff, true)))).toMatch(/section 1 name: string offset 0xffff is outside/);
    expect(outcome(patched((v) => v.setUint32(symtab.offset + 24, 0x7fff_0000, true)))).toMatch(/ELF symbol 1 name/);
  });

  it('never throws anything but ElfError on random corruption', () => {
    const original = sampleElf();
    let seed = 12345;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    // Corrupt the header and table areas (where the structure lives).
    const hot = [0, 0x100, readElf(original).header.shoff, original.length];
    for (let round = 0; round < 3000; round++) {
      const bytes = original.slice();
      for (let k = 0; k < 1 + random(4); k++) {
        const region = random(2) === 0 ? random(hot[1]!) : hot[2]! + random(hot[3]! - hot[2]!);
        bytes[region] = random(256);
      }
      outcome(bytes);
    }
  });
});
