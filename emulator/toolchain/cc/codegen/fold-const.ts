// Constant evaluation for the -O1 folder with exactly the results the
// generated code would compute at run time: integers wrap to their type
// (32-bit ops like the *w instructions, shift amounts masked to 5/6 bits,
// division by zero left to run time), float/double arithmetic rounded to the
// operation type (one correct rounding), comparisons as IEEE compares.

import type { BinaryOp, Expr } from '../ast.ts';
import { isInteger, type CType } from '../types.ts';

type BinaryExpr = Extract<Expr, { kind: 'binary' }>;

/** Returns `v` as a value of type `t`: wrapped to its width, sign-extended for signed types, 0/1 for _Bool. */
export function wrapInt(v: bigint, t: CType): bigint {
  if (t.kind === 'bool') return v !== 0n ? 1n : 0n;
  const bits = t.size * 8;
  return t.unsigned || t.kind === 'ptr' ? BigInt.asUintN(bits, v) : BigInt.asIntN(bits, v);
}

/** True when evaluating `e` has no side effects and reads no volatile object. */
export function isPure(e: Expr): boolean {
  switch (e.kind) {
    case 'int': case 'float': return true;
    case 'var': return !e.type.isVolatile && !e.obj.isFunction;
    case 'cast': case 'neg': case 'bitnot': case 'not': return isPure(e.operand);
    case 'binary': return isPure(e.lhs) && isPure(e.rhs);
    default: return false;
  }
}

const isIntType = (t: CType): boolean => (isInteger(t) || t.kind === 'ptr') && (t.size === 4 || t.size === 8);
const COMPARE: Partial<Record<BinaryOp, (a: number | bigint, b: number | bigint) => boolean>> = {
  eq: (a, b) => a === b, ne: (a, b) => a !== b, lt: (a, b) => a < b, le: (a, b) => a <= b, gt: (a, b) => a > b, ge: (a, b) => a >= b,
};

/** The folded constant of a binary node whose operands are both constants, else undefined. */
export function foldBinaryConst(e: BinaryExpr): Expr | undefined {
  const { lhs, rhs } = e;
  if (lhs.kind === 'int' && rhs.kind === 'int' && isIntType(lhs.type) && isIntType(rhs.type)) {
    const v = intOp(e.op, wrapInt(lhs.value, lhs.type), wrapInt(rhs.value, rhs.type), lhs.type);
    return v === undefined ? undefined : { kind: 'int', type: e.type, loc: e.loc, value: wrapInt(v, e.type) };
  }
  if (lhs.kind === 'float' && rhs.kind === 'float' && (lhs.type.kind === 'float' || lhs.type.kind === 'double')) {
    const cmp = COMPARE[e.op];
    if (cmp) return { kind: 'int', type: e.type, loc: e.loc, value: cmp(lhs.value, rhs.value) && !(e.op !== 'ne' && Number.isNaN(lhs.value + rhs.value)) ? 1n : 0n };
    const v = floatOp(e.op, lhs.value, rhs.value);
    if (v === undefined || Number.isNaN(v)) return undefined;
    return { kind: 'float', type: e.type, loc: e.loc, value: lhs.type.kind === 'float' ? Math.fround(v) : v };
  }
  return undefined;
}

function intOp(op: BinaryOp, a: bigint, b: bigint, t: CType): bigint | undefined {
  const mask = BigInt(t.size * 8 - 1);
  const cmp = COMPARE[op];
  if (cmp) return cmp(a, b) ? 1n : 0n;
  switch (op) {
    case 'add': return a + b;
    case 'sub': return a - b;
    case 'mul': return a * b;
    case 'div': return b === 0n ? undefined : a / b;
    case 'mod': return b === 0n ? undefined : a % b;
    case 'shl': return a << (b & mask);
    case 'shr': return a >> (b & mask);
    case 'bitand': return a & b;
    case 'bitor': return a | b;
    case 'bitxor': return a ^ b;
    default: return undefined;
  }
}

function floatOp(op: BinaryOp, a: number, b: number): number | undefined {
  switch (op) {
    case 'add': return a + b;
    case 'sub': return a - b;
    case 'mul': return a * b;
    case 'div': return a / b;
    default: return undefined;
  }
}
