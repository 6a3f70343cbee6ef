// -O1 loads and stores: register locals are read and written in place (values
// kept normalized to their type, as a load would leave them), memory lvalues
// use `offset(base)` addressing (register pointer + constant, s0 + slot,
// struct member offsets), and compound assignment / ++ / -- keep the address
// in a t-register or a callee-saved temporary instead of the stack.

import type { Expr } from '../ast.ts';
import { isRecord, type CType } from '../types.ts';
import type { FnContext } from './context.ts';
import { wrapInt } from './fold-const.ts';
import { applyBinary } from './gen-binary.ts';
import { genAddr, genExpr, regImage } from './gen-expr.ts';
import { immInsns, isLeaf, keepsImage, regValue, regVar, valueReg } from './gen-operands.ts';
import { convert, isByAddress, isFlo, loadBitField, loadInsn, normalizeInt, store, storeBitField, storeInsn } from './load-store.ts';

type CompoundExpr = Extract<Expr, { kind: 'compound' }>;

/** A memory operand: `off(base)`. */
interface Address {
  base: string;
  off: number;
}

const isScalarValue = (t: CType): boolean => !isByAddress(t) && t.kind !== 'ldouble' && t.kind !== 'void';
const bitField = (e: Expr): boolean => e.kind === 'member' && e.member.bitWidth !== undefined;
const mvInsn = (t: CType): string => (isFlo(t) ? 'fmv.d' : 'mv');
const fits = (n: number): boolean => n >= -2048 && n < 2048;
const sameImage = (from: CType, to: CType): boolean => (isFlo(from) ? from.kind === to.kind : keepsImage(from, to));

/**
 * Computes the address of the lvalue `e` as `off(base)`: a register pointer, s0
 * for frame slots, else the address is evaluated into a0 (base 'a0').
 */
export function addressOf(ctx: FnContext, e: Expr): Address {
  if (e.kind === 'var' && e.obj.storage === 'local') {
    const off = ctx.frame.offsetOf(e.obj);
    if (fits(off)) return { base: 's0', off };
  }
  if (e.kind === 'deref') {
    const p = e.operand;
    const reg = regVar(ctx, p);
    if (reg !== undefined) return { base: reg, off: 0 };
    if (p.kind === 'binary' && p.op === 'add' && p.type.kind === 'ptr' && p.rhs.kind === 'int' && p.rhs.value >= -2048n && p.rhs.value < 2048n) {
      const inner = pointerValue(ctx, p.lhs);
      const off = inner.off + Number(p.rhs.value);
      if (fits(off)) return { base: inner.base, off };
      ctx.emit(`addi a0, ${inner.base}, ${inner.off}`);
      return { base: 'a0', off: Number(p.rhs.value) };
    }
    genExpr(ctx, p);
    return { base: 'a0', off: 0 };
  }
  if (e.kind === 'member' && isRecord(e.operand.type) && (e.operand.kind === 'var' || e.operand.kind === 'deref' || e.operand.kind === 'member')) {
    const inner = addressOf(ctx, e.operand);
    const off = inner.off + e.member.offset;
    if (fits(off)) return { base: inner.base, off };
    ctx.emit(`addi a0, ${inner.base}, ${inner.off}`);
    ctx.addImm('a0', e.member.offset);
    return { base: 'a0', off: 0 };
  }
  genAddr(ctx, e);
  return { base: 'a0', off: 0 };
}

/** A pointer value as `off(base)` (a register pointer with offset 0, else evaluated into a0). */
function pointerValue(ctx: FnContext, p: Expr): Address {
  const reg = regVar(ctx, p);
  if (reg !== undefined) return { base: reg, off: 0 };
  genExpr(ctx, p);
  return { base: 'a0', off: 0 };
}

/** -O1 value of a var/deref/member expression: register locals and direct `off(base)` loads; false when not handled. */
export function genLoadO1(ctx: FnContext, e: Expr): boolean {
  if (e.kind === 'var') {
    const reg = ctx.regOf(e.obj);
    if (reg === undefined) return false;
    ctx.emit(isFlo(e.type) ? `fmv.d fa0, ${reg}` : `mv a0, ${reg}`);
    return true;
  }
  if (!isScalarValue(e.type) || bitField(e) || (e.kind !== 'deref' && e.kind !== 'member')) return false;
  const a = addressOf(ctx, e);
  const t = e.type;
  ctx.emit(`${t.kind === 'float' ? 'flw fa0' : t.kind === 'double' ? 'fld fa0' : `${loadInsn(t)} a0`}, ${a.off}(${a.base})`);
  return true;
}

/** -O1 `lhs = rhs`; false when not handled (non-register variables keep the -O0 path). */
export function genAssignO1(ctx: FnContext, lhs: Expr, rhs: Expr): boolean {
  const reg = regVar(ctx, lhs);
  if (reg !== undefined) {
    intoRegister(ctx, reg, lhs.type, rhs);
    ctx.emit(`${mvInsn(lhs.type)} ${isFlo(lhs.type) ? 'fa0' : 'a0'}, ${reg}`);
    return true;
  }
  if (lhs.kind === 'var') return false;
  if (!isScalarValue(lhs.type) || bitField(lhs)) {
    genAddr(ctx, lhs);
    storeAfter(ctx, { base: 'a0', off: 0 }, rhs, (base) => storeVia(ctx, lhs, base));
    return true;
  }
  const a = addressOf(ctx, lhs);
  storeAfter(ctx, a, rhs, (base) => ctx.emit(`${storeInsn(lhs.type)}, ${a.off}(${base})`));
  return true;
}

/**
 * Evaluates `rhs` (into a0/fa0) while the address base survives, then
 * `put(base)`: a base in a0 moves to t1 for a leaf rhs, else waits in a held register.
 */
function storeAfter(ctx: FnContext, a: Address, rhs: Expr, put: (base: string) => void): void {
  if (a.base !== 'a0') { genExpr(ctx, rhs); put(a.base); return; }
  if (isLeaf(ctx, rhs)) {
    ctx.emit('mv t1, a0');
    genExpr(ctx, rhs);
    put('t1');
    return;
  }
  const held = ctx.hold(false);
  genExpr(ctx, rhs);
  put(ctx.release(held, false, 't1'));
}

/** Stores a0/fa0 through the address in `base` with the -O0 store helpers (aggregates, bit-fields). */
function storeVia(ctx: FnContext, lhs: Expr, base: string): void {
  if (base !== 't1') ctx.emit(`mv t1, ${base}`);
  if (lhs.kind === 'member' && lhs.member.bitWidth !== undefined) storeBitField(ctx, lhs.member);
  else {
    store(ctx, lhs.type, lhs.loc);
    if (isRecord(lhs.type)) ctx.emit('mv a0, t1');
  }
}

/** -O1 `lhs op= rhs` (value in a0/fa0). */
export function genCompoundO1(ctx: FnContext, e: CompoundExpr): void {
  const reg = regVar(ctx, e.lhs);
  if (reg !== undefined && sameImage(e.lhs.type, e.opType)) {
    // The rhs cannot change a register local (that would be unsequenced): evaluate it first, use the register as is.
    const t = e.opType;
    const imm = e.rhs.kind === 'int' ? immInsns(e.op, t, regImage(e.rhs.value, t)) : undefined;
    if (imm) for (const line of imm(reg)) ctx.emit(line);
    else applyBinary(ctx, e.op, t, e.loc, reg, valueReg(ctx, e.rhs));
    convert(ctx, t, e.lhs.type, e.loc);
    ctx.emit(`${mvInsn(e.lhs.type)} ${reg}, ${isFlo(e.lhs.type) ? 'fa0' : 'a0'}`);
    return;
  }
  if (reg !== undefined) {
    ctx.emit(`${mvInsn(e.lhs.type)} ${isFlo(e.lhs.type) ? 'fa0' : 'a0'}, ${reg}`);
    combine(ctx, e);
    ctx.emit(`${mvInsn(e.lhs.type)} ${reg}, ${isFlo(e.lhs.type) ? 'fa0' : 'a0'}`);
    return;
  }
  genAddr(ctx, e.lhs);
  const held = ctx.hold(false);
  if (bitField(e.lhs) && e.lhs.kind === 'member') loadBitField(ctx, e.lhs.member);
  else loadScalar(ctx, e.lhs.type);
  combine(ctx, e);
  storeVia(ctx, e.lhs, ctx.release(held, false, 't1'));
}

/** a0/fa0 = convert(a0/fa0 op rhs) for a compound assignment whose old value is in a0/fa0. */
function combine(ctx: FnContext, e: CompoundExpr): void {
  const t = e.opType;
  const f = isFlo(t);
  convert(ctx, e.lhs.type, t, e.loc);
  const imm = e.rhs.kind === 'int' ? immInsns(e.op, t, regImage(e.rhs.value, t)) : undefined;
  const rr = regVar(ctx, e.rhs);
  if (imm) for (const line of imm('a0')) ctx.emit(line);
  else if (rr !== undefined) applyBinary(ctx, e.op, t, e.loc, f ? 'fa0' : 'a0', rr);
  else if (isLeaf(ctx, e.rhs)) {
    ctx.emit(f ? 'fmv.d ft0, fa0' : 'mv t0, a0');
    genExpr(ctx, e.rhs);
    applyBinary(ctx, e.op, t, e.loc);
  } else {
    const held = ctx.hold(f);
    genExpr(ctx, e.rhs);
    applyBinary(ctx, e.op, t, e.loc, ctx.release(held, f, f ? 'ft0' : 't0'), f ? 'fa0' : 'a0');
  }
  convert(ctx, t, e.lhs.type, e.loc);
}

function loadScalar(ctx: FnContext, t: CType): void {
  if (isByAddress(t) || t.kind === 'void') return;
  ctx.emit(t.kind === 'float' ? 'flw fa0, 0(a0)' : t.kind === 'double' ? 'fld fa0, 0(a0)' : `${loadInsn(t)} a0, 0(a0)`);
}

/** -O1 `++x`, `x++` (and --): registers updated in place, memory without stack traffic. */
export function genIncDecO1(ctx: FnContext, operand: Expr, delta: number, post: boolean): void {
  const t = operand.type;
  const reg = regVar(ctx, operand);
  const f = isFlo(t);
  if (reg !== undefined) {
    if (post) ctx.emit(`${mvInsn(t)} ${f ? 'fa0' : 'a0'}, ${reg}`);
    addDelta(ctx, t, reg, delta, !bitField(operand));
    if (!post) ctx.emit(`${mvInsn(t)} ${f ? 'fa0' : 'a0'}, ${reg}`);
    return;
  }
  genAddr(ctx, operand);
  ctx.emit('mv t1, a0');
  if (operand.kind === 'member' && operand.member.bitWidth !== undefined) loadBitField(ctx, operand.member);
  else loadScalar(ctx, t);
  if (post) ctx.emit(f ? 'fmv.d ft1, fa0' : 'mv t4, a0');
  addDelta(ctx, t, f ? 'fa0' : 'a0', delta, !bitField(operand));
  storeVia(ctx, operand, 't1');
  if (post) ctx.emit(f ? 'fmv.d fa0, ft1' : 'mv a0, t4');
}

/** reg += delta for a value of type `t` (normalized to `t` when `normalize`); uses t0/ft0. */
function addDelta(ctx: FnContext, t: CType, reg: string, delta: number, normalize: boolean): void {
  if (isFlo(t)) {
    const view = new DataView(new ArrayBuffer(8));
    const s = t.kind === 'float' ? 's' : 'd';
    if (s === 's') view.setFloat32(0, delta, true); else view.setFloat64(0, delta, true);
    ctx.emit(`li t0, ${s === 's' ? view.getInt32(0, true) : view.getBigInt64(0, true)}`);
    ctx.emit(`fmv.${s === 's' ? 'w' : 'd'}.x ft0, t0`);
    ctx.emit(`fadd.${s} ${reg}, ${reg}, ft0`);
    return;
  }
  const w = t.size === 4 && normalize && t.kind !== 'bool' ? 'w' : '';
  if (fits(delta)) ctx.emit(`addi${w} ${reg}, ${reg}, ${delta}`);
  else {
    ctx.emit(`li t0, ${delta}`);
    ctx.emit(`add${w} ${reg}, ${reg}, t0`);
  }
  if (normalize && w === '') normalizeInt(ctx, t, reg);
}

/** -O1 statement-level expressions on register locals whose value is unused (`x = v`, `++x`): no copy to a0; false when not one. */
export function genDiscardedO1(ctx: FnContext, e: Expr): boolean {
  if (e.kind === 'assign' && regVar(ctx, e.lhs) !== undefined) {
    intoRegister(ctx, regVar(ctx, e.lhs)!, e.lhs.type, e.rhs);
    return true;
  }
  if (e.kind === 'compound' && regVar(ctx, e.lhs) !== undefined && sameImage(e.lhs.type, e.opType) && sameImage(e.opType, e.lhs.type)) {
    const reg = regVar(ctx, e.lhs)!;
    const imm = e.rhs.kind === 'int' ? immInsns(e.op, e.opType, regImage(e.rhs.value, e.opType)) : undefined;
    if (imm) for (const line of imm(reg, reg)) ctx.emit(line);
    else applyBinary(ctx, e.op, e.opType, e.loc, reg, valueReg(ctx, e.rhs), reg);
    return true;
  }
  if (e.kind === 'assign' && isScalarValue(e.lhs.type) && !bitField(e.lhs) && storeSource(ctx, e.rhs) !== undefined) {
    const a = addressOf(ctx, e.lhs);
    const src = storeSource(ctx, e.rhs)!;
    if (src === 't0') ctx.emit(`li t0, ${regImage((e.rhs as Extract<Expr, { kind: 'int' }>).value, e.rhs.type)}`);
    ctx.emit(`${storeInsn(e.lhs.type).split(' ')[0]} ${src}, ${a.off}(${a.base})`);
    return true;
  }
  if ((e.kind === 'preinc' || e.kind === 'postinc') && regVar(ctx, e.operand) !== undefined) {
    addDelta(ctx, e.operand.type, regVar(ctx, e.operand)!, e.delta, true);
    return true;
  }
  if (e.kind === 'comma') {
    if (!genDiscardedO1(ctx, e.lhs)) genExpr(ctx, e.lhs);
    if (!genDiscardedO1(ctx, e.rhs)) genExpr(ctx, e.rhs);
    return true;
  }
  return false;
}

/** The register a discarded store can take its value from without code: a register value, x0 for 0, t0 for another integer constant. */
function storeSource(ctx: FnContext, rhs: Expr): string | undefined {
  if (rhs.kind === 'int' && !isFlo(rhs.type)) return rhs.value === 0n ? 'zero' : 't0';
  return regValue(ctx, rhs);
}

/** -O1 initializer stores of a register local (a scalar: at most one store of its own type). */
export function initRegister(ctx: FnContext, reg: string, t: CType, stores: { value: Expr }[], zeroFill: boolean): void {
  if (zeroFill) ctx.emit(isFlo(t) ? `fmv.d.x ${reg}, zero` : `mv ${reg}, zero`);
  for (const s of stores) intoRegister(ctx, reg, t, s.value);
}

/** reg = value (of type `t`): constants and register values go straight in, anything else through a0/fa0. */
function intoRegister(ctx: FnContext, reg: string, t: CType, value: Expr): void {
  if (value.kind === 'int' && !isFlo(t) && t.kind !== 'bool') { ctx.emit(`li ${reg}, ${regImage(wrapInt(value.value, t), t)}`); return; }
  if (value.kind === 'float' && Object.is(value.value, 0)) { ctx.emit(`fmv.${t.kind === 'float' ? 'w' : 'd'}.x ${reg}, zero`); return; }
  const src = regValue(ctx, value);
  if (src === undefined) genExpr(ctx, value);
  const from = src ?? (isFlo(t) ? 'fa0' : 'a0');
  if (from !== reg) ctx.emit(`${mvInsn(t)} ${reg}, ${from}`);
}

