// Test helper: builds small bare-metal RISC-V programs with Debian's
// riscv64-unknown-elf-gcc (an oracle, never a product dependency) and runs its
// binutils. Tests use `hasCrossGcc` with describe.skipIf to skip cleanly.

import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../../../support/temp-dir.ts';

/** True when `tool` can be found on PATH. */
export function hasTool(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
}

export const hasCrossGcc = hasTool('riscv64-unknown-elf-gcc');

/**
 * Linker script for tests: code from 0x80000000 (the entry `_start` first when
 * it is in .text.init or the first object), data on the next page. Unlike
 * -Ttext, it keeps the ELF headers out of the loaded segments.
 */
export const BARE_LINKER_SCRIPT = `OUTPUT_ARCH(riscv)
ENTRY(_start)
SECTIONS {
  . = 0x80000000;
  .text : { *(.text.init) *(.text .text.*) }
  .rodata : { *(.rodata .rodata.* .srodata .srodata.*) }
  . = ALIGN(0x1000);
  .data : { *(.tohost) *(.data .data.* .sdata .sdata.*) }
  .bss : { *(.sbss .sbss.* .bss .bss.* COMMON) }
}
`;

/**
 * Assembles/compiles `source` (an assembly .S file unless `name` ends in .c)
 * into a static bare-metal ELF linked at 0x80000000; returns the ELF's path.
 */
export function buildBare(source: string, name = 'prog.S', extraFlags: string[] = []): string {
  const dir = makeTempDir('rvos-gcc-');
  const src = join(dir, name);
  const out = join(dir, name.replace(/\.[cS]$/, '.elf'));
  const script = join(dir, 'bare.ld');
  writeFileSync(src, source);
  writeFileSync(script, BARE_LINKER_SCRIPT);
  execFileSync('riscv64-unknown-elf-gcc', [
    '-nostdlib', '-nostartfiles', '-static', '-march=rv64gc', '-mabi=lp64d', '-mcmodel=medany',
    `-Wl,-T,${script}`, '-Wl,--no-relax', '-O1', ...extraFlags, '-o', out, src,
  ], { stdio: ['ignore', 'ignore', 'inherit'] });
  return out;
}

/** Runs a binutils tool (e.g. 'readelf') on a file; returns its stdout. */
export function binutils(tool: string, args: string[]): string {
  return execFileSync(`riscv64-unknown-elf-${tool}`, args, { encoding: 'utf8' });
}
