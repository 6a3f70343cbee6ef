// Entry point of the C preprocessor: preprocess(mainFile, options) runs
// translation phases 1-4 over files from an abstract file system and returns the
// pp-token stream (for the C parser), diagnostics as data, and the files read.

import { DiagnosticBag, type Diagnostic, formatDiagnostic } from '../../asm/diagnostics.ts';
import { defineBuiltins } from './builtin-macros.ts';
import { Expander } from './expand.ts';
import { type FileSystem, joinPath } from './include.ts';
import { newToken, publicToken } from './pp-token.ts';
import { type PredefineOptions, predefinedSource } from './predefined.ts';
import { Preprocessor } from './preprocessor.ts';
import { diagnosticLocation, type Token } from './token.ts';
import { isStackOverflow, NESTED_TOO_DEEPLY } from '../support/stack-overflow.ts';

export type { FileSystem } from './include.ts';
export { memoryFileSystem } from './include.ts';
export { toText } from './to-text.ts';
export type { Token, TokenKind, ExpansionSite, EncodingPrefix } from './token.ts';
export { diagnosticLocation, expansionChain } from './token.ts';

/** Output limit: more tokens than this means runaway expansion (a macro "bomb"), not a real program. */
export const MAX_OUTPUT_TOKENS = 20_000_000;

export interface PreprocessOptions extends PredefineOptions {
  /** Where files come from (the workbench passes an in-memory one). */
  fs: FileSystem;
  /** -I directories, searched for "..." (after the includer's directory) and <...>. */
  includePaths?: readonly string[];
  /** -iquote directories, searched only for "..." before includePaths. */
  quoteIncludePaths?: readonly string[];
  /** System directories, searched after includePaths. */
  systemIncludePaths?: readonly string[];
  /** __DATE__ (default "Jan  1 1970") and __TIME__ (default "00:00:00"): fixed for reproducible builds. */
  date?: string;
  time?: string;
}

export interface PreprocessResult {
  /** The pp-tokens of the translation unit, ending with one 'eof' token. */
  tokens: Token[];
  /** Errors and warnings in the order found; `hasErrors` summarizes. */
  diagnostics: Diagnostic[];
  hasErrors: boolean;
  /** The main file and every file #included (paths as resolved), in first-read order. */
  dependencies: string[];
  /** Names of the macros defined at the end (for -dM listings and tests). */
  macroNames: string[];
}

/**
 * Preprocesses `mainFile` (read through `options.fs`). Never throws on bad
 * input: problems are returned as diagnostics. A missing main file is one
 * error diagnostic and an empty stream.
 */
export function preprocess(mainFile: string, options: PreprocessOptions): PreprocessResult {
  const diags = new DiagnosticBag();
  const mainPath = joinPath('', mainFile);
  const text = options.fs.read(mainPath);
  const eofAt = { file: mainPath, line: 1, column: 1 };
  if (text === undefined) {
    diags.error(eofAt, `${mainPath}: No such file or directory`);
    const eof = newToken('eof', '', eofAt, false, true);
    return { tokens: [eof], diagnostics: diags.items, hasErrors: true, dependencies: [], macroNames: [] };
  }
  const pp = new Preprocessor(
    {
      fs: options.fs,
      paths: {
        quote: options.quoteIncludePaths ?? [],
        angle: [...(options.includePaths ?? []), ...(options.systemIncludePaths ?? [])],
      },
      date: options.date ?? 'Jan  1 1970',
      time: options.time ?? '00:00:00',
    },
    diags,
  );
  defineBuiltins(pp);
  pp.start(mainPath, text, predefinedSource(options));
  const tokens: Token[] = [];
  try {
    const expander = new Expander(pp, pp.macros, diags, pp.hooks);
    for (;;) {
      const t = expander.next();
      if (t.kind === 'eof' && pp.finished) {
        tokens.push(publicToken(t));
        break;
      }
      if (t.kind !== 'eof') tokens.push(publicToken(t));
      if (tokens.length > MAX_OUTPUT_TOKENS) {
        diags.error(diagnosticLocation(t), `preprocessed output exceeds ${MAX_OUTPUT_TOKENS} tokens; stopping`);
        tokens.push(newToken('eof', '', t.loc, false, true));
        break;
      }
    }
  } catch (e) {
    // A bug of ours, not of the input: report it as a diagnostic rather than crash the caller.
    const last = tokens.at(-1);
    const where = last !== undefined ? diagnosticLocation(last) : pp.current?.lexer.file.locate(0) ?? eofAt;
    diags.error(where, isStackOverflow(e) ? NESTED_TOO_DEEPLY : `internal preprocessor error: ${e instanceof Error ? e.message : String(e)}`);
    tokens.push(newToken('eof', '', eofAt, false, true));
  }
  return { tokens, diagnostics: diags.items, hasErrors: diags.hasErrors(), dependencies: pp.dependencies, macroNames: pp.macros.names() };
}

/** Returns the diagnostics as text with source line and caret, reading each file's source through `fs`. */
export function formatPreprocessDiagnostics(list: readonly Diagnostic[], fs: FileSystem): string {
  return list.map((d) => formatDiagnostic(d, d.file.startsWith('<') ? undefined : fs.read(d.file))).join('\n');
}
