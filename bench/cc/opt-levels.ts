// Generated-code speed: the CPU-bound programs in bench/cc/programs built with
// the project's toolchain at -O0 and at -O1 (program and libc both at that
// level), run on the emulated machine; reports executed guest instructions
// and host milliseconds per level.

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Machine } from '../../emulator/machine/machine.ts';
import { linkBare } from '../../emulator/toolchain/cc/driver/bare-link.ts';
import { C_COMPILER, type CCompiler } from '../../emulator/toolchain/cc/driver/c-compiler.ts';
import { compileToObject, type SourceContext } from '../../emulator/toolchain/cc/driver/compile-input.ts';
import { nodeFileSystem } from '../../emulator/toolchain/cc/driver/file-system.ts';
import { runtimeSources, USERLAND_INCLUDE } from '../../emulator/toolchain/cc/driver/runtime-library.ts';
import type { LinkInput } from '../../emulator/toolchain/link/linker.ts';
import { readElf } from '../../emulator/toolchain/elf/elf-reader.ts';
import type { BenchTable } from '../support/bench-section.ts';

type Level = 0 | 1;
const PROGRAMS = resolve(import.meta.dirname, 'programs');
const MAX_INSTRUCTIONS = 5_000_000_000;

interface Measurement {
  instructions: number;
  millis: number;
  output: string;
}

function context(level: Level): SourceContext {
  const compiler: CCompiler = { ...C_COMPILER, compileC: (path, options) => C_COMPILER.compileC(path, { ...options, optimize: level }) };
  return { fs: nodeFileSystem(), includePaths: [USERLAND_INCLUDE], defines: [], undefines: [], target: 'bare', compiler };
}

/** Compiles `path` at the context's level; throws with the diagnostics on failure (a broken setup). */
function objectOf(path: string, ctx: SourceContext): LinkInput {
  const r = compileToObject(path, path.endsWith('.S') ? 'asm-cpp' : 'c', ctx);
  if (r.value === undefined) throw new Error(`${path}: ${r.messages}`);
  return { name: path, bytes: r.value };
}

/** crt0 + libc objects compiled at `level`. */
function runtimeObjects(ctx: SourceContext): { crt0: LinkInput; libc: LinkInput[] } {
  const sources = runtimeSources('bare');
  return { crt0: objectOf(sources.crt0, ctx), libc: sources.members.map((m) => objectOf(m, ctx)) };
}

async function runProgram(elf: Uint8Array): Promise<Measurement> {
  const chunks: Uint8Array[] = [];
  const machine = await Machine.create({ consoleOutput: (bytes) => chunks.push(bytes.slice()) });
  machine.loadProgram(readElf(elf));
  const start = performance.now();
  const result = machine.runUntilExit({ maxInstructions: MAX_INSTRUCTIONS });
  const millis = performance.now() - start;
  if (result.reason !== 'exit' || result.exitCode !== 0) throw new Error(`benchmark program stopped: ${result.reason} (exit ${result.exitCode})`);
  return { instructions: result.instructions, millis, output: Buffer.concat(chunks).toString('latin1') };
}

/** Builds and runs every program at -O0 and -O1; returns the comparison table. Throws when a build fails or outputs differ. */
export async function measureOptLevels(): Promise<BenchTable> {
  const programs = readdirSync(PROGRAMS).filter((f) => f.endsWith('.c')).sort();
  const results = new Map<string, Measurement[]>();
  for (const level of [0, 1] as const) {
    const ctx = context(level);
    const rt = runtimeObjects(ctx);
    for (const file of programs) {
      const path = join(PROGRAMS, file);
      const linked = linkBare([rt.crt0, objectOf(path, ctx), ...rt.libc], true);
      if (linked.value === undefined) throw new Error(`${file}: ${linked.messages}`);
      const m = await runProgram(linked.value);
      results.set(file, [...(results.get(file) ?? []), m]);
    }
  }
  const rows = programs.map((file) => {
    const [o0, o1] = results.get(file)!;
    if (o0.output !== o1.output) throw new Error(`${file}: -O0 printed ${JSON.stringify(o0.output)}, -O1 ${JSON.stringify(o1.output)}`);
    const lines = readFileSync(join(PROGRAMS, file), 'utf8').split('\n').length;
    return [file, String(lines), o0.instructions.toLocaleString('en-US'), o1.instructions.toLocaleString('en-US'),
      (o0.instructions / o1.instructions).toFixed(2), o0.millis.toFixed(0), o1.millis.toFixed(0)];
  });
  return {
    title: 'C code -O0 vs -O1 (rvos cc; program and libc at the same level; one run on the emulated hart)',
    headers: ['program', 'lines', 'instructions -O0', 'instructions -O1', 'ratio', 'host ms -O0', 'host ms -O1'],
    rows,
    notes: ['instructions: retired guest instructions of the whole run (crt0, program, libc, exit)'],
  };
}
