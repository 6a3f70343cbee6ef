// Resolution of a machine instruction's symbolic operands at a known address:
// constants and same-section branch offsets become numbers, everything else
// becomes a relocation request. Shared by layout.ts (sizing) and emit.ts.

import type { MachineInsn, SectionState, SymbolInfo, SymbolicImm } from './asm-state.ts';
import { AsmError } from './diagnostics.ts';
import { evaluate, type EvalContext, type Value } from './eval.ts';

/** A relocation an instruction needs; `kind` is the role, the emitter picks the R_RISCV type. */
export interface RelocRequest {
  role: SymbolicImm['role'];
  sym: SymbolInfo;
  addend: bigint;
  /** Index of the operand it belongs to. */
  operand: number;
}

export interface ResolvedInsn {
  values: number[];
  relocs: RelocRequest[];
}

const toNumber = (v: bigint, imm: SymbolicImm): number => {
  if (v < BigInt(Number.MIN_SAFE_INTEGER) || v > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new AsmError(`immediate ${v} out of range`, imm.expr.loc);
  }
  return Number(v);
};

function sext12(v: bigint): number {
  return Number(BigInt.asIntN(12, v));
}

function symbolic(imm: SymbolicImm, v: Value, pc: number, section: SectionState, ctx: EvalContext, i: number, relocs: RelocRequest[]): number {
  const where = imm.expr.loc;
  if (imm.role === 'abs') {
    if (v.kind !== 'const') throw new AsmError('expression must be a constant here (use %hi/%lo/%pcrel_hi/%pcrel_lo for addresses)', where);
    return toNumber(v.value, imm);
  }
  if (v.kind === 'diff') throw new AsmError('a symbol difference is not valid here', where);
  if (imm.role === 'hi' && v.kind === 'const') return Number((BigInt.asUintN(64, v.value + 0x800n) >> 12n) & 0xfffffn);
  if (imm.role === 'lo' && v.kind === 'const') return sext12(v.value);
  if (v.kind === 'const') throw new AsmError(imm.role === 'branch' || imm.role === 'jump' ? 'branch target must be a label' : `%${imm.role} needs a symbol`, where);
  // Like GNU as: a weak symbol may be overridden at link time, so it is never resolved here.
  const local = v.sym.def?.kind === 'label' && v.sym.def.section === section && v.sym.binding !== 'weak';
  if ((imm.role === 'branch' || imm.role === 'jump') && local) {
    const target = ctx.offsetOf(v.sym);
    if (target !== undefined) return target + Number(v.addend) - pc;
  }
  relocs.push({ role: imm.role, sym: v.sym, addend: v.addend, operand: i });
  return 0;
}

/**
 * Returns the operand values of `insn` at offset `pc` of `section`, with the
 * relocations still needed. Throws AsmError for operands that can be neither.
 */
export function resolveInsn(insn: MachineInsn, pc: number, section: SectionState, ctx: EvalContext): ResolvedInsn {
  const relocs: RelocRequest[] = [];
  const values = insn.values.map((x, i) => (typeof x === 'number' ? x : symbolic(x, evaluate(x.expr, ctx), pc, section, ctx, i, relocs)));
  return { values, relocs };
}

/** Like resolveInsn, but returns undefined instead of throwing (used while sizing). */
export function tryResolveInsn(insn: MachineInsn, pc: number, section: SectionState, ctx: EvalContext): ResolvedInsn | undefined {
  try {
    return resolveInsn(insn, pc, section, ctx);
  } catch (e) {
    if (e instanceof AsmError) return undefined;
    throw e;
  }
}
