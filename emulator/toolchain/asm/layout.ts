// Layout: the offset and size of every item of every section. Instruction
// sizes depend on RVC compression and, for branches to labels in the same
// section, on the distance; sizes only grow, so the fixpoint loop terminates.
// A conditional branch too far for 13 bits (or to another section) becomes an
// inverted branch over a jal: 8 bytes, or 6 when the inverted branch compresses.

import type { Item, MachineInsn, SectionState, SymbolInfo } from './asm-state.ts';
import type { EvalContext } from './eval.ts';
import { tryResolveInsn } from './insn-values.ts';
import { compress, EncodeError, findInstruction } from './isa-adapter.ts';

export interface SectionLayout {
  offsets: number[];
  sizes: number[];
  size: number;
}

export type Layout = Map<SectionState, SectionLayout>;

const MAX_PASSES = 64;

/** Returns the evaluation context whose label offsets come from `layout`. */
export function layoutEval(symbol: EvalContext['symbol'], layout: Layout): EvalContext {
  return {
    symbol,
    offsetOf: (sym: SymbolInfo) => (sym.def?.kind === 'label' ? layout.get(sym.def.section)?.offsets[sym.def.item] : undefined),
  };
}

/** Returns the number of padding bytes an align item needs at `offset`. */
export function alignPadding(item: Item & { kind: 'align' }, offset: number): number {
  const pad = (item.align - (offset % item.align)) % item.align;
  return item.max !== undefined && pad > item.max ? 0 : pad;
}

/** Returns the 16-bit form of a resolved instruction, or undefined when none applies. */
export function tryCompress(insn: MachineInsn, values: number[]): number | undefined {
  try {
    return compress(insn.def.name, values);
  } catch (e) {
    if (e instanceof EncodeError) return undefined;
    throw e;
  }
}

function isBranchLike(insn: MachineInsn): boolean {
  return insn.values.some((v) => typeof v !== 'number' && (v.role === 'branch' || v.role === 'jump'));
}

/** Size of an instruction at `pc` with the current offsets. */
function insnSize(insn: MachineInsn, pc: number, section: SectionState, ctx: EvalContext): number {
  if (insn.def.size === 2) return 2;
  // GNU as never compresses an instruction written with %hi/%lo/%pcrel_*, even with a constant.
  const modified = insn.values.some((v) => typeof v !== 'number' && v.role !== 'abs' && v.role !== 'branch' && v.role !== 'jump');
  if (modified) return 4;
  const r = tryResolveInsn(insn, pc, section, ctx);
  if (!r) return 4;
  // A conditional branch to another section or an undefined symbol may be far: GNU as emits branch-over-jal.
  if (r.relocs.length > 0) return insn.def.format === 'B' && r.relocs[0]!.role === 'branch' ? 8 : 4;
  if (insn.compressible && tryCompress(insn, r.values) !== undefined) return 2;
  if (insn.def.format === 'B') {
    const off = r.values[2]!;
    if (off < -4096 || off > 4094) return insn.compressible && tryCompress(invertedBranch(insn), [r.values[0]!, r.values[1]!, 6]) !== undefined ? 6 : 8;
  }
  return 4;
}

const INVERSE: Record<string, string> = { beq: 'bne', bne: 'beq', blt: 'bge', bge: 'blt', bltu: 'bgeu', bgeu: 'bltu' };

/** Returns the branch with the opposite condition (beq <-> bne, ...), same operands. */
export function invertedBranch(insn: MachineInsn): MachineInsn {
  return { ...insn, def: findInstruction(INVERSE[insn.def.name]!)! };
}

function computeOffsets(section: SectionState, l: SectionLayout): void {
  let at = 0;
  section.items.forEach((item, i) => {
    l.offsets[i] = at;
    if (item.kind === 'align') l.sizes[i] = alignPadding(item, at);
    at += l.sizes[i]!;
  });
  l.size = at;
}

function fixedSize(item: Item): number {
  switch (item.kind) {
    case 'label': return 0;
    case 'bytes': return item.bytes.length;
    case 'value': return item.width;
    case 'space': return item.size;
    case 'align': return 0;
    case 'insn': return item.insn.def.size === 2 || (item.insn.compressible && isBranchLike(item.insn)) ? 2 : 4;
  }
}

/** Returns the layout of all sections (item offsets and sizes). */
export function layoutSections(sections: readonly SectionState[], symbol: EvalContext['symbol']): Layout {
  const layout: Layout = new Map();
  for (const s of sections) {
    const sizes = s.items.map(fixedSize);
    layout.set(s, { offsets: new Array<number>(s.items.length).fill(0), sizes, size: 0 });
  }
  const ctx = layoutEval(symbol, layout);
  for (const s of sections) {
    const l = layout.get(s)!;
    computeOffsets(s, l);
    s.items.forEach((item, i) => {
      if (item.kind === 'insn' && !isBranchLike(item.insn)) l.sizes[i] = insnSize(item.insn, l.offsets[i]!, s, ctx);
    });
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      computeOffsets(s, l);
      if (!growBranches(s, l, ctx)) break;
    }
    computeOffsets(s, l);
  }
  return layout;
}

/** The largest size a branch-like instruction can take: jumps 4, conditional branches 8 (6 once compressed-inverted). */
function isFinalSize(insn: MachineInsn, size: number): boolean {
  return insn.def.format === 'B' ? size >= 6 : size >= 4;
}

function growBranches(s: SectionState, l: SectionLayout, ctx: EvalContext): boolean {
  let changed = false;
  s.items.forEach((item, i) => {
    if (item.kind !== 'insn' || !isBranchLike(item.insn) || isFinalSize(item.insn, l.sizes[i]!)) return;
    const size = insnSize(item.insn, l.offsets[i]!, s, ctx);
    if (size > l.sizes[i]!) {
      l.sizes[i] = size;
      changed = true;
    }
  });
  return changed;
}
