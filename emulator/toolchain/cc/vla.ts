// Variable length arrays (C11 6.7.6.2), lowered in the front end: `T a[n]` in
// a block becomes hidden locals `a.size` (n * sizeof(T), for sizeof) and
// `a.ptr` = alloca(size); uses of `a` are `*a.ptr`. Before a block's first VLA
// the stack pointer is saved; it is restored at the end of the block and on
// break/continue out of it (so loops do not leak stack). Only the outermost
// dimension may be variable; goto out of a VLA block keeps the stack until the
// function returns.

import type { SourceLocation } from '../asm/diagnostics.ts';
import type { Expr, Obj, Stmt } from './ast.ts';
import { evalInteger } from './const-eval.ts';
import { castTo, intNode } from './conversions.ts';
import { parseConditional } from './parse-expression.ts';
import type { Parser } from './parser.ts';
import { arrayOf, type CType, isInteger, pointerTo, typeName, ulongType, voidType } from './types.ts';

/** One open block of the function being parsed: the depths it sits at and its saved stack pointer once it has a VLA. */
interface VlaBlock { loopDepth: number; breakDepth: number; save?: Obj }

const blocks = new WeakMap<object, VlaBlock[]>();

function openBlocks(p: Parser): VlaBlock[] {
  const fn = p.fn!;
  let list = blocks.get(fn);
  if (list === undefined) { list = []; blocks.set(fn, list); }
  return list;
}

/**
 * Parses an array size inside a function or a parameter list: returns the
 * constant (with its location), `{ vla }` for a run-time length, or undefined
 * after an error. In a parameter (`inParam`) a run-time size may name earlier
 * parameters, which are not in scope yet: the array becomes a pointer anyway,
 * so the size's diagnostics are dropped.
 */
export function parseArraySizeInFunction(p: Parser, inParam = false): { value: bigint; loc: SourceLocation } | { vla: Expr } | undefined {
  const loc = p.loc();
  const mark = p.diags.items.length;
  const e = parseConditional(p);
  if (inParam && p.diags.items.length > mark) {
    p.errorCount -= p.diags.items.slice(mark).filter((d) => d.severity === 'error').length;
    p.diags.items.length = mark;
    return { vla: e };
  }
  if (!isInteger(e.type)) { p.error(loc, `size of array has non-integer type '${typeName(e.type)}'`); return undefined; }
  const v = evalInteger(e);
  return v === undefined ? { vla: e } : { value: v, loc };
}

/** The type `T[n]` with a run-time length; T itself must have a constant size. */
export function vlaType(p: Parser, elem: CType, length: Expr, loc: SourceLocation): CType {
  if (elem.vlaLength !== undefined) p.error(loc, 'variable length arrays are only supported in the outermost dimension');
  return { ...arrayOf(elem, 0), vlaLength: length };
}

/** True when `t` or a type it is built from (pointee, element, return type) has a run-time length. */
function containsVla(t: CType | undefined): boolean {
  for (let u = t; u !== undefined; u = u.base) if (u.vlaLength !== undefined) return true;
  return false;
}

/** Reports a VLA type (anywhere inside `t`) where none is supported; returns true when it did. */
export function rejectVla(p: Parser, t: CType, loc: SourceLocation, what: string): boolean {
  if (!containsVla(t)) return false;
  p.error(loc, `variable length array ${what} is not supported`);
  return true;
}

/** Reports a VLA type inside `t` other than its own outermost dimension (pointers to VLAs, VLA elements). */
export function rejectNestedVla(p: Parser, t: CType, loc: SourceLocation): boolean {
  return rejectVla(p, t.vlaLength !== undefined ? t.base! : t, loc, 'type (other than a block-scope array)');
}

function hiddenLocal(p: Parser, name: string, type: CType, loc: SourceLocation): Obj {
  const o: Obj = { name, type, loc, storage: 'local', symbol: name, id: p.nextId(), isFunction: false, isStatic: false, isExtern: false, align: type.align };
  p.fn!.locals.push(o);
  return o;
}

const varOf = (o: Obj, loc: SourceLocation): Expr => ({ kind: 'var', obj: o, type: o.type, loc });
const exprStmt = (expr: Expr, loc: SourceLocation): Stmt => ({ kind: 'expr', expr, loc });
const assign = (o: Obj, rhs: Expr, loc: SourceLocation): Stmt => exprStmt({ kind: 'assign', lhs: varOf(o, loc), rhs, type: o.type, loc }, loc);

/** Declares the block-scope VLA `name` of type `t` (from vlaType); returns the statements that allocate it. */
export function declareVla(p: Parser, name: string, t: CType, loc: SourceLocation): { obj: Obj; stmts: Stmt[] } {
  const stmts: Stmt[] = [];
  const list = openBlocks(p);
  const block = list.at(-1);
  if (block !== undefined && block.save === undefined) {
    block.save = hiddenLocal(p, `${name}.sp`, pointerTo(voidType), loc);
    stmts.push(assign(block.save, { kind: 'stack_save', type: block.save.type, loc }, loc));
  }
  const elem = t.base!;
  const size = hiddenLocal(p, `${name}.size`, ulongType, loc);
  const type: CType = { ...arrayOf(elem, 0), vlaSize: size };
  const ptr = hiddenLocal(p, `${name}.ptr`, pointerTo(type), loc);
  const bytes: Expr = { kind: 'binary', op: 'mul', lhs: castTo(t.vlaLength!, ulongType), rhs: intNode(BigInt(elem.size), ulongType, loc), type: ulongType, loc };
  stmts.push(assign(size, bytes, loc), assign(ptr, { kind: 'alloca', size: varOf(size, loc), type: ptr.type, loc }, loc));
  const obj: Obj = { name, type, loc, storage: 'local', symbol: name, id: p.nextId(), isFunction: false, isStatic: false, isExtern: false, align: elem.align, vlaPointer: ptr };
  return { obj, stmts };
}

/** The lvalue `*name.ptr` that a use of the VLA `obj` stands for. */
export function vlaReference(obj: Obj, loc: SourceLocation): Expr {
  const ptr = obj.vlaPointer!;
  return { kind: 'deref', operand: varOf(ptr, loc), type: obj.type, loc };
}

/** `sizeof` of a VLA (run time), or undefined for any other type. */
export function vlaSizeof(t: CType, loc: SourceLocation): Expr | undefined {
  return t.vlaSize === undefined ? undefined : varOf(t.vlaSize, loc);
}

/** Call when a compound statement opens (inside a function). */
export function enterVlaBlock(p: Parser): void {
  const fn = p.fn!;
  openBlocks(p).push({ loopDepth: fn.loopDepth, breakDepth: fn.breakDepth });
}

/** Call when a compound statement closes: appends the stack restore to `body` when the block allocated VLAs. */
export function leaveVlaBlock(p: Parser, body: Stmt[], loc: SourceLocation): void {
  const block = openBlocks(p).pop();
  if (block?.save !== undefined) body.push(restore(block.save, loc));
}

function restore(save: Obj, loc: SourceLocation): Stmt {
  return exprStmt({ kind: 'stack_restore', value: varOf(save, loc), type: voidType, loc }, loc);
}

/** `break`/`continue` leaving blocks with VLAs: restores the stack of the outermost one left; returns the statement to emit. */
export function vlaJump(p: Parser, jump: Stmt): Stmt {
  const fn = p.fn!;
  const left = openBlocks(p).find((b) => b.save !== undefined && (jump.kind === 'break' ? b.breakDepth >= fn.breakDepth : b.loopDepth >= fn.loopDepth));
  return left === undefined ? jump : { kind: 'block', body: [restore(left.save!, jump.loc), jump], loc: jump.loc };
}
