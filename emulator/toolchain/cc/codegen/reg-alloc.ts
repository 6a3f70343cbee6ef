// -O1 register allocation for locals: scalar locals and parameters whose
// address is never taken (not volatile, not aggregates) live in callee-saved
// registers (s1-s11, fs0-fs11) for the whole function, chosen by use count
// weighted by loop depth. Functions that call setjmp, or whose inline asm
// names s-registers, get no allocation (and no -O1 at all, see codegen.ts).

import type { Expr, FunctionDef, Obj, Stmt } from '../ast.ts';
import { isInteger, type CType } from '../types.ts';
import { walkStmt } from './ast-walk.ts';

export const INT_SAVED = ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11'];
export const FLOAT_SAVED = ['fs0', 'fs1', 'fs2', 'fs3', 'fs4', 'fs5', 'fs6', 'fs7', 'fs8', 'fs9', 'fs10', 'fs11'];

const SETJMP_NAMES = new Set(['setjmp', '_setjmp', '__builtin_setjmp', 'sigsetjmp', '__sigsetjmp', 'savectx', 'vfork', 'getcontext']);

export interface RegPlan {
  /** Register of each register-allocated local, by Obj.id. */
  regs: Map<number, string>;
  /** Callee-saved registers left for expression temporaries. */
  freeInt: string[];
  freeFloat: string[];
}

const isFloatReg = (t: CType): boolean => t.kind === 'float' || t.kind === 'double';

/** True when a value of type `t` can live in one register (integer, pointer, float, double). */
export function isRegisterType(t: CType): boolean {
  if (t.isVolatile) return false;
  if (t.kind === 'ptr') return true;
  if (isFloatReg(t)) return true;
  return isInteger(t) && t.size <= 8;
}

/** True when `fn` must not be optimized: it calls setjmp (or the like) or has inline asm naming s/fs registers. */
export function needsPlainCode(fn: FunctionDef): boolean {
  let plain = false;
  walkStmt(fn.body, {
    expr(e) {
      if (e.kind === 'call' && SETJMP_NAMES.has(calleeName(e.callee) ?? '')) plain = true;
    },
    stmt(s) {
      if (s.kind === 'asm' && /\bf?s\d+\b|\bfp\b/.test([s.template, ...s.clobbers].join(' '))) plain = true;
    },
  });
  return plain;
}

function calleeName(callee: Expr): string | undefined {
  if (callee.kind === 'addr' && callee.operand.kind === 'var') return callee.operand.obj.name;
  if (callee.kind === 'cast') return calleeName(callee.operand);
  if (callee.kind === 'var') return callee.obj.name;
  return undefined;
}

/** Returns the register plan of `fn` (whose body, after folding, is `body`): which locals get which callee-saved register. */
export function planRegisters(fn: FunctionDef, body: Stmt = fn.body): RegPlan {
  const pinned = new Set<number>();
  const weight = new Map<number, number>();
  const pin = (e: Expr): void => { if (e.kind === 'var') pinned.add(e.obj.id); };
  walkStmt(body, {
    expr(e, depth) {
      if (e.kind === 'var' && e.obj.storage === 'local') weight.set(e.obj.id, (weight.get(e.obj.id) ?? 0) + 8 ** Math.min(depth, 4));
      if (e.kind === 'addr') pin(e.operand);
      if (e.kind === 'va_start' || e.kind === 'va_arg' || e.kind === 'va_end') pin(e.ap);
      if (e.kind === 'va_copy') pin(e.dst);
      if (e.kind === 'compound_literal') pinned.add(e.obj.id);
    },
    stmt(s) {
      if (s.kind === 'asm') for (const o of s.outputs) pinned.add(o.expr.kind === 'var' ? o.expr.obj.id : -1);
      // A memory operand ("m") needs the object's address, like `&x`.
      if (s.kind === 'asm') for (const o of [...s.outputs, ...s.inputs]) if (o.constraint.includes('m')) pin(o.expr);
    },
  });
  const inFunction = new Set(fn.locals.map((o) => o.id));
  const params = new Set(fn.params.map((o) => o.id));
  const candidates = fn.locals.filter((o: Obj) => inFunction.has(o.id) && !pinned.has(o.id) && isRegisterType(o.type) && (weight.get(o.id) ?? 0) >= (params.has(o.id) ? 1 : 2));
  candidates.sort((a, b) => (weight.get(b.id) ?? 0) - (weight.get(a.id) ?? 0) || a.id - b.id);
  const regs = new Map<number, string>();
  const ints = [...INT_SAVED];
  const floats = [...FLOAT_SAVED];
  for (const o of candidates) {
    const pool = isFloatReg(o.type) ? floats : ints;
    const r = pool.shift();
    if (r !== undefined) regs.set(o.id, r);
  }
  return { regs, freeInt: ints, freeFloat: floats };
}
