// Test helper: builds C programs with the project's own toolchain only (our
// preprocessor + front end + code generator + assembler + linker) against
// fixtures/userland (crt0, libc and the bare platform, all compiled by our
// compiler), runs them on the emulated Machine and captures the UART output.

import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Machine } from '../../../../../emulator/machine/machine.ts';
import { assembleToElf } from '../../../../../emulator/toolchain/asm/assembler.ts';
import { compileC } from '../../../../../emulator/toolchain/cc/driver/compile-c.ts';
import { readElf } from '../../../../../emulator/toolchain/elf/elf-reader.ts';
import type { LinkInput } from '../../../../../emulator/toolchain/link/linker.ts';
import { linkBare } from '../../../../../emulator/toolchain/cc/driver/bare-link.ts';
import type { Diagnostic } from '../../../../../emulator/toolchain/asm/diagnostics.ts';

export const root = resolve(import.meta.dirname, '../../../../..');
const userland = join(root, 'fixtures/userland');

/** Node-backed file system for the preprocessor (absolute and repo-relative paths). */
const fs = {
  read(path: string): string | undefined {
    try {
      return readFileSync(path.startsWith('/') ? path : join(root, path), 'utf8');
    } catch {
      return undefined;
    }
  },
};

const errorsOf = (d: Diagnostic[]): string =>
  d.filter((x) => x.severity === 'error').map((x) => `${x.file}:${x.line}:${x.column}: ${x.message}`).join('\n');

/** Compiles a C file (path, or `virtual` source registered under that path); throws with the diagnostics on error. */
export function compileFile(path: string, source?: string, optimize: 0 | 1 = 0): Uint8Array {
  const files = source === undefined ? fs : { read: (p: string) => (p === path ? source : fs.read(p)) };
  const r = compileC(path, { fs: files, includePaths: [join(userland, 'include')], defines: [], optimize });
  if (!r.object) throw new Error(`compile failed: ${path}\n${errorsOf(r.diagnostics)}`);
  return r.object;
}

function assembleFile(path: string): Uint8Array {
  const r = assembleToElf(readFileSync(path, 'utf8'), path);
  if (!r.bytes) throw new Error(`assemble failed: ${path}\n${errorsOf(r.diagnostics)}`);
  return r.bytes;
}

export interface RuntimeBuild {
  inputs: LinkInput[];
  /** Per libc file: compile failures (empty when all compiled). */
  failures: string[];
  lines: number;
  millis: number;
}

const runtimes = new Map<0 | 1, RuntimeBuild>();

/** Builds crt0 + libc + platform with our toolchain at -O`optimize` (once per process and level). */
export function buildRuntime(optimize: 0 | 1 = 0): RuntimeBuild {
  const built = runtimes.get(optimize);
  if (built) return built;
  const start = performance.now();
  const inputs: LinkInput[] = [{ name: 'crt0.o', bytes: assembleFile(join(userland, 'crt0/crt0.S')) }];
  const failures: string[] = [];
  let lines = 0;
  const cFiles = [...readdirSync(join(userland, 'libc')).map((f) => join(userland, 'libc', f)), join(userland, 'platform/bare/platform-bare.c')];
  for (const file of cFiles) {
    if (file.endsWith('.S')) { inputs.push({ name: file, bytes: assembleFile(file) }); continue; }
    if (!file.endsWith('.c')) continue;
    lines += readFileSync(file, 'utf8').split('\n').length;
    try {
      inputs.push({ name: file, bytes: compileFile(file, undefined, optimize) });
    } catch (e) {
      failures.push((e as Error).message);
    }
  }
  const runtime = { inputs, failures, lines, millis: performance.now() - start };
  runtimes.set(optimize, runtime);
  return runtime;
}

/** Compiles and links a program; returns the executable bytes or throws with diagnostics. */
export function buildProgram(source: string, name = 'prog.c', extra: LinkInput[] = [], optimize: 0 | 1 = 0): Uint8Array {
  const rt = buildRuntime(optimize);
  const obj = compileFile(name, source, optimize);
  const [crt0, ...rest] = rt.inputs;
  const r = linkBare([crt0, { name, bytes: obj }, ...extra, ...rest], true);
  if (!r.value) throw new Error(`link failed:\n${r.messages}`);
  return r.value;
}

export interface GuestRun {
  stdout: string;
  exitCode: number;
  reason: string;
  instructions: number;
}

/** Builds and runs C source on a fresh machine; returns the console output and exit status. */
export async function runC(source: string, name = 'prog.c', input = '', maxInstructions = 2_000_000_000, extra: LinkInput[] = [], optimize: 0 | 1 = 0): Promise<GuestRun> {
  return runElf(buildProgram(source, name, extra, optimize), input, maxInstructions);
}

/** Runs an executable on a fresh machine (console input `input`); returns the console output and exit status. */
export async function runElf(elf: Uint8Array, input = '', maxInstructions = 2_000_000_000): Promise<GuestRun> {
  const chunks: Uint8Array[] = [];
  const machine = await Machine.create({ consoleOutput: (bytes) => chunks.push(bytes.slice()) });
  machine.loadProgram(readElf(elf));
  if (input !== '') machine.uart.pushInput(new TextEncoder().encode(input));
  const result = machine.runUntilExit({ maxInstructions });
  return { stdout: Buffer.concat(chunks).toString('latin1'), exitCode: result.exitCode, reason: result.reason, instructions: result.instructions };
}
