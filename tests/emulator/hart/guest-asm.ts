// Test helper: assembles a bare-metal RV64GC program with the Debian cross
// toolchain (riscv64-unknown-elf-gcc + objcopy) into a flat binary linked at
// 0x8000_0000, and creates harts for it. Tests skip when the toolchain is absent.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHartFromModule, loadHartModule, type Hart } from '../../../emulator/hart/hart.js';

export const RAM_BASE = 0x8000_0000n;
/** The tohost word every test program uses (a label at this offset, see `tohost` in PRELUDE). */
export const TOHOST_OFFSET = 0x1000;

/** True when riscv64-unknown-elf-gcc is on PATH. */
export const hasCrossGcc = spawnSync('riscv64-unknown-elf-gcc', ['--version']).status === 0;

/** Appended to every program: `hart_test_done` (jump there to stop with tohost = 1) and the `tohost` word at RAM base + 0x1000. */
const TOHOST_SECTION = `
  .section .text
  .globl hart_test_done
hart_test_done:           # writes 1 to tohost and spins
  la t6, tohost
  li t5, 1
  sd t5, 0(t6)
1: j 1b
  .section .tohost, "aw", @progbits
  .globl tohost
  .align 3
tohost: .dword 0
  .dword 0
`;

/** `_start` (section .text.init) at RAM base, `tohost` at RAM base + 0x1000, data after it. */
const LINKER_SCRIPT = `
SECTIONS {
  . = 0x80000000;
  .text : { *(.text.init) *(.text*) }
  . = 0x80001000;
  .tohost : { *(.tohost) }
  .data : { *(.data*) *(.rodata*) *(.bss*) }
}
`;

/**
 * Assembles `source` (GNU as syntax; defines `_start` in .text.init; `tohost` is provided) and
 * returns the flat image to load at RAM base. Throws with the assembler's output on error.
 */
export function assemble(source: string, march = 'rv64gc'): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'hart-test-'));
  try {
    writeFileSync(join(dir, 'prog.S'), source + TOHOST_SECTION);
    writeFileSync(join(dir, 'link.ld'), LINKER_SCRIPT);
    const elf = join(dir, 'prog.elf');
    execFileSync('riscv64-unknown-elf-gcc', [
      `-march=${march}`, '-mabi=lp64d', '-nostdlib', '-nostartfiles', '-static', '-mcmodel=medany',
      '-T', join(dir, 'link.ld'), '-o', elf, join(dir, 'prog.S'),
    ], { stdio: 'pipe' });
    execFileSync('riscv64-unknown-elf-objcopy', ['-O', 'binary', elf, join(dir, 'prog.bin')], { stdio: 'pipe' });
    return new Uint8Array(readFileSync(join(dir, 'prog.bin')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A hart with 1 MiB of RAM holding `image` at RAM base, reset to it, tohost watched. */
export async function hartWith(image: Uint8Array, ramSize = 1 << 20): Promise<Hart> {
  const hart = createHartFromModule(await loadHartModule(), {
    ramBase: RAM_BASE, ramSize, instructionsPerTick: 10,
  });
  hart.ram.set(image, 0);
  hart.reset(RAM_BASE);
  hart.setTohostAddress(RAM_BASE + BigInt(TOHOST_OFFSET));
  return hart;
}

/** Reads the 64-bit tohost word. */
export function readTohost(hart: Hart): bigint {
  return new DataView(hart.ram.buffer, hart.ram.byteOffset).getBigUint64(TOHOST_OFFSET, true);
}
