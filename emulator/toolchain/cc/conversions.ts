// Semantic helpers of the C front end: implicit conversions made explicit as
// cast nodes (array/function decay, usual arithmetic conversions, assignment
// conversions with their constraint checks), lvalue tests and constant nodes.

import type { SourceLocation } from '../asm/diagnostics.ts';
import type { Expr } from './ast.ts';
import type { Parser } from './parser.ts';
import {
  type CType, boolType, doubleType, compatible, intType, isArithmetic, isInteger, isPointer, isRecord, isScalar,
  pointerTo, typeName, unqual, usualArithmetic,
} from './types.ts';

/** Returns `v` wrapped to the width and signedness of integer type `t`. */
export function wrapInt(v: bigint, t: CType): bigint {
  if (t.kind === 'bool') return v !== 0n ? 1n : 0n;
  const bits = t.kind === 'ptr' ? 64 : t.size * 8;
  return t.unsigned || t.kind === 'ptr' ? BigInt.asUintN(bits, v) : BigInt.asIntN(bits, v);
}

const poisoned = new WeakSet<Expr>();

/** Returns a placeholder `int 0` for an expression already reported as wrong; later checks skip it. */
export function errorExpr(loc: SourceLocation): Expr {
  const e: Expr = { kind: 'int', value: 0n, type: intType, loc };
  poisoned.add(e);
  return e;
}

/** True for a placeholder made by errorExpr (no further diagnostics about it). */
export function isErrorExpr(e: Expr): boolean {
  return poisoned.has(e);
}

export function intNode(value: bigint, type: CType, loc: SourceLocation): Expr {
  return { kind: 'int', value: wrapInt(value, type), type, loc };
}

/** True when the two types need no conversion node between them. */
function sameRepresentation(a: CType, b: CType): boolean {
  const x = unqual(a);
  const y = unqual(b);
  if (x === y) return true;
  if (x.kind === 'ptr' && y.kind === 'ptr') return true;
  if (isInteger(x) && isInteger(y)) return x.size === y.size && x.unsigned === y.unsigned && x.kind !== 'bool' && y.kind !== 'bool';
  return x.kind === y.kind && x.kind !== 'array' && x.kind !== 'func' && x.kind !== 'struct' && x.kind !== 'union';
}

/** Returns `e` converted to `t`: itself when nothing changes, a folded constant, or a cast node. */
export function castTo(e: Expr, t: CType): Expr {
  if (sameRepresentation(e.type, t)) return e.type === t ? e : { ...e, type: t };
  if (e.kind === 'int' && (isInteger(t) || isPointer(t))) return intNode(e.value, t, e.loc);
  if (e.kind === 'int' && (t.kind === 'float' || t.kind === 'double')) return { kind: 'float', value: t.kind === 'float' ? Math.fround(Number(e.value)) : Number(e.value), type: t, loc: e.loc };
  if (e.kind === 'float' && (t.kind === 'float' || t.kind === 'double')) return { kind: 'float', value: t.kind === 'float' ? Math.fround(e.value) : e.value, type: t, loc: e.loc };
  return { kind: 'cast', operand: e, type: t, loc: e.loc };
}

/** Array-to-pointer and function-to-pointer decay (6.3.2.1); other expressions unchanged. */
export function decay(e: Expr): Expr {
  if (e.type.kind === 'array') return { kind: 'addr', operand: e, type: pointerTo(e.type.base!), loc: e.loc };
  if (e.type.kind === 'func') return { kind: 'addr', operand: e, type: pointerTo(e.type), loc: e.loc };
  return e;
}

/** True when `e` designates an object (6.3.2.1). */
export function isLvalue(e: Expr): boolean {
  switch (e.kind) {
    case 'var': return !e.obj.isFunction;
    case 'deref': case 'string': case 'compound_literal': return true;
    case 'member': return isLvalue(e.operand);
    default: return false;
  }
}

/** True when `t` has a const member at any depth (struct assignment is then illegal). */
function hasConstMember(t: CType): boolean {
  return isRecord(t) && (unqual(t).members ?? []).some((m) => m.type.isConst || hasConstMember(m.type));
}

/** Reports unless `e` is a modifiable lvalue; `what` names the operation. */
export function checkModifiable(p: Parser, e: Expr, what: string): void {
  if (isErrorExpr(e)) return;
  if (!isLvalue(e)) p.error(e.loc, `lvalue required as ${what}`);
  else if (e.type.kind === 'array') p.error(e.loc, `assignment to expression with array type`);
  else if (e.type.isConst || hasConstMember(e.type)) p.error(e.loc, `${what === 'left operand of assignment' ? 'assignment of' : 'modification of'} read-only location`);
}

/** True for an integer constant 0 or `(void *)0` (6.3.2.3). */
export function isNullPointerConstant(e: Expr): boolean {
  if (e.kind === 'int') return e.value === 0n && (isInteger(e.type) || (isPointer(e.type) && e.type.base!.kind === 'void'));
  if (e.kind === 'cast' && isPointer(e.type) && e.type.base!.kind === 'void') return isNullPointerConstant(e.operand);
  return false;
}

/** Converts the operand to a scalar test value (for `if`, `!`, `&&`...): reports a non-scalar. */
export function toCondition(p: Parser, e: Expr): Expr {
  const d = decay(e);
  if (!isArithmetic(d.type) && !isPointer(d.type)) p.error(e.loc, `used ${typeName(d.type)} where scalar is required`);
  return d;
}

/**
 * Converts `e` for assignment to an object of type `to` (6.5.16.1): checks
 * arithmetic, pointer (qualifiers, void *, null) and struct compatibility and
 * reports violations ("incompatible types when ..."); returns the converted expr.
 */
export function assignConvert(p: Parser, e0: Expr, to: CType, context: string): Expr {
  const e = decay(e0);
  const from = e.type;
  const t = unqual(to);
  if (isErrorExpr(e)) return castTo(e, isScalar(t) ? t : intType);
  if (t.kind === 'ldouble' || from.kind === 'ldouble') return castTo(e, to);
  if (isArithmetic(t) && isArithmetic(from)) return castTo(e, t);
  if (t.kind === 'bool' && isPointer(from)) return castTo(e, boolType);
  if (isPointer(t)) {
    if (isNullPointerConstant(e)) return castTo(e, t);
    if (isPointer(from)) {
      const tb = t.base!;
      const fb = from.base!;
      if ((fb.isConst && !tb.isConst) || (fb.isVolatile && !tb.isVolatile))
        p.warn(e.loc, `${context} discards '${fb.isConst ? 'const' : 'volatile'}' qualifier from pointer target type`);
      if (tb.kind !== 'void' && fb.kind !== 'void' && !compatible(tb, fb, true))
        p.warn(e.loc, `incompatible pointer types ${context} '${typeName(t)}' from '${typeName(from)}'`);
      return castTo(e, t);
    }
    if (isInteger(from)) {
      p.warn(e.loc, `${context} '${typeName(t)}' from '${typeName(from)}' makes pointer from integer without a cast`);
      return castTo(e, t);
    }
  }
  if (isInteger(t) && isPointer(from)) {
    p.warn(e.loc, `${context} '${typeName(t)}' from '${typeName(from)}' makes integer from pointer without a cast`);
    return castTo(e, t);
  }
  if (isRecord(t) && compatible(t, from, true)) return e;
  p.error(e.loc, `incompatible types when ${context} type '${typeName(to)}' from type '${typeName(from)}'`);
  return castTo(e, t);
}

/** Applies the usual arithmetic conversions to both operands; returns them and the common type. */
export function arithmeticOperands(a: Expr, b: Expr): [Expr, Expr, CType] {
  const t = usualArithmetic(a.type, b.type);
  return [castTo(a, t), castTo(b, t), t];
}

/** Default argument promotions (6.5.2.2p6): integer promotions and float -> double. */
export function defaultPromote(e0: Expr): Expr {
  const e = decay(e0);
  if (e.type.kind === 'float') return castTo(e, doubleType);
  if (isInteger(e.type)) {
    const t = unqual(e.type);
    if (t.size < 4 || t.kind === 'bool') return castTo(e, intType);
    if (t.kind === 'enum') return castTo(e, intType);
  }
  return e;
}

/** Rejects long double arithmetic with a clear diagnostic. */
export function checkNotLongDouble(p: Parser, e: Expr): void {
  if (e.type.kind === 'ldouble') p.error(e.loc, 'long double arithmetic is not supported by this compiler');
}

