// Emission: turns laid-out sections into bytes and relocations, and the symbol
// table into ObjectFile symbols (section symbols, defined labels, equates,
// undefined references; .L temporaries only when a relocation needs them).

import type { Item, MachineInsn, SectionState, SymbolInfo } from './asm-state.ts';
import type { AssemblyContext } from './assembly-context.ts';
import { AsmError, type SourceLocation } from './diagnostics.ts';
import { evaluate, evaluateConstant, type EvalContext } from './eval.ts';
import { resolveInsn, type RelocRequest } from './insn-values.ts';
import { encodeWith, EncodeError, findInstruction, operandError } from './isa-adapter.ts';
import { alignPadding, invertedBranch, layoutEval, tryCompress, type Layout } from './layout.ts';
import type { ObjectFile, ObjectRelocation, ObjectSection, ObjectSymbol } from './object.ts';
import * as R from './reloc-types.ts';

interface PendingReloc {
  offset: number;
  type: number;
  sym: SymbolInfo;
  addend: bigint;
}

const NOP = 0x00000013;
const C_NOP = 0x0001;

class SectionWriter {
  readonly bytes: Uint8Array;
  readonly relocs: PendingReloc[] = [];
  private readonly view: DataView;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }
  u16(at: number, v: number): void { this.view.setUint16(at, v, true); }
  u32(at: number, v: number): void { this.view.setUint32(at, v >>> 0, true); }
  int(at: number, width: number, v: bigint): void {
    for (let i = 0; i < width; i++) this.bytes[at + i] = Number((BigInt.asUintN(64, v) >> BigInt(8 * i)) & 0xffn);
  }
}

/** Fills alignment padding: nops in code (c.nop for a 2-byte remainder when RVC), else the fill byte. */
function fillPadding(w: SectionWriter, at: number, n: number, exec: boolean, rvc: boolean, fill: number | undefined): void {
  if (!exec || fill !== undefined) {
    w.bytes.fill(fill ?? 0, at, at + n);
    return;
  }
  let p = at;
  const odd = n % 2;
  p += odd;
  if ((n - odd) % 4 === 2) {
    if (rvc) w.u16(p, C_NOP);
    p += 2;
  }
  for (; p + 4 <= at + n; p += 4) w.u32(p, NOP);
}

function relocType(req: RelocRequest, insn: MachineInsn): number {
  const store = insn.def.format === 'S';
  switch (req.role) {
    case 'branch': return insn.def.size === 2 ? R.R_RISCV_RVC_BRANCH : R.R_RISCV_BRANCH;
    case 'jump': return insn.def.size === 2 ? R.R_RISCV_RVC_JUMP : R.R_RISCV_JAL;
    case 'hi': return R.R_RISCV_HI20;
    case 'lo': return store ? R.R_RISCV_LO12_S : R.R_RISCV_LO12_I;
    case 'pcrel_hi': return R.R_RISCV_PCREL_HI20;
    case 'pcrel_lo': return store ? R.R_RISCV_PCREL_LO12_S : R.R_RISCV_PCREL_LO12_I;
    case 'call': return R.R_RISCV_CALL_PLT;
    case 'abs': return R.R_RISCV_NONE;
  }
}

/** Reports the first operand that does not fit, at its own location when known. */
function encodeChecked(insn: MachineInsn, values: number[], loc: SourceLocation): number {
  insn.def.operands.forEach((kind, i) => {
    const err = operandError(kind, values[i]!);
    const v = insn.values[i];
    if (err) throw new AsmError(`${insn.def.name}: ${err}`, typeof v === 'number' || v === undefined ? loc : v.expr.loc);
  });
  try {
    return encodeWith(insn.def, values);
  } catch (e) {
    if (e instanceof EncodeError) throw new AsmError(e.message, loc);
    throw e;
  }
}

/** Emits an inverted branch (compressed when size is 6) over `jal zero, target`. */
function emitBranchOverJal(w: SectionWriter, insn: MachineInsn, values: number[], relocs: RelocRequest[], at: number, size: number, loc: SourceLocation): boolean {
  const jalAt = at + size - 4;
  for (const req of relocs) w.relocs.push({ offset: jalAt, type: R.R_RISCV_JAL, sym: req.sym, addend: req.addend });
  const inverse = invertedBranch(insn);
  const skip = [values[0]!, values[1]!, size];
  if (size === 6) w.u16(at, tryCompress(inverse, skip)!);
  else w.u32(at, encodeChecked(inverse, skip, loc));
  const jal = findInstruction('jal')!;
  const target = relocs.length > 0 ? 0 : values[2]! - (size - 4);
  w.u32(jalAt, encodeChecked({ ...insn, def: jal, values: [0, 0] }, [0, target], loc));
  return size === 6;
}

function emitInsn(w: SectionWriter, item: Item & { kind: 'insn' }, at: number, size: number, s: SectionState, ctx: EvalContext): boolean {
  const { insn, loc } = item;
  const r = resolveInsn(insn, at, s, ctx);
  if (size === 8 || size === 6) return emitBranchOverJal(w, insn, r.values, r.relocs, at, size, loc);
  for (const req of r.relocs) w.relocs.push({ offset: at, type: relocType(req, insn), sym: req.sym, addend: req.addend });
  if (size === 2 && insn.def.size === 4) {
    const half = tryCompress(insn, r.values);
    if (half === undefined) throw new AsmError('internal error: compressed form no longer applies', loc);
    w.u16(at, half);
    return true;
  }
  const word = encodeChecked(insn, r.values, loc);
  if (insn.def.size === 2) w.u16(at, word);
  else w.u32(at, word);
  return insn.def.size === 2;
}

function emitValue(w: SectionWriter, item: Item & { kind: 'value' }, at: number, ctx: EvalContext): void {
  const v = evaluate(item.expr, ctx);
  const bits = BigInt(item.width * 8);
  if (v.kind === 'const') {
    if (v.value < -(1n << (bits - 1n)) || v.value >= 1n << bits) throw new AsmError(`value ${v.value} does not fit in ${item.width} bytes`, item.loc);
    w.int(at, item.width, v.value);
  } else if (v.kind === 'sym') {
    if (item.width !== 4 && item.width !== 8) throw new AsmError(`a ${item.width}-byte value cannot hold an address`, item.loc);
    w.relocs.push({ offset: at, type: item.width === 4 ? R.R_RISCV_32 : R.R_RISCV_64, sym: v.sym, addend: v.addend });
  } else {
    const [add, sub] = R.ADD_SUB_BY_WIDTH[item.width]!;
    w.relocs.push({ offset: at, type: add, sym: v.plus, addend: v.addend });
    w.relocs.push({ offset: at, type: sub, sym: v.minus, addend: 0n });
  }
}

interface EmittedSection {
  section: ObjectSection;
  relocs: PendingReloc[];
  usedRvc: boolean;
}

/** `archRvc`: the C extension is in the architecture (GNU as pads code with c.nop then, whatever .option rvc says). */
function emitSection(s: SectionState, layout: Layout, ctx: EvalContext, archRvc: boolean, report: (e: AsmError) => void): EmittedSection {
  const l = layout.get(s)!;
  // GNU as pads code sections (not data) to their alignment with nops.
  const size = s.exec ? Math.ceil(l.size / s.align) * s.align : l.size;
  const w = new SectionWriter(s.kind === 'nobits' ? 0 : size);
  let usedRvc = false;
  s.items.forEach((item, i) => {
    const at = l.offsets[i]!;
    if (s.kind === 'nobits') return;
    try {
      if (item.kind === 'bytes') w.bytes.set(item.bytes, at);
      else if (item.kind === 'space') w.bytes.fill(item.fill, at, at + item.size);
      else if (item.kind === 'align') fillPadding(w, at, alignPadding(item, at), s.exec, archRvc, item.fill);
      else if (item.kind === 'value') emitValue(w, item, at, ctx);
      else if (item.kind === 'insn') {
        if (emitInsn(w, item, at, l.sizes[i]!, s, ctx)) usedRvc = true;
      }
    } catch (e) {
      if (!(e instanceof AsmError)) throw e;
      report(e);
    }
  });
  if (size > l.size) fillPadding(w, l.size, size - l.size, s.exec, archRvc, undefined);
  const section: ObjectSection = {
    name: s.name, kind: s.kind, alloc: s.alloc, write: s.write, exec: s.exec, align: s.align,
    bytes: w.bytes, size, relocations: [],
  };
  return { section, relocs: w.relocs, usedRvc };
}

/** Returns the object for the assembled state; errors found while emitting go to ctx.diags. `rvc`: the architecture has C. */
export function emitObject(ctx: AssemblyContext, layout: Layout, rvc: boolean): ObjectFile {
  const sections = [...ctx.sections.values()];
  const evalCtx = layoutEval(ctx.constEval.symbol, layout);
  const report = (e: AsmError): void => ctx.diags.error(e.loc, e.message);
  const emitted = sections.map((s) => emitSection(s, layout, evalCtx, rvc, report));
  const symbols: ObjectSymbol[] = sections.map((s, i) => ({
    name: s.name, section: i, value: 0n, size: 0n, binding: 'local', type: 'section',
  }));
  const referenced = new Set<SymbolInfo>(emitted.flatMap((e) => e.relocs.map((r) => r.sym)));
  const index = new Map<SymbolInfo, number>();
  for (const sym of ctx.symbols.values()) {
    try {
      const out = objectSymbol(sym, referenced.has(sym), sections, evalCtx);
      if (out) {
        index.set(sym, symbols.length);
        symbols.push(out);
      }
    } catch (e) {
      if (!(e instanceof AsmError)) throw e;
      report(e);
    }
  }
  emitted.forEach((e) => {
    e.section.relocations = e.relocs.filter((r) => index.has(r.sym)).map((r): ObjectRelocation => ({
      offset: r.offset, type: r.type, symbol: index.get(r.sym)!, addend: r.addend,
    }));
  });
  const usedRvc = emitted.some((e) => e.usedRvc);
  return { sections: emitted.map((e) => e.section), symbols, flags: 0x4 | (rvc || usedRvc ? 0x1 : 0) };
}

function objectSymbol(sym: SymbolInfo, referenced: boolean, sections: SectionState[], ctx: EvalContext): ObjectSymbol | undefined {
  const size = sym.size ? evaluateConstant(sym.size, ctx, `.size of ${sym.name}`) : 0n;
  const binding = sym.declaredGlobal ? sym.binding : 'local';
  if (!sym.def) {
    // Undefined numeric local labels (1f) were reported by checkForwardRefs already.
    if ((!referenced && !sym.declaredGlobal) || sym.name.includes('\u0002')) return undefined;
    if (sym.temporary) throw new AsmError(`undefined local symbol '${displayName(sym.name)}'`, sym.loc);
    return { name: sym.name, section: 'undef', value: 0n, size, binding: binding === 'local' ? 'global' : binding, type: sym.type };
  }
  if (sym.temporary && !referenced && !sym.declaredGlobal) return undefined;
  if (sym.def.kind === 'label') {
    const value = BigInt(ctx.offsetOf(sym) ?? 0);
    return { name: sym.name, section: sections.indexOf(sym.def.section), value, size, binding, type: sym.type };
  }
  const v = evaluate(sym.def.expr, ctx);
  if (v.kind === 'const') return { name: sym.name, section: 'abs', value: v.value, size, binding, type: sym.type };
  if (v.kind === 'sym' && v.sym.def?.kind === 'label') {
    const value = BigInt(ctx.offsetOf(v.sym) ?? 0) + v.addend;
    return { name: sym.name, section: sections.indexOf(v.sym.def.section), value, size, binding, type: sym.type };
  }
  if (!referenced && !sym.declaredGlobal) return undefined;
  throw new AsmError(`cannot give symbol '${sym.name}' a value in this object`, sym.loc);
}

/** Shows internal local label names (`.L1\u00022`) as the source wrote them. */
export function displayName(name: string): string {
  const m = /^\.L(\d+)\u0002\d+$/.exec(name);
  return m ? `${m[1]}` : name;
}
