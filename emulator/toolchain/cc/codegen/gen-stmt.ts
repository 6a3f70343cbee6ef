// Statement code generation: blocks, declarations with initializers, if,
// loops with break/continue, switch (compare chain), goto/labels, return
// (scalars in a0/fa0, small structs in a0/a1, large ones through the hidden
// pointer) and simple inline asm ("r"/"=r"/"f"/"=f" operands).

import type { AsmOperand, Stmt } from '../ast.ts';
import { labelSymbol } from '../computed-goto.ts';
import { isRecord } from '../types.ts';
import { CodegenError, type FnContext } from './context.ts';
import { genAddr, genExpr, genInitStores, genTruth, regImage } from './gen-expr.ts';
import { copyMemory, isFlo, loadInsn, store } from './load-store.ts';
import { returnFields } from './call-abi.ts';
import { genBranch } from './gen-branch.ts';
import { genDiscardedO1 } from './gen-lvalue-o1.ts';

/** Emits the code of one statement. */
export function genStmt(ctx: FnContext, s: Stmt): void {
  switch (s.kind) {
    case 'block': for (const b of s.body) genStmt(ctx, b); return;
    case 'expr': if (!ctx.o1 || !genDiscardedO1(ctx, s.expr)) genExpr(ctx, s.expr); return;
    case 'decl': if (s.obj.storage === 'local') genInitStores(ctx, s.obj, s.stores, s.zeroFill); return;
    case 'if': {
      if (ctx.o1) { genIfO1(ctx, s); return; }
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
    case 'while': case 'for': case 'do': if (ctx.o1) genLoopO1(ctx, s); else genLoop(ctx, s); return;
    case 'switch': genSwitch(ctx, s); return;
    case 'case': ctx.label(ctx.userLabel(`case${s.label}`)); genStmt(ctx, s.body); return;
    case 'break': ctx.emit(`j ${top(ctx.breakLabels, s)}`); return;
    case 'continue': ctx.emit(`j ${top(ctx.continueLabels, s)}`); return;
    case 'return': genReturn(ctx, s); return;
    case 'goto': ctx.emit(`j ${ctx.userLabel(`l.${s.label}`)}`); return;
    case 'label':
      ctx.label(ctx.userLabel(`l.${s.label}`));
      ctx.label(labelSymbol(ctx.fn.obj.symbol, s.label));
      genStmt(ctx, s.body);
      return;
    case 'goto_indirect': genExpr(ctx, s.target); ctx.emit('jr a0'); return;
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

function genIfO1(ctx: FnContext, s: Extract<Stmt, { kind: 'if' }>): void {
  const elseL = ctx.newLabel('else');
  genBranch(ctx, s.cond, elseL, false);
  genStmt(ctx, s.then);
  if (!s.else) { ctx.label(elseL); return; }
  const end = ctx.newLabel('end');
  ctx.emit(`j ${end}`);
  ctx.label(elseL);
  genStmt(ctx, s.else);
  ctx.label(end);
}

/** -O1 loops test at the bottom: one conditional branch per iteration. */
function genLoopO1(ctx: FnContext, s: Extract<Stmt, { kind: 'while' | 'for' | 'do' }>): void {
  const begin = ctx.newLabel('begin');
  const cont = ctx.newLabel('continue');
  const brk = ctx.newLabel('break');
  const test = ctx.newLabel('test');
  if (s.kind === 'for' && s.init) genStmt(ctx, s.init);
  const cond = s.cond;
  if (s.kind !== 'do' && cond) ctx.emit(`j ${test}`);
  ctx.label(begin);
  ctx.breakLabels.push(brk);
  ctx.continueLabels.push(cont);
  genStmt(ctx, s.body);
  ctx.breakLabels.pop();
  ctx.continueLabels.pop();
  ctx.label(cont);
  if (s.kind === 'for' && s.step && !genDiscardedO1(ctx, s.step)) genExpr(ctx, s.step);
  ctx.label(test);
  if (cond) genBranch(ctx, cond, begin, true);
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

/** Registers for inline asm operands: caller-saved, never holding -O1 locals (those live in s/fs registers). */
const ASM_INT_REGS = ['t3', 't4', 't5', 't6', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'];
const ASM_FLOAT_REGS = ['ft8', 'ft9', 'ft10', 'ft11', 'fa2', 'fa3', 'fa4', 'fa5', 'fa6', 'fa7'];

interface AsmSlot { op: AsmOperand; kind: 'r' | 'f' | 'm' | 'imm'; reg: string; text: string }

/** Assigns each operand a register (`r`, `f`, `m` = address register) or its constant text (`i`/`n`). */
function asmSlots(s: Extract<Stmt, { kind: 'asm' }>): AsmSlot[] {
  let ints = 0;
  let floats = 0;
  return [...s.outputs, ...s.inputs].map((op, i) => {
    const c = op.constraint.replace(/[=+&]/g, '');
    if ((c === 'i' || c === 'n') && op.expr.kind === 'int' && i >= s.outputs.length) return { op, kind: 'imm', reg: '', text: String(op.expr.value) };
    if (c !== 'r' && c !== 'f' && c !== 'm') throw new CodegenError(s.loc, `inline asm constraint "${op.constraint}" is not supported`);
    const pool = c === 'f' ? ASM_FLOAT_REGS : ASM_INT_REGS;
    const reg = pool[c === 'f' ? floats++ : ints++];
    if (reg === undefined) throw new CodegenError(s.loc, `inline asm with more than ${pool.length} ${c === 'f' ? 'float' : 'integer'} operands is not supported`);
    return { op, kind: c, reg, text: c === 'm' ? `0(${reg})` : reg };
  });
}

/**
 * Inline asm: "r" operands in t3-t6/a2-a7, "f" in ft8-ft11/fa2-fa7 ("=" outputs,
 * "+" read-write), "m" as 0(reg) with the address in an integer register,
 * "i"/"n" integer constants substituted; %N, %[name] and %% are replaced.
 */
function genAsm(ctx: FnContext, s: Extract<Stmt, { kind: 'asm' }>): void {
  const slots = asmSlots(s);
  const nOut = s.outputs.length;
  const loaded = slots.filter((x, i) => x.kind === 'm' || (x.kind !== 'imm' && (i >= nOut || x.op.constraint.includes('+'))));
  for (const x of loaded) {
    if (x.kind === 'm') { genAddr(ctx, x.op.expr); ctx.push(); } else {
      genExpr(ctx, x.op.expr);
      if (isFlo(x.op.expr.type)) ctx.pushF(); else ctx.push();
    }
  }
  for (let i = loaded.length - 1; i >= 0; i--) {
    const r = loaded[i].reg;
    if (r.startsWith('f')) ctx.popF(r); else ctx.pop(r);
  }
  let text = s.template.replace(/%\[(\w+)\]/g, (_, name: string) => {
    const k = slots.findIndex((x) => x.op.name === name);
    if (k < 0) throw new CodegenError(s.loc, `unknown asm operand name ${name}`);
    return slots[k].text;
  });
  text = text.replace(/%(\d+)/g, (m: string, d: string) => slots[Number(d)]?.text ?? m).replace(/%%/g, '%');
  for (const line of text.split(/\n|;/)) if (line.trim() !== '') ctx.emit(line.trim());
  // Save the register outputs first: computing an output's address may use any temporary.
  const outs = slots.slice(0, nOut).filter((x) => x.kind === 'r' || x.kind === 'f');
  for (const x of outs) if (x.kind === 'f') ctx.pushF(x.reg); else ctx.push(x.reg);
  for (let i = outs.length - 1; i >= 0; i--) {
    const x = outs[i];
    genAddr(ctx, x.op.expr);
    ctx.emit('mv t1, a0');
    if (x.kind === 'f') ctx.popF('fa0'); else ctx.pop('a0');
    store(ctx, x.op.expr.type, s.loc);
  }
}
