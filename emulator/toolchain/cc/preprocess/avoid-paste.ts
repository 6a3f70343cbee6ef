// The rule for when two adjacent tokens need a space between them in text
// output so that re-lexing gives the same tokens (GCC's cpp_avoid_paste).

import { DiagnosticBag } from '../../asm/diagnostics.ts';
import { Lexer } from './lexer.ts';
import { SourceFile } from './source-file.ts';
import type { Token } from './token.ts';

/**
 * Returns true when `next` printed right after `prev` could lex differently
 * (GCC cpp_avoid_paste's table: conservative).
 */
function wouldPaste(prev: Token, next: Token): boolean {
  const c = (next.spelling ?? next.text)[0] ?? '';
  if (prev.kind === 'punct') {
    const p = prev.spelling ?? prev.text;
    if (c === '=' && ['=', '!', '>', '<', '+', '-', '*', '/', '%', '&', '|', '^', '>>', '<<'].includes(p)) return true;
    switch (p) {
      case '>': return c === '>';
      case '<': return c === '<' || c === '%' || c === ':';
      case '+': return c === '+';
      case '-': return c === '-' || c === '>';
      case '/': return c === '/' || c === '*';
      case '%': return c === ':' || c === '%';
      case '&': return c === '&';
      case '|': return c === '|';
      case ':': return c === ':' || c === '>';
      case '->': return c === '*';
      case '.': return c === '.' || c === '%' || next.kind === 'number';
      case '#': return c === '#' || c === '%';
      default: return false;
    }
  }
  if (prev.kind === 'identifier') return next.kind === 'identifier' || next.kind === 'number' || next.kind === 'char' || next.kind === 'string';
  if (prev.kind === 'number') return next.kind === 'number' || next.kind === 'identifier' || next.kind === 'char' || c === '.' || c === '+' || c === '-';
  if (prev.kind === 'other') return prev.text === '\\' && next.kind === 'identifier';
  return false;
}

/** Returns true when `prev` and `next` printed without a space would not lex back as `prev` then `next`. */
export function needsSpace(prev: Token, next: Token): boolean {
  if (!wouldPaste(prev, next)) return false;
  const a = prev.spelling ?? prev.text;
  const lexer = new Lexer(new SourceFile('<relex>', a + (next.spelling ?? next.text)), new DiagnosticBag());
  const first = lexer.next();
  return (first.spelling ?? first.text).length !== a.length;
}
