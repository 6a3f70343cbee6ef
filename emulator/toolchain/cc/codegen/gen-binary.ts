// Binary operators: by default (the -O0 stack machine) the left operand is in
// t0 (ft0 for floating types), the right one in a0 (fa0) and the result goes to
// a0 (fa0 for floating arithmetic); -O1 names other registers. 32-bit integer
// operations use the *w instructions so results stay sign-extended.

import type { SourceLocation } from '../../asm/diagnostics.ts';
import type { BinaryOp } from '../ast.ts';
import type { CType } from '../types.ts';
import { CodegenError, type FnContext } from './context.ts';
import { isFlo } from './load-store.ts';

/**
 * Emits `d = l op r` for operands of type `t` (default l = t0/ft0, r = a0/fa0,
 * d = a0/fa0; comparisons always set a0).
 */
export function applyBinary(ctx: FnContext, op: BinaryOp, t: CType, loc: SourceLocation, l?: string, r?: string, d?: string): void {
  if (isFlo(t)) { applyFloat(ctx, op, t.kind === 'float' ? 's' : 'd', loc, l ?? 'ft0', r ?? 'fa0', d ?? 'fa0'); return; }
  applyInt(ctx, op, t, loc, l ?? 't0', r ?? 'a0', d ?? 'a0');
}

function applyInt(ctx: FnContext, op: BinaryOp, t: CType, loc: SourceLocation, l: string, r: string, d: string): void {
  if (t.kind === 'ldouble') throw new CodegenError(loc, 'long double arithmetic is not supported');
  const w = t.size === 4 ? 'w' : '';
  const u = t.unsigned || t.kind === 'ptr';
  switch (op) {
    case 'add': ctx.emit(`add${w} ${d}, ${l}, ${r}`); return;
    case 'sub': ctx.emit(`sub${w} ${d}, ${l}, ${r}`); return;
    case 'mul': ctx.emit(`mul${w} ${d}, ${l}, ${r}`); return;
    case 'div': ctx.emit(`div${u ? 'u' : ''}${w} ${d}, ${l}, ${r}`); return;
    case 'mod': ctx.emit(`rem${u ? 'u' : ''}${w} ${d}, ${l}, ${r}`); return;
    case 'shl': ctx.emit(`sll${w} ${d}, ${l}, ${r}`); return;
    case 'shr': ctx.emit(`${u ? 'srl' : 'sra'}${w} ${d}, ${l}, ${r}`); return;
    case 'bitand': ctx.emit(`and ${d}, ${l}, ${r}`); return;
    case 'bitor': ctx.emit(`or ${d}, ${l}, ${r}`); return;
    case 'bitxor': ctx.emit(`xor ${d}, ${l}, ${r}`); return;
    case 'eq': ctx.emit(`xor a0, ${l}, ${r}`); ctx.emit('seqz a0, a0'); return;
    case 'ne': ctx.emit(`xor a0, ${l}, ${r}`); ctx.emit('snez a0, a0'); return;
    case 'lt': ctx.emit(`slt${u ? 'u' : ''} a0, ${l}, ${r}`); return;
    case 'gt': ctx.emit(`slt${u ? 'u' : ''} a0, ${r}, ${l}`); return;
    case 'le': ctx.emit(`slt${u ? 'u' : ''} a0, ${r}, ${l}`); ctx.emit('xori a0, a0, 1'); return;
    case 'ge': ctx.emit(`slt${u ? 'u' : ''} a0, ${l}, ${r}`); ctx.emit('xori a0, a0, 1'); return;
  }
}

function applyFloat(ctx: FnContext, op: BinaryOp, s: 's' | 'd', loc: SourceLocation, l: string, r: string, d: string): void {
  switch (op) {
    case 'add': ctx.emit(`fadd.${s} ${d}, ${l}, ${r}`); return;
    case 'sub': ctx.emit(`fsub.${s} ${d}, ${l}, ${r}`); return;
    case 'mul': ctx.emit(`fmul.${s} ${d}, ${l}, ${r}`); return;
    case 'div': ctx.emit(`fdiv.${s} ${d}, ${l}, ${r}`); return;
    case 'eq': ctx.emit(`feq.${s} a0, ${l}, ${r}`); return;
    case 'ne': ctx.emit(`feq.${s} a0, ${l}, ${r}`); ctx.emit('xori a0, a0, 1'); return;
    case 'lt': ctx.emit(`flt.${s} a0, ${l}, ${r}`); return;
    case 'le': ctx.emit(`fle.${s} a0, ${l}, ${r}`); return;
    case 'gt': ctx.emit(`flt.${s} a0, ${r}, ${l}`); return;
    case 'ge': ctx.emit(`fle.${s} a0, ${r}, ${l}`); return;
    default: throw new CodegenError(loc, `operator ${op} on a floating type`);
  }
}
