// Entry point of the -O0 code generator: typed AST (TranslationUnit) in, RISC-V
// assembly text (GNU as syntax, for ../../asm) out. Functions get an s0-based
// frame (ra/s0 saved at s0+8/s0+0, locals below s0, variadic functions spill
// a0-a7 just above the saved pair so they meet the stack arguments).

import type { Diagnostic } from '../../asm/diagnostics.ts';
import type { FunctionDef, TranslationUnit } from '../ast.ts';
import { isRecord } from '../types.ts';
import { planCall, returnsByPointer } from './call-abi.ts';
import { CodegenError, FnContext } from './context.ts';
import { storeFor } from './gen-call.ts';
import { genData } from './gen-data.ts';
import { genStmt } from './gen-stmt.ts';
import { copyMemory } from './load-store.ts';

export interface CodegenOptions {
  /** Reserved for -O levels; only 0 exists. */
  optimize?: number;
}

export interface CodegenResult {
  asm: string;
  diagnostics: Diagnostic[];
}

/** Generates the assembly of a whole unit; unsupported constructs become error diagnostics (never throws). */
export function generateAssembly(unit: TranslationUnit, options: CodegenOptions = {}): CodegenResult {
  void options;
  const diagnostics: Diagnostic[] = [];
  const out: string[] = [];
  unit.functions.forEach((fn, i) => {
    try {
      out.push(...genFunction(fn, i, diagnostics));
    } catch (e) {
      if (e instanceof CodegenError) diagnostics.push({ ...e.loc, severity: 'error', message: e.message });
      else diagnostics.push({ ...fn.obj.loc, severity: 'error', message: `internal compiler error in ${fn.obj.name}: ${e instanceof Error ? e.message : String(e)}` });
    }
  });
  out.push(...genData(unit));
  return { asm: `${out.join('\n')}\n`, diagnostics };
}

function genFunction(fn: FunctionDef, index: number, diagnostics: Diagnostic[]): string[] {
  const ctx = new FnContext(fn, index, diagnostics);
  const ret = fn.obj.type.base!;
  const hidden = returnsByPointer(ret);
  if (hidden) ctx.retPtrSlot = ctx.frame.alloc(8, 8);
  storeParams(ctx, hidden);
  genStmt(ctx, fn.body);
  if (fn.obj.name === 'main') ctx.emit('li a0, 0');
  const sym = fn.obj.symbol;
  const head = ['\t.text', '\t.balign 4'];
  if (!fn.obj.isStatic) head.push(`\t.globl ${sym}`);
  head.push(`\t.type ${sym}, @function`, `${sym}:`);
  const pro: string[] = [];
  if (fn.isVariadic) {
    pro.push('addi sp, sp, -64');
    for (let r = 0; r < 8; r++) pro.push(`sd a${r}, ${8 * r}(sp)`);
  }
  pro.push('addi sp, sp, -16', 'sd ra, 8(sp)', 'sd s0, 0(sp)', 'mv s0, sp');
  const size = ctx.frame.frameSize();
  if (size) pro.push(size < 2048 ? `addi sp, sp, -${size}` : `li t0, ${size}\n\tsub sp, sp, t0`);
  const epi = [`${ctx.returnLabel}:`, '\tmv sp, s0', '\tld ra, 8(sp)', '\tld s0, 0(sp)', `\taddi sp, sp, ${fn.isVariadic ? 80 : 16}`, '\tret'];
  return [...head, ...pro.map((l) => `\t${l}`), ...ctx.lines, ...epi, `\t.size ${sym}, .-${sym}`];
}

/** Moves incoming arguments from registers / the caller's stack into the parameters' slots. */
function storeParams(ctx: FnContext, hidden: boolean): void {
  const fn = ctx.fn;
  const plan = planCall(fn.params.map((p) => p.type), fn.params.length, hidden);
  const stackBase = 16 + (fn.isVariadic ? 64 : 0);
  ctx.namedGprs = Math.min(plan.gprs, 8) + plan.stackSlots;
  if (hidden) { ctx.frameAddr('t1', ctx.retPtrSlot); ctx.emit('sd a0, 0(t1)'); }
  fn.params.forEach((p, i) => {
    const ap = plan.args[i];
    if (ap.kind === 'ref') {
      const part = ap.parts[0];
      if (part.kind === 'stack') ctx.emit(`ld t0, ${stackBase + 8 * part.index}(s0)`);
      else ctx.emit(`mv t0, a${part.kind === 'gpr' ? part.reg : 0}`);
      ctx.localAddr('t1', p);
      copyMemory(ctx, 't1', 't0', p.type.size, p.type.align);
      return;
    }
    ap.parts.forEach((part, j) => {
      ctx.localAddr('t1', p);
      if (isRecord(p.type) && part.field && part.kind !== 'stack') {
        const reg = part.kind === 'fpr' ? `fa${part.reg}` : `a${part.reg}`;
        ctx.emit(`${storeFor(part.field.type, reg)} ${reg}, ${part.field.offset}(t1)`);
        return;
      }
      if (isRecord(p.type)) {
        const src = part.kind === 'gpr' ? `a${part.reg}` : 't0';
        if (part.kind === 'stack') ctx.emit(`ld t0, ${stackBase + 8 * part.index}(s0)`);
        ctx.emit(`sd ${src}, ${8 * j}(t1)`);
        return;
      }
      if (part.kind === 'fpr') { ctx.emit(`${p.type.kind === 'float' ? 'fsw' : 'fsd'} fa${part.reg}, 0(t1)`); return; }
      const src = part.kind === 'gpr' ? `a${part.reg}` : 't0';
      if (part.kind === 'stack') ctx.emit(`ld t0, ${stackBase + 8 * part.index}(s0)`);
      const insn = p.type.size === 1 ? 'sb' : p.type.size === 2 ? 'sh' : p.type.size === 4 ? 'sw' : 'sd';
      ctx.emit(`${insn} ${src}, 0(t1)`);
    });
  });
}
