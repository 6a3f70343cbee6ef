// Collecting the arguments of a function-like macro invocation (6.10.3p10-12):
// split at top-level commas, keep commas inside the variadic part, count and
// check against the parameters. Stringizing of an argument (6.10.3.2) lives here too.

import type { DiagnosticBag } from '../../asm/diagnostics.ts';
import type { Macro } from './macro-table.ts';
import type { PPToken } from './pp-token.ts';
import { diagnosticLocation } from './token.ts';

/** What the invocation parser reads from: the expander's input stream. */
export interface ArgReader {
  take(): PPToken;
}

export interface Invocation {
  args: PPToken[][];
  /** The closing parenthesis (its hide set takes part in Prosser's HS ∩ HS'). */
  rparen: PPToken;
  /** The variadic arguments were left out entirely (`f(a)` for `f(a, ...)`, or `g()` for `g(...)`): GNU comma elision applies. */
  vaOmitted: boolean;
}

/**
 * Reads the arguments after the `(` (already consumed) up to the matching `)`.
 * Returns undefined after reporting an error (end of file inside the list, or a
 * wrong number of arguments); the tokens read are then dropped.
 */
export function collectArgs(m: Macro, nameTok: PPToken, input: ArgReader, diags: DiagnosticBag): Invocation | undefined {
  const args: PPToken[][] = [[]];
  const varIndex = m.variadic ? m.params.length - 1 : -1;
  let depth = 0;
  for (;;) {
    const t = input.take();
    if (t.kind === 'eof') {
      diags.error(diagnosticLocation(nameTok), `unterminated argument list invoking macro "${m.name}"`);
      return undefined;
    }
    if (t.kind === 'punct') {
      if (t.text === '(') depth++;
      else if (t.text === ')' && depth-- === 0) {
        const vaOmitted = m.variadic && (args.length === m.params.length - 1 || (m.params.length === 1 && args[0].length === 0));
        return checkCount(m, nameTok, args, diags) ? { args, rparen: t, vaOmitted } : undefined;
      }
      else if (t.text === ',' && depth === 0 && args.length - 1 !== varIndex) {
        args.push([]);
        continue;
      }
    }
    args[args.length - 1].push(t);
  }
}

function checkCount(m: Macro, nameTok: PPToken, args: PPToken[][], diags: DiagnosticBag): boolean {
  const want = m.params.length;
  if (want === 0 && args.length === 1 && args[0].length === 0) {
    args.length = 0;
    return true;
  }
  if (m.variadic && args.length === want - 1) args.push([]); // variadic part omitted (GNU/C2x allow)
  if (args.length === want) return true;
  const loc = diagnosticLocation(nameTok);
  if (args.length < want) diags.error(loc, `macro "${m.name}" requires ${want} arguments, but only ${args.length} given`);
  else diags.error(loc, `macro "${m.name}" passed ${args.length} arguments, but takes just ${want}`);
  return false;
}

/** Returns the spelling of a token list as `#` makes it: single spaces where there was white space. */
export function spellTokens(toks: readonly PPToken[]): string {
  let s = '';
  toks.forEach((t, i) => {
    if (i > 0 && (t.hasSpaceBefore || t.atLineStart)) s += ' '; // a newline inside an argument is white space too
    s += t.spelling ?? t.text;
  });
  return s;
}

/** Returns the string-literal spelling of an argument (6.10.3.2p2): `"` and `\` escaped inside literals. */
export function stringize(arg: readonly PPToken[]): string {
  let s = '';
  arg.forEach((t, i) => {
    if (i > 0 && (t.hasSpaceBefore || t.atLineStart)) s += ' '; // a newline inside an argument is white space too
    const text = t.spelling ?? t.text;
    s += t.kind === 'string' || t.kind === 'char' ? text.replace(/[\\"]/g, (c) => '\\' + c) : text;
  });
  return `"${s}"`;
}
