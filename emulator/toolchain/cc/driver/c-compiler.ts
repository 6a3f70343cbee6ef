// Loads the C compiler (compile-c.ts: one C file to an ET_REL object and its
// assembly) lazily, on the first C input, so `rvos cc` on assembly and objects
// (and `rvos bare`, which shares the CLI) never depend on the code generator.

import { access } from 'node:fs/promises';
import type { Diagnostic } from '../../asm/diagnostics.ts';
import type { FileSystem } from '../preprocess/preprocess.ts';

/** The subset of compile-c.ts the driver uses (checked against it by the type-only import below). */
export interface CompileCOptions {
  fs: FileSystem;
  includePaths: readonly string[];
  defines: readonly string[];
  undefines: readonly string[];
  target: 'bare' | 'rvos';
}

export interface CompileCResult {
  object: Uint8Array | undefined;
  asm: string | undefined;
  diagnostics: readonly Diagnostic[];
}

export type CompileC = (path: string, options: CompileCOptions) => CompileCResult;

export interface CCompiler {
  compileC: CompileC;
  /** Whether the code generator implements -O1 (else -O1 compiles as -O0, with a note). */
  supportsO1: boolean;
}

/** Location of the compiler module, relative to this file. */
export const COMPILER_MODULE = new URL('./compile-c.ts', import.meta.url);

type CompileModule = typeof import('./compile-c.ts');
// Fails to type-check if compile-c.ts's compileC stops accepting what the driver passes.
const typeCheck: (m: CompileModule) => CompileC = (m) => m.compileC;

/** Returns the compiler, or an explanation when compile-c.ts is missing or does not export compileC. */
export async function loadCCompiler(): Promise<CCompiler | string> {
  try {
    await access(COMPILER_MODULE);
  } catch {
    return 'the C compiler is not available yet (emulator/toolchain/cc/driver/compile-c.ts is missing)';
  }
  try {
    const module = (await import(COMPILER_MODULE.href)) as CompileModule & Record<string, unknown>;
    if (typeof module.compileC !== 'function') return 'emulator/toolchain/cc/driver/compile-c.ts does not export compileC()';
    return { compileC: typeCheck(module), supportsO1: module.SUPPORTS_O1 === true };
  } catch (error) {
    return `the C compiler failed to load: ${error instanceof Error ? error.message : String(error)}`;
  }
}
