// One Csmith differential case: generate the program for a seed, build and run
// it with riscv64-linux-gnu-gcc -O0/-O1 under qemu-riscv64 (the reference;
// child processes, so a shard prepares the next seeds on the other core while
// our compiler works), then with our compiler at -O0/-O1 on the emulated
// machine, and compare the "checksum = X" lines. Programs gcc cannot settle on
// (slow, or -O0 and -O1 disagreeing: undefined behaviour slipped through) are skipped.

import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compileC } from '../../../../../emulator/toolchain/cc/driver/compile-c.ts';
import { C_COMPILER } from '../../../../../emulator/toolchain/cc/driver/c-compiler.ts';
import { linkBare } from '../../../../../emulator/toolchain/cc/driver/bare-link.ts';
import { formatAll } from '../../../../../emulator/toolchain/cc/driver/compile-input.ts';
import { nodeFileSystem } from '../../../../../emulator/toolchain/cc/driver/file-system.ts';
import { defaultCacheDir, runtimeLibrary, USERLAND_INCLUDE } from '../../../../../emulator/toolchain/cc/driver/runtime-library.ts';
import { runElf } from '../codegen/rvos-cc-build.ts';
import { CSMITH_INCLUDE, CSMITH_OPTIONS, testedLevels } from './csmith-plan.ts';

export type Level = 0 | 1;

/** The reference run may take this long under qemu (typical programs take ~10 ms; the slow ones loop for minutes). */
export const GCC_RUN_SECONDS = 0.3;
/** Our run may retire this many instructions (typical programs need under 1e6); more counts as a hang. */
export const RVOS_MAX_INSTRUCTIONS = 1_500_000_000;

export type Outcome =
  | { kind: 'pass'; checksum: string }
  | { kind: 'skip'; why: string }
  | { kind: 'fail'; why: string };

/** A generated program and gcc's verdict on it ('pass' carries the expected checksum). */
export interface Reference {
  source: string;
  outcome: Outcome;
}

const fs = nodeFileSystem();
let runtime: { crt0: Uint8Array; libc: Uint8Array } | undefined;

/** crt0.o and libc.a built by our compiler, from the on-disk runtime cache (built once if missing). */
function runtimeObjects(): { crt0: Uint8Array; libc: Uint8Array } {
  if (runtime) return runtime;
  const ctx = { fs, includePaths: [USERLAND_INCLUDE], defines: [], undefines: [], target: 'bare' as const, compiler: C_COMPILER };
  const r = runtimeLibrary(ctx, defaultCacheDir(undefined));
  if (!r.value) throw new Error(`runtime library: ${r.messages}`);
  runtime = r.value;
  return runtime;
}

interface ToolRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs a command asynchronously (in `cwd` if given); resolves with its exit status (137 when killed by a signal) and output. */
function tool(command: string, args: string[], cwd?: string): Promise<ToolRun> {
  return new Promise((resolve) => {
    execFile(command, args, { encoding: 'latin1', maxBuffer: 16 << 20, cwd }, (error, stdout, stderr) => {
      // A number: the exit status; killed by a signal: 137 like a shell; else it did not start (127).
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : error.signal ? 137 : 127;
      resolve({ status: code, stdout, stderr });
    });
  });
}

/** The checksum line of a run's output, or undefined. */
export const checksumOf = (stdout: string): string | undefined => /^checksum = ([0-9A-F]+)$/m.exec(stdout)?.[1];

/** gcc -O<level> -static under qemu: the checksum, or why there is none ('slow' when over GCC_RUN_SECONDS). */
async function gccChecksum(source: string, level: Level): Promise<{ checksum?: string; why?: string }> {
  const exe = `${source.replace(/\.c$/, '')}-gcc-O${level}`;
  const cc = await tool('riscv64-linux-gnu-gcc', [`-O${level}`, '-static', '-w', '-I', CSMITH_INCLUDE, source, '-o', exe]);
  if (cc.status !== 0) return { why: `gcc -O${level} failed: ${cc.stderr.slice(0, 500)}` };
  // coreutils timeout kills on time even while this thread is busy compiling (124, or 137 when it goes down too).
  const run = await tool('timeout', ['-s', 'KILL', String(GCC_RUN_SECONDS), 'qemu-riscv64', exe]);
  rmSync(exe, { force: true }); // static executables are ~600 KB each
  if (run.status === 124 || run.status === 137) return { why: 'slow' };
  const checksum = checksumOf(run.stdout);
  return checksum === undefined ? { why: `gcc -O${level} run printed no checksum (exit ${run.status})` } : { checksum };
}

/**
 * Generates the program for `seed` in `dir` and runs gcc's builds of it.
 * Resolves with the source path and a 'pass' carrying gcc's checksum, or a
 * 'skip' (slow, gcc failing, or gcc -O0 and -O1 disagreeing). Never rejects.
 */
export async function gccReference(seed: number, dir: string): Promise<Reference> {
  const source = join(dir, `csmith-${seed}.c`);
  // csmith writes platform.info into its working directory: keep it next to the program.
  const gen = await tool('csmith', ['--seed', String(seed), ...CSMITH_OPTIONS, '-o', source], dirname(source));
  if (gen.status !== 0) return { source, outcome: { kind: 'skip', why: `csmith failed: ${gen.stderr.slice(0, 300)}` } };
  const o0 = await gccChecksum(source, 0);
  if (o0.checksum === undefined) return { source, outcome: { kind: 'skip', why: o0.why ?? 'gcc -O0' } };
  const o1 = await gccChecksum(source, 1);
  if (o1.checksum === undefined) return { source, outcome: { kind: 'skip', why: o1.why ?? 'gcc -O1' } };
  if (o0.checksum !== o1.checksum) return { source, outcome: { kind: 'skip', why: `gcc -O0 ${o0.checksum} != gcc -O1 ${o1.checksum}` } };
  return { source, outcome: { kind: 'pass', checksum: o0.checksum } };
}

/** Our compiler at -O<level> + runtime + run on the machine: the console output, or what went wrong. */
export async function rvosRun(source: string, level: Level): Promise<{ stdout?: string; why?: string }> {
  const options = { fs, includePaths: [CSMITH_INCLUDE, USERLAND_INCLUDE], optimize: level };
  const r = compileC(source, options);
  if (r.object === undefined) {
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    return { why: `rvos cc -O${level} failed:\n${formatAll(errors.slice(0, 5), fs)}` };
  }
  const { crt0, libc } = runtimeObjects();
  const elf = linkBare([{ name: 'crt0.o', bytes: crt0 }, { name: source, bytes: r.object }, { name: 'libc.a', bytes: libc }], true);
  if (elf.value === undefined) return { why: `link -O${level} failed:\n${elf.messages}` };
  const run = await runElf(elf.value, '', RVOS_MAX_INSTRUCTIONS);
  if (run.reason !== 'exit' || run.exitCode !== 0) {
    return { why: `rvos -O${level} run: ${run.reason} (exit ${run.exitCode}, ${run.instructions} instructions), output ${JSON.stringify(run.stdout.slice(-200))}` };
  }
  return { stdout: run.stdout };
}

/** Compares our builds (-O0 and -O1, or `levels`) with gcc's reference; a skipped reference stays skipped. */
export async function compareWithGcc(ref: Reference, levels: readonly Level[] = testedLevels()): Promise<Outcome> {
  if (ref.outcome.kind !== 'pass') return ref.outcome;
  const problems: string[] = [];
  for (const level of levels) {
    const ours = await rvosRun(ref.source, level);
    const checksum = ours.stdout === undefined ? undefined : checksumOf(ours.stdout);
    if (ours.why !== undefined) problems.push(ours.why);
    else if (checksum !== ref.outcome.checksum) problems.push(`rvos -O${level} checksum ${checksum ?? 'missing'} != gcc ${ref.outcome.checksum}`);
  }
  return problems.length === 0 ? ref.outcome : { kind: 'fail', why: problems.join('\n') };
}
