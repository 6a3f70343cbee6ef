// Parsing a #define line into a Macro (6.10.3): object-like or function-like,
// parameter list with `...` or GNU `name...`, and the constraints on # and ##
// in the replacement list. Reports errors and returns undefined for a bad line.

import type { DiagnosticBag } from '../../asm/diagnostics.ts';
import type { Macro } from './macro-table.ts';
import { type PPToken, retoken } from './pp-token.ts';

const isPunct = (t: PPToken | undefined, s: string): boolean => t !== undefined && t.kind === 'punct' && t.text === s;

/** Returns the macro the tokens after `#define` describe, or undefined after reporting an error at `dirTok`. */
export function parseDefine(toks: readonly PPToken[], dirTok: PPToken, diags: DiagnosticBag): Macro | undefined {
  const name = toks[0];
  if (!checkMacroName(name, dirTok, 'define', diags)) return undefined;
  let rest = toks.slice(1);
  let params: string[] = [];
  let variadic = false;
  const functionLike = isPunct(rest[0], '(') && !rest[0].hasSpaceBefore;
  if (functionLike) {
    const p = parseParams(rest, diags);
    if (p === undefined) return undefined;
    ({ params, variadic } = p);
    rest = rest.slice(p.consumed);
  } else if (rest.length > 0 && !rest[0].hasSpaceBefore) {
    diags.warning(rest[0].loc, 'ISO C99 requires whitespace after the macro name');
  }
  const body = rest.map((t, i) => retoken(t, i > 0 && t.hasSpaceBefore, false, undefined, undefined));
  const m: Macro = { name: name.text, kind: functionLike ? 'function' : 'object', params, variadic, body, loc: name.loc };
  return checkBody(m, diags) ? m : undefined;
}

/** Checks the name after #define/#undef/#ifdef; reports and returns false when it is not a usable identifier. */
export function checkMacroName(name: PPToken | undefined, dirTok: PPToken, directive: string, diags: DiagnosticBag): name is PPToken {
  if (name === undefined) {
    diags.error(dirTok.loc, `no macro name given in #${directive} directive`);
    return false;
  }
  if (name.kind !== 'identifier') {
    diags.error(name.loc, 'macro names must be identifiers');
    return false;
  }
  if (name.text === 'defined' && directive !== 'ifdef' && directive !== 'ifndef') {
    diags.error(name.loc, `"defined" cannot be used as a macro name`);
    return false;
  }
  return true;
}

/** Parses `( params )` starting at rest[0] === '('. */
function parseParams(rest: readonly PPToken[], diags: DiagnosticBag): { params: string[]; variadic: boolean; consumed: number } | undefined {
  const params: string[] = [];
  let i = 1;
  if (isPunct(rest[i], ')')) return { params, variadic: false, consumed: 2 };
  for (;;) {
    const t = rest[i];
    if (isPunct(t, '...')) {
      params.push('__VA_ARGS__');
      if (!isPunct(rest[i + 1], ')')) return paramError(rest[i + 1] ?? t, 'missing \')\' in macro parameter list', diags);
      return { params, variadic: true, consumed: i + 2 };
    }
    if (t === undefined || t.kind !== 'identifier') return paramError(t ?? rest[i - 1], 'expected parameter name, found ' + describe(t), diags);
    if (t.text === '__VA_ARGS__') return paramError(t, '__VA_ARGS__ can not be used as a parameter name', diags);
    if (params.includes(t.text)) return paramError(t, `duplicate macro parameter "${t.text}"`, diags);
    params.push(t.text);
    const sep = rest[i + 1];
    if (isPunct(sep, '...') && isPunct(rest[i + 2], ')')) return { params, variadic: true, consumed: i + 3 }; // GNU `args...`
    if (isPunct(sep, ')')) return { params, variadic: false, consumed: i + 2 };
    if (!isPunct(sep, ',')) return paramError(sep ?? t, 'expected \',\' or \')\', found ' + describe(sep), diags);
    i += 2;
  }
}

function describe(t: PPToken | undefined): string {
  return t === undefined ? 'end of line' : `"${t.text}"`;
}

function paramError(at: PPToken, msg: string, diags: DiagnosticBag): undefined {
  diags.error(at.loc, msg);
  return undefined;
}

/** 6.10.3.2p1, 6.10.3.3p1, 6.10.3p5: # needs a parameter, ## not at either end, __VA_ARGS__ only if variadic. */
function checkBody(m: Macro, diags: DiagnosticBag): boolean {
  const b = m.body;
  if (b.length > 0 && (isPunct(b[0], '##') || isPunct(b[b.length - 1], '##'))) {
    diags.error(isPunct(b[0], '##') ? b[0].loc : b[b.length - 1].loc, "'##' cannot appear at either end of a macro expansion");
    return false;
  }
  for (let i = 0; i < b.length; i++) {
    const t = b[i];
    if (m.kind === 'function' && isPunct(t, '#')) {
      const n = b[i + 1];
      const ok = n !== undefined && n.kind === 'identifier' && (m.params.includes(n.text) || (m.variadic && n.text === '__VA_OPT__'));
      if (!ok) {
        diags.error(t.loc, "'#' is not followed by a macro parameter");
        return false;
      }
    }
    if (t.kind === 'identifier' && (t.text === '__VA_ARGS__' || t.text === '__VA_OPT__') && !(m.variadic && m.params.at(-1) === '__VA_ARGS__')) {
      diags.warning(t.loc, `${t.text} can only appear in the expansion of a C99 variadic macro`);
    }
  }
  return true;
}
