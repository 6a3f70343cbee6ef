// Expression trees of GNU as operands and their parser: numbers, symbols, '.',
// local label references (1b/1f), unary - ~ !, binary operators with GNU as
// precedence, and relocation modifiers (%hi, %lo, %pcrel_hi, %pcrel_lo).

import type { SourceLocation } from './diagnostics.ts';
import type { TokenCursor } from './token-cursor.ts';
import { describe } from './token-cursor.ts';

/** 'call' is internal (the call/tail pseudo-instructions); source text cannot write %call. */
export type RelocModifier = 'hi' | 'lo' | 'pcrel_hi' | 'pcrel_lo' | 'call';
const MODIFIERS: readonly string[] = ['hi', 'lo', 'pcrel_hi', 'pcrel_lo'];

export type Expr =
  | { kind: 'num'; value: bigint; loc: SourceLocation }
  | { kind: 'sym'; name: string; loc: SourceLocation }
  | { kind: 'local'; label: bigint; direction: 'b' | 'f'; loc: SourceLocation }
  | { kind: 'dot'; loc: SourceLocation }
  | { kind: 'unary'; op: string; arg: Expr; loc: SourceLocation }
  | { kind: 'binary'; op: string; left: Expr; right: Expr; loc: SourceLocation }
  | { kind: 'modifier'; modifier: RelocModifier; arg: Expr; loc: SourceLocation };

/** Binding strength of binary operators, as in GNU as (higher binds tighter). */
const RANK: Record<string, number> = {
  '*': 5, '/': 5, '%': 5, '<<': 5, '>>': 5,
  '|': 4, '&': 4, '^': 4, '!': 4,
  '+': 3, '-': 3,
  '==': 2, '!=': 2, '<': 2, '>': 2, '<=': 2, '>=': 2,
  '&&': 1, '||': 0,
};

// expr = unary (binop unary)*    (precedence climbing over RANK)
/** Parses one expression at the cursor; throws AsmError on a syntax error. */
export function parseExpr(c: TokenCursor, minRank = 0): Expr {
  const start = c.peek();
  if (++c.depth > MAX_NESTING) throw c.error('expression is too deeply nested');
  try {
    const e = parseBinary(c, minRank);
    // Later stages walk trees recursively: bound the height of every outermost expression.
    if (c.depth === 1 && height(e) > MAX_NESTING) throw c.error('expression is too deeply nested', start);
    return e;
  } finally {
    c.depth--;
  }
}

/** Returns the height of an expression tree, without recursion. */
function height(root: Expr): number {
  let max = 0;
  const stack: [Expr, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [e, h] = stack.pop()!;
    max = Math.max(max, h);
    if (e.kind === 'binary') stack.push([e.left, h + 1], [e.right, h + 1]);
    else if (e.kind === 'unary' || e.kind === 'modifier') stack.push([e.arg, h + 1]);
  }
  return max;
}

const MAX_NESTING = 1000;

function parseBinary(c: TokenCursor, minRank: number): Expr {
  let left = parseUnary(c);
  for (;;) {
    const t = c.peek();
    const rank = t.kind === 'punct' ? RANK[t.text] : undefined;
    if (rank === undefined || rank < minRank) return left;
    c.take();
    const right = parseExpr(c, rank + 1);
    left = { kind: 'binary', op: t.text, left, right, loc: c.locOf(t) };
  }
}

// unary = ('-' | '+' | '~' | '!') unary | '%' modifier '(' expr ')' | primary
function parseUnary(c: TokenCursor): Expr {
  const t = c.peek();
  if (t.kind === 'punct' && ['-', '+', '~', '!'].includes(t.text)) {
    c.take();
    if (++c.depth > MAX_NESTING) throw c.error('expression is too deeply nested', t);
    const arg = parseUnary(c);
    c.depth--;
    return t.text === '+' ? arg : { kind: 'unary', op: t.text, arg, loc: c.locOf(t) };
  }
  if (t.kind === 'punct' && t.text === '%') return parseModifier(c);
  return parsePrimary(c);
}

function parseModifier(c: TokenCursor): Expr {
  const pct = c.take();
  const name = c.expectIdent('relocation modifier after %');
  if (!MODIFIERS.includes(name.text)) throw c.error(`unknown relocation modifier '%${name.text}'`, name);
  c.expect('(');
  const arg = parseExpr(c);
  c.expect(')');
  return { kind: 'modifier', modifier: name.text as RelocModifier, arg, loc: c.locOf(pct) };
}

// primary = number | symbol | localref | '.' | '(' expr ')'
function parsePrimary(c: TokenCursor): Expr {
  const t = c.peek();
  const loc = c.locOf(t);
  if (t.kind === 'number') {
    c.take();
    return { kind: 'num', value: t.value!, loc };
  }
  if (t.kind === 'localref') {
    c.take();
    return { kind: 'local', label: t.value!, direction: t.direction!, loc };
  }
  if (t.kind === 'ident') {
    c.take();
    return t.text === '.' ? { kind: 'dot', loc } : { kind: 'sym', name: t.text, loc };
  }
  if (c.accept('(')) {
    const inner = parseExpr(c);
    c.expect(')');
    return inner;
  }
  throw c.error(`expected an expression, found ${describe(t)}`, t);
}
