// Builds a differential-test program (assembler text) into a static RV64GC ELF
// linked at TEXT_BASE (text writable, for self-modifying code) with the Debian RISC-V binutils, caching ELFs by content
// hash under the OS temp dir. Also finds the tools, so tests can skip without them.

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { TEXT_BASE } from './program-model.ts';

const run = promisify(execFile);
/** Bump when the build recipe changes, to invalidate cached ELFs and QEMU outputs. */
const RECIPE_VERSION = 'v2';
export const CACHE_DIR = join(tmpdir(), 'rvos-differential-cache');

const LINKER_SCRIPT = `ENTRY(_start)
PHDRS { text PT_LOAD FLAGS(7); data PT_LOAD; }
SECTIONS {
  . = 0x${TEXT_BASE.toString(16)};
  .text : { *(.text*) } :text
  . = ALIGN(4096);
  .data : { *(.data*) } :data
}
`;

/** Returns the path of an executable on PATH, or undefined. */
export function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const full = join(dir, name);
    if (dir !== '' && existsSync(full)) return full;
  }
  return undefined;
}

export interface Binutils { readonly as: string; readonly ld: string }

/** Returns the RISC-V assembler and linker (bare-metal or Linux triplet), or undefined if absent. */
export function findBinutils(): Binutils | undefined {
  for (const triplet of ['riscv64-unknown-elf', 'riscv64-linux-gnu']) {
    const as = findOnPath(`${triplet}-as`);
    const ld = findOnPath(`${triplet}-ld`);
    if (as !== undefined && ld !== undefined) return { as, ld };
  }
  return undefined;
}

/** Returns the sha256 (hex) of the program source plus the recipe version: the cache key. */
export function sourceHash(source: string): string {
  return createHash('sha256').update(RECIPE_VERSION).update(source).digest('hex');
}

/** Returns the cache directory of one source, creating it. */
export function cacheEntry(hash: string): string {
  const dir = join(CACHE_DIR, hash.slice(0, 2), hash);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Returns the path of the ELF built from `source` (from the cache when present).
 * Throws with the assembler's message when the source does not assemble.
 */
export async function buildElf(tools: Binutils, source: string): Promise<string> {
  const dir = cacheEntry(sourceHash(source));
  const elf = join(dir, 'prog.elf');
  if (existsSync(elf)) return elf;
  // Build in a private directory and rename the ELF into place: other test
  // processes may build the same program at the same time.
  const work = mkdtempSync(join(CACHE_DIR, 'build-'));
  const script = join(work, 'link.ld');
  writeFileSync(script, LINKER_SCRIPT);
  writeFileSync(join(work, 'prog.S'), source);
  const obj = join(work, 'prog.o');
  try {
    await run(tools.as, ['-march=rv64gc', '-mabi=lp64d', '-o', obj, join(work, 'prog.S')]);
    await run(tools.ld, ['-static', '-nostdlib', '-T', script, '-o', join(work, 'prog.elf'), obj]);
    renameSync(join(work, 'prog.elf'), elf);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(`building the program failed:\n${stderr.split('\n').slice(0, 20).join('\n')}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return elf;
}
