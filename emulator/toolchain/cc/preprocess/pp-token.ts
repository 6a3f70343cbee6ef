// Preprocessor-internal token: the public Token plus the hide set of Prosser's
// expansion algorithm. Hide sets are immutable and shared between tokens; the
// helpers here build new ones and never change an existing set.

import type { EncodingPrefix, ExpansionSite, SourceLocation, Token, TokenKind } from './token.ts';

/** Names of the macros a token must not be expanded by again (undefined = empty). */
export type HideSet = ReadonlySet<string> | undefined;

export interface PPToken extends Token {
  readonly hideSet?: HideSet;
}

/** Returns hs with `name` added (a new set; hs is not changed). */
export function hideSetAdd(hs: HideSet, name: string): ReadonlySet<string> {
  if (hs?.has(name) === true) return hs;
  const out = new Set(hs);
  out.add(name);
  return out;
}

/** Returns the intersection of two hide sets. */
export function hideSetIntersect(a: HideSet, b: HideSet): HideSet {
  if (a === undefined || b === undefined) return undefined;
  if (a === b) return a;
  let out: Set<string> | undefined;
  for (const n of a) if (b.has(n)) (out ??= new Set()).add(n);
  return out;
}

/** Returns the union of two hide sets. */
export function hideSetUnion(a: HideSet, b: HideSet): HideSet {
  if (a === undefined || a.size === 0) return b;
  if (b === undefined || b.size === 0 || a === b) return a;
  const out = new Set(a);
  for (const n of b) out.add(n);
  return out;
}

/**
 * Returns a new token with every field present (one object shape for all
 * tokens keeps property access fast; absent optional fields are undefined).
 */
export function newToken(
  kind: TokenKind,
  text: string,
  loc: SourceLocation,
  hasSpaceBefore: boolean,
  atLineStart: boolean,
  prefix?: EncodingPrefix,
  spelling?: string,
): PPToken {
  return { kind, text, prefix, spelling, loc, hasSpaceBefore, atLineStart, expansion: undefined, hideSet: undefined };
}

/** Returns a copy of `t` with new spacing flags, expansion site and hide set. */
export function retoken(t: PPToken, hasSpaceBefore: boolean, atLineStart: boolean, expansion: ExpansionSite | undefined, hideSet: HideSet): PPToken {
  return { kind: t.kind, text: t.text, prefix: t.prefix, spelling: t.spelling, loc: t.loc, hasSpaceBefore, atLineStart, expansion, hideSet };
}

/** Returns a copy of `t` with a new kind and text (prefix and spelling dropped), e.g. `defined X` becoming `1`. */
export function respell(t: PPToken, kind: TokenKind, text: string, prefix?: EncodingPrefix, spelling?: string): PPToken {
  return { kind, text, prefix, spelling, loc: t.loc, hasSpaceBefore: t.hasSpaceBefore, atLineStart: t.atLineStart, expansion: t.expansion, hideSet: t.hideSet };
}

/** Returns the public Token of an internal one: the same fields without the hide set (absent optional fields are undefined). */
export function publicToken(t: PPToken): Token {
  return { kind: t.kind, text: t.text, prefix: t.prefix, spelling: t.spelling, loc: t.loc, hasSpaceBefore: t.hasSpaceBefore, atLineStart: t.atLineStart, expansion: t.expansion };
}
