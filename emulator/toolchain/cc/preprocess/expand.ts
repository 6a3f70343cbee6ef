// Macro expansion with Prosser's hide-set algorithm (the model behind C11
// 6.10.3.4): a token whose hide set holds its own name is never expanded again.
// The expander pulls from a token source (the directive layer, or a list for
// argument pre-expansion), pushes replacements back in front, and rescans them.

import type { DiagnosticBag } from '../../asm/diagnostics.ts';
import { collectArgs, stringize } from './macro-args.ts';
import type { Macro, MacroTable } from './macro-table.ts';
import { pasteTokens } from './paste.ts';
import { type HideSet, hideSetAdd, hideSetIntersect, hideSetUnion, newToken, type PPToken, respell, retoken } from './pp-token.ts';
import type { ExpansionSite } from './token.ts';
import { diagnosticLocation } from './token.ts';

/** Where unexpanded tokens come from; returns 'eof' tokens at the end (an include's end, too). */
export interface TokenSource {
  next(): PPToken;
  /** Counts directives carried out so far (the file source only): one between a macro name and `(` stops the call, as in GCC. */
  readonly directiveSerial?: number;
}

/** Hooks for the operators that need the preprocessor's state. */
export interface ExpandHooks {
  /** `_Pragma("text")` seen at `loc`; returns the tokens to put in its place (maybe none). */
  pragma(text: string, at: PPToken): PPToken[];
  /** `__has_include` in #if: true if the header would be found. */
  hasInclude(name: string, quoted: boolean, at: PPToken): boolean;
}

/** The empty token a ## with an empty argument works on (6.10.3.3p2); removed before rescanning. */
const PLACEMARKER: PPToken = newToken('other', '', { file: '', line: 0, column: 0 }, false, false);

/** Hard cap on macro expansions between two output tokens, so a pathological input cannot hang us. */
const MAX_STEPS = 1_000_000;

/** Returns a list source over `toks`, followed by an endless 'eof'. */
export function listSource(toks: readonly PPToken[]): TokenSource {
  let i = 0;
  const eof = newToken('eof', '', toks.at(-1)?.loc ?? PLACEMARKER.loc, false, true);
  return { next: () => (i < toks.length ? toks[i++] : eof) };
}

export class Expander {
  /** Tokens pushed back in front of the source, top of stack = next token. */
  private readonly front: PPToken[] = [];
  private pendingSpace = false;
  private pendingLineStart = false;

  private steps = 0;

  constructor(
    private readonly source: TokenSource,
    private readonly macros: MacroTable,
    private readonly diags: DiagnosticBag,
    private readonly hooks: ExpandHooks,
    /** True while evaluating #if/#elif: `defined` and `__has_include` are operators. */
    private readonly inIf = false,
  ) {}

  /** Returns the next fully expanded token ('eof' passes through). */
  next(): PPToken {
    this.steps = 0;
    for (;;) {
      const t = this.take();
      const out = t.kind === 'identifier' ? this.tryExpand(t) : t;
      if (out === undefined) continue;
      return out.kind === 'eof' ? out : this.withPending(out);
    }
  }

  /** Returns every expanded token up to the first 'eof' (not included). */
  expandAll(): PPToken[] {
    const out: PPToken[] = [];
    for (let t = this.next(); t.kind !== 'eof'; t = this.next()) out.push(t);
    return out;
  }

  take(): PPToken {
    return this.front.pop() ?? this.source.next();
  }

  private peek(): PPToken {
    const t = this.take();
    this.front.push(t);
    return t;
  }

  private pushFront(toks: readonly PPToken[]): void {
    for (let i = toks.length - 1; i >= 0; i--) this.front.push(toks[i]);
  }

  private withPending(t: PPToken): PPToken {
    if (!this.pendingSpace && !this.pendingLineStart) return t;
    // Space left by an empty expansion at the end of the previous line does not carry over.
    const space = t.hasSpaceBefore || (this.pendingSpace && !t.atLineStart);
    const out = retoken(t, space, t.atLineStart || this.pendingLineStart, t.expansion, t.hideSet);
    this.pendingSpace = this.pendingLineStart = false;
    return out;
  }

  /** Expands `t` if it names a macro (pushing the result back); returns the token to emit otherwise. */
  private tryExpand(t: PPToken): PPToken | undefined {
    if (this.inIf && t.text === 'defined') return this.definedOperator(t);
    if (this.inIf && t.text === '__has_include') return this.hasIncludeOperator(t);
    if (t.text === '_Pragma') return this.pragmaOperator(t);
    const m = this.macros.get(t.text);
    if (m === undefined || t.hideSet?.has(t.text) === true) return t;
    if (++this.steps > MAX_STEPS) {
      // An exponential macro "bomb" that expands to nothing: give up on what it left behind.
      this.diags.error(diagnosticLocation(t), `macro expansion of "${t.text}" is too large`);
      this.front.length = 0;
      this.steps = 0;
      return undefined;
    }
    if (m.kind === 'builtin') return this.emitExpansion(t, (m.expand?.(t) ?? []).map((x) => retoken(x, x.hasSpaceBefore, false, site(t), undefined)));
    if (m.kind === 'object') return this.emitExpansion(t, this.subst(m, [], t, hideSetAdd(t.hideSet, m.name)));
    const serial = this.source.directiveSerial;
    const paren = this.peek();
    if (paren.kind !== 'punct' || paren.text !== '(' || this.source.directiveSerial !== serial) return t;
    this.take();
    const inv = collectArgs(m, t, this, this.diags);
    if (inv === undefined) return undefined;
    const hs = hideSetAdd(hideSetIntersect(t.hideSet, inv.rparen.hideSet), m.name);
    return this.emitExpansion(t, this.subst(m, inv.args, t, hs, inv.vaOmitted));
  }

  /** Pushes a replacement in front; the first token inherits the name's spacing. Returns undefined (keep reading). */
  private emitExpansion(nameTok: PPToken, toks: PPToken[]): undefined {
    if (toks.length === 0) {
      this.pendingSpace ||= nameTok.hasSpaceBefore;
      this.pendingLineStart ||= nameTok.atLineStart;
      return undefined;
    }
    const first = toks[0];
    toks[0] = retoken(first, nameTok.hasSpaceBefore, nameTok.atLineStart, first.expansion, first.hideSet);
    this.pushFront(toks);
    return undefined;
  }

  /** The replacement list with arguments substituted, # and ## applied, and `hs` added to every hide set. */
  private subst(m: Macro, args: PPToken[][], nameTok: PPToken, hs: HideSet, vaOmitted = false): PPToken[] {
    const where = site(nameTok);
    const expanded: (PPToken[] | undefined)[] = [];
    const vaIndex = args.length - 1;
    const body = m.variadic && hasVaOpt(m) ? applyVaOpt(m, (expanded[vaIndex] ??= this.expandArg(args[vaIndex])).length > 0) : m.body;
    const out = new SubstOutput(hs, where, (l, r) => this.glue(l, r, where));
    for (let i = 0; i < body.length; i++) {
      const t = body[i];
      const pi = m.kind === 'function' && t.kind === 'identifier' ? m.params.indexOf(t.text) : -1;
      if (t === VA_OPT_EMPTY) out.append(PLACEMARKER);
      else if (m.variadic && isPunct(t, '#') && isVaOpt(body[i + 1]) && isPunct(body[i + 2], '(')) {
        // C23 #__VA_OPT__(content): the substituted content, stringized ("" when absent).
        const j = closingParen(body, i + 2);
        const present = (expanded[vaIndex] ??= this.expandArg(args[vaIndex])).length > 0;
        const inner = present ? this.subst({ ...m, body: body.slice(i + 3, j) }, args, nameTok, hs, vaOmitted) : [];
        out.append(newToken('string', stringize(inner), t.loc, t.hasSpaceBefore, false, ''));
        i = j;
      } else if (m.kind === 'function' && isPunct(t, '#') && paramIndex(m, body[i + 1]) >= 0) {
        const arg = args[paramIndex(m, body[i + 1])];
        out.append(newToken('string', stringize(arg), t.loc, t.hasSpaceBefore, false, ''));
        i++;
      } else if (isPunct(t, '##') && i > 0 && i < body.length - 1) out.paste = true;
      else if (pi >= 0) {
        const nextIsPaste = isPunct(body[i + 1], '##');
        const raw = args[pi];
        if (!nextIsPaste && out.paste && m.variadic && pi === m.params.length - 1 && out.lastIsComma()) {
          // GNU `, ## __VA_ARGS__`: the comma goes when the variadic arguments were omitted, and is never pasted.
          out.paste = false;
          if (vaOmitted) out.dropLast();
          out.appendArg(raw, raw[0]?.hasSpaceBefore ?? false);
          continue;
        }
        const seq = out.paste || nextIsPaste ? raw : (expanded[pi] ??= this.expandArg(raw));
        if (seq.length === 0) out.append(PLACEMARKER);
        else out.appendArg(seq, t.hasSpaceBefore);
      } else out.append(t);
    }
    return out.finish();
  }

  /** Fully macro-expands one argument on its own (6.10.3.1). */
  private expandArg(arg: PPToken[]): PPToken[] {
    if (!arg.some((t) => t.kind === 'identifier' && this.mayExpand(t.text))) return arg;
    return new Expander(listSource(arg), this.macros, this.diags, this.hooks, this.inIf).expandAll();
  }

  /** True if an identifier could change in expansion (a macro, or an operator like `defined`). */
  private mayExpand(name: string): boolean {
    return this.macros.has(name) || name === '_Pragma' || (this.inIf && (name === 'defined' || name === '__has_include'));
  }

  /** Returns the pasted token, or undefined after reporting an invalid paste. */
  private glue(left: PPToken, right: PPToken, where: ExpansionSite): PPToken | undefined {
    if (left === PLACEMARKER) return right;
    if (right === PLACEMARKER) return left;
    const r = pasteTokens(left, right);
    if (r !== undefined) return retoken(r, r.hasSpaceBefore, false, where, hideSetIntersect(left.hideSet, right.hideSet));
    const at = diagnosticLocation(retoken(left, false, false, where, undefined)); // the invocation in the file
    this.diags.error(at, `pasting "${left.text}" and "${right.text}" does not give a valid preprocessing token (in expansion of macro "${where.macro}")`);
    return undefined;
  }

  /** `defined X` / `defined ( X )` in #if: a pp-number 1 or 0, operand not expanded. */
  private definedOperator(t: PPToken): PPToken {
    let name = this.take();
    const paren = isPunct(name, '(');
    if (paren) name = this.take();
    if (name.kind !== 'identifier') {
      this.diags.error(diagnosticLocation(t), 'operator "defined" requires an identifier');
      if (name.kind === 'eof') this.front.push(name);
      return respell(t, 'number', '0');
    }
    if (paren) {
      const close = this.take();
      if (!isPunct(close, ')')) {
        this.diags.error(diagnosticLocation(t), 'missing \')\' after "defined"');
        this.front.push(close);
      }
    }
    return respell(t, 'number', this.macros.has(name.text) ? '1' : '0');
  }

  /** `__has_include ( "file" )` or `__has_include ( <file> )` in #if. */
  private hasIncludeOperator(t: PPToken): PPToken {
    const toks: PPToken[] = [];
    let ok = isPunct(this.take(), '(');
    for (let x = this.take(); ok && !isPunct(x, ')'); x = this.take()) {
      if (x.kind === 'eof') {
        this.front.push(x);
        ok = false;
      } else toks.push(x);
    }
    const header = ok ? headerFromTokens(toks) : undefined;
    if (header === undefined) {
      this.diags.error(diagnosticLocation(t), 'operator "__has_include" requires a header-name');
      return respell(t, 'number', '0');
    }
    return respell(t, 'number', this.hooks.hasInclude(header.name, header.quoted, t) ? '1' : '0');
  }

  /** `_Pragma ( string-literal )` (6.10.9): destringized and handed to the pragma hook. */
  private pragmaOperator(t: PPToken): PPToken | undefined {
    const open = this.peek();
    if (!isPunct(open, '(')) return t;
    this.take();
    const str = this.take();
    const close = str.kind === 'string' ? this.take() : str;
    if (str.kind !== 'string' || !isPunct(close, ')')) {
      this.diags.error(diagnosticLocation(t), '_Pragma takes a parenthesized string literal');
      if (close.kind === 'eof') this.front.push(close);
      return undefined;
    }
    const text = str.text.slice(str.text.indexOf('"') + 1, -1).replace(/\\(["\\])/g, '$1');
    this.pushFront(this.hooks.pragma(text, t));
    return undefined;
  }
}

/** Returns the expansion site record for a macro name token. */
function site(nameTok: PPToken): ExpansionSite {
  return nameTok.expansion === undefined
    ? { macro: nameTok.text, loc: nameTok.loc }
    : { macro: nameTok.text, loc: nameTok.loc, parent: nameTok.expansion };
}

/**
 * The replacement list being built by subst(): applies pending ## pastes and
 * adds the invocation's hide set to every token as it goes in (Prosser's hsadd).
 */
class SubstOutput {
  private readonly out: PPToken[] = [];
  private readonly unions = new Map<HideSet, HideSet>();
  /** The previous token was `##`: the next one is pasted onto the last. */
  paste = false;

  constructor(
    private readonly hs: HideSet,
    private readonly where: ExpansionSite,
    private readonly glue: (left: PPToken, right: PPToken) => PPToken | undefined,
  ) {}

  /** A body token (or stringized / placemarker): gets the expansion site. */
  append(t: PPToken): void {
    const tok = t === PLACEMARKER ? t : retoken(t, t.hasSpaceBefore, false, this.where, this.hs);
    this.push(tok);
  }

  /** Tokens of an argument: keep their own locations and sites; the first takes the parameter's spacing. */
  appendArg(seq: readonly PPToken[], firstSpace: boolean): void {
    for (let i = 0; i < seq.length; i++) {
      const t = seq[i];
      const space = i === 0 ? firstSpace : t.hasSpaceBefore || t.atLineStart; // the line break becomes a space
      const hs = this.union(t.hideSet);
      this.push(space === t.hasSpaceBefore && !t.atLineStart && hs === t.hideSet ? t : retoken(t, space, false, t.expansion, hs));
    }
  }

  lastIsComma(): boolean {
    return isPunct(this.out.at(-1), ',');
  }

  dropLast(): void {
    this.out.pop();
  }

  /** Returns the list without placemarkers. */
  finish(): PPToken[] {
    return this.out.includes(PLACEMARKER) ? this.out.filter((t) => t !== PLACEMARKER) : this.out;
  }

  private push(t: PPToken): void {
    if (this.paste && this.out.length > 0) {
      const left = this.out.pop() as PPToken;
      const r = this.glue(left, t);
      if (r === undefined) this.out.push(left, t); // invalid paste: both tokens stay (as GCC does)
      else this.out.push(r === PLACEMARKER || r.hideSet === this.hs ? r : retoken(r, r.hasSpaceBefore, false, r.expansion, this.union(r.hideSet)));
    } else this.out.push(t);
    this.paste = false;
  }

  private union(h: HideSet): HideSet {
    let u = this.unions.get(h);
    if (u === undefined) this.unions.set(h, (u = hideSetUnion(h, this.hs)));
    return u;
  }
}

function isPunct(t: PPToken | undefined, text: string): boolean {
  return t !== undefined && t.kind === 'punct' && t.text === text;
}

function paramIndex(m: Macro, t: PPToken | undefined): number {
  return t !== undefined && t.kind === 'identifier' ? m.params.indexOf(t.text) : -1;
}

/** Marks a `__VA_OPT__(...)` that vanished (a placemarker in the body). */
const VA_OPT_EMPTY: PPToken = newToken('other', '', PLACEMARKER.loc, false, false);

function isVaOpt(t: PPToken | undefined): boolean {
  return t !== undefined && t.kind === 'identifier' && t.text === '__VA_OPT__';
}

function hasVaOpt(m: Macro): boolean {
  return m.body.some(isVaOpt);
}

/** Returns the index of the `)` closing the `(` at body[open] (body.length if unbalanced). */
function closingParen(body: readonly PPToken[], open: number): number {
  let depth = 0;
  for (let j = open; j < body.length; j++) {
    if (isPunct(body[j], '(')) depth++;
    else if (isPunct(body[j], ')') && --depth === 0) return j;
  }
  return body.length;
}

/**
 * C23 __VA_OPT__(content): the content when the variable arguments expand to
 * at least one token (`present`; as GCC, after macro expansion), else a
 * placemarker. `#__VA_OPT__(...)` is left for subst() to stringize.
 */
function applyVaOpt(m: Macro, present: boolean): readonly PPToken[] {
  const body = m.body;
  const out: PPToken[] = [];
  for (let i = 0; i < body.length; i++) {
    const t = body[i];
    if (t.kind !== 'identifier' || t.text !== '__VA_OPT__' || !isPunct(body[i + 1], '(') || isPunct(body[i - 1], '#')) {
      out.push(t);
      continue;
    }
    const j = closingParen(body, i + 1);
    const inner = body.slice(i + 2, j);
    if (present && inner.length > 0) out.push(retoken(inner[0], t.hasSpaceBefore, false, undefined, undefined), ...inner.slice(1));
    else out.push(VA_OPT_EMPTY);
    i = j;
  }
  return out;
}

/** Returns the header name spelled by `"x"` or `< tokens >` (as in #include and __has_include), or undefined. */
export function headerFromTokens(toks: readonly PPToken[]): { name: string; quoted: boolean } | undefined {
  if (toks.length === 1 && toks[0].kind === 'string' && toks[0].prefix === '') return { name: toks[0].text.slice(1, -1), quoted: true };
  if (toks.length < 2 || !isPunct(toks[0], '<') || !isPunct(toks.at(-1), '>')) return undefined;
  let name = '';
  toks.slice(1, -1).forEach((t, i) => {
    if (i > 0 && t.hasSpaceBefore) name += ' ';
    name += t.spelling ?? t.text;
  });
  return { name, quoted: false };
}
