// -O1 constant folding over a function body: integer arithmetic with the
// target's wrap-around (and RISC-V shift-amount masking), exact floating
// arithmetic and conversions, `!`/`&&`/`||`/`?:` on constants, and identities
// (x+0, x*1, x*0 without side effects). Returns new nodes; the input is not changed.

import type { Expr, InitStore, Stmt } from '../ast.ts';
import { isInteger, type CType } from '../types.ts';
import { stmtChildren } from './ast-walk.ts';
import { foldBinaryConst, isPure, wrapInt } from './fold-const.ts';

/** Returns `s` with every expression folded. */
export function foldStmt(s: Stmt): Stmt {
  const { exprs, stmts } = stmtChildren(s);
  if (exprs.length === 0 && stmts.length === 0 && s.kind !== 'decl') return s;
  switch (s.kind) {
    case 'block': return { ...s, body: s.body.map(foldStmt) };
    case 'expr': return { ...s, expr: discarded(foldExpr(s.expr)) };
    case 'decl': return { ...s, stores: foldStores(s.stores) };
    case 'if': return { ...s, cond: foldExpr(s.cond), then: foldStmt(s.then), else: s.else && foldStmt(s.else) };
    case 'while': case 'do': return { ...s, cond: foldExpr(s.cond), body: foldStmt(s.body) };
    case 'for': return { ...s, init: s.init && foldStmt(s.init), cond: s.cond && foldExpr(s.cond), step: s.step && discarded(foldExpr(s.step)), body: foldStmt(s.body) };
    case 'switch': return { ...s, cond: foldExpr(s.cond), body: foldStmt(s.body) };
    case 'case': case 'label': return { ...s, body: foldStmt(s.body) };
    case 'return': return { ...s, value: s.value && foldExpr(s.value) };
    case 'goto_indirect': return { ...s, target: foldExpr(s.target) };
    case 'asm': return { ...s, outputs: s.outputs.map((o) => ({ ...o, expr: foldExpr(o.expr) })), inputs: s.inputs.map((o) => ({ ...o, expr: foldExpr(o.expr) })) };
    default: return s;
  }
}

/** An expression whose value is unused: `x++` becomes `++x` (no copy of the old value). */
function discarded(e: Expr): Expr {
  if (e.kind === 'postinc') return { ...e, kind: 'preinc' };
  if (e.kind === 'comma') return { ...e, lhs: discarded(e.lhs), rhs: discarded(e.rhs) };
  return e;
}

const foldStores = (stores: InitStore[]): InitStore[] => stores.map((x) => ({ ...x, value: foldExpr(x.value) }));

/** Returns `e` with its children folded, then itself folded when constant. */
export function foldExpr(e: Expr): Expr {
  return foldNode(withFoldedChildren(e));
}

function withFoldedChildren(e: Expr): Expr {
  switch (e.kind) {
    case 'neg': case 'bitnot': case 'not': case 'addr': case 'deref': case 'member': case 'cast': case 'preinc': case 'postinc':
      return { ...e, operand: foldExpr(e.operand) };
    case 'binary': case 'logand': case 'logor': case 'assign': case 'compound': case 'comma':
      return { ...e, lhs: foldExpr(e.lhs), rhs: foldExpr(e.rhs) };
    case 'cond': return { ...e, cond: foldExpr(e.cond), then: foldExpr(e.then), else: foldExpr(e.else) };
    case 'call': return { ...e, callee: foldExpr(e.callee), args: e.args.map(foldExpr) };
    case 'va_start': case 'va_arg': case 'va_end': return { ...e, ap: foldExpr(e.ap) };
    case 'va_copy': return { ...e, dst: foldExpr(e.dst), src: foldExpr(e.src) };
    case 'compound_literal': return { ...e, stores: foldStores(e.stores) };
    case 'stmt_expr': return { ...e, body: e.body.map(foldStmt) };
    case 'alloca': return { ...e, size: foldExpr(e.size) };
    case 'stack_restore': return { ...e, value: foldExpr(e.value) };
    default: return e;
  }
}

const intNode = (e: Expr, value: bigint, type: CType = e.type): Expr => ({ kind: 'int', type, loc: e.loc, value: wrapInt(value, type) });
const isIntType = (t: CType): boolean => (isInteger(t) || t.kind === 'ptr') && t.size <= 8;
const isFloatType = (t: CType): boolean => t.kind === 'float' || t.kind === 'double';

function foldNode(e: Expr): Expr {
  switch (e.kind) {
    case 'cast': return foldCast(e);
    case 'neg':
      if (e.operand.kind === 'int' && isIntType(e.type) && e.type.size >= 4) return intNode(e, -e.operand.value);
      if (e.operand.kind === 'float' && !Number.isNaN(e.operand.value)) return { ...e.operand, type: e.type, loc: e.loc, value: -e.operand.value };
      return e;
    case 'bitnot': return e.operand.kind === 'int' && isIntType(e.type) && e.type.size >= 4 ? intNode(e, ~e.operand.value) : e;
    case 'not':
      if (e.operand.kind === 'int') return intNode(e, e.operand.value === 0n ? 1n : 0n);
      if (e.operand.kind === 'float' && !Number.isNaN(e.operand.value)) return intNode(e, e.operand.value === 0 ? 1n : 0n);
      return e;
    case 'binary': return foldBinaryConst(e) ?? foldIdentity(e);
    case 'logand': case 'logor': {
      if (e.lhs.kind !== 'int') return e;
      const lhsTrue = e.lhs.value !== 0n;
      if (e.kind === 'logand' && !lhsTrue) return intNode(e, 0n);
      if (e.kind === 'logor' && lhsTrue) return intNode(e, 1n);
      return e.rhs.kind === 'int' ? intNode(e, e.rhs.value !== 0n ? 1n : 0n) : e;
    }
    case 'cond': return e.cond.kind === 'int' ? (e.cond.value !== 0n ? e.then : e.else) : e;
    default: return e;
  }
}

function foldCast(e: Extract<Expr, { kind: 'cast' }>): Expr {
  const op = e.operand;
  const to = e.type;
  if (op.kind === 'int' && isIntType(to) && isIntType(op.type)) return intNode(e, to.kind === 'bool' ? (op.value !== 0n ? 1n : 0n) : op.value);
  if (op.kind === 'int' && isFloatType(to) && isIntType(op.type) && op.value >= -(2n ** 53n) && op.value <= 2n ** 53n) {
    const v = Number(op.value);
    return { kind: 'float', type: to, loc: e.loc, value: to.kind === 'float' ? Math.fround(v) : v };
  }
  if (op.kind === 'float' && isFloatType(op.type) && isFloatType(to)) return { kind: 'float', type: to, loc: e.loc, value: to.kind === 'float' ? Math.fround(op.value) : op.value };
  if (op.kind === 'float' && isIntType(to) && Number.isFinite(op.value)) {
    if (to.kind === 'bool') return intNode(e, op.value !== 0 ? 1n : 0n);
    const v = BigInt(Math.trunc(op.value));
    if (wrapInt(v, to) === v) return intNode(e, v);
  }
  return e;
}

/** x+0, x-0, x|0, x^0, x<<0, x>>0, x*1, x/1 -> x; x*0, x&0 -> 0 for side-effect-free x (integers). */
function foldIdentity(e: Extract<Expr, { kind: 'binary' }>): Expr {
  if (!isIntType(e.type) || e.type.size < 4 || e.op === 'eq' || e.op === 'ne' || e.op === 'lt' || e.op === 'le' || e.op === 'gt' || e.op === 'ge') return e;
  const same = (x: Expr): boolean => x.type.kind === e.type.kind && x.type.size === e.type.size && x.type.unsigned === e.type.unsigned;
  const { lhs, rhs } = e;
  if (rhs.kind === 'int' && same(lhs)) {
    if (rhs.value === 0n && ['add', 'sub', 'bitor', 'bitxor', 'shl', 'shr'].includes(e.op)) return lhs;
    if (rhs.value === 1n && (e.op === 'mul' || e.op === 'div')) return lhs;
    if (rhs.value === 0n && (e.op === 'mul' || e.op === 'bitand') && isPure(lhs)) return intNode(e, 0n);
  }
  if (lhs.kind === 'int' && same(rhs)) {
    if (lhs.value === 0n && ['add', 'bitor', 'bitxor'].includes(e.op)) return rhs;
    if (lhs.value === 1n && e.op === 'mul') return rhs;
    if (lhs.value === 0n && (e.op === 'mul' || e.op === 'bitand') && isPure(rhs)) return intNode(e, 0n);
  }
  return e;
}
