// Binary operators of the stack machine: the left operand is in t0 (ft0 for
// floating types), the right one in a0 (fa0); the result goes to a0 (fa0 for
// floating arithmetic). 32-bit integer operations use the *w instructions so
// results stay sign-extended.

import type { SourceLocation } from '../../asm/diagnostics.ts';
import type { BinaryOp } from '../ast.ts';
import type { CType } from '../types.ts';
import { CodegenError, type FnContext } from './context.ts';
import { isFlo } from './load-store.ts';

/** Emits `a0/fa0 = t0/ft0 op a0/fa0` for operands of type `t`. */
export function applyBinary(ctx: FnContext, op: BinaryOp, t: CType, loc: SourceLocation): void {
  if (isFlo(t)) { applyFloat(ctx, op, t.kind === 'float' ? 's' : 'd', loc); return; }
  if (t.kind === 'ldouble') throw new CodegenError(loc, 'long double arithmetic is not supported');
  const w = t.size === 4 ? 'w' : '';
  const u = t.unsigned || t.kind === 'ptr';
  switch (op) {
    case 'add': ctx.emit(`add${w} a0, t0, a0`); return;
    case 'sub': ctx.emit(`sub${w} a0, t0, a0`); return;
    case 'mul': ctx.emit(`mul${w} a0, t0, a0`); return;
    case 'div': ctx.emit(`div${u ? 'u' : ''}${w} a0, t0, a0`); return;
    case 'mod': ctx.emit(`rem${u ? 'u' : ''}${w} a0, t0, a0`); return;
    case 'shl': ctx.emit(`sll${w} a0, t0, a0`); return;
    case 'shr': ctx.emit(`${u ? 'srl' : 'sra'}${w} a0, t0, a0`); return;
    case 'bitand': ctx.emit('and a0, t0, a0'); return;
    case 'bitor': ctx.emit('or a0, t0, a0'); return;
    case 'bitxor': ctx.emit('xor a0, t0, a0'); return;
    case 'eq': ctx.emit('xor a0, t0, a0'); ctx.emit('seqz a0, a0'); return;
    case 'ne': ctx.emit('xor a0, t0, a0'); ctx.emit('snez a0, a0'); return;
    case 'lt': ctx.emit(`slt${u ? 'u' : ''} a0, t0, a0`); return;
    case 'gt': ctx.emit(`slt${u ? 'u' : ''} a0, a0, t0`); return;
    case 'le': ctx.emit(`slt${u ? 'u' : ''} a0, a0, t0`); ctx.emit('xori a0, a0, 1'); return;
    case 'ge': ctx.emit(`slt${u ? 'u' : ''} a0, t0, a0`); ctx.emit('xori a0, a0, 1'); return;
  }
}

function applyFloat(ctx: FnContext, op: BinaryOp, s: 's' | 'd', loc: SourceLocation): void {
  switch (op) {
    case 'add': ctx.emit(`fadd.${s} fa0, ft0, fa0`); return;
    case 'sub': ctx.emit(`fsub.${s} fa0, ft0, fa0`); return;
    case 'mul': ctx.emit(`fmul.${s} fa0, ft0, fa0`); return;
    case 'div': ctx.emit(`fdiv.${s} fa0, ft0, fa0`); return;
    case 'eq': ctx.emit(`feq.${s} a0, ft0, fa0`); return;
    case 'ne': ctx.emit(`feq.${s} a0, ft0, fa0`); ctx.emit('xori a0, a0, 1'); return;
    case 'lt': ctx.emit(`flt.${s} a0, ft0, fa0`); return;
    case 'le': ctx.emit(`fle.${s} a0, ft0, fa0`); return;
    case 'gt': ctx.emit(`flt.${s} a0, fa0, ft0`); return;
    case 'ge': ctx.emit(`fle.${s} a0, fa0, ft0`); return;
    default: throw new CodegenError(loc, `operator ${op} on a floating type`);
  }
}
