// Tests of the ELF64 ET_REL writer, read back with the project's ELF reader:
// header, sections and their flags, .symtab order (locals first, sh_info),
// .rela sections (link/info, entries), and relocation records' contents.

import { describe, expect, it } from 'vitest';
import { assembleToElf } from '../../../../emulator/toolchain/asm/assembler.ts';
import { writeElfObject } from '../../../../emulator/toolchain/asm/elf-object-writer.ts';
import { EM_RISCV, ET_REL, SHT_RELA, SHT_SYMTAB, STB_GLOBAL, STB_LOCAL } from '../../../../emulator/toolchain/elf/elf-constants.ts';
import { readElf } from '../../../../emulator/toolchain/elf/elf-reader.ts';
import { asmOk } from './asm-helpers.ts';

const SOURCE = `
  .globl main
main:
  call helper
  la a0, msg
  ret
helper: ret
  .section .rodata
msg: .string "hi"
  .data
ptr: .dword msg + 1
  .bss
buf: .zero 32
`;

describe('assembleToElf', () => {
  it('returns ELF bytes for good input and none (with the diagnostics) for bad input', () => {
    const good = assembleToElf('nop', 'a.s');
    expect(readElf(good.bytes!).header.type).toBe(ET_REL);
    const bad = assembleToElf('frob', 'b.s');
    expect(bad.bytes).toBeUndefined();
    expect(bad.diagnostics).toMatchObject([{ file: 'b.s', line: 1, column: 1, severity: 'error' }]);
  });
});

describe('ELF relocatable writer', () => {
  const bytes = writeElfObject(asmOk(SOURCE));
  const elf = readElf(bytes);
  const byName = (n: string) => elf.sections.find((s) => s.name === n)!;

  it('writes an ELF64 RISC-V ET_REL header with the float ABI and RVC flags', () => {
    expect(elf.header).toMatchObject({ type: ET_REL, machine: EM_RISCV, flags: 0x5, phnum: 0 });
  });

  it('writes every section with its flags, sizes and contents', () => {
    expect(elf.sections.map((s) => s.name)).toEqual(
      ['', '.text', '.rodata', '.data', '.bss', '.rela.text', '.rela.data', '.symtab', '.strtab', '.shstrtab']);
    expect(byName('.text')).toMatchObject({ flags: 0x6n, size: 20n });
    expect(byName('.bss')).toMatchObject({ type: 8, size: 32n, flags: 0x3n });
    const ro = byName('.rodata');
    expect([...bytes.subarray(ro.offset, ro.offset + 3)]).toEqual([0x68, 0x69, 0]);
  });

  it('puts local symbols first and sets .symtab sh_info to the first global', () => {
    const symtab = elf.sections.find((s) => s.type === SHT_SYMTAB)!;
    const firstGlobal = elf.symbols.findIndex((s) => s.bind !== STB_LOCAL) + 1;
    expect(symtab.info).toBe(firstGlobal);
    expect(elf.symbols.slice(firstGlobal - 1).every((s) => s.bind === STB_GLOBAL)).toBe(true);
    expect(elf.symbols.find((s) => s.name === 'main')).toMatchObject({ bind: STB_GLOBAL, shndx: 1, value: 0n });
    expect(elf.symbols.find((s) => s.name === 'buf')).toMatchObject({ bind: STB_LOCAL, shndx: 4 });
  });

  it('links each .rela section to .symtab and to the section it patches', () => {
    const symtabIndex = elf.sections.findIndex((s) => s.type === SHT_SYMTAB);
    const relaText = byName('.rela.text');
    expect(relaText).toMatchObject({ type: SHT_RELA, link: symtabIndex, info: 1, entsize: 24n, size: 72n });
    expect(byName('.rela.data')).toMatchObject({ link: symtabIndex, info: 3, size: 24n });
  });

  it('encodes r_offset, r_info (symbol << 32 | type) and r_addend', () => {
    const rela = byName('.rela.data');
    const v = new DataView(bytes.buffer, bytes.byteOffset + rela.offset, 24);
    const info = v.getBigUint64(8, true);
    expect(v.getBigUint64(0, true)).toBe(0n);
    expect(Number(info & 0xffffffffn)).toBe(2);
    expect(elf.symbols[Number(info >> 32n) - 1]!.name).toBe('msg');
    expect(v.getBigInt64(16, true)).toBe(1n);
  });
});
