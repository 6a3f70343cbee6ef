// The C compiler as the driver sees it: compileC() from compile-c.ts and
// whether the code generator has -O1. The driver takes it as a value so tests
// can hand in a stand-in.

import { compileC, SUPPORTS_O1 } from './compile-c.ts';

export type CompileC = typeof compileC;

export interface CCompiler {
  compileC: CompileC;
  /** Whether the code generator implements -O1 (else -O1 compiles as -O0, with a note). */
  supportsO1: boolean;
}

/** The project's C compiler. */
export const C_COMPILER: CCompiler = { compileC, supportsO1: SUPPORTS_O1 };
