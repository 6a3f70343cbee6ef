// Prints a token stream as `gcc -E -P` does: one output line per source line
// that produced tokens, single spaces where the source had white space, extra
// spaces where two tokens would otherwise lex as different tokens.

import { needsSpace } from './avoid-paste.ts';
import type { Token } from './token.ts';
import { diagnosticLocation } from './token.ts';

/** Returns the text of the token stream in `gcc -E -P` style, ending with a newline (empty stream: ''). */
export function toText(tokens: readonly Token[]): string {
  const out: string[] = [];
  let line = '';
  let prev: Token | undefined;
  const flush = (): void => {
    if (line.length > 0) out.push(line);
    line = '';
  };
  for (const t of tokens) {
    if (t.kind === 'eof') break;
    if (t.kind === 'pragma') {
      flush();
      out.push(`#pragma ${t.text}`);
      prev = undefined;
      continue;
    }
    if (t.atLineStart || prev === undefined) {
      flush();
      // Indentation as GCC keeps it: the source column when the line started with white space.
      if (t.hasSpaceBefore) line = t.atLineStart ? ' '.repeat(Math.max(1, diagnosticLocation(t).column - 1)) : ' ';
    } else if (t.hasSpaceBefore || needsSpace(prev, t)) line += ' ';
    line += t.spelling ?? t.text;
    prev = t;
  }
  flush();
  return out.length === 0 ? '' : out.join('\n') + '\n';
}
