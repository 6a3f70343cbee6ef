// Test helpers that use the Debian RISC-V GNU toolchain as an oracle for the
// linker: compile C / assemble with gcc, link with GNU ld through a script that
// reproduces our default layout, build archives with GNU ar. Tests skip when
// the tools are not on PATH.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasTool } from '../support/gnu-tools.ts';
import type { NamedBytes } from './link-helpers.ts';

export const GCC = 'riscv64-unknown-elf-gcc';
export const LD = 'riscv64-unknown-elf-ld';
export const AR = 'riscv64-unknown-elf-ar';
export const NM = 'riscv64-unknown-elf-nm';
export const HAVE_GNU = hasTool(GCC) && hasTool(LD) && hasTool(AR) && hasTool(NM);

export const CLANG = 'clang';
export const HAVE_CLANG = hasTool(CLANG);

/** Compiler flags of the brief: non-PIC medany rv64gc, no relaxation unless `relax`. */
export function gccFlags(relax: boolean, opt = '-O1'): string[] {
  return ['-c', opt, '-march=rv64gc', '-mabi=lp64d', '-mcmodel=medany', '-ffreestanding', '-fno-pic', relax ? '-mrelax' : '-mno-relax'];
}

/** The same for clang (LLVM's integrated assembler makes the objects). */
export function clangFlags(relax: boolean, opt = '-O2'): string[] {
  return ['--target=riscv64-unknown-elf', ...gccFlags(relax, opt)];
}

/** GNU ld script equivalent to our default layout (stack of 64 KiB after .bss). */
export const EQUIVALENT_SCRIPT = `OUTPUT_ARCH(riscv)
ENTRY(_start)
SECTIONS {
  . = 0x80000000;
  .text : { *(.text.init .text.init.* .init) *(.text .text.*) }
  PROVIDE(_etext = .);
  .rodata : { *(.rodata .rodata.* .srodata .srodata.*) }
  . = ALIGN(0x1000);
  .tohost : ALIGN(64) { *(.tohost) . = ALIGN(64); }
  .data : { *(.data .data.*) }
  .sdata : { PROVIDE(__global_pointer$ = . + 0x800); *(.sdata .sdata.*) }
  PROVIDE(_edata = .);
  .sbss : { PROVIDE(__bss_start = .); *(.sbss .sbss.*) }
  .bss : { *(.bss .bss.*) *(COMMON) }
  PROVIDE(_end = .);
  . = ALIGN(16);
  PROVIDE(__stack_bottom = .);
  . = . + 0x10000;
  PROVIDE(__stack_top = .);
  /DISCARD/ : { *(.comment) *(.riscv.attributes) *(.note.*) }
}
`;

export function withTemp<T>(body: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'rvos-link-'));
  try {
    return body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Compiles (.c) or assembles (.S/.s) `source` with gcc and `flags`; returns the object. */
export function gccObject(name: string, source: string, flags: readonly string[], compiler = GCC): NamedBytes {
  return withTemp((dir) => {
    const src = join(dir, name);
    writeFileSync(src, source);
    const out = join(dir, 'out.o');
    execFileSync(compiler, [...flags, '-o', out, src], { stdio: ['ignore', 'ignore', 'pipe'] });
    return { name: name.replace(/\.[cSs]$/, '.o'), bytes: new Uint8Array(readFileSync(out)) };
  });
}

/** Links objects (and archives, by file name ending .a) with GNU ld using EQUIVALENT_SCRIPT; returns the ELF. */
export function gnuLink(inputs: readonly NamedBytes[], relax: boolean): Uint8Array {
  return withTemp((dir) => {
    const script = join(dir, 'link.ld');
    writeFileSync(script, EQUIVALENT_SCRIPT);
    const paths = inputs.map((input, i) => {
      const path = join(dir, `${i}-${input.name}`);
      writeFileSync(path, input.bytes);
      return path;
    });
    const out = join(dir, 'out.elf');
    execFileSync(LD, ['-static', '-nostdlib', relax ? '--relax' : '--no-relax', '-T', script, '-o', out, '--start-group', ...paths, '--end-group'], { stdio: ['ignore', 'ignore', 'pipe'] });
    return new Uint8Array(readFileSync(out));
  });
}

/** Builds an archive with GNU `ar rcs`; returns its bytes. */
export function gnuArchive(members: readonly NamedBytes[]): Uint8Array {
  return withTemp((dir) => {
    const paths = members.map((m) => { const p = join(dir, m.name); writeFileSync(p, m.bytes); return p; });
    const out = join(dir, 'lib.a');
    execFileSync(AR, ['rcs', out, ...paths]);
    return new Uint8Array(readFileSync(out));
  });
}

/** Runs a GNU binutils tool on `bytes` written to a temporary file; returns stdout. */
export function gnuTool(tool: string, args: readonly string[], bytes: Uint8Array, fileName = 'file'): string {
  return withTemp((dir) => {
    const path = join(dir, fileName);
    writeFileSync(path, bytes);
    return execFileSync(tool, [...args, path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  });
}
