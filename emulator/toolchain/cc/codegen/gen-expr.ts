// Expression code generation (stack machine): genExpr leaves a value in a0
// (integers, pointers, addresses of aggregates) or fa0 (float/double);
// genAddr leaves the address of an lvalue in a0.

import type { Expr, InitStore, Obj, Stmt } from '../ast.ts';
import { isInteger, isRecord, type CType } from '../types.ts';
import { CodegenError, type FnContext } from './context.ts';
import { applyBinary } from './gen-binary.ts';
import { genBranch } from './gen-branch.ts';
import { genCall } from './gen-call.ts';
import { genAssignO1, genCompoundO1, genIncDecO1, genLoadO1, initRegister } from './gen-lvalue-o1.ts';
import { genBinaryO1 } from './gen-operands.ts';
import { genStmt } from './gen-stmt.ts';
import { convert, isByAddress, isFlo, load, loadBitField, loadInsn, normalizeInt, store, storeBitField, storeInsn, zeroMemory } from './load-store.ts';

/** Returns the bigint as the register image of a value of type `t` (32-bit values sign-extended). */
export function regImage(value: bigint, t: CType): bigint {
  return t.size === 4 ? BigInt.asIntN(32, value) : t.size === 8 ? BigInt.asIntN(64, value) : value;
}

/** Loads the float constant `v` of type `t` into fa0. */
function floatConst(ctx: FnContext, v: number, t: CType): void {
  const view = new DataView(new ArrayBuffer(8));
  if (t.kind === 'float') {
    view.setFloat32(0, v, true);
    ctx.emit(`li t0, ${view.getInt32(0, true)}`);
    ctx.emit('fmv.w.x fa0, t0');
  } else {
    view.setFloat64(0, v, true);
    ctx.emit(`li t0, ${view.getBigInt64(0, true)}`);
    ctx.emit('fmv.d.x fa0, t0');
  }
}

/** Address of an object (local slot or global symbol) into `reg`. */
export function objAddr(ctx: FnContext, obj: Obj, reg = 'a0'): void {
  if (obj.storage === 'local') ctx.localAddr(reg, obj);
  else ctx.emit(`la ${reg}, ${obj.symbol}`);
}

/** Evaluates `e` for its value into a0/fa0. */
export function genExpr(ctx: FnContext, e: Expr): void {
  switch (e.kind) {
    case 'int': ctx.emit(`li a0, ${regImage(e.value, e.type)}`); return;
    case 'float':
      if (ctx.o1 && Object.is(e.value, 0)) ctx.emit(`fmv.${e.type.kind === 'float' ? 'w' : 'd'}.x fa0, zero`);
      else floatConst(ctx, e.value, e.type);
      return;
    case 'string': ctx.emit(`la a0, ${e.symbol}`); return;
    case 'var': case 'deref': case 'member':
      if (ctx.o1 && genLoadO1(ctx, e)) return;
      if (e.kind === 'var' && directOffset(ctx, e) !== undefined) {
        const off = directOffset(ctx, e)!;
        const t = e.type;
        ctx.emit(t.kind === 'float' ? `flw fa0, ${off}(s0)` : t.kind === 'double' ? `fld fa0, ${off}(s0)` : `${loadInsn(t)} a0, ${off}(s0)`);
        return;
      }
      genAddr(ctx, e);
      if (e.kind === 'member' && e.member.bitWidth !== undefined) loadBitField(ctx, e.member);
      else load(ctx, e.type, e.loc);
      return;
    case 'neg':
      genExpr(ctx, e.operand);
      if (isFlo(e.type)) ctx.emit(`fneg.${e.type.kind === 'float' ? 's' : 'd'} fa0, fa0`);
      else ctx.emit(e.type.size === 4 ? 'negw a0, a0' : 'neg a0, a0');
      return;
    case 'bitnot': genExpr(ctx, e.operand); ctx.emit('not a0, a0'); return;
    case 'not': genTruth(ctx, e.operand); ctx.emit('seqz a0, a0'); return;
    case 'addr': genAddr(ctx, e.operand); return;
    case 'binary':
      if (ctx.o1) genBinaryO1(ctx, e); else genBinary(ctx, e.lhs, e.rhs, e.op, e.lhs.type, e.loc);
      return;
    case 'logand': case 'logor': if (ctx.o1) genLogicalO1(ctx, e); else genLogical(ctx, e.kind, e.lhs, e.rhs); return;
    case 'assign': if (!ctx.o1 || !genAssignO1(ctx, e.lhs, e.rhs)) genAssign(ctx, e.lhs, e.rhs); return;
    case 'compound': if (ctx.o1) genCompoundO1(ctx, e); else genCompound(ctx, e); return;
    case 'preinc': case 'postinc':
      if (ctx.o1) genIncDecO1(ctx, e.operand, e.delta, e.kind === 'postinc'); else genIncDec(ctx, e.operand, e.delta, e.kind === 'postinc');
      return;
    case 'cond': {
      const elseL = ctx.newLabel('else');
      const end = ctx.newLabel('end');
      if (ctx.o1) genBranch(ctx, e.cond, elseL, false);
      else {
        genTruth(ctx, e.cond);
        ctx.emit(`beqz a0, ${elseL}`);
      }
      genExpr(ctx, e.then);
      ctx.emit(`j ${end}`);
      ctx.label(elseL);
      genExpr(ctx, e.else);
      ctx.label(end);
      return;
    }
    case 'comma': genExpr(ctx, e.lhs); genExpr(ctx, e.rhs); return;
    case 'cast': genExpr(ctx, e.operand); convert(ctx, e.operand.type, e.type, e.loc); return;
    case 'call': genCall(ctx, e); return;
    case 'va_start':
      genAddr(ctx, e.ap);
      ctx.frameAddr('t1', 16 + 8 * ctx.namedGprs);
      ctx.emit('sd t1, 0(a0)');
      return;
    case 'va_arg': genVaArg(ctx, e.ap, e.type); return;
    case 'va_end': return;
    case 'alloca': genAlloca(ctx, e.size); return;
    case 'label_addr': ctx.emit(`la a0, ${e.symbol}`); return;
    case 'stack_save': ctx.emit(`addi a0, sp, ${ctx.depth}`); return;
    case 'stack_restore':
      if (ctx.depth !== 0) throw new CodegenError(e.loc, 'a variable length array inside a statement expression is not supported');
      genExpr(ctx, e.value);
      ctx.emit('mv sp, a0');
      return;
    case 'va_copy':
      genAddr(ctx, e.dst);
      ctx.push();
      genExpr(ctx, e.src);
      ctx.pop('t1');
      ctx.emit('sd a0, 0(t1)');
      return;
    case 'compound_literal':
      genInitStores(ctx, e.obj, e.stores, e.zeroFill);
      objAddr(ctx, e.obj);
      load(ctx, e.type, e.loc);
      return;
    case 'stmt_expr': genStmtExpr(ctx, e.body); return;
  }
}

function genStmtExpr(ctx: FnContext, body: Stmt[]): void {
  body.forEach((s, i) => {
    if (i === body.length - 1 && s.kind === 'expr') genExpr(ctx, s.expr);
    else genStmt(ctx, s);
  });
}

/** The s0 offset of a local scalar reachable with one load/store, else undefined. */
function directOffset(ctx: FnContext, e: Expr): number | undefined {
  if (e.kind !== 'var' || e.obj.storage !== 'local' || isByAddress(e.type) || e.type.kind === 'ldouble' || e.type.kind === 'void') return undefined;
  const off = ctx.frame.offsetOf(e.obj);
  return off >= -2048 ? off : undefined;
}

/** True when evaluating `e` touches only a0/fa0 (so t0/ft0 survive it). */
function isSimple(e: Expr): boolean {
  switch (e.kind) {
    case 'int': return true;
    case 'var': return !isByAddress(e.type) && e.type.kind !== 'ldouble';
    case 'addr': return e.operand.kind === 'var';
    case 'deref': return !isByAddress(e.type) && e.type.kind !== 'ldouble' && isSimple(e.operand);
    case 'cast': return isIntLike(e.type) && isIntLike(e.operand.type) && isSimple(e.operand);
    default: return false;
  }
}

const isIntLike = (t: CType): boolean => isInteger(t) || t.kind === 'ptr';

/** Evaluates `e` as a condition: a0 = nonzero iff true (floats compared with 0). */
export function genTruth(ctx: FnContext, e: Expr): void {
  genExpr(ctx, e);
  if (isFlo(e.type)) {
    const s = e.type.kind === 'float' ? 's' : 'd';
    ctx.emit(`fmv.${s === 's' ? 'w' : 'd'}.x ft0, zero`);
    ctx.emit(`feq.${s} a0, fa0, ft0`);
    ctx.emit('xori a0, a0, 1');
  }
}

function genBinary(ctx: FnContext, lhs: Expr, rhs: Expr, op: import('../ast.ts').BinaryOp, t: CType, loc: Expr['loc']): void {
  if (isSimple(lhs) && !isSimple(rhs)) {
    // lhs has no side effects and touches only a0/fa0: evaluate rhs first, no stack traffic.
    genExpr(ctx, rhs);
    ctx.emit(isFlo(t) ? 'fmv.d ft1, fa0' : 'mv t1, a0');
    genExpr(ctx, lhs);
    ctx.emit(isFlo(t) ? 'fmv.d ft0, fa0' : 'mv t0, a0');
    ctx.emit(isFlo(t) ? 'fmv.d fa0, ft1' : 'mv a0, t1');
    applyBinary(ctx, op, t, loc);
    return;
  }
  genExpr(ctx, lhs);
  if (isSimple(rhs)) {
    ctx.emit(isFlo(t) ? 'fmv.d ft0, fa0' : 'mv t0, a0');
    genExpr(ctx, rhs);
    applyBinary(ctx, op, t, loc);
    return;
  }
  if (isFlo(t)) ctx.pushF(); else ctx.push();
  genExpr(ctx, rhs);
  if (isFlo(t)) ctx.popF('ft0'); else ctx.pop('t0');
  applyBinary(ctx, op, t, loc);
}

/** -O1 `&&` / `||` value: jumps on the operands' truth, then 0 or 1. */
function genLogicalO1(ctx: FnContext, e: Expr): void {
  const no = ctx.newLabel('false');
  const end = ctx.newLabel('end');
  genBranch(ctx, e, no, false);
  ctx.emit('li a0, 1');
  ctx.emit(`j ${end}`);
  ctx.label(no);
  ctx.emit('li a0, 0');
  ctx.label(end);
}

function genLogical(ctx: FnContext, kind: 'logand' | 'logor', lhs: Expr, rhs: Expr): void {
  const short = ctx.newLabel('sc');
  const end = ctx.newLabel('end');
  genTruth(ctx, lhs);
  ctx.emit(`${kind === 'logand' ? 'beqz' : 'bnez'} a0, ${short}`);
  genTruth(ctx, rhs);
  ctx.emit('snez a0, a0');
  ctx.emit(`j ${end}`);
  ctx.label(short);
  ctx.emit(`li a0, ${kind === 'logand' ? 0 : 1}`);
  ctx.label(end);
}

const bitField = (e: Expr): import('../types.ts').Member | undefined =>
  e.kind === 'member' && e.member.bitWidth !== undefined ? e.member : undefined;

/** Stores a0/fa0 to the lvalue `lhs` whose address is in t1. */
function storeTo(ctx: FnContext, lhs: Expr): void {
  const bf = bitField(lhs);
  if (bf) storeBitField(ctx, bf);
  else {
    store(ctx, lhs.type, lhs.loc);
    if (isRecord(lhs.type)) ctx.emit('mv a0, t1');
  }
}

function loadFrom(ctx: FnContext, lhs: Expr): void {
  const bf = bitField(lhs);
  if (bf) loadBitField(ctx, bf);
  else load(ctx, lhs.type, lhs.loc);
}

function genAssign(ctx: FnContext, lhs: Expr, rhs: Expr): void {
  if (lhs.kind === 'var') {
    // No temporary on the stack across the rhs: `x = setjmp(env)` must work on the second return.
    genExpr(ctx, rhs);
    const off = directOffset(ctx, lhs);
    if (off !== undefined) { ctx.emit(`${storeInsn(lhs.type)}, ${off}(s0)`); return; }
    objAddr(ctx, lhs.obj, 't1');
    storeTo(ctx, lhs);
    return;
  }
  genAddr(ctx, lhs);
  ctx.push();
  genExpr(ctx, rhs);
  ctx.pop('t1');
  storeTo(ctx, lhs);
}

function genCompound(ctx: FnContext, e: Extract<Expr, { kind: 'compound' }>): void {
  const t = e.opType;
  genAddr(ctx, e.lhs);
  ctx.push();
  loadFrom(ctx, e.lhs);
  convert(ctx, e.lhs.type, t, e.loc);
  if (isFlo(t)) ctx.pushF(); else ctx.push();
  genExpr(ctx, e.rhs);
  if (isFlo(t)) ctx.popF('ft0'); else ctx.pop('t0');
  applyBinary(ctx, e.op, t, e.loc);
  convert(ctx, t, e.lhs.type, e.loc);
  ctx.pop('t1');
  storeTo(ctx, e.lhs);
}

function genIncDec(ctx: FnContext, operand: Expr, delta: number, post: boolean): void {
  const t = operand.type;
  const f = isFlo(t);
  genAddr(ctx, operand);
  ctx.push();
  loadFrom(ctx, operand);
  if (post) { if (f) ctx.pushF(); else ctx.push(); }
  if (f) {
    ctx.emit('fmv.d fa1, fa0');
    floatConst(ctx, delta, t);
    ctx.emit(`fadd.${t.kind === 'float' ? 's' : 'd'} fa0, fa1, fa0`);
  } else {
    ctx.emit(`li t0, ${delta}`);
    ctx.emit('add a0, a0, t0');
    if (!bitField(operand)) normalizeInt(ctx, t);
  }
  ctx.emit(`ld t1, ${post ? 8 : 0}(sp)`);
  storeTo(ctx, operand);
  if (post) { if (f) ctx.popF('fa0'); else ctx.pop('a0'); }
  ctx.pop('t1');
}

function genVaArg(ctx: FnContext, ap: Expr, t: CType): void {
  genAddr(ctx, ap);
  ctx.emit('mv t1, a0');
  ctx.emit('ld a0, 0(t1)');
  const step = isRecord(t) && t.size <= 16 ? Math.max(8, Math.ceil(t.size / 8) * 8) : 8;
  ctx.emit(`addi t2, a0, ${step}`);
  ctx.emit('sd t2, 0(t1)');
  if (isRecord(t)) {
    if (t.size > 16) ctx.emit('ld a0, 0(a0)');
    return;
  }
  if (t.kind === 'float') { ctx.emit('fld fa0, 0(a0)'); ctx.emit('fcvt.s.d fa0, fa0'); return; }
  load(ctx, t, ap.loc);
}

/** Zero-fills (when asked) and initializes a local object by its stores. */
export function genInitStores(ctx: FnContext, obj: Obj, stores: InitStore[], zeroFill: boolean): void {
  if (obj.storage !== 'local') return; // static objects are initialized in their data section
  const reg = ctx.regOf(obj);
  if (reg !== undefined) { initRegister(ctx, reg, obj.type, stores, zeroFill); return; }
  if (zeroFill) {
    objAddr(ctx, obj, 'a0');
    zeroMemory(ctx, 'a0', obj.type.size);
  }
  for (const s of stores) {
    genExpr(ctx, s.value);
    if (ctx.o1 && storeToSlot(ctx, obj, s)) continue;
    objAddr(ctx, obj, 't1');
    ctx.addImm('t1', s.offset);
    if (s.member?.bitWidth !== undefined) storeBitField(ctx, s.member);
    else store(ctx, s.type, obj.loc);
  }
}

/** -O1: stores a0/fa0 straight to `off(s0)` for a scalar initializer store in reach; false when not done. */
function storeToSlot(ctx: FnContext, obj: Obj, s: InitStore): boolean {
  const off = ctx.frame.offsetOf(obj) + s.offset;
  if (off < -2048 || s.member?.bitWidth !== undefined || isByAddress(s.type) || s.type.kind === 'ldouble') return false;
  ctx.emit(`${storeInsn(s.type)}, ${off}(s0)`);
  return true;
}

/**
 * A VLA's storage: sp -= size rounded up to 16; the stack temporaries
 * (ctx.depth bytes) move down with sp, the block lies just above them.
 */
function genAlloca(ctx: FnContext, size: Expr): void {
  genExpr(ctx, size);
  ctx.emit('addi a0, a0, 15');
  ctx.emit('andi a0, a0, -16');
  ctx.emit('sub t0, sp, a0');
  for (let off = 0; off < ctx.depth; off += 8) {
    ctx.emit(`ld t1, ${off}(sp)`);
    ctx.emit(`sd t1, ${off}(t0)`);
  }
  ctx.emit('mv sp, t0');
  ctx.emit(`addi a0, sp, ${ctx.depth}`);
}

/** Evaluates the address of the lvalue (or aggregate-valued expression) `e` into a0. */
export function genAddr(ctx: FnContext, e: Expr): void {
  switch (e.kind) {
    case 'var': objAddr(ctx, e.obj); return;
    case 'deref': genExpr(ctx, e.operand); return;
    case 'member':
      if (isRecord(e.operand.type)) genExpr(ctx, e.operand); else genAddr(ctx, e.operand);
      ctx.addImm('a0', e.member.offset);
      return;
    case 'string': ctx.emit(`la a0, ${e.symbol}`); return;
    case 'compound_literal':
      genInitStores(ctx, e.obj, e.stores, e.zeroFill);
      objAddr(ctx, e.obj);
      return;
    case 'comma': genExpr(ctx, e.lhs); genAddr(ctx, e.rhs); return;
    default:
      if (isByAddress(e.type)) { genExpr(ctx, e); return; }
      throw new CodegenError(e.loc, `internal compiler error: not an lvalue (${e.kind})`);
  }
}
