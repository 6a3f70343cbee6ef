// One source input through the toolchain: preprocess (-E), C to assembly
// (-S), or any source to an ET_REL object (.c through compileC, .s through
// the assembler, .S through the preprocessor then the assembler). Returns the
// result or nothing, plus the diagnostics already formatted with caret lines.

import { assembleToElf } from '../../asm/assembler.ts';
import { formatDiagnostic, type Diagnostic } from '../../asm/diagnostics.ts';
import { preprocess, toText, type FileSystem } from '../preprocess/preprocess.ts';
import { lineKeepingText } from './asm-cpp-text.ts';
import type { CCompiler } from './c-compiler.ts';
import type { CcTarget, InputKind } from './cc-options.ts';

/** What one file is compiled with: the file system, the preprocessor options and the C compiler (when there is one). */
export interface SourceContext {
  fs: FileSystem;
  includePaths: readonly string[];
  defines: readonly string[];
  undefines: readonly string[];
  target: CcTarget;
  compiler: CCompiler;
  /** Optimization level for C files (default 0). */
  optimize?: 0 | 1;
}

export interface StepResult<T> {
  /** The output; undefined when there were errors. */
  value: T | undefined;
  /** Formatted diagnostics (errors and warnings), each ending in a newline; '' when none. */
  messages: string;
}

/** Formats diagnostics with the source line and caret, reading each file through `fs` (or `source` for `sourceFile`). */
export function formatAll(list: readonly Diagnostic[], fs: FileSystem, override?: { file: string; text: string }): string {
  return list.map((d) => `${formatDiagnostic(d, d.file === override?.file ? override.text : fs.read(d.file))}\n`).join('');
}

function failure<T>(path: string, message: string): StepResult<T> {
  return { value: undefined, messages: `${path}: error: ${message}\n` };
}

/** Runs the preprocessor over `path`; returns the `gcc -E -P`-style text. */
export function preprocessFile(path: string, ctx: SourceContext): StepResult<string> {
  const r = preprocess(path, { fs: ctx.fs, includePaths: ctx.includePaths, defines: ctx.defines, undefines: ctx.undefines, target: ctx.target });
  return { value: r.hasErrors ? undefined : toText(r.tokens), messages: formatAll(r.diagnostics, ctx.fs) };
}

/** Compiles the C file `path` to assembly text (-S). */
export function compileToAssembly(path: string, ctx: SourceContext): StepResult<string> {
  const r = runCompileC(path, ctx);
  if (r.value !== undefined && r.value.asm === undefined) return failure(path, 'the C compiler returned no assembly text');
  return { value: r.value?.asm, messages: r.messages };
}

/** Compiles or assembles the source `path` of `kind` to an ET_REL object. */
export function compileToObject(path: string, kind: InputKind, ctx: SourceContext): StepResult<Uint8Array> {
  if (kind === 'c') {
    const r = runCompileC(path, ctx);
    if (r.value !== undefined && r.value.object === undefined) return failure(path, 'the C compiler returned no object');
    return { value: r.value?.object, messages: r.messages };
  }
  if (kind === 'asm') {
    const text = ctx.fs.read(path);
    if (text === undefined) return failure(path, 'No such file or directory');
    const r = assembleToElf(text, path);
    return { value: r.bytes, messages: formatAll(r.diagnostics, ctx.fs) };
  }
  if (kind === 'asm-cpp') return assemblePreprocessed(path, ctx);
  return failure(path, 'not a source file');
}

function assemblePreprocessed(path: string, ctx: SourceContext): StepResult<Uint8Array> {
  const pp = preprocess(path, { fs: ctx.fs, includePaths: ctx.includePaths, defines: ctx.defines, undefines: ctx.undefines, target: ctx.target });
  const ppMessages = formatAll(pp.diagnostics, ctx.fs);
  if (pp.hasErrors) return { value: undefined, messages: ppMessages };
  const r = assembleToElf(lineKeepingText(pp.tokens, pp.dependencies[0] ?? path), path);
  return { value: r.bytes, messages: ppMessages + formatAll(r.diagnostics, ctx.fs) };
}

interface CompiledC {
  object?: Uint8Array;
  asm?: string;
}

function runCompileC(path: string, ctx: SourceContext): StepResult<CompiledC> {
  const source = ctx.fs.read(path);
  if (source === undefined) return failure(path, 'No such file or directory');
  let r;
  try {
    r = ctx.compiler.compileC(path, { fs: ctx.fs, includePaths: ctx.includePaths, defines: ctx.defines, undefines: ctx.undefines, target: ctx.target, optimize: ctx.optimize ?? 0 });
  } catch (error) {
    // A compiler bug, not bad input: report it for this file and carry on with the others.
    return failure(path, `internal compiler error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  const messages = formatAll(r.diagnostics, ctx.fs, { file: path, text: source });
  const failed = r.diagnostics.some((d) => d.severity === 'error');
  return { value: failed ? undefined : r, messages };
}
