// The preprocessing token handed from the preprocessor to the C parser: kind,
// spelling, original source location, spacing flags, and for tokens made by
// macro expansion the chain of expansion sites (for diagnostics).

import type { SourceLocation } from '../../asm/diagnostics.ts';

export type { SourceLocation };

/**
 * C11 6.4 preprocessing-token kinds. Keywords are NOT distinguished: they are
 * 'identifier' tokens, the parser decides.
 * - 'identifier': [A-Za-z_$][A-Za-z0-9_$]* (`$` as GCC allows)
 * - 'number': a pp-number (6.4.8), e.g. `0x1fUL`, `1.5e+3f`, `08`; not yet validated
 * - 'char': character constant, `text` includes prefix and quotes (`L'a'`)
 * - 'string': string literal, `text` includes prefix and quotes (`u8"x"`)
 * - 'punct': punctuator; `text` is canonical (digraph `<:` arrives as `[`)
 * - 'pragma': a `#pragma` line or `_Pragma("...")` the preprocessor did not
 *   consume; `text` is the pragma body (`GCC diagnostic push`); see preprocess.ts
 * - 'other': a lone character that is none of the above (`@`, `` ` ``, `\`)
 * - 'eof': end of the translation unit (always the last token, text '')
 */
export type TokenKind = 'identifier' | 'number' | 'char' | 'string' | 'punct' | 'pragma' | 'other' | 'eof';

/** Encoding prefix of a character constant or string literal ('' = none). */
export type EncodingPrefix = '' | 'L' | 'u' | 'U' | 'u8';

/** Where a macro was expanded: the macro name and the location of its invocation. */
export interface ExpansionSite {
  /** Name of the macro being expanded. */
  readonly macro: string;
  /** Location of the macro name token at the invocation (may itself be inside another expansion). */
  readonly loc: SourceLocation;
  /** The expansion the invocation itself came from, if the macro name was produced by a macro. */
  readonly parent?: ExpansionSite;
}

export interface Token {
  readonly kind: TokenKind;
  /** Spelling after line splicing (phase 2); for 'punct' the canonical punctuator. */
  readonly text: string;
  /** For 'char' and 'string': the encoding prefix. */
  readonly prefix?: EncodingPrefix;
  /** For a digraph punctuator: its written spelling (`<:`), which `#` stringizes. */
  readonly spelling?: string;
  /**
   * Location of the token's spelling in the ORIGINAL file as read (physical
   * line/column, 1-based, before splicing; #line does not change it). For a
   * token from a macro body this is inside the #define; see `expansion`.
   */
  readonly loc: SourceLocation;
  /** White space or a comment precedes the token on its line (a line break inside a macro argument counts too). */
  readonly hasSpaceBefore: boolean;
  /** First token of a source line (after expansion: the first token a line produced). */
  readonly atLineStart: boolean;
  /** Set when the token was produced by expanding a macro (innermost expansion first). */
  readonly expansion?: ExpansionSite;
}

/**
 * Returns the location a diagnostic about `tok` should point at: the token
 * itself when it was written in a file outside any macro body, otherwise the
 * outermost expansion site (the macro invocation in the file being compiled).
 */
export function diagnosticLocation(tok: Token): SourceLocation {
  let site = tok.expansion;
  if (site === undefined) return tok.loc;
  while (site.parent !== undefined) site = site.parent;
  return site.loc;
}

/** Returns the macro names of the expansion chain, innermost first (empty for a plain token). */
export function expansionChain(tok: Token): string[] {
  const names: string[] = [];
  for (let s = tok.expansion; s !== undefined; s = s.parent) names.push(s.macro);
  return names;
}
