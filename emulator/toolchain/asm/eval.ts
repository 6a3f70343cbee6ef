// Evaluation of expression trees to a constant, a symbol plus addend, or a
// difference of two symbols (for ADD/SUB relocation pairs). Differences of
// labels in one section fold to constants once their offsets are known.

import type { SymbolInfo } from './asm-state.ts';
import { AsmError } from './diagnostics.ts';
import type { Expr } from './expr.ts';

export type Value =
  | { kind: 'const'; value: bigint }
  | { kind: 'sym'; sym: SymbolInfo; addend: bigint }
  | { kind: 'diff'; plus: SymbolInfo; minus: SymbolInfo; addend: bigint };

export interface EvalContext {
  /** The symbol called `name` (created as undefined on first reference). */
  symbol(name: string, expr: Expr): SymbolInfo;
  /** The section offset of a label, when layout has placed it; undefined before layout. */
  offsetOf(sym: SymbolInfo): number | undefined;
}

const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);
const MAX_DEPTH = 4000;

/** Returns the value of `expr`; throws AsmError for an operation the value kinds do not allow. */
export function evaluate(expr: Expr, ctx: EvalContext): Value {
  return evalNode(expr, ctx, 0, new Set());
}

function evalNode(expr: Expr, ctx: EvalContext, depth: number, active: Set<SymbolInfo>): Value {
  if (depth > MAX_DEPTH) throw new AsmError('expression is too deeply nested', expr.loc);
  const sub = (e: Expr): Value => evalNode(e, ctx, depth + 1, active);
  switch (expr.kind) {
    case 'num': return { kind: 'const', value: wrap(expr.value) };
    case 'sym': return symbolValue(ctx.symbol(expr.name, expr), expr, ctx, depth, active);
    case 'unary': return unary(expr.op, sub(expr.arg), expr);
    case 'binary': return binary(expr, sub(expr.left), sub(expr.right), ctx);
    case 'modifier': throw new AsmError(`%${expr.modifier} is not allowed here`, expr.loc);
    case 'dot':
    case 'local': throw new AsmError('internal error: unresolved location reference', expr.loc);
  }
}

/** Returns the constant value of `expr`, or throws AsmError naming `what` when it is not constant. */
export function evaluateConstant(expr: Expr, ctx: EvalContext, what = 'expression'): bigint {
  const v = evaluate(expr, ctx);
  if (v.kind !== 'const') throw new AsmError(`${what} must be a constant`, expr.loc);
  return v.value;
}

function symbolValue(sym: SymbolInfo, ref: Expr, ctx: EvalContext, depth: number, active: Set<SymbolInfo>): Value {
  if (sym.def?.kind !== 'equ') return { kind: 'sym', sym, addend: 0n };
  if (active.has(sym)) throw new AsmError(`symbol '${sym.name}' is defined in terms of itself (circular)`, ref.loc);
  active.add(sym);
  try {
    return evalNode(sym.def.expr, ctx, depth + 1, active);
  } finally {
    active.delete(sym);
  }
}

function unary(op: string, v: Value, expr: Expr): Value {
  if (v.kind !== 'const') throw new AsmError(`operator '${op}' needs a constant operand`, expr.loc);
  if (op === '-') return { kind: 'const', value: wrap(-v.value) };
  if (op === '~') return { kind: 'const', value: wrap(~v.value) };
  return { kind: 'const', value: v.value === 0n ? 1n : 0n };
}

function sameSectionDiff(a: SymbolInfo, b: SymbolInfo, ctx: EvalContext): bigint | undefined {
  if (a.def?.kind !== 'label' || b.def?.kind !== 'label' || a.def.section !== b.def.section) return undefined;
  const oa = ctx.offsetOf(a);
  const ob = ctx.offsetOf(b);
  return oa === undefined || ob === undefined ? undefined : BigInt(oa - ob);
}

function subtract(l: Value, r: Value, expr: Expr, ctx: EvalContext): Value {
  if (r.kind === 'const') {
    if (l.kind === 'const') return { kind: 'const', value: wrap(l.value - r.value) };
    return { ...l, addend: wrap(l.addend - r.value) };
  }
  if (l.kind === 'sym' && r.kind === 'sym') {
    const d = sameSectionDiff(l.sym, r.sym, ctx);
    const addend = wrap(l.addend - r.addend);
    if (d !== undefined) return { kind: 'const', value: wrap(d + addend) };
    return { kind: 'diff', plus: l.sym, minus: r.sym, addend };
  }
  throw new AsmError('cannot subtract these operands (expression too complex)', expr.loc);
}

function add(l: Value, r: Value, expr: Expr): Value {
  if (l.kind === 'const' && r.kind === 'const') return { kind: 'const', value: wrap(l.value + r.value) };
  if (r.kind === 'const' && l.kind !== 'const') return { ...l, addend: wrap(l.addend + r.value) };
  if (l.kind === 'const' && r.kind !== 'const') return { ...r, addend: wrap(r.addend + l.value) };
  throw new AsmError('cannot add two symbols (expression too complex)', expr.loc);
}

function binary(expr: Expr & { kind: 'binary' }, l: Value, r: Value, ctx: EvalContext): Value {
  if (expr.op === '+') return add(l, r, expr);
  if (expr.op === '-') return subtract(l, r, expr, ctx);
  if (l.kind !== 'const' || r.kind !== 'const') {
    throw new AsmError(`operator '${expr.op}' needs constant operands`, expr.loc);
  }
  return { kind: 'const', value: wrap(constBinary(expr.op, l.value, r.value, expr)) };
}

function constBinary(op: string, a: bigint, b: bigint, expr: Expr): bigint {
  const u = (v: bigint): bigint => BigInt.asUintN(64, v);
  const truth = (c: boolean): bigint => (c ? -1n : 0n);
  switch (op) {
    case '*': return a * b;
    case '/':
    case '%':
      if (b === 0n) throw new AsmError('division by zero', expr.loc);
      return op === '/' ? a / b : a % b;
    case '<<': return b >= 64n || b < 0n ? 0n : a << b;
    case '>>': return b >= 64n || b < 0n ? 0n : u(a) >> b;
    case '&': return a & b;
    case '|': return a | b;
    case '^': return a ^ b;
    case '!': return a | ~b;
    case '==': return truth(a === b);
    case '!=': return truth(a !== b);
    case '<': return truth(a < b);
    case '>': return truth(a > b);
    case '<=': return truth(a <= b);
    case '>=': return truth(a >= b);
    case '&&': return a !== 0n && b !== 0n ? 1n : 0n;
    case '||': return a !== 0n || b !== 0n ? 1n : 0n;
    default: throw new AsmError(`unknown operator '${op}'`, expr.loc);
  }
}
