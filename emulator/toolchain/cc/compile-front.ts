// Entry point of the C front end: parseTranslationUnit(tokens) turns the
// preprocessor's token stream into the typed TranslationUnit for the code
// generator, with diagnostics as data. Never throws and always terminates.

import type { Diagnostic } from '../asm/diagnostics.ts';
import type { TranslationUnit } from './ast.ts';
import { parseDeclaration, setTypeofParser } from './parse-declaration.ts';
import { parseExpr } from './parse-expression.ts';
import { parseStaticAssert } from './parse-statement.ts';
import { ParseError, Parser, TooManyErrors } from './parser.ts';
import { isStackOverflow, NESTED_TOO_DEEPLY } from './support/stack-overflow.ts';
import type { Token } from './preprocess/token.ts';
import { applyPragma } from './pragma-pack.ts';

export type { TranslationUnit } from './ast.ts';

export interface FrontEndOptions {
  /** Stop after this many errors (default 100). */
  maxErrors?: number;
}

export interface FrontEndResult {
  unit: TranslationUnit;
  diagnostics: Diagnostic[];
  hasErrors: boolean;
}

setTypeofParser((p) => parseExpr(p).type);

/**
 * Parses and type-checks a translation unit. Returns the unit (complete as far
 * as parsing got) and every diagnostic; an internal error of the front end is
 * reported as an "internal compiler error" diagnostic instead of thrown.
 */
export function parseTranslationUnit(tokens: readonly Token[], options: FrontEndOptions = {}): FrontEndResult {
  const p = new Parser(tokens, options.maxErrors ?? 100);
  try {
    while (p.tok.kind !== 'eof') parseExternalDeclaration(p);
  } catch (e) {
    if (isStackOverflow(e)) p.diags.error(p.loc(), NESTED_TOO_DEEPLY);
    else if (!(e instanceof TooManyErrors)) p.diags.error(p.loc(), `internal compiler error: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { unit: p.finishUnit(), diagnostics: p.diags.items, hasErrors: p.diags.hasErrors() };
}

// external-declaration = function-definition | declaration | static-assert | ";" | pragma
function parseExternalDeclaration(p: Parser): void {
  const start = p.pos;
  try {
    const t = p.tok;
    if (t.kind === 'pragma') { applyPragma(p.pack, t.text, p.loc(), (loc, m) => p.warn(loc, m)); p.next(); return; }
    if (p.accept(';')) return;
    while (p.accept('__extension__'));
    if (p.is('_Static_assert')) { parseStaticAssert(p); return; }
    if (p.is('__asm__') || p.is('asm')) p.fail('top-level asm is not supported');
    if (t.kind === 'punct' && t.text === '}') p.fail("expected identifier or '(' before '}' token");
    parseDeclaration(p);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    p.recover();
    if (p.is('}')) p.next();
  }
  if (p.pos === start && p.tok.kind !== 'eof') p.next();
}
