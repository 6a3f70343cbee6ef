// Token pasting for the ## operator (6.10.3.3): the spellings of both operands
// are joined and re-lexed; the result is valid only if it is exactly one pp-token.

import { DiagnosticBag } from '../../asm/diagnostics.ts';
import { Lexer } from './lexer.ts';
import { type PPToken, respell } from './pp-token.ts';
import { SourceFile } from './source-file.ts';

/** Returns the pasted token (location and spacing of `left`), or undefined if the result is not one token. */
export function pasteTokens(left: PPToken, right: PPToken): PPToken | undefined {
  const text = (left.spelling ?? left.text) + (right.spelling ?? right.text);
  const diags = new DiagnosticBag();
  const lexer = new Lexer(new SourceFile('<paste>', text), diags);
  const tok = lexer.next();
  if (diags.items.length > 0 || tok.hasSpaceBefore || lexer.next().kind !== 'eof') return undefined;
  if (tok.kind === 'eof' || tok.text.length === 0) return undefined;
  return respell(left, tok.kind, tok.text, tok.prefix, tok.spelling);
}
