// Test helpers for the linker: assemble sources with OUR assembler into named
// ELF objects, link and fail loudly on diagnostics, run a linked ELF on the
// machine (console and exit code), and read bytes of a linked image by address.

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { assemble } from '../../../../emulator/toolchain/asm/assembler.ts';
import { formatDiagnostics } from '../../../../emulator/toolchain/asm/diagnostics.ts';
import { writeElfObject } from '../../../../emulator/toolchain/asm/elf-object-writer.ts';
import { Machine } from '../../../../emulator/machine/machine.ts';
import { PT_LOAD } from '../../../../emulator/toolchain/elf/elf-constants.ts';
import type { ElfFile } from '../../../../emulator/toolchain/elf/elf-file.ts';
import { readElf } from '../../../../emulator/toolchain/elf/elf-reader.ts';
import { formatLinkDiagnostics, link, type LinkInput, type LinkOptions, type LinkResult } from '../../../../emulator/toolchain/link/linker.ts';

const root = resolve(import.meta.dirname, '../../../..');
export const HART_BUILT = existsSync(join(root, 'emulator/hart/build/hart.wasm'));

export interface NamedBytes { name: string; bytes: Uint8Array }

/** Assembles `source` with our assembler; throws with the formatted diagnostics on an error. */
export function asmObject(name: string, source: string): NamedBytes {
  const r = assemble(source, name);
  if (r.diagnostics.some((d) => d.severity === 'error')) throw new Error(formatDiagnostics(r.diagnostics, source));
  return { name, bytes: writeElfObject(r.object) };
}

/** Links and returns the result; throws with the diagnostics when there is no ELF. */
export function linkOk(inputs: readonly LinkInput[], options: LinkOptions = {}): LinkResult & { elf: Uint8Array } {
  const r = link(inputs, options);
  if (r.elf === undefined) throw new Error(`link failed:\n${formatLinkDiagnostics(r.diagnostics)}`);
  return { ...r, elf: r.elf };
}

/** Links expecting failure; returns the formatted diagnostics. */
export function linkErrors(inputs: readonly LinkInput[], options: LinkOptions = {}): string {
  const r = link(inputs, options);
  if (r.elf !== undefined) throw new Error('link unexpectedly succeeded');
  return formatLinkDiagnostics(r.diagnostics);
}

export interface RunOutcome { reason: string; exitCode: number; console: string }

/** Loads `elf` on a fresh machine (RAM at `ramBase`) and runs it to exit or the limit. */
export async function runElf(elf: Uint8Array, ramBase = 0x8000_0000n, maxInstructions = 2_000_000): Promise<RunOutcome> {
  let text = '';
  const machine = await Machine.create({ config: { ramBase, ramSize: 4 * 1024 * 1024 }, consoleOutput: (b) => { text += new TextDecoder().decode(b); } });
  machine.loadProgram(readElf(elf));
  const r = machine.runUntilExit({ maxInstructions });
  return { reason: r.reason, exitCode: r.exitCode, console: text };
}

/** Reads `length` bytes at virtual address `address` from the PT_LOAD segments of `elf` (zero for bss). */
export function bytesAt(elf: ElfFile, address: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (const p of elf.programHeaders.filter((ph) => ph.type === PT_LOAD)) {
    for (let i = 0; i < length; i++) {
      const off = address + BigInt(i) - p.vaddr;
      if (off >= 0n && off < BigInt(p.filesz)) out[i] = elf.bytes[p.offset + Number(off)]!;
    }
  }
  return out;
}

/** Little-endian u32 at `address` of a linked image. */
export function wordAt(elf: ElfFile, address: bigint): number {
  const b = bytesAt(elf, address, 4);
  return (b[0]! | (b[1]! << 8) | (b[2]! << 16) | (b[3]! << 24)) >>> 0;
}

/** Address of a symbol in a linked ELF; throws when absent. */
export function symbolValue(elf: ElfFile, name: string): bigint {
  const s = elf.symbols.find((x) => x.name === name && x.shndx !== 0);
  if (s === undefined) throw new Error(`no symbol ${name}`);
  return s.value;
}

/** Standard exit tail: tohost in its own section, exit code in a0 ((n << 1) | 1 convention done here). */
export const EXIT_TAIL = `
exit:
  slli a0, a0, 1
  ori a0, a0, 1
  la t0, tohost
  sd a0, 0(t0)
1: j 1b
  .section .tohost,"aw",@progbits
  .align 3
  .globl tohost
tohost: .dword 0
  .text
`;
