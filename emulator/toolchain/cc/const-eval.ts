// Constant evaluation of typed expressions: integer constant expressions (array
// sizes, case labels, enum values, bit-field widths) and the arithmetic or
// address constants of static initializers (`&x + 4`, `"str"`, `&a[2].f`).

import type { Expr } from './ast.ts';
import { wrapInt } from './conversions.ts';
import { isFloat, isInteger, unqual } from './types.ts';

/** The value of a constant expression. */
export type ConstValue =
  | { kind: 'int'; value: bigint }
  | { kind: 'float'; value: number }
  /** Address constant: symbol + addend (bytes). */
  | { kind: 'addr'; symbol: string; addend: bigint };

/** Returns the integer value of an integer constant expression, or undefined when `e` is not one. */
export function evalInteger(e: Expr): bigint | undefined {
  const v = evalConst(e);
  return v?.kind === 'int' ? v.value : undefined;
}

/**
 * Returns the value of an arithmetic or address constant expression, or
 * undefined when `e` is not constant (reads a variable, calls, assigns...).
 * Division by zero is not constant.
 */
export function evalConst(e: Expr): ConstValue | undefined {
  switch (e.kind) {
    case 'int': return { kind: 'int', value: e.value };
    case 'float': return { kind: 'float', value: e.value };
    case 'string': return { kind: 'addr', symbol: e.symbol, addend: 0n };
    case 'label_addr': return { kind: 'addr', symbol: e.symbol, addend: 0n };
    case 'addr': return evalAddress(e.operand);
    case 'cast': return evalCast(e);
    case 'neg': case 'bitnot': case 'not': return evalUnary(e.kind, e.operand, e);
    case 'binary': return evalBinary(e);
    case 'logand': case 'logor': {
      const a = truth(evalConst(e.lhs));
      if (a === undefined) return undefined;
      if (a === (e.kind === 'logor')) return { kind: 'int', value: a ? 1n : 0n };
      const b = truth(evalConst(e.rhs));
      return b === undefined ? undefined : { kind: 'int', value: b ? 1n : 0n };
    }
    case 'cond': {
      const c = truth(evalConst(e.cond));
      if (c === undefined) return undefined;
      return evalConst(c ? e.then : e.else);
    }
    case 'comma': return undefined;
    default: return undefined;
  }
}

function truth(v: ConstValue | undefined): boolean | undefined {
  if (v === undefined) return undefined;
  if (v.kind === 'int') return v.value !== 0n;
  if (v.kind === 'float') return v.value !== 0;
  return true;
}

/** The address of an lvalue with static storage: `x`, `x.f`, `a[i]` (as `*(a + i)`), `*&x`. */
function evalAddress(e: Expr): ConstValue | undefined {
  switch (e.kind) {
    case 'var': return e.obj.storage === 'global' ? { kind: 'addr', symbol: e.obj.symbol, addend: 0n } : undefined;
    case 'string': return { kind: 'addr', symbol: e.symbol, addend: 0n };
    case 'member': {
      const base = evalAddress(e.operand);
      if (base?.kind === 'addr') return { ...base, addend: base.addend + BigInt(e.member.offset) };
      if (base?.kind === 'int') return { kind: 'int', value: base.value + BigInt(e.member.offset) }; // offsetof idiom
      return undefined;
    }
    case 'deref': return evalConst(e.operand);
    case 'compound_literal': return undefined;
    default: return undefined;
  }
}

function evalCast(e: Expr & { kind: 'cast' }): ConstValue | undefined {
  const v = evalConst(e.operand);
  if (v === undefined) return undefined;
  const t = unqual(e.type);
  if (t.kind === 'void') return undefined;
  if (isInteger(t) || t.kind === 'ptr') {
    if (v.kind === 'int') return { kind: 'int', value: wrapInt(v.value, t) };
    if (v.kind === 'float') {
      if (!Number.isFinite(v.value)) return undefined;
      return { kind: 'int', value: t.kind === 'bool' ? (v.value !== 0 ? 1n : 0n) : wrapInt(BigInt(Math.trunc(v.value)), t) };
    }
    return t.size === 8 ? v : undefined; // a truncated address is not a link-time constant
  }
  if (isFloat(t)) {
    const n = v.kind === 'int' ? Number(v.value) : v.kind === 'float' ? v.value : undefined;
    if (n === undefined) return undefined;
    return { kind: 'float', value: t.kind === 'float' ? Math.fround(n) : n };
  }
  return undefined;
}

function evalUnary(kind: 'neg' | 'bitnot' | 'not', operand: Expr, e: Expr): ConstValue | undefined {
  const v = evalConst(operand);
  if (v === undefined) return undefined;
  if (kind === 'not') { const t = truth(v); return t === undefined ? undefined : { kind: 'int', value: t ? 0n : 1n }; }
  if (v.kind === 'float') return kind === 'neg' ? { kind: 'float', value: -v.value } : undefined;
  if (v.kind !== 'int') return undefined;
  return { kind: 'int', value: wrapInt(kind === 'neg' ? -v.value : ~v.value, e.type) };
}

function evalBinary(e: Expr & { kind: 'binary' }): ConstValue | undefined {
  const a = evalConst(e.lhs);
  const b = evalConst(e.rhs);
  if (a === undefined || b === undefined) return undefined;
  if (a.kind === 'addr' || b.kind === 'addr') return evalAddressArith(e.op, a, b);
  if (a.kind === 'float' || b.kind === 'float') return evalFloatBinary(e, Number(a.value), Number(b.value));
  const x = a.value;
  const y = b.value;
  const opType = e.lhs.type;
  const bits = BigInt(opType.kind === 'ptr' ? 64 : opType.size * 8);
  let r: bigint;
  switch (e.op) {
    case 'add': r = x + y; break;
    case 'sub': r = x - y; break;
    case 'mul': r = x * y; break;
    case 'div': if (y === 0n) return undefined; r = x / y; break;
    case 'mod': if (y === 0n) return undefined; r = x % y; break;
    case 'shl': if (y < 0n || y >= bits) return undefined; r = x << y; break;
    case 'shr': if (y < 0n || y >= bits) return undefined; r = x >> y; break;
    case 'bitand': r = x & y; break;
    case 'bitor': r = x | y; break;
    case 'bitxor': r = x ^ y; break;
    default: return compare(e.op, x, y);
  }
  return { kind: 'int', value: wrapInt(r, e.type) };
}

function evalFloatBinary(e: Expr & { kind: 'binary' }, x: number, y: number): ConstValue | undefined {
  const round = (v: number): ConstValue => ({ kind: 'float', value: e.type.kind === 'float' ? Math.fround(v) : v });
  switch (e.op) {
    case 'add': return round(x + y);
    case 'sub': return round(x - y);
    case 'mul': return round(x * y);
    case 'div': return round(x / y);
    default: return compare(e.op, x, y);
  }
}

/** An int 0/1 constant for a comparison operator, undefined for any other operator. */
function compare<T extends bigint | number>(op: string, x: T, y: T): ConstValue | undefined {
  const bool = (c: boolean): ConstValue => ({ kind: 'int', value: c ? 1n : 0n });
  switch (op) {
    case 'eq': return bool(x === y);
    case 'ne': return bool(x !== y);
    case 'lt': return bool(x < y);
    case 'le': return bool(x <= y);
    case 'gt': return bool(x > y);
    case 'ge': return bool(x >= y);
    default: return undefined;
  }
}

function evalAddressArith(op: string, a: ConstValue, b: ConstValue): ConstValue | undefined {
  if (op === 'add' && a.kind === 'addr' && b.kind === 'int') return { ...a, addend: a.addend + b.value };
  if (op === 'add' && b.kind === 'addr' && a.kind === 'int') return { ...b, addend: b.addend + a.value };
  if (op === 'sub' && a.kind === 'addr' && b.kind === 'int') return { ...a, addend: a.addend - b.value };
  if (op === 'sub' && a.kind === 'addr' && b.kind === 'addr' && a.symbol === b.symbol) return { kind: 'int', value: a.addend - b.addend };
  return undefined;
}
