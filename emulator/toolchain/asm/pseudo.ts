// Pseudo-instructions of GNU as for RV64GC, rewritten into real instructions
// as operand lists (so the real instruction's checks and encoder apply): li
// with GNU as's sequence (lui/addiw/slli/addi), la/lla, call/tail, branch and
// CSR aliases, FP sign-injection aliases, and load/store of a symbol.

import { AsmError, type SourceLocation } from './diagnostics.ts';
import type { Expr, RelocModifier } from './expr.ts';
import type { Operand } from './parser.ts';

export type Expansion =
  | { kind: 'insn'; mnemonic: string; operands: Operand[]; /** false: keep 32-bit (the jalr of call/tail) */ compress?: boolean }
  | { kind: 'bytes'; bytes: Uint8Array };

/** What expansion needs from pass 1: constant evaluation (for li) and an anchor label at the current position. */
export interface PseudoContext {
  constant(expr: Expr): bigint;
  anchor(loc: SourceLocation): string;
  rvc: boolean;
}

type PseudoFn = (ops: Operand[], loc: SourceLocation, ctx: PseudoContext) => Expansion[];
interface Pseudo {
  /** Accepted operand counts; other counts fall through to a real instruction of the same name, if any. */
  arity: readonly number[];
  expand: PseudoFn;
}

const reg = (name: string, loc: SourceLocation): Operand => ({ kind: 'expr', expr: { kind: 'sym', name, loc }, loc });
const num = (value: bigint, loc: SourceLocation): Operand => ({ kind: 'expr', expr: { kind: 'num', value, loc }, loc });
const mod = (modifier: RelocModifier, arg: Expr, loc: SourceLocation): Expr => ({ kind: 'modifier', modifier, arg, loc });
const insn = (mnemonic: string, ...operands: Operand[]): Expansion => ({ kind: 'insn', mnemonic, operands });

function nameOf(op: Operand): string {
  if (op.kind === 'expr' && op.expr.kind === 'sym') return op.expr.name;
  throw new AsmError('expected a register', op.loc);
}

/** A symbol operand (call/la/...): as in GNU as, a register name here is just a symbol (C may name a function f0). */
function exprOf(op: Operand): Expr {
  if (op.kind !== 'expr') throw new AsmError('expected a symbol or expression, not a memory operand', op.loc);
  return op.expr;
}

/** `name rd, rs` -> `real rd, rs, extra`. */
function alias2(real: string, extra: (loc: SourceLocation) => Operand): Pseudo {
  return { arity: [2], expand: ([a, b], loc) => [insn(real, a!, b!, extra(loc))] };
}

/** `name rs, label` -> `real` with operands reordered by `order` (indexes into [rs, zero, label]). */
function branchZero(real: string, order: readonly number[]): Pseudo {
  return { arity: [2], expand: ([rs, target], loc) => {
    const parts = [rs!, reg('zero', loc), target!];
    return [insn(real, ...order.map((i) => parts[i]!))];
  } };
}

function swapped(real: string): Pseudo {
  return { arity: [3], expand: ([a, b, target]) => [insn(real, b!, a!, target!)] };
}

function fpUnary(real: string): Pseudo {
  return { arity: [2], expand: ([d, s]) => [insn(real, d!, s!, s!)] };
}

/** csr pseudo with an explicit csr name: read (`rd`), write (`rs`), or swap (`rd, rs`). */
function csrNamed(csr: string, op: 'read' | 'write' | 'swap', imm = false): Pseudo {
  const w = imm ? 'csrrwi' : 'csrrw';
  if (op === 'read') return { arity: [1], expand: ([rd], loc) => [insn('csrrs', rd!, reg(csr, loc), reg('zero', loc))] };
  return { arity: [1, 2], expand: (ops, loc) => {
    const [rd, rs] = ops.length === 1 ? [reg('zero', loc), ops[0]!] : [ops[0]!, ops[1]!];
    return [insn(w, rd, reg(csr, loc), rs)];
  } };
}

function csrWrite(real: string): Pseudo {
  return { arity: [2], expand: ([csr, rs], loc) => [insn(real, reg('zero', loc), csr!, rs!)] };
}

/** auipc rd, %pcrel_hi(sym) + a second instruction using %pcrel_lo of the anchor label at the auipc. */
function pcrelPair(ctx: PseudoContext, loc: SourceLocation, hiReg: Operand, sym: Expr, second: (lo: Expr) => Expansion): Expansion[] {
  const anchor = ctx.anchor(loc);
  const lo = mod('pcrel_lo', { kind: 'sym', name: anchor, loc }, loc);
  return [insn('auipc', hiReg, { kind: 'expr', expr: mod('pcrel_hi', sym, loc), loc }), second(lo)];
}

const lla: Pseudo = { arity: [2], expand: ([rd, sym], loc, ctx) =>
  pcrelPair(ctx, loc, rd!, exprOf(sym!), (lo) => insn('addi', rd!, rd!, { kind: 'expr', expr: lo, loc })) };

function callLike(link: string, scratch: string): Pseudo {
  return { arity: link === 'ra' ? [1, 2] : [1], expand: (ops, loc) => {
    // GNU as builds the address of `call rd, sym` in t1, of `call sym` in ra, of `tail sym` in t1.
    const rd = reg(ops.length === 2 ? 't1' : scratch, loc);
    const target = exprOf(ops[ops.length - 1]!);
    const rdLink = ops.length === 2 ? ops[0]! : reg(link, loc);
    return [
      insn('auipc', rd, { kind: 'expr', expr: mod('call', target, loc), loc }),
      { ...insn('jalr', rdLink, { kind: 'mem', offset: undefined, base: nameOf(rd), baseLoc: loc, loc }), compress: false },
    ];
  } };
}

/** `lw rd, sym` (operand not a memory reference): auipc rd + load through %pcrel_lo. */
function loadSymbol(real: string): Pseudo {
  return { arity: [2], expand: ([rd, sym], loc, ctx) => {
    if (sym!.kind === 'mem') return [insn(real, rd!, sym!)];
    return pcrelPair(ctx, loc, rd!, exprOf(sym!), (lo) =>
      insn(real, rd!, { kind: 'mem', offset: lo, base: nameOf(rd!), baseLoc: loc, loc }));
  } };
}

/** `sw rs, sym, rt`: auipc rt + store through %pcrel_lo. */
function storeSymbol(real: string): Pseudo {
  return { arity: [3], expand: ([rs, sym, rt], loc, ctx) =>
    pcrelPair(ctx, loc, rt!, exprOf(sym!), (lo) =>
      insn(real, rs!, { kind: 'mem', offset: lo, base: nameOf(rt!), baseLoc: loc, loc })) };
}

const fits12 = (v: bigint): boolean => v >= -2048n && v < 2048n;
const fitsSext32 = (v: bigint): boolean => v >= -(1n << 31n) && v < 1n << 31n;

/** GNU as load_const: lui/addiw for 32-bit values, else recurse on the upper part, then slli and addi. */
function loadConst(rd: Operand, v: bigint, loc: SourceLocation, out: Expansion[]): void {
  const lower = ((v & 0xfffn) ^ 0x800n) - 0x800n;
  const upper = BigInt.asIntN(64, v - lower);
  if (!fitsSext32(v)) {
    let shift = 12n;
    while (((upper >> shift) & 1n) === 0n) shift++;
    loadConst(rd, upper >> shift, loc, out);
    out.push(insn('slli', rd, rd, num(shift, loc)));
    if (lower !== 0n) out.push(insn('addi', rd, rd, num(lower, loc)));
    return;
  }
  let hiReg = reg('zero', loc);
  if (upper !== 0n) {
    out.push(insn('lui', rd, num(BigInt.asUintN(32, upper) >> 12n, loc)));
    hiReg = rd;
  }
  if (lower !== 0n || upper === 0n) out.push(insn('addiw', rd, hiReg, num(lower, loc)));
}

const li: Pseudo = { arity: [2], expand: ([rd, value], loc, ctx) => {
  const v = BigInt.asIntN(64, ctx.constant(exprOf(value!)));
  if (fits12(v)) return [insn('addi', rd!, reg('zero', loc), num(v, loc))];
  const out: Expansion[] = [];
  loadConst(rd!, v, loc, out);
  return out;
} };

const zero = (loc: SourceLocation): Operand => reg('zero', loc);

const PSEUDOS: Record<string, Pseudo> = {
  nop: { arity: [0], expand: (_, loc) => [insn('addi', zero(loc), zero(loc), num(0n, loc))] },
  li, lla, la: lla,
  mv: alias2('addi', (loc) => num(0n, loc)),
  not: alias2('xori', (loc) => num(-1n, loc)),
  'sext.w': alias2('addiw', (loc) => num(0n, loc)),
  'zext.b': alias2('andi', (loc) => num(255n, loc)),
  seqz: alias2('sltiu', (loc) => num(1n, loc)),
  neg: { arity: [2], expand: ([d, s], loc) => [insn('sub', d!, zero(loc), s!)] },
  negw: { arity: [2], expand: ([d, s], loc) => [insn('subw', d!, zero(loc), s!)] },
  snez: { arity: [2], expand: ([d, s], loc) => [insn('sltu', d!, zero(loc), s!)] },
  sltz: { arity: [2], expand: ([d, s], loc) => [insn('slt', d!, s!, zero(loc))] },
  sgtz: { arity: [2], expand: ([d, s], loc) => [insn('slt', d!, zero(loc), s!)] },
  beqz: branchZero('beq', [0, 1, 2]),
  bnez: branchZero('bne', [0, 1, 2]),
  bltz: branchZero('blt', [0, 1, 2]),
  bgez: branchZero('bge', [0, 1, 2]),
  blez: branchZero('bge', [1, 0, 2]),
  bgtz: branchZero('blt', [1, 0, 2]),
  bgt: swapped('blt'), ble: swapped('bge'), bgtu: swapped('bltu'), bleu: swapped('bgeu'),
  j: { arity: [1], expand: ([t], loc) => [insn('jal', zero(loc), t!)] },
  jal: { arity: [1], expand: ([t], loc) => [insn('jal', reg('ra', loc), t!)] },
  jr: { arity: [1], expand: ([rs], loc) => [insn('jalr', zero(loc), { kind: 'mem', offset: undefined, base: nameOf(rs!), baseLoc: rs!.loc, loc })] },
  jalr: { arity: [1, 2, 3], expand: (ops, loc) => {
    if (ops.length === 2 && ops[1]!.kind === 'mem') return [insn('jalr', ops[0]!, ops[1]!)];
    const [rd, rs] = ops.length === 1 ? [reg('ra', loc), ops[0]!] : [ops[0]!, ops[1]!];
    const offset = ops.length === 3 ? exprOf(ops[2]!) : undefined;
    if (rs.kind === 'mem') return [insn('jalr', rd, rs)];
    return [insn('jalr', rd, { kind: 'mem', offset, base: nameOf(rs), baseLoc: rs.loc, loc })];
  } },
  ret: { arity: [0], expand: (_, loc) => [insn('jalr', zero(loc), { kind: 'mem', offset: undefined, base: 'ra', baseLoc: loc, loc })] },
  call: callLike('ra', 'ra'),
  tail: callLike('zero', 't1'),
  fence: { arity: [0], expand: (_, loc) => [insn('fence', reg('iorw', loc), reg('iorw', loc))] },
  'sfence.vma': { arity: [0, 1], expand: (ops, loc) => [insn('sfence.vma', ops[0] ?? zero(loc), zero(loc))] },
  'fmv.s': fpUnary('fsgnj.s'), 'fabs.s': fpUnary('fsgnjx.s'), 'fneg.s': fpUnary('fsgnjn.s'),
  'fmv.d': fpUnary('fsgnj.d'), 'fabs.d': fpUnary('fsgnjx.d'), 'fneg.d': fpUnary('fsgnjn.d'),
  'fmv.x.s': { arity: [2], expand: (ops) => [insn('fmv.x.w', ...ops)] },
  'fmv.s.x': { arity: [2], expand: (ops) => [insn('fmv.w.x', ...ops)] },
  csrr: { arity: [2], expand: ([rd, csr], loc) => [insn('csrrs', rd!, csr!, zero(loc))] },
  csrw: csrWrite('csrrw'), csrs: csrWrite('csrrs'), csrc: csrWrite('csrrc'),
  csrwi: csrWrite('csrrwi'), csrsi: csrWrite('csrrsi'), csrci: csrWrite('csrrci'),
  rdcycle: csrNamed('cycle', 'read'), rdtime: csrNamed('time', 'read'), rdinstret: csrNamed('instret', 'read'),
  frcsr: csrNamed('fcsr', 'read'), fscsr: csrNamed('fcsr', 'swap'),
  frrm: csrNamed('frm', 'read'), fsrm: csrNamed('frm', 'swap'), fsrmi: csrNamed('frm', 'swap', true),
  frflags: csrNamed('fflags', 'read'), fsflags: csrNamed('fflags', 'swap'), fsflagsi: csrNamed('fflags', 'swap', true),
  unimp: { arity: [0], expand: (_, loc, ctx) => (ctx.rvc ? [{ kind: 'bytes', bytes: new Uint8Array(2) }]
    : [insn('csrrw', zero(loc), reg('cycle', loc), zero(loc))]) },
};
for (const l of ['lb', 'lh', 'lw', 'ld', 'lbu', 'lhu', 'lwu']) PSEUDOS[l] = loadSymbol(l);
for (const s of ['sb', 'sh', 'sw', 'sd', 'fsw', 'fsd']) PSEUDOS[s] = storeSymbol(s);
for (const f of ['flw', 'fld']) {
  PSEUDOS[f] = { arity: [3], expand: ([fd, sym, rt], loc, ctx) =>
    pcrelPair(ctx, loc, rt!, exprOf(sym!), (lo) => insn(f, fd!, { kind: 'mem', offset: lo, base: nameOf(rt!), baseLoc: loc, loc })) };
}

/** True when `mnemonic` names a pseudo-instruction (for any operand count). */
export function isPseudo(mnemonic: string): boolean {
  return Object.hasOwn(PSEUDOS, mnemonic);
}

/**
 * Returns the real instructions for pseudo `mnemonic` with `ops`, or undefined
 * when the operand count is not a pseudo form (a real instruction of the same
 * name may take it). Throws AsmError for bad operands.
 */
export function expandPseudo(mnemonic: string, ops: Operand[], loc: SourceLocation, ctx: PseudoContext): Expansion[] | undefined {
  const p = Object.hasOwn(PSEUDOS, mnemonic) ? PSEUDOS[mnemonic] : undefined;
  if (!p || !p.arity.includes(ops.length)) return undefined;
  return p.expand(ops, loc, ctx);
}

/** Returns the accepted operand counts of a pseudo-instruction, for error messages. */
export function pseudoArity(mnemonic: string): readonly number[] {
  return PSEUDOS[mnemonic]?.arity ?? [];
}
