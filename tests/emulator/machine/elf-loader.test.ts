// ELF loader: segments copied to their physical addresses with zeroed bss,
// tohost/fromhost found, and clear errors (RAM untouched) for segments outside
// RAM, overlapping segments, an entry outside RAM and non-executable files.

import { describe, expect, it } from 'vitest';
import { PF_R, PF_W, PF_X } from '../../../emulator/toolchain/elf/elf-constants.ts';
import { readElf } from '../../../emulator/toolchain/elf/elf-reader.ts';
import { writeElf, type ElfSegmentSpec } from '../../../emulator/toolchain/elf/elf-writer.ts';
import { ElfLoadError, loadElf } from '../../../emulator/machine/elf-loader.ts';

const ramBase = 0x8000_0000n;

function target(size = 0x10000): { ram: Uint8Array; ramBase: bigint; invalidateCode: (p: bigint, n: number) => void; invalidated: [bigint, number][] } {
  const invalidated: [bigint, number][] = [];
  return { ram: new Uint8Array(size).fill(0xee), ramBase, invalidated, invalidateCode: (p, n) => invalidated.push([p, n]) };
}

function elfWith(segments: ElfSegmentSpec[], entry = ramBase): ReturnType<typeof readElf> {
  return readElf(writeElf({
    entry, segments,
    symbols: [{ name: 'tohost', value: ramBase + 0x1000n }, { name: 'fromhost', value: ramBase + 0x1008n }],
  }));
}

const code = Uint8Array.from([0x13, 0, 0, 0, 0x6f, 0, 0, 0]);

describe('loadElf', () => {
  it('copies segments, zeroes bss, invalidates code and finds tohost/fromhost', () => {
    const t = target();
    const program = loadElf(elfWith([
      { vaddr: ramBase, data: code, flags: PF_R | PF_X },
      { vaddr: ramBase + 0x1000n, data: Uint8Array.of(9, 8, 7), memsz: 0x20n, flags: PF_R | PF_W },
    ]), t);
    expect(program.entry).toBe(ramBase);
    expect(program.tohost).toBe(ramBase + 0x1000n);
    expect(program.fromhost).toBe(ramBase + 0x1008n);
    expect([...t.ram.subarray(0, 8)]).toEqual([...code]);
    expect(t.ram[8]).toBe(0xee);
    expect([...t.ram.subarray(0x1000, 0x1004)]).toEqual([9, 8, 7, 0]);
    expect(t.ram.subarray(0x1003, 0x1020).every((b) => b === 0)).toBe(true);
    expect(t.ram[0x1020]).toBe(0xee);
    expect(t.invalidated).toEqual([[ramBase, 8], [ramBase + 0x1000n, 0x20]]);
    expect(program.segments.map((s) => [s.paddr, s.filesz, s.memsz])).toEqual([[ramBase, 8, 8], [ramBase + 0x1000n, 3, 0x20]]);
  });

  it('loads at p_paddr when it differs from p_vaddr', () => {
    const t = target();
    loadElf(elfWith([{ vaddr: 0xffff_ffc0_0000_0000n, paddr: ramBase + 0x2000n, data: code, flags: PF_R | PF_X }, { vaddr: ramBase, data: code, flags: PF_R | PF_X }]), t);
    expect([...t.ram.subarray(0x2000, 0x2008)]).toEqual([...code]);
  });

  it.each([
    ['below RAM', [{ vaddr: 0x1000n, data: code, flags: PF_R }], /program header 0: segment 0x1000\+0x8 lies outside RAM 0x80000000\.\.0x80010000/],
    ['past the end of RAM', [{ vaddr: ramBase + 0xfff0n, data: code, memsz: 0x20n, flags: PF_R }], /segment 0x8000fff0\+0x20 lies outside RAM/],
    ['overlapping', [{ vaddr: ramBase, data: code, memsz: 0x1010n, flags: PF_R }, { vaddr: ramBase + 0x1000n, data: code, flags: PF_R }], /segments overlap in memory: 0x80000000\+0x1010 and 0x80001000\+0x8/],
  ])('refuses a segment %s and leaves RAM untouched', (_name, segments, message) => {
    const t = target();
    expect(() => loadElf(elfWith(segments as ElfSegmentSpec[]), t)).toThrow(message);
    expect(() => loadElf(elfWith(segments as ElfSegmentSpec[]), t)).toThrow(ElfLoadError);
    expect(t.ram.every((b) => b === 0xee)).toBe(true);
  });

  it('refuses an entry point outside RAM', () => {
    expect(() => loadElf(elfWith([{ vaddr: ramBase, data: code, flags: PF_R }], 0x1000n), target())).toThrow(/entry point 0x1000 is outside RAM/);
  });

  it('refuses a tohost symbol outside RAM', () => {
    const elf = readElf(writeElf({ entry: ramBase, segments: [{ vaddr: ramBase, data: code, flags: PF_R }], symbols: [{ name: 'tohost', value: 0x4000n }] }));
    expect(() => loadElf(elf, target())).toThrow(/symbol tohost at 0x4000 is outside RAM/);
  });

  it('refuses a relocatable object', () => {
    const bytes = writeElf({ entry: ramBase, segments: [{ vaddr: ramBase, data: code, flags: PF_R }] });
    new DataView(bytes.buffer).setUint16(16, 1, true); // ET_REL
    expect(() => loadElf(readElf(bytes), target())).toThrow(/file type 1 is not an executable/);
  });
});
