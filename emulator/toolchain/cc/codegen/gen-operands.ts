// -O1 binary operations: operands come from registers where they already are
// (register locals, x0 for a zero), leaves are evaluated into a t-register
// without stack traffic, constants that fit 12 bits become immediate
// operands (addi/andi/slli/slti...), and other left operands wait in a
// callee-saved temporary (ctx.hold) instead of the stack.

import type { BinaryOp, Expr } from '../ast.ts';
import { isRecord, type CType } from '../types.ts';
import type { FnContext } from './context.ts';
import { applyBinary } from './gen-binary.ts';
import { genExpr, regImage } from './gen-expr.ts';
import { isByAddress, isFlo } from './load-store.ts';

type BinaryExpr = Extract<Expr, { kind: 'binary' }>;

const fits12 = (v: bigint): boolean => v >= -2048n && v <= 2047n;
const isIntLike = (t: CType): boolean => !isFlo(t) && t.kind !== 'ldouble' && !isByAddress(t) && t.kind !== 'void';

/** The register of `e` when it is a register local, else undefined. */
export function regVar(ctx: FnContext, e: Expr): string | undefined {
  return e.kind === 'var' ? ctx.regOf(e.obj) : undefined;
}

/** True when converting an integer of type `from` to `to` leaves its register image as is (convert() emits nothing). */
export function keepsImage(from: CType, to: CType): boolean {
  if (!isIntLike(from) || !isIntLike(to) || to.kind === 'bool') return false;
  if (to.size === 8 && from.size === 4 && from.unsigned) return false;
  return to.size >= from.size && (to.size === 8 || to.unsigned === from.unsigned || from.kind === 'bool' || (from.unsigned && to.size > from.size));
}

/** The register holding the value of `e` without any code: a register local, possibly under conversions that keep its image. */
export function regValue(ctx: FnContext, e: Expr): string | undefined {
  if (e.kind === 'cast' && keepsImage(e.operand.type, e.type)) return regValue(ctx, e.operand);
  return regVar(ctx, e);
}

/**
 * The instructions computing `d = src op imm` (d default a0; comparisons always
 * set a0) for an integer operation of type `t` (size 4 or 8), or undefined when
 * `op` has no immediate form for `imm`.
 */
export function immInsns(op: BinaryOp, t: CType, imm: bigint): ((src: string, d?: string) => string[]) | undefined {
  if (!isIntLike(t) || (t.size !== 4 && t.size !== 8)) return undefined;
  const w = t.size === 4 ? 'w' : '';
  const u = t.unsigned || t.kind === 'ptr' ? 'u' : '';
  const bits = BigInt(t.size * 8);
  const amount = (v: bigint): bigint => v & (bits - 1n);
  const log2 = imm > 0n && (imm & (imm - 1n)) === 0n ? BigInt(imm.toString(2).length - 1) : -1n;
  switch (op) {
    case 'add': return fits12(imm) ? (s, d = 'a0') => [`addi${w} ${d}, ${s}, ${imm}`] : undefined;
    case 'sub': return fits12(-imm) ? (s, d = 'a0') => [`addi${w} ${d}, ${s}, ${-imm}`] : undefined;
    case 'bitand': return fits12(imm) ? (s, d = 'a0') => [`andi ${d}, ${s}, ${imm}`] : undefined;
    case 'bitor': return fits12(imm) ? (s, d = 'a0') => [`ori ${d}, ${s}, ${imm}`] : undefined;
    case 'bitxor': return fits12(imm) ? (s, d = 'a0') => [`xori ${d}, ${s}, ${imm}`] : undefined;
    case 'shl': return (s, d = 'a0') => [`slli${w} ${d}, ${s}, ${amount(imm)}`];
    case 'shr': return (s, d = 'a0') => [`${u ? 'srl' : 'sra'}i${w} ${d}, ${s}, ${amount(imm)}`];
    case 'mul': return log2 >= 0n ? (s, d = 'a0') => [`slli${w} ${d}, ${s}, ${log2}`] : undefined;
    case 'div': return u && log2 >= 0n ? (s, d = 'a0') => [`srli${w} ${d}, ${s}, ${log2}`] : undefined;
    case 'mod': return u && log2 >= 0n && imm <= 2048n ? (s, d = 'a0') => [`andi ${d}, ${s}, ${imm - 1n}`] : undefined;
    case 'eq': case 'ne': {
      const set = op === 'eq' ? 'seqz' : 'snez';
      if (imm === 0n) return (s) => [`${set} a0, ${s}`];
      return fits12(-imm) ? (s) => [`addi a0, ${s}, ${-imm}`, `${set} a0, a0`] : undefined;
    }
    case 'lt': return fits12(imm) ? (s) => [`slti${u} a0, ${s}, ${imm}`] : undefined;
    case 'ge': return fits12(imm) ? (s) => [`slti${u} a0, ${s}, ${imm}`, 'xori a0, a0, 1'] : undefined;
    case 'le': return fits12(imm + 1n) && !(u && imm === -1n) ? (s) => [`slti${u} a0, ${s}, ${imm + 1n}`] : undefined;
    case 'gt': return fits12(imm + 1n) && !(u && imm === -1n) ? (s) => [`slti${u} a0, ${s}, ${imm + 1n}`, 'xori a0, a0, 1'] : undefined;
  }
}

/** `a0 = e.lhs op constant` when e's right operand is a constant with an immediate form, else undefined. */
function immediateOf(e: BinaryExpr): ((src: string) => string[]) | undefined {
  return e.rhs.kind === 'int' ? immInsns(e.op, e.lhs.type, regImage(e.rhs.value, e.lhs.type)) : undefined;
}

/** True when evaluating `e` at -O1 writes no register but a0/fa0 (so t0/t1/ft0/ft1 survive it). */
export function isLeaf(ctx: FnContext, e: Expr): boolean {
  switch (e.kind) {
    case 'int': return true;
    case 'var': return !isByAddress(e.type) && e.type.kind !== 'ldouble';
    case 'addr': return e.operand.kind === 'var';
    case 'deref': return !isByAddress(e.type) && e.type.kind !== 'ldouble' && isLeaf(ctx, e.operand);
    case 'member':
      return !isByAddress(e.type) && e.type.kind !== 'ldouble' && e.member.offset < 2048
        && (isRecord(e.operand.type) ? e.operand.kind === 'var' || e.operand.kind === 'deref' : false) && isLeaf(ctx, e.operand.kind === 'deref' ? e.operand.operand : e.operand);
    case 'cast': return isIntLike(e.operand.type) && (isIntLike(e.type) || isFlo(e.type)) && isLeaf(ctx, e.operand);
    case 'binary':
      if (regValue(ctx, e.lhs) !== undefined && regValue(ctx, e.rhs) !== undefined) return true;
      return immediateOf(e) !== undefined && isLeaf(ctx, e.lhs);
    default: return false;
  }
}

/** Evaluates `e` unless it is a register local; returns the register holding its value. */
export function valueReg(ctx: FnContext, e: Expr): string {
  const r = regValue(ctx, e);
  if (r !== undefined) return r;
  genExpr(ctx, e);
  return isFlo(e.type) ? 'fa0' : 'a0';
}

/** Evaluates both operands (of type `t`); returns the registers holding them, valid until the next instruction emitted. */
export function genOperands(ctx: FnContext, lhs: Expr, rhs: Expr, t: CType): { l: string; r: string } {
  const f = isFlo(t);
  const a = f ? 'fa0' : 'a0';
  const lr = regValue(ctx, lhs);
  const rr = regValue(ctx, rhs);
  if (lr !== undefined && rr !== undefined) return { l: lr, r: rr };
  if (!f && rhs.kind === 'int' && rhs.value === 0n) return { l: valueReg(ctx, lhs), r: 'zero' };
  if (rr !== undefined) { genExpr(ctx, lhs); return { l: a, r: rr }; }
  if (lr !== undefined) { genExpr(ctx, rhs); return { l: lr, r: a }; }
  const mv = f ? 'fmv.d' : 'mv';
  if (isLeaf(ctx, rhs)) {
    genExpr(ctx, lhs);
    ctx.emit(`${mv} ${f ? 'ft0' : 't0'}, ${a}`);
    genExpr(ctx, rhs);
    return { l: f ? 'ft0' : 't0', r: a };
  }
  if (isLeaf(ctx, lhs)) {
    genExpr(ctx, rhs);
    ctx.emit(`${mv} ${f ? 'ft1' : 't1'}, ${a}`);
    genExpr(ctx, lhs);
    return { l: a, r: f ? 'ft1' : 't1' };
  }
  genExpr(ctx, lhs);
  const held = ctx.hold(f);
  genExpr(ctx, rhs);
  return { l: ctx.release(held, f, f ? 'ft0' : 't0'), r: a };
}

const SWAPPED: Partial<Record<BinaryOp, BinaryOp>> = { add: 'add', mul: 'mul', bitand: 'bitand', bitor: 'bitor', bitxor: 'bitxor', eq: 'eq', ne: 'ne', lt: 'gt', gt: 'lt', le: 'ge', ge: 'le' };

/** -O1 binary operation: the result in a0 (fa0 for floating arithmetic). */
export function genBinaryO1(ctx: FnContext, e: BinaryExpr): void {
  const swapped = SWAPPED[e.op];
  if (e.lhs.kind === 'int' && e.rhs.kind !== 'int' && swapped !== undefined && isIntLike(e.lhs.type)) {
    genBinaryO1(ctx, { ...e, op: swapped, lhs: e.rhs, rhs: e.lhs });
    return;
  }
  const imm = immediateOf(e);
  if (imm) {
    for (const line of imm(valueReg(ctx, e.lhs))) ctx.emit(line);
    return;
  }
  const { l, r } = genOperands(ctx, e.lhs, e.rhs, e.lhs.type);
  applyBinary(ctx, e.op, e.lhs.type, e.loc, l, r);
}
