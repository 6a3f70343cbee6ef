// Entry point of the code generator: typed AST (TranslationUnit) in, RISC-V
// assembly text (GNU as syntax, for ../../asm) out, at -O0 or -O1. Functions get
// an s0-based frame (ra/s0 saved at s0+8/s0+0, locals and saved s-registers
// below s0, variadic functions spill a0-a7 just above the saved pair).

import type { Diagnostic } from '../../asm/diagnostics.ts';
import type { FunctionDef, Obj, TranslationUnit } from '../ast.ts';
import { isRecord } from '../types.ts';
import { planCall, returnsByPointer, type PartLoc } from './call-abi.ts';
import { CodegenError, FnContext } from './context.ts';
import { isStackOverflow, NESTED_TOO_DEEPLY } from '../support/stack-overflow.ts';
import { storeFor } from './gen-call.ts';
import { genData } from './gen-data.ts';
import { genStmt } from './gen-stmt.ts';
import { foldStmt } from './fold.ts';
import { copyMemory, loadInsn, normalizeInt } from './load-store.ts';
import { needsPlainCode, planRegisters, type RegPlan } from './reg-alloc.ts';

export interface CodegenOptions {
  /** 0 (default): the plain stack machine; 1: constant folding, register locals, immediates, branches. */
  optimize?: number;
}

export interface CodegenResult {
  asm: string;
  diagnostics: Diagnostic[];
}

/** Generates the assembly of a whole unit; unsupported constructs become error diagnostics (never throws). */
export function generateAssembly(unit: TranslationUnit, options: CodegenOptions = {}): CodegenResult {
  const optimize = options.optimize ?? 0;
  const diagnostics: Diagnostic[] = [];
  const out: string[] = [];
  unit.functions.forEach((fn, i) => {
    try {
      out.push(...genFunction(fn, i, diagnostics, optimize));
    } catch (e) {
      if (e instanceof CodegenError) diagnostics.push({ ...e.loc, severity: 'error', message: e.message });
      else if (isStackOverflow(e)) diagnostics.push({ ...fn.obj.loc, severity: 'error', message: `in ${fn.obj.name}: ${NESTED_TOO_DEEPLY}` });
      else diagnostics.push({ ...fn.obj.loc, severity: 'error', message: `internal compiler error in ${fn.obj.name}: ${e instanceof Error ? e.message : String(e)}` });
    }
  });
  out.push(...genData(unit));
  return { asm: `${out.join('\n')}\n`, diagnostics };
}

function genFunction(fn: FunctionDef, index: number, diagnostics: Diagnostic[], optimize: number): string[] {
  const body = optimize >= 1 ? foldStmt(fn.body) : fn.body;
  const ctx = new FnContext(fn, index, diagnostics, optimize >= 1 ? o1Plan(fn, body) : undefined);
  const ret = fn.obj.type.base!;
  const hidden = returnsByPointer(ret);
  if (hidden) ctx.retPtrSlot = ctx.frame.alloc(8, 8);
  storeParams(ctx, hidden);
  genStmt(ctx, body);
  // A body ending in `return` jumps to the epilogue: at -O1 it falls through instead, and
  // main's implicit `return 0` (only reachable by falling off the end) is then dead.
  const endsInReturn = ctx.lines[ctx.lines.length - 1] === `\tj ${ctx.returnLabel}`;
  if (ctx.o1 && endsInReturn) ctx.lines.pop();
  else if (fn.obj.name === 'main') ctx.emit('li a0, 0');
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
  const saved = savedRegisterSlots(ctx);
  const size = ctx.frame.frameSize();
  if (size) pro.push(size < 2048 ? `addi sp, sp, -${size}` : `li t0, ${size}\n\tsub sp, sp, t0`);
  pro.push(...saved.map(([r, off]) => frameAccess(r.startsWith('f') ? 'fsd' : 'sd', r, off)));
  const restore = saved.map(([r, off]) => `\t${frameAccess(r.startsWith('f') ? 'fld' : 'ld', r, off)}`);
  const epi = [`${ctx.returnLabel}:`, ...restore, '\tmv sp, s0', '\tld ra, 8(sp)', '\tld s0, 0(sp)', `\taddi sp, sp, ${fn.isVariadic ? 80 : 16}`, '\tret'];
  return [...head, ...pro.map((l) => `\t${l}`), ...ctx.lines, ...epi, `\t.size ${sym}, .-${sym}`];
}

/** -O1: register plan of `fn` (none for functions calling setjmp or naming s-registers in inline asm). */
function o1Plan(fn: FunctionDef, body: FunctionDef['body']): RegPlan {
  return needsPlainCode(fn) ? { regs: new Map(), freeInt: [], freeFloat: [] } : planRegisters(fn, body);
}

/** Frame slots for the callee-saved registers the function uses (-O1), in a fixed order. */
function savedRegisterSlots(ctx: FnContext): [string, number][] {
  if (!ctx.o1) return [];
  return [...ctx.o1.used].sort().map((r) => [r, ctx.frame.alloc(8, 8)]);
}

/** `insn reg, off(s0)`, through t0 when the offset does not fit 12 bits. */
function frameAccess(insn: string, reg: string, off: number): string {
  return off >= -2048 ? `${insn} ${reg}, ${off}(s0)` : `li t0, ${off}\n\tadd t0, s0, t0\n\t${insn} ${reg}, 0(t0)`;
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
    const reg = ctx.regOf(p);
    if (reg !== undefined) { paramToRegister(ctx, p, ap.parts[0], reg, stackBase); return; }
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

/** -O1: moves a scalar parameter from its argument register / stack slot into its register, normalized to its type. */
function paramToRegister(ctx: FnContext, p: Obj, part: PartLoc, reg: string, stackBase: number): void {
  const t = p.type;
  const float = t.kind === 'float' || t.kind === 'double';
  const fmt = t.kind === 'float' ? 'w' : 'd';
  if (part.kind === 'stack') {
    const off = stackBase + 8 * part.index;
    ctx.emit(float ? `fl${fmt} ${reg}, ${off}(s0)` : `${loadInsn(t)} ${reg}, ${off}(s0)`);
  } else if (part.kind === 'fpr') ctx.emit(`fmv.d ${reg}, fa${part.reg}`);
  else if (float) ctx.emit(`fmv.${fmt}.x ${reg}, a${part.reg}`);
  else if (t.kind === 'bool') ctx.emit(`andi ${reg}, a${part.reg}, 255`);
  else if (t.size === 4) ctx.emit(`addiw ${reg}, a${part.reg}, 0`);
  else {
    ctx.emit(`mv ${reg}, a${part.reg}`);
    normalizeInt(ctx, t, reg);
  }
}
