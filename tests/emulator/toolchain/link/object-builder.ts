// Test helper: builds relocatable objects by hand (sections, symbols and any
// relocation, including ones no assembler of ours emits) through the
// assembler's ObjectFile model and ELF object writer.

import { writeElfObject } from '../../../../emulator/toolchain/asm/elf-object-writer.ts';
import type { ObjectFile, ObjectSection, ObjectSymbol, SymbolBinding, SymbolType } from '../../../../emulator/toolchain/asm/object.ts';
import { EF_RISCV_FLOAT_ABI_DOUBLE, EF_RISCV_RVC } from '../../../../emulator/toolchain/elf/elf-constants.ts';
import type { NamedBytes } from './link-helpers.ts';

export interface SectionSpec {
  name: string;
  bytes?: number[] | Uint8Array;
  /** For .bss-like sections. */
  nobitsSize?: number;
  align?: number;
}

export interface SymbolSpec {
  name: string;
  /** Section name, 'undef' or 'abs'. */
  section: string;
  value?: bigint;
  size?: bigint;
  binding?: SymbolBinding;
  type?: SymbolType;
}

export interface RelocSpec {
  section: string;
  offset: number;
  type: number;
  /** Symbol name; '' for none; '#.text' for the section symbol of .text. Unknown names become undefined globals. */
  symbol: string;
  addend?: bigint;
}

/** Little-endian bytes of 32-bit words. */
export function words(...values: number[]): number[] {
  return values.flatMap((w) => [w & 0xff, (w >>> 8) & 0xff, (w >>> 16) & 0xff, (w >>> 24) & 0xff]);
}

/** Returns the ELF bytes of an object with the given sections, symbols and relocations. */
export function buildObject(name: string, sections: SectionSpec[], symbols: SymbolSpec[], relocs: RelocSpec[] = [], flags = EF_RISCV_RVC | EF_RISCV_FLOAT_ABI_DOUBLE): NamedBytes {
  const secs: ObjectSection[] = sections.map((s) => {
    const bytes = Uint8Array.from(s.bytes ?? []);
    const nobits = s.nobitsSize !== undefined;
    return {
      name: s.name, kind: nobits ? 'nobits' : 'progbits', alloc: true, write: !s.name.startsWith('.text') && !s.name.startsWith('.rodata'),
      exec: s.name.startsWith('.text'), align: s.align ?? 4, bytes: nobits ? new Uint8Array(0) : bytes, size: nobits ? s.nobitsSize! : bytes.length, relocations: [],
    };
  });
  const index = (section: string): number | 'undef' | 'abs' => {
    if (section === 'undef' || section === 'abs') return section;
    const i = secs.findIndex((s) => s.name === section);
    if (i < 0) throw new Error(`no section ${section}`);
    return i;
  };
  const syms: ObjectSymbol[] = [{ name: '', section: 'undef', value: 0n, size: 0n, binding: 'local', type: 'notype' }];
  for (const s of symbols) {
    syms.push({ name: s.name, section: index(s.section), value: s.value ?? 0n, size: s.size ?? 0n, binding: s.binding ?? 'global', type: s.type ?? 'notype' });
  }
  const symbolIndex = (name: string): number => {
    if (name === '') return 0;
    if (name.startsWith('#')) {
      const section = index(name.slice(1));
      const found = syms.findIndex((s) => s.type === 'section' && s.section === section);
      if (found >= 0) return found;
      syms.push({ name: name.slice(1), section, value: 0n, size: 0n, binding: 'local', type: 'section' });
      return syms.length - 1;
    }
    const found = syms.findIndex((s) => s.name === name && s.type !== 'section');
    if (found >= 0) return found;
    syms.push({ name, section: 'undef', value: 0n, size: 0n, binding: 'global', type: 'notype' });
    return syms.length - 1;
  };
  for (const r of relocs) {
    secs[index(r.section) as number]!.relocations.push({ offset: r.offset, type: r.type, symbol: symbolIndex(r.symbol), addend: r.addend ?? 0n });
  }
  // syms[0] is a nameless local undefined symbol standing in for "no symbol" (ALIGN, RELAX).
  const object: ObjectFile = { sections: secs, symbols: syms, flags };
  return { name, bytes: writeElfObject(object) };
}
