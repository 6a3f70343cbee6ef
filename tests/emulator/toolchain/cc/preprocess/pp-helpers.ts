// Test helpers for the C preprocessor: run it over in-memory files and compare
// results as token spellings (white space ignored, string contents exact).

import { DiagnosticBag } from '../../../../../emulator/toolchain/asm/diagnostics.ts';
import { Lexer } from '../../../../../emulator/toolchain/cc/preprocess/lexer.ts';
import {
  memoryFileSystem,
  type PreprocessOptions,
  type PreprocessResult,
  preprocess,
  toText,
} from '../../../../../emulator/toolchain/cc/preprocess/preprocess.ts';
import { SourceFile } from '../../../../../emulator/toolchain/cc/preprocess/source-file.ts';

/** Preprocesses `src` as main.c, with extra in-memory `files`. */
export function run(src: string, files: Record<string, string> = {}, opts: Partial<PreprocessOptions> = {}): PreprocessResult {
  return preprocess('main.c', { fs: memoryFileSystem({ 'main.c': src, ...files }), ...opts });
}

/** Returns the spellings of the pp-tokens of `text` (lexed by our lexer, no preprocessing). */
export function spellings(text: string): string[] {
  const lexer = new Lexer(new SourceFile('<expected>', text), new DiagnosticBag());
  const out: string[] = [];
  for (let t = lexer.next(); t.kind !== 'eof'; t = lexer.next()) out.push(t.spelling ?? t.text);
  return out;
}

/** Preprocesses `src` and returns its output token spellings (eof excluded). */
export function ppSpellings(src: string, files: Record<string, string> = {}, opts: Partial<PreprocessOptions> = {}): string[] {
  return run(src, files, opts).tokens.filter((t) => t.kind !== 'eof').map((t) => t.spelling ?? t.text);
}

/** Preprocesses `src` and returns the `gcc -E -P`-style text. */
export function ppText(src: string, files: Record<string, string> = {}): string {
  return toText(run(src, files).tokens);
}

/** Returns the diagnostic messages (with severity) of preprocessing `src`. */
export function messages(src: string, files: Record<string, string> = {}, opts: Partial<PreprocessOptions> = {}): string[] {
  return run(src, files, opts).diagnostics.map((d) => `${d.severity}: ${d.message}`);
}
