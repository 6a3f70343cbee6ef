// The build steps of `rvos cc` for parsed options: -E, -S, -c per input file,
// or compile everything and link with crt0 + libc for the target. Outputs are
// written only when every step succeeded. Returns the exit code; never throws
// on bad input (0 ok, 1 compile/link errors, 2 usage errors such as a missing file).

import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { LinkInput } from '../../link/linker.ts';
import { linkBare } from './bare-link.ts';
import { linkRvos } from './rvos-link.ts';
import { C_COMPILER, type CCompiler } from './c-compiler.ts';
import { perFileOutput, splitMacros, type CcInput, type CcOptions } from './cc-options.ts';
import { compileToAssembly, compileToObject, preprocessFile, type SourceContext, type StepResult } from './compile-input.ts';
import { nodeFileSystem } from './file-system.ts';
import { defaultCacheDir, runtimeLibrary, USERLAND_INCLUDE } from './runtime-library.ts';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export interface DriverIo {
  stdout(data: string | Uint8Array): void;
  stderr(data: string): void;
  /** A stand-in C compiler (tests); default C_COMPILER. */
  compiler?: CCompiler;
}

/** One file to write once everything succeeded; path undefined or '-' means stdout. */
interface Output {
  path: string | undefined;
  data: string | Uint8Array;
  executable?: boolean;
}

/** Runs the build described by `o`; returns the exit code (see the header). */
export async function runDriver(o: CcOptions, io: DriverIo): Promise<number> {
  const missing = o.inputs.find((i) => !existsSync(i.path));
  if (missing !== undefined) {
    io.stderr(`rvos cc: error: ${missing.path}: No such file or directory\n`);
    return EXIT_USAGE;
  }
  const ctx = sourceContext(o, io);
  const outputs = buildOutputs(o, ctx, io);
  if (outputs === undefined) return EXIT_FAILED;
  return writeOutputs(outputs, io);
}

function sourceContext(o: CcOptions, io: DriverIo): SourceContext {
  const compiler = io.compiler ?? C_COMPILER;
  if (o.optimize === 1 && !compiler.supportsO1 && o.inputs.some((i) => i.kind === 'c')) {
    io.stderr('rvos cc: note: the code generator has no -O1 yet; compiling as -O0\n');
  }
  const { defines, undefines } = splitMacros(o);
  const includePaths = o.noStdinc ? o.includePaths : [...o.includePaths, USERLAND_INCLUDE];
  return { fs: nodeFileSystem(), includePaths, defines, undefines, target: o.target, compiler, optimize: o.optimize };
}

/** Runs every step, printing diagnostics; returns the files to write, or undefined when any step failed. */
function buildOutputs(o: CcOptions, ctx: SourceContext, io: DriverIo): Output[] | undefined {
  let failed = false;
  const collect = <T>(r: StepResult<T>): T | undefined => {
    if (r.messages !== '') io.stderr(r.messages);
    if (r.value === undefined) failed = true;
    return r.value;
  };
  const outputs: Output[] = [];
  if (o.mode === 'preprocess' || o.mode === 'assemble-only' || o.mode === 'compile') {
    for (const input of o.inputs) {
      const data = collect(perFileStep(o, input, ctx));
      if (data !== undefined) outputs.push({ path: perFileOutput(o, input), data });
    }
    return failed ? undefined : outputs;
  }
  const linkInputs: LinkInput[] = [];
  for (const input of o.inputs) {
    const bytes = input.kind === 'object' || input.kind === 'archive' ? readInput(input, io) : collect(compileToObject(input.path, input.kind, ctx));
    if (bytes === undefined) failed = true;
    else linkInputs.push({ name: input.path, bytes });
  }
  if (failed) return undefined;
  const elf = collect(linkProgram(o, ctx, linkInputs));
  return elf === undefined ? undefined : [{ path: o.output ?? 'a.out', data: elf, executable: true }];
}

function perFileStep(o: CcOptions, input: CcInput, ctx: SourceContext): StepResult<string | Uint8Array> {
  if (o.mode === 'preprocess') return preprocessFile(input.path, ctx);
  if (o.mode === 'assemble-only') return compileToAssembly(input.path, ctx);
  return compileToObject(input.path, input.kind, ctx);
}

function readInput(input: CcInput, io: DriverIo): Uint8Array | undefined {
  try {
    return readFileSync(input.path);
  } catch (error) {
    io.stderr(`rvos cc: error: cannot read ${input.path}: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
}

/** crt0 first, the user's inputs, then libc (unless -nostdlib), linked with the target's layout. */
function linkProgram(o: CcOptions, ctx: SourceContext, inputs: LinkInput[]): StepResult<Uint8Array> {
  const linkFor = (all: LinkInput[], heap: boolean): StepResult<Uint8Array> => (o.target === 'rvos' ? linkRvos(all) : linkBare(all, heap));
  if (o.noStdlib) return linkFor(inputs, false);
  let runtime: StepResult<{ crt0: Uint8Array; libc: Uint8Array }>;
  try {
    runtime = runtimeLibrary(ctx, defaultCacheDir(o.cacheDir));
  } catch (error) {
    // The cache directory cannot be created or written: a host problem, reported, not thrown.
    return { value: undefined, messages: `rvos cc: error: runtime library cache: ${error instanceof Error ? error.message : String(error)}\n` };
  }
  if (runtime.value === undefined) return { value: undefined, messages: runtime.messages };
  const { crt0, libc } = runtime.value;
  return linkFor([{ name: 'crt0.o', bytes: crt0 }, ...inputs, { name: 'libc.a', bytes: libc }], true);
}

function writeOutputs(outputs: readonly Output[], io: DriverIo): number {
  for (const out of outputs) {
    if (out.path === undefined || out.path === '-') {
      io.stdout(out.data);
      continue;
    }
    try {
      writeFileSync(out.path, out.data);
      if (out.executable === true) chmodSync(out.path, 0o755);
    } catch (error) {
      io.stderr(`rvos cc: error: cannot write ${out.path}: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT_FAILED;
    }
  }
  return EXIT_OK;
}
