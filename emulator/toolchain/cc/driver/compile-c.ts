// The whole pipeline for one C file: preprocess -> parse -> generate assembly
// -> assemble. Returns the ET_REL object bytes (undefined on any error), the
// generated assembly text and every diagnostic of every stage.

import type { Diagnostic } from '../../asm/diagnostics.ts';
import { assembleToElf } from '../../asm/assembler.ts';
import { generateAssembly } from '../codegen/codegen.ts';
import { parseTranslationUnit } from '../compile-front.ts';
import { preprocess, type PreprocessOptions } from '../preprocess/preprocess.ts';
import { withoutUnusedStatics } from './unused-statics.ts';

export type CompileOptions = PreprocessOptions & {
  /** Optimization level of the code generator (default 0). */
  optimize?: 0 | 1;
};

/** The code generator implements -O1 (see codegen/README.md). */
export const SUPPORTS_O1: boolean = true;

export interface CompileResult {
  object: Uint8Array | undefined;
  asm: string | undefined;
  diagnostics: Diagnostic[];
}

const hasError = (d: readonly Diagnostic[]): boolean => d.some((x) => x.severity === 'error');

/** Compiles `file` (read through options.fs) to an object file; never throws on bad input. */
export function compileC(file: string, options: CompileOptions): CompileResult {
  const diagnostics: Diagnostic[] = [];
  try {
    return compileStages(file, options, diagnostics);
  } catch (e) {
    // A bug in one of the stages, not bad input: keep the never-throws contract.
    diagnostics.push({ file, line: 1, column: 1, severity: 'error', message: `internal compiler error: ${e instanceof Error ? e.message : String(e)}` });
    return { object: undefined, asm: undefined, diagnostics };
  }
}

function compileStages(file: string, options: CompileOptions, diagnostics: Diagnostic[]): CompileResult {
  const pp = preprocess(file, options);
  diagnostics.push(...pp.diagnostics);
  if (pp.hasErrors) return { object: undefined, asm: undefined, diagnostics };
  const front = parseTranslationUnit(pp.tokens);
  diagnostics.push(...front.diagnostics);
  if (front.hasErrors) return { object: undefined, asm: undefined, diagnostics };
  const gen = generateAssembly(withoutUnusedStatics(front.unit), { optimize: options.optimize ?? 0 });
  diagnostics.push(...gen.diagnostics);
  if (hasError(gen.diagnostics)) return { object: undefined, asm: gen.asm, diagnostics };
  const asmFile = file.replace(/\.c$/, '') + '.s';
  const as = assembleToElf(gen.asm, asmFile);
  diagnostics.push(...as.diagnostics);
  return { object: as.bytes, asm: gen.asm, diagnostics };
}
