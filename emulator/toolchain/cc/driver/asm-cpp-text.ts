// Text of a preprocessed .S file for the assembler that keeps the main file's
// line numbers (blank lines where directives and comments were), so the
// assembler's diagnostics point at the right line of the .S source.

import { needsSpace } from '../preprocess/avoid-paste.ts';
import { diagnosticLocation, type Token } from '../preprocess/preprocess.ts';

/**
 * Returns the tokens as source text, one output line per source line that
 * produced tokens, placed on the same line number as in `mainFile` whenever
 * the lines before it leave room (included files may push lines down).
 */
export function lineKeepingText(tokens: readonly Token[], mainFile: string): string {
  const out: string[] = [];
  let line: string | undefined;
  let prev: Token | undefined;
  for (const t of tokens) {
    if (t.kind === 'eof') break;
    if (t.atLineStart || prev === undefined || t.kind === 'pragma') {
      if (line !== undefined) out.push(line);
      const at = diagnosticLocation(t);
      if (at.file === mainFile) while (out.length + 1 < at.line) out.push('');
      line = t.kind === 'pragma' ? `#pragma ${t.text}` : t.hasSpaceBefore ? ' ' : '';
      if (t.kind === 'pragma') { prev = undefined; continue; }
    } else if (t.hasSpaceBefore || needsSpace(prev, t)) line += ' ';
    line += t.spelling ?? t.text;
    prev = t;
  }
  if (line !== undefined) out.push(line);
  return out.length === 0 ? '' : out.join('\n') + '\n';
}
