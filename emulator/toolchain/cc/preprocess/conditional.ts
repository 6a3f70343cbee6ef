// The #if / #elif constant-expression evaluator (6.10.1) over already
// macro-expanded tokens (`defined` was replaced by 0/1 during expansion):
// remaining identifiers are 0, arithmetic is intmax_t/uintmax_t (64-bit).

import type { DiagnosticBag } from '../../asm/diagnostics.ts';
import { charConstantValue, type IfValue, parseIntConstant, wrap } from './if-value.ts';
import type { PPToken } from './pp-token.ts';
import { diagnosticLocation, type SourceLocation } from './token.ts';

class IfError extends Error {
  constructor(message: string, readonly loc: SourceLocation) {
    super(message);
  }
}

const BINARY_PREC: Record<string, number> = {
  '*': 10, '/': 10, '%': 10, '+': 9, '-': 9, '<<': 8, '>>': 8, '<': 7, '>': 7, '<=': 7, '>=': 7,
  '==': 6, '!=': 6, '&': 5, '^': 4, '|': 3, '&&': 2, '||': 1,
};

/**
 * Returns the truth of an #if expression. Reports an error and returns false
 * on a malformed expression; `directiveTok` locates "#if with no expression".
 */
export function evaluateIf(toks: readonly PPToken[], directiveTok: PPToken, diags: DiagnosticBag): boolean {
  if (toks.length === 0) {
    diags.error(directiveTok.loc, `#${directiveTok.text} with no expression`);
    return false;
  }
  const p = new IfParser(toks, directiveTok);
  try {
    const v = p.comma(true);
    if (p.pos < toks.length) p.fail(`missing binary operator before token "${toks[p.pos].text}"`, toks[p.pos]);
    return v.v !== 0n;
  } catch (e) {
    if (!(e instanceof IfError)) throw e;
    diags.error(e.loc, e.message);
    return false;
  }
}

class IfParser {
  pos = 0;
  constructor(private readonly toks: readonly PPToken[], private readonly dirTok: PPToken) {}

  fail(msg: string, at?: PPToken): never {
    throw new IfError(msg, at === undefined ? this.dirTok.loc : diagnosticLocation(at));
  }

  private peekOp(): string | undefined {
    const t = this.toks[this.pos];
    return t?.kind === 'punct' ? t.text : undefined;
  }

  // comma = cond ("," cond)*
  comma(ev: boolean): IfValue {
    let v = this.cond(ev);
    while (this.peekOp() === ',') {
      this.pos++;
      v = this.cond(ev);
    }
    return v;
  }

  // cond = binary(1) ("?" comma ":" cond)?
  private cond(ev: boolean): IfValue {
    const c = this.binary(1, ev);
    if (this.peekOp() !== '?') return c;
    this.pos++;
    const taken = c.v !== 0n;
    const a = this.comma(ev && taken);
    if (this.peekOp() !== ':') this.fail("'?' without following ':'", this.toks[this.pos]);
    this.pos++;
    const b = this.cond(ev && !taken);
    const u = a.u || b.u;
    return wrap(taken ? a.v : b.v, u);
  }

  // binary(p) = unary (op binary(p+1))*  for operators of precedence >= p
  private binary(minPrec: number, ev: boolean): IfValue {
    let left = this.unary(ev);
    for (;;) {
      const op = this.peekOp();
      const prec = op === undefined ? undefined : BINARY_PREC[op];
      if (op === undefined || prec === undefined || prec < minPrec) return left;
      const opTok = this.toks[this.pos++];
      const shortCircuit = (op === '&&' && left.v === 0n) || (op === '||' && left.v !== 0n);
      const right = this.binary(prec + 1, ev && !shortCircuit);
      left = this.apply(op, left, right, ev, opTok);
    }
  }

  private apply(op: string, a: IfValue, b: IfValue, ev: boolean, opTok: PPToken): IfValue {
    const u = a.u || b.u;
    const x = u ? BigInt.asUintN(64, a.v) : a.v;
    const y = u ? BigInt.asUintN(64, b.v) : b.v;
    const bool = (c: boolean): IfValue => ({ v: c ? 1n : 0n, u: false });
    switch (op) {
      case '*': return wrap(x * y, u);
      case '/':
      case '%':
        if (y === 0n) {
          if (ev) this.fail('division by zero in #if', opTok);
          return { v: 0n, u };
        }
        return wrap(op === '/' ? x / y : x % y, u);
      case '+': return wrap(x + y, u);
      case '-': return wrap(x - y, u);
      case '<<': return shift(a, b.v, true);
      case '>>': return shift(a, b.v, false);
      case '<': return bool(x < y);
      case '>': return bool(x > y);
      case '<=': return bool(x <= y);
      case '>=': return bool(x >= y);
      case '==': return bool(x === y);
      case '!=': return bool(x !== y);
      case '&': return wrap(x & y, u);
      case '^': return wrap(x ^ y, u);
      case '|': return wrap(x | y, u);
      case '&&': return bool(a.v !== 0n && b.v !== 0n);
      default: return bool(a.v !== 0n || b.v !== 0n); // '||'
    }
  }

  // unary = ("+" | "-" | "~" | "!") unary | primary
  private unary(ev: boolean): IfValue {
    const op = this.peekOp();
    if (op === '+' || op === '-' || op === '~' || op === '!') {
      this.pos++;
      const v = this.unary(ev);
      if (op === '+') return v;
      if (op === '-') return wrap(-v.v, v.u);
      if (op === '~') return wrap(~v.v, v.u);
      return { v: v.v === 0n ? 1n : 0n, u: false };
    }
    return this.primary(ev);
  }

  // primary = number | char | identifier | "(" comma ")"
  private primary(ev: boolean): IfValue {
    const t = this.toks[this.pos];
    if (t === undefined) this.fail('#if expression ends unexpectedly', this.toks.at(-1));
    this.pos++;
    if (t.kind === 'number') {
      const r = parseIntConstant(t.text);
      if (typeof r === 'string') this.fail(r, t);
      return r;
    }
    if (t.kind === 'char') return charConstantValue(t.text);
    if (t.kind === 'identifier') return { v: 0n, u: false };
    if (t.kind === 'punct' && t.text === '(') {
      if (this.peekOp() === ')') this.fail("missing expression between '(' and ')'", this.toks[this.pos]);
      const v = this.comma(ev);
      if (this.peekOp() !== ')') this.fail("missing ')' in expression", this.toks[this.pos] ?? t);
      this.pos++;
      return v;
    }
    if (t.kind === 'string') this.fail(`token "${t.text}" is not valid in preprocessor expressions`, t);
    return this.fail(`operator '${t.text}' has no left operand`, t);
  }
}

/** Shift as GCC does in #if: negative counts shift the other way, counts >= 64 give 0 (or -1). */
function shift(a: IfValue, count: bigint, left: boolean): IfValue {
  if (count < 0n) return shift(a, -count, !left);
  const x = a.u ? BigInt.asUintN(64, a.v) : a.v;
  if (count >= 64n) return { v: left || x >= 0n ? 0n : -1n, u: a.u };
  return wrap(left ? x << count : x >> count, a.u);
}
