// Loads a parsed ELF executable into guest RAM for a bare-metal run: copies each
// PT_LOAD segment to its physical address (p_paddr), zero-fills the bss tail,
// and finds the HTIF `tohost`/`fromhost` symbols. Everything is validated
// before the first byte is written, so a refused file leaves RAM untouched.

import { hex } from '../toolchain/elf/elf-error.ts';
import type { ElfFile, ElfProgramHeader } from '../toolchain/elf/elf-file.ts';
import { checkDisjoint, ElfLoadError, loadableSegments } from '../toolchain/elf/elf-load-checks.ts';
import { findSymbol } from '../toolchain/elf/elf-reader.ts';

export { ElfLoadError };

/** Guest memory as the loader sees it (the hart satisfies this). */
export interface LoadTarget {
  readonly ram: Uint8Array;
  readonly ramBase: bigint;
  invalidateCode(paddr: bigint, length: number): void;
}

export interface LoadedSegment {
  paddr: bigint;
  vaddr: bigint;
  /** Bytes copied from the file. */
  filesz: number;
  /** Bytes occupied in RAM (filesz + zero-filled bss). */
  memsz: number;
  flags: number;
}

export interface LoadedProgram {
  entry: bigint;
  segments: LoadedSegment[];
  /** Physical address of the `tohost` symbol, or 0n if the program has none. */
  tohost: bigint;
  /** Physical address of the `fromhost` symbol, or 0n if the program has none. */
  fromhost: bigint;
}

/**
 * Copies the PT_LOAD segments of `elf` into `target` RAM and returns the
 * entry point, the segments and the HTIF symbol addresses. Throws ElfLoadError
 * (nothing written) when the file is not an executable, a segment lies outside
 * RAM, two segments overlap, or the entry or tohost/fromhost is outside RAM.
 */
export function loadElf(elf: ElfFile, target: LoadTarget): LoadedProgram {
  const ramEnd = target.ramBase + BigInt(target.ram.length);
  const ramText = `RAM ${hex(target.ramBase)}..${hex(ramEnd)}`;
  const segments = loadableSegments(elf).map((p) => checkInRam(p, target.ramBase, ramEnd, ramText));
  checkDisjoint(segments.map((s) => ({ start: s.paddr, size: BigInt(s.memsz) })));
  const inRam = (a: bigint): boolean => a >= target.ramBase && a < ramEnd;
  if (!inRam(elf.header.entry)) throw new ElfLoadError(`ELF entry point ${hex(elf.header.entry)} is outside ${ramText}`);
  const [tohost, fromhost] = ['tohost', 'fromhost'].map((name) => {
    const address = findSymbol(elf, name)?.value ?? 0n;
    if (address !== 0n && (!inRam(address) || address + 8n > ramEnd)) throw new ElfLoadError(`ELF symbol ${name} at ${hex(address)} is outside ${ramText}`);
    return address;
  }) as [bigint, bigint];
  for (const segment of segments) copySegment(elf, segment, target);
  return { entry: elf.header.entry, segments: segments.map(({ fileOffset: _, ...loaded }) => loaded), tohost, fromhost };
}

/** A segment checked and ready to copy: where its bytes are in the file. */
interface PlannedSegment extends LoadedSegment { fileOffset: number }

function checkInRam(p: ElfProgramHeader, ramBase: bigint, ramEnd: bigint, ramText: string): PlannedSegment {
  if (p.paddr < ramBase || p.paddr + p.memsz > ramEnd) {
    const hint = p.offset === 0 && p.paddr < ramBase ? ' (it maps the ELF headers below the program: link with a linker script rather than -Ttext)' : '';
    throw new ElfLoadError(`ELF program header ${p.index}: segment ${hex(p.paddr)}+${hex(p.memsz)} lies outside ${ramText}${hint}`);
  }
  return { paddr: p.paddr, vaddr: p.vaddr, filesz: p.filesz, memsz: Number(p.memsz), flags: p.flags, fileOffset: p.offset };
}

function copySegment(elf: ElfFile, segment: PlannedSegment, target: LoadTarget): void {
  const { fileOffset } = segment;
  const at = Number(segment.paddr - target.ramBase);
  target.ram.set(elf.bytes.subarray(fileOffset, fileOffset + segment.filesz), at);
  target.ram.fill(0, at + segment.filesz, at + segment.memsz);
  target.invalidateCode(segment.paddr, segment.memsz);
}
