// Round trip of the ELF writer through the validating reader, plus readelf's
// view of a written file (when riscv64-unknown-elf-readelf is installed).

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PF_R, PF_W, PF_X, PT_LOAD, SHT_NOBITS, STT_FUNC, STT_OBJECT, ET_EXEC, EM_RISCV } from '../../../../emulator/toolchain/elf/elf-constants.ts';
import { findSymbol, readElf } from '../../../../emulator/toolchain/elf/elf-reader.ts';
import { writeElf } from '../../../../emulator/toolchain/elf/elf-writer.ts';
import { ElfError } from '../../../../emulator/toolchain/elf/elf-error.ts';
import { binutils, hasTool } from './cross-gcc.ts';
import { sampleCode as code, sampleElf } from './sample-elf.ts';
import { makeTempDir } from '../../../support/temp-dir.ts';

describe('ELF writer -> reader round trip', () => {
  it('keeps header, segments and symbols', () => {
    const elf = readElf(sampleElf());
    expect(elf.header.type).toBe(ET_EXEC);
    expect(elf.header.machine).toBe(EM_RISCV);
    expect(elf.header.entry).toBe(0x8000_0000n);
    const loads = elf.programHeaders.filter((p) => p.type === PT_LOAD);
    expect(loads).toHaveLength(2);
    expect(loads[0]).toMatchObject({ vaddr: 0x8000_0000n, paddr: 0x8000_0000n, filesz: 8, memsz: 8n, flags: PF_R | PF_X });
    expect(loads[1]).toMatchObject({ vaddr: 0x8000_1000n, filesz: 5, memsz: 0x100n, flags: PF_R | PF_W });
    const seg = loads[0]!;
    expect([...elf.bytes.subarray(seg.offset, seg.offset + seg.filesz)]).toEqual([...code]);
    expect(seg.offset % 4096).toBe(0);
    expect(elf.sections.map((s) => s.name)).toEqual(['', '.text', '.data', '.data.bss', '.symtab', '.strtab', '.shstrtab']);
    expect(elf.sections.find((s) => s.name === '.data.bss')?.type).toBe(SHT_NOBITS);
    expect(elf.symbols.map((s) => s.name)).toEqual(['local_thing', '_start', 'tohost']);
    expect(findSymbol(elf, 'tohost')).toMatchObject({ value: 0x8000_1000n, size: 8n, type: STT_OBJECT, shndx: 2 });
    expect(findSymbol(elf, '_start')).toMatchObject({ type: STT_FUNC, shndx: 1 });
    expect(findSymbol(elf, 'missing')).toBeUndefined();
  });

  it('writes a file without symbols and with a separate load address', () => {
    const elf = readElf(writeElf({ entry: 0x1000n, segments: [{ vaddr: 0x1000n, paddr: 0x8000_0000n, data: code, flags: PF_R | PF_X }] }));
    expect(elf.symbols).toEqual([]);
    expect(elf.programHeaders[0]).toMatchObject({ vaddr: 0x1000n, paddr: 0x8000_0000n });
  });

  it('rejects a memory size smaller than the data', () => {
    expect(() => writeElf({ entry: 0n, segments: [{ vaddr: 0n, data: code, memsz: 4n, flags: PF_R }] })).toThrow(ElfError);
  });

  it.skipIf(!hasTool('riscv64-unknown-elf-readelf'))('is accepted by readelf with matching entry, segments and symbols', () => {
    const path = join(makeTempDir('rvos-elf-'), 'w.elf');
    writeFileSync(path, sampleElf());
    const header = binutils('readelf', ['-h', '-l', '-W', path]);
    expect(header).toMatch(/Entry point address:\s+0x80000000/);
    expect(header).toMatch(/LOAD\s+0x001000 0x0000000080000000 0x0000000080000000 0x000008 0x000008 R E 0x1000/);
    expect(header).toMatch(/LOAD\s+0x002000 0x0000000080001000 0x0000000080001000 0x000005 0x000100 RW  0x1000/);
    const nm = binutils('nm', [path]);
    expect(nm).toContain('0000000080000000 T _start');
    expect(nm).toContain('0000000080001000 D tohost');
    expect(nm).toContain('0000000080001004 d local_thing');
  });
});
