// -O1 conditions: genBranch jumps on the truth of an expression without
// materializing 0/1 — integer comparisons become one compare-and-branch
// (blt/bgeu/beq... against x0 for zero), `!`, `&&` and `||` become jumps,
// constant conditions an unconditional jump or nothing.

import type { BinaryOp, Expr } from '../ast.ts';
import type { CType } from '../types.ts';
import type { FnContext } from './context.ts';
import { genTruth } from './gen-expr.ts';
import { genOperands, regVar } from './gen-operands.ts';
import { isByAddress, isFlo } from './load-store.ts';

const NEGATED: Record<string, BinaryOp> = { eq: 'ne', ne: 'eq', lt: 'ge', ge: 'lt', gt: 'le', le: 'gt' };
const isIntLike = (t: CType): boolean => !isFlo(t) && t.kind !== 'ldouble' && !isByAddress(t) && t.kind !== 'void';

/** Emits a jump to `label` taken exactly when the truth of `e` equals `when`. */
export function genBranch(ctx: FnContext, e: Expr, label: string, when: boolean): void {
  switch (e.kind) {
    case 'int': if ((e.value !== 0n) === when) ctx.emit(`j ${label}`); return;
    case 'not': genBranch(ctx, e.operand, label, !when); return;
    case 'logand': case 'logor': {
      if ((e.kind === 'logand') !== when) {
        genBranch(ctx, e.lhs, label, when);
        genBranch(ctx, e.rhs, label, when);
        return;
      }
      const skip = ctx.newLabel('skip');
      genBranch(ctx, e.lhs, skip, !when);
      genBranch(ctx, e.rhs, label, when);
      ctx.label(skip);
      return;
    }
    case 'binary':
      if (e.op in NEGATED && isIntLike(e.lhs.type)) { compareBranch(ctx, e.op, e.lhs, e.rhs, label, when); return; }
      break;
    case 'cast':
      // Widening integer conversions keep the truth value.
      if (isIntLike(e.type) && isIntLike(e.operand.type) && e.type.size >= e.operand.type.size) { genBranch(ctx, e.operand, label, when); return; }
      break;
    case 'var': {
      const reg = regVar(ctx, e);
      if (reg !== undefined && isIntLike(e.type)) { ctx.emit(`${when ? 'bnez' : 'beqz'} ${reg}, ${label}`); return; }
      break;
    }
    default: break;
  }
  genTruth(ctx, e);
  ctx.emit(`${when ? 'bnez' : 'beqz'} a0, ${label}`);
}

function compareBranch(ctx: FnContext, op: BinaryOp, lhs: Expr, rhs: Expr, label: string, when: boolean): void {
  const t = lhs.type;
  const u = t.unsigned || t.kind === 'ptr' ? 'u' : '';
  const cond = when ? op : NEGATED[op];
  const { l, r } = genOperands(ctx, lhs, rhs, t);
  switch (cond) {
    case 'eq': ctx.emit(`beq ${l}, ${r}, ${label}`); return;
    case 'ne': ctx.emit(`bne ${l}, ${r}, ${label}`); return;
    case 'lt': ctx.emit(`blt${u} ${l}, ${r}, ${label}`); return;
    case 'ge': ctx.emit(`bge${u} ${l}, ${r}, ${label}`); return;
    case 'gt': ctx.emit(`blt${u} ${r}, ${l}, ${label}`); return;
    default: ctx.emit(`bge${u} ${r}, ${l}, ${label}`); return;
  }
}
