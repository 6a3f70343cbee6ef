// Statement code generation: blocks, declarations with initializers, if,
// loops with break/continue, switch (compare chain), goto/labels, return
// (scalars in a0/fa0, small structs in a0/a1, large ones through the hidden
// pointer) and simple inline asm ("r"/"=r"/"f"/"=f" operands).

import type { AsmOperand, Stmt } from '../ast.ts';
import { isRecord } from '../types.ts';
import { CodegenError, type FnContext } from './context.ts';
import { genAddr, genExpr, genInitStores, genTruth, regImage } from './gen-expr.ts';
import { copyMemory, isFlo, loadInsn, store } from './load-store.ts';
import { returnFields } from './call-abi.ts';

/** Emits the code of one statement. */
export function genStmt(ctx: FnContext, s: Stmt): void {
  switch (s.kind) {
    case 'block': for (const b of s.body) genStmt(ctx, b); return;
    case 'expr': genExpr(ctx, s.expr); return;
    case 'decl': if (s.obj.storage === 'local') genInitStores(ctx, s.obj, s.stores, s.zeroFill); return;
    case 'if': {
      const elseL = ctx.newLabel('else');
      const end = ctx.newLabel('end');
      genTruth(ctx, s.cond);
      ctx.emit(`beqz a0, ${elseL}`);
      genStmt(ctx, s.then);
      ctx.emit(`j ${end}`);
      ctx.label(elseL);
      if (s.else) genStmt(ctx, s.else);
      ctx.label(end);
      return;
    }
    case 'while': case 'for': case 'do': genLoop(ctx, s); return;
    case 'switch': genSwitch(ctx, s); return;
    case 'case': ctx.label(ctx.userLabel(`case${s.label}`)); genStmt(ctx, s.body); return;
    case 'break': ctx.emit(`j ${top(ctx.breakLabels, s)}`); return;
    case 'continue': ctx.emit(`j ${top(ctx.continueLabels, s)}`); return;
    case 'return': genReturn(ctx, s); return;
    case 'goto': ctx.emit(`j ${ctx.userLabel(`l.${s.label}`)}`); return;
    case 'label': ctx.label(ctx.userLabel(`l.${s.label}`)); genStmt(ctx, s.body); return;
    case 'asm': genAsm(ctx, s); return;
    case 'null': return;
  }
}

function top(labels: string[], s: Stmt): string {
  if (labels.length === 0) throw new CodegenError(s.loc, `${s.kind} outside a loop or switch`);
  return labels[labels.length - 1];
}

function genLoop(ctx: FnContext, s: Extract<Stmt, { kind: 'while' | 'for' | 'do' }>): void {
  const begin = ctx.newLabel('begin');
  const cont = ctx.newLabel('continue');
  const brk = ctx.newLabel('break');
  if (s.kind === 'for' && s.init) genStmt(ctx, s.init);
  ctx.label(begin);
  const cond = s.kind === 'for' ? s.cond : s.cond;
  if (s.kind !== 'do' && cond) { genTruth(ctx, cond); ctx.emit(`beqz a0, ${brk}`); }
  ctx.breakLabels.push(brk);
  ctx.continueLabels.push(cont);
  genStmt(ctx, s.body);
  ctx.breakLabels.pop();
  ctx.continueLabels.pop();
  ctx.label(cont);
  if (s.kind === 'for' && s.step) genExpr(ctx, s.step);
  if (s.kind === 'do') { genTruth(ctx, s.cond); ctx.emit(`bnez a0, ${begin}`); }
  else ctx.emit(`j ${begin}`);
  ctx.label(brk);
}

function genSwitch(ctx: FnContext, s: Extract<Stmt, { kind: 'switch' }>): void {
  const brk = ctx.newLabel('break');
  const t = s.cond.type;
  const u = t.unsigned ? 'u' : '';
  genExpr(ctx, s.cond);
  for (const c of s.cases) {
    const target = ctx.userLabel(`case${c.label}`);
    ctx.emit(`li t0, ${regImage(c.value, t)}`);
    if (c.high === undefined) { ctx.emit(`beq a0, t0, ${target}`); continue; }
    const skip = ctx.newLabel('range');
    ctx.emit(`blt${u} a0, t0, ${skip}`);
    ctx.emit(`li t0, ${regImage(c.high, t)}`);
    ctx.emit(`ble${u} a0, t0, ${target}`);
    ctx.label(skip);
  }
  ctx.emit(`j ${s.defaultLabel !== undefined ? ctx.userLabel(`case${s.defaultLabel}`) : brk}`);
  ctx.breakLabels.push(brk);
  genStmt(ctx, s.body);
  ctx.breakLabels.pop();
  ctx.label(brk);
}

function genReturn(ctx: FnContext, s: Extract<Stmt, { kind: 'return' }>): void {
  if (s.value) {
    genExpr(ctx, s.value);
    const t = s.value.type;
    if (isRecord(t)) {
      if (t.size > 16) {
        ctx.frameAddr('t1', ctx.retPtrSlot);
        ctx.emit('ld t1, 0(t1)');
        copyMemory(ctx, 't1', 'a0', t.size, t.align);
        ctx.emit('mv a0, t1');
      } else {
        ctx.emit('mv t1, a0');
        const fields = returnFields(t);
        if (fields) {
          for (const { field, reg } of fields) {
            const insn = reg.startsWith('f') ? (field.type.kind === 'float' ? 'flw' : 'fld') : loadInsn(field.type);
            ctx.emit(`${insn} ${reg}, ${field.offset}(t1)`);
          }
        } else {
          ctx.emit('ld a0, 0(t1)');
          if (t.size > 8) ctx.emit('ld a1, 8(t1)');
        }
      }
    }
  }
  ctx.emit(`j ${ctx.returnLabel}`);
}

const asmReg = (c: string, n: number): string => (c.includes('f') ? `ft${8 + n}` : `t${3 + n}`);

/**
 * Inline asm: "r" operands in t3-t6, "f" in ft8-ft11 ("=" outputs, "+" read-write),
 * "i"/"n" integer constants substituted; %N, %[name] and %% are replaced.
 */
function genAsm(ctx: FnContext, s: Extract<Stmt, { kind: 'asm' }>): void {
  const ops: AsmOperand[] = [...s.outputs, ...s.inputs];
  if (ops.length > 4) throw new CodegenError(s.loc, 'inline asm with more than 4 operands is not supported');
  const regs = ops.map((op, i) => {
    const c = op.constraint.replace(/[=+&]/g, '');
    if ((c === 'i' || c === 'n') && op.expr.kind === 'int' && i >= s.outputs.length) return String(op.expr.value);
    if (c !== 'r' && c !== 'f') throw new CodegenError(s.loc, `inline asm constraint "${op.constraint}" is not supported`);
    return asmReg(c, i);
  });
  const loaded = ops.map((op, i) => ({ op, reg: regs[i] })).filter(({ op, reg }, i) =>
    (i >= s.outputs.length || op.constraint.includes('+')) && /^f?t\d+$/.test(reg));
  for (const { op } of loaded) {
    genExpr(ctx, op.expr);
    if (isFlo(op.expr.type)) ctx.pushF(); else ctx.push();
  }
  for (let i = loaded.length - 1; i >= 0; i--) {
    const r = loaded[i].reg;
    if (r.startsWith('f')) ctx.popF(r); else ctx.pop(r);
  }
  let text = s.template.replace(/%\[(\w+)\]/g, (_, name: string) => {
    const k = ops.findIndex((o) => o.name === name);
    if (k < 0) throw new CodegenError(s.loc, `unknown asm operand name ${name}`);
    return regs[k];
  });
  text = text.replace(/%(\d)/g, (_, d: string) => regs[Number(d)] ?? `%${d}`).replace(/%%/g, '%');
  for (const line of text.split(/\n|;/)) if (line.trim() !== '') ctx.emit(line.trim());
  s.outputs.forEach((op, i) => {
    const r = regs[i];
    genAddr(ctx, op.expr);
    ctx.emit('mv t1, a0');
    if (r.startsWith('f')) ctx.emit(`fmv.d fa0, ${r}`); else ctx.emit(`mv a0, ${r}`);
    store(ctx, op.expr.type, s.loc);
  });
}
