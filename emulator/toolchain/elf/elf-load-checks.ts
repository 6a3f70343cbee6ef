// The checks every loader of a parsed RISC-V executable shares (the bare-metal
// machine loader, emulator/machine/elf-loader.ts, and the rvos kernel's
// address spaces, emulator/kernel/mm/address-space.ts): the file must be an
// executable, and its loadable segments must not overlap.

import { ET_DYN, ET_EXEC, PT_LOAD } from './elf-constants.ts';
import { ElfError, hex } from './elf-error.ts';
import type { ElfFile, ElfProgramHeader } from './elf-file.ts';

/** An ELF file that is well formed but cannot be loaded. */
export class ElfLoadError extends ElfError {
  override readonly name = 'ElfLoadError';
}

/** The PT_LOAD segments that occupy memory (memsz > 0). Throws ElfLoadError unless the file is ET_EXEC or ET_DYN. */
export function loadableSegments(elf: ElfFile): ElfProgramHeader[] {
  if (elf.header.type !== ET_EXEC && elf.header.type !== ET_DYN) {
    throw new ElfLoadError(`ELF file type ${elf.header.type} is not an executable (ET_EXEC or ET_DYN); cannot load it`);
  }
  return elf.programHeaders.filter((p) => p.type === PT_LOAD && p.memsz > 0n);
}

/** Throws ElfLoadError naming the first two memory ranges [start, start+size) that overlap. */
export function checkDisjoint(ranges: readonly { start: bigint; size: bigint }[]): void {
  const sorted = [...ranges].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    if (a.start + a.size > b.start) {
      throw new ElfLoadError(`ELF segments overlap in memory: ${hex(a.start)}+${hex(a.size)} and ${hex(b.start)}+${hex(b.size)}`);
    }
  }
}
