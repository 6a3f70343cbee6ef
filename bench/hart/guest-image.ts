// Wraps benchmark code as a static RISC-V ELF executable with the project's
// ELF writer: a code segment at `base` and a zero-filled data segment at
// base + DATA_OFFSET (where the memory workload's array lives).

import { PF_R, PF_W, PF_X } from '../../emulator/toolchain/elf/elf-constants.ts';
import { writeElf } from '../../emulator/toolchain/elf/elf-writer.ts';
import { DATA_OFFSET, DATA_SIZE } from './workloads.ts';

/** Linux user programs are linked here (qemu-riscv64 maps them as is). */
export const USER_BASE = 0x10000n;

/** Returns the ELF bytes for `code` linked at `base`; throws if the code overlaps the data area. */
export function guestElf(code: Uint8Array, base: bigint): Uint8Array {
  if (code.length > DATA_OFFSET) throw new Error(`benchmark code (${code.length} bytes) overlaps its data area`);
  return writeElf({
    entry: base,
    segments: [
      { vaddr: base, data: code, flags: PF_R | PF_X, name: '.text' },
      { vaddr: base + BigInt(DATA_OFFSET), data: new Uint8Array(0), memsz: BigInt(DATA_SIZE), flags: PF_R | PF_W, name: '.bss' },
    ],
    symbols: [{ name: '_start', value: base }],
  });
}
