// -O1 calls whose arguments are all scalars travelling in registers and
// contain no call themselves: each argument is evaluated straight into its
// a/fa register (last argument first, so a0 is written last), with no stack
// traffic. Other calls keep the general path of gen-call.ts.

import type { Expr } from '../ast.ts';
import { isRecord } from '../types.ts';
import { walkExpr } from './ast-walk.ts';
import { planCall } from './call-abi.ts';
import type { FnContext } from './context.ts';
import { directCallee } from './gen-call.ts';
import { genExpr } from './gen-expr.ts';
import { regValue } from './gen-operands.ts';
import { isFlo } from './load-store.ts';

type CallExpr = Extract<Expr, { kind: 'call' }>;

/** True when evaluating `e` may write argument registers other than a0/fa0 (calls, statement expressions). */
function touchesArgRegs(e: Expr): boolean {
  let found = false;
  walkExpr(e, { expr(x) { if (x.kind === 'call' || x.kind === 'stmt_expr') found = true; } }, 0);
  return found;
}

/** Evaluates `arg` into the argument register `dst` (float values bound for an integer register as their bits). */
function argTo(ctx: FnContext, arg: Expr, dst: string): void {
  const src = regValue(ctx, arg);
  if (src === undefined) genExpr(ctx, arg);
  const value = src ?? (isFlo(arg.type) ? 'fa0' : 'a0');
  if (dst.startsWith('f')) { if (dst !== value) ctx.emit(`fmv.d ${dst}, ${value}`); }
  else if (isFlo(arg.type)) ctx.emit(`fmv.x.d ${dst}, ${value}`);
  else if (dst !== value) ctx.emit(`mv ${dst}, ${value}`);
}

/** Emits the call when it qualifies (see the header); returns false, having emitted nothing, otherwise. */
export function genCallO1(ctx: FnContext, e: CallExpr): boolean {
  const ft = e.funcType;
  if (isRecord(ft.base!)) return false;
  const named = ft.params === undefined ? e.args.length : ft.params.length;
  const plan = planCall(e.args.map((a) => a.type), named, false);
  if (plan.stackSlots > 0 || plan.args.some((a) => a.kind !== 'scalar') || e.args.some(touchesArgRegs)) return false;
  const direct = directCallee(e.callee);
  if (!direct) {
    if (touchesArgRegs(e.callee)) return false;
    genExpr(ctx, e.callee);
    ctx.emit('mv t6, a0');
  }
  // a0 and fa0 are scratch for every evaluation: the arguments going there come last, one of them held meanwhile.
  const dsts = plan.args.map((a) => { const p = a.parts[0]; return p.kind === 'stack' ? 'a0' : `${p.kind === 'fpr' ? 'f' : ''}a${p.reg}`; });
  const order = dsts.map((_, k) => k).reverse();
  const late = order.filter((k) => dsts[k] === 'a0' || dsts[k] === 'fa0');
  for (const k of order.filter((i) => !late.includes(i))) argTo(ctx, e.args[k], dsts[k]);
  if (late.length === 2) {
    const [first, second] = dsts[late[0]] === 'fa0' ? late : [late[1], late[0]];
    argTo(ctx, e.args[first], 'fa0');
    const held = ctx.hold(true);
    argTo(ctx, e.args[second], 'a0');
    const r = ctx.release(held, true, 'fa0');
    if (r !== 'fa0') ctx.emit(`fmv.d fa0, ${r}`);
  } else for (const k of late) argTo(ctx, e.args[k], dsts[k]);
  const pad = ctx.depth % 16 !== 0;
  if (pad) ctx.emit('addi sp, sp, -8');
  ctx.emit(direct ? `call ${direct}` : 'jalr t6');
  if (pad) ctx.emit('addi sp, sp, 8');
  return true;
}
