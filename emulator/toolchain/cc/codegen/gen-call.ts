// Function calls: evaluates the arguments onto the stack, moves them to
// a0-a7 / fa0-fa7 / the outgoing stack area per call-abi.ts, keeps sp 16-byte
// aligned at the call, and fetches the result (small structs come back in
// a0/a1 and are stored to a temporary whose address becomes the value).

import type { Expr } from '../ast.ts';
import { isRecord, type CType } from '../types.ts';
import { planCall, returnFields, returnsByPointer, type PartLoc } from './call-abi.ts';
import type { FnContext } from './context.ts';
import { genCallO1 } from './gen-call-o1.ts';
import { genExpr } from './gen-expr.ts';
import { copyMemory, loadInsn } from './load-store.ts';

type CallExpr = Extract<Expr, { kind: 'call' }>;

/** Emits a call; the result is left in a0/fa0 (aggregates: the address of a temporary). */
export function genCall(ctx: FnContext, e: CallExpr): void {
  if (ctx.o1 && genCallO1(ctx, e)) return;
  const ft = e.funcType;
  const ret = ft.base!;
  const named = ft.params === undefined ? e.args.length : ft.params.length;
  const hidden = returnsByPointer(ret);
  const plan = planCall(e.args.map((a) => a.type), named, hidden);
  let pushed = 0;
  e.args.forEach((arg, i) => {
    const ap = plan.args[i];
    genExpr(ctx, arg);
    if (ap.kind === 'ref') {
      const off = ctx.frame.alloc(arg.type.size, arg.type.align);
      ctx.frameAddr('t1', off);
      copyMemory(ctx, 't1', 'a0', arg.type.size, arg.type.align);
      ctx.frameAddr('a0', off);
      ctx.push();
    } else if (ap.kind === 'small') {
      ctx.emit('mv t1, a0');
      ap.parts.forEach((part, j) => {
        const f = part.field;
        if (!f) { ctx.emit(`ld t0, ${8 * j}(t1)`); ctx.push('t0'); }
        else if (part.kind === 'fpr') { ctx.emit(`${f.type.kind === 'float' ? 'flw' : 'fld'} ft0, ${f.offset}(t1)`); ctx.pushF('ft0'); }
        else { ctx.emit(`${loadInsn(f.type)} t0, ${f.offset}(t1)`); ctx.push('t0'); }
      });
    } else if (arg.type.kind === 'float' || arg.type.kind === 'double') ctx.pushF();
    else ctx.push();
    pushed += ap.parts.length;
  });
  const direct = directCallee(e.callee);
  if (!direct) { genExpr(ctx, e.callee); ctx.emit('mv t6, a0'); }
  let area = plan.stackSlots * 8;
  if ((ctx.depth + area) % 16 !== 0) area += 8;
  if (area) ctx.emit(`addi sp, sp, -${area}`);
  const parts: { part: PartLoc; float: CType | undefined }[] = [];
  e.args.forEach((arg, i) => plan.args[i].parts.forEach((part) => parts.push({ part, float: part.field?.type ?? (isRecord(arg.type) ? undefined : arg.type) })));
  parts.forEach(({ part, float }, k) => {
    const at = area + 8 * (pushed - 1 - k);
    if (part.kind === 'stack') { ctx.emit(`ld t0, ${at}(sp)`); ctx.emit(`sd t0, ${8 * part.index}(sp)`); }
    else if (part.kind === 'gpr') ctx.emit(`ld a${part.reg}, ${at}(sp)`);
    else ctx.emit(`${float?.kind === 'float' ? 'flw' : 'fld'} fa${part.reg}, ${at}(sp)`);
  });
  let retOff = 0;
  if (hidden) { retOff = ctx.frame.alloc(ret.size, ret.align); ctx.frameAddr('a0', retOff); }
  if (direct) ctx.emit(`call ${direct}`);
  else ctx.emit('jalr t6');
  const total = area + pushed * 8;
  if (total) ctx.emit(total < 2048 ? `addi sp, sp, ${total}` : `li t0, ${total}\n\tadd sp, sp, t0`);
  ctx.depth -= pushed * 8;
  if (hidden) ctx.frameAddr('a0', retOff);
  else if (isRecord(ret)) {
    const off = ctx.frame.alloc(ret.size, ret.align);
    ctx.frameAddr('t1', off);
    const fields = returnFields(ret);
    if (fields) {
      for (const { field, reg } of fields) ctx.emit(`${storeFor(field.type, reg)} ${reg}, ${field.offset}(t1)`);
    } else {
      ctx.emit('sd a0, 0(t1)');
      if (ret.size > 8) ctx.emit('sd a1, 8(t1)');
    }
    ctx.emit('mv a0, t1');
  }
}

/** The symbol of a call to a named function, else undefined (calls through a pointer). */
export function directCallee(callee: Expr): string | undefined {
  if (callee.kind === 'addr' && callee.operand.kind === 'var' && callee.operand.obj.isFunction) return callee.operand.obj.symbol;
  if (callee.kind === 'cast' && callee.operand.kind === 'addr') return directCallee(callee.operand);
  return undefined;
}

/** The store mnemonic for a scalar field of type `t` held in `reg`. */
export function storeFor(t: CType, reg: string): string {
  if (reg.startsWith('f')) return t.kind === 'float' ? 'fsw' : 'fsd';
  return t.size === 1 ? 'sb' : t.size === 2 ? 'sh' : t.size === 4 ? 'sw' : 'sd';
}
