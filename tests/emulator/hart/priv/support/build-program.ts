// Builds the privileged test programs with the Debian bare-metal cross compiler
// (riscv64-unknown-elf-gcc): each program is linked with support/harness.S
// (or its own startup) and support/link.ld into an ELF in a temp directory.
// Tests skip when the compiler is not on PATH (see `haveCrossGcc`).

import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir } from '../../../../support/temp-dir.ts';

const GCC = 'riscv64-unknown-elf-gcc';
const here = dirname(fileURLToPath(import.meta.url));
export const SUPPORT_DIR = here;
export const PROGRAMS_DIR = join(here, '..', 'programs');

const BASE_FLAGS = [
  '-march=rv64gc', '-mabi=lp64d', '-mcmodel=medany', '-nostdlib', '-nostartfiles', '-static',
  '-ffreestanding', '-fno-builtin', '-O2', '-Wall', '-Werror',
  '-Wl,--no-warn-rwx-segments', '-I', SUPPORT_DIR, '-T', join(SUPPORT_DIR, 'link.ld'),
];

/** Returns true when the bare-metal RISC-V gcc can be run. */
export function haveCrossGcc(): boolean {
  const probe = spawnSync(GCC, ['--version'], { stdio: 'ignore' });
  return probe.status === 0;
}

/** A fresh temp directory for one test file's ELFs. */
export function makeBuildDir(): string {
  return makeTempDir('rvos-priv-');
}

/**
 * Compiles and links `sources` (paths relative to programs/, or absolute) into
 * `<outDir>/<name>.elf`; `withHarness` adds support/harness.S, `defines` become
 * -D options. Returns the ELF
 * bytes; throws with the compiler's message when the build fails.
 */
export function buildProgram(name: string, sources: string[], outDir: string, withHarness = true, defines: string[] = []): Uint8Array {
  const out = join(outDir, `${basename(name)}.elf`);
  const files = sources.map((s) => (s.startsWith('/') ? s : join(PROGRAMS_DIR, s)));
  if (withHarness) files.unshift(join(SUPPORT_DIR, 'harness.S'));
  try {
    execFileSync(GCC, [...BASE_FLAGS, ...defines.map((d) => `-D${d}`), ...files, '-o', out], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    throw new Error(`building ${name} failed:\n${stderr}`);
  }
  return new Uint8Array(readFileSync(out));
}
