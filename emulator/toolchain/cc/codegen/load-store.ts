// Loads, stores, memory copies and integer/float conversions for the stack
// machine: values live in a0 (integers, pointers, addresses of aggregates) or
// fa0 (float/double). 32-bit integers are kept sign-extended (the RV64 ABI
// convention, for unsigned int too); char/short are kept zero/sign-extended.

import type { Member } from '../types.ts';
import { isFloat, isRecord, unqual, type CType } from '../types.ts';
import { CodegenError, type FnContext } from './context.ts';
import type { SourceLocation } from '../../asm/diagnostics.ts';

export const isFlo = (t: CType): boolean => t.kind === 'float' || t.kind === 'double';

/** True when a value of this type is represented by its address (aggregates, functions). */
export function isByAddress(t: CType): boolean {
  return isRecord(t) || t.kind === 'array' || t.kind === 'func';
}

/** Loads a value of type `t` from the address in a0 into a0/fa0 (aggregates: keeps the address). */
export function load(ctx: FnContext, t: CType, loc: SourceLocation): void {
  if (isByAddress(t) || t.kind === 'void') return;
  if (t.kind === 'float') { ctx.emit('flw fa0, 0(a0)'); return; }
  if (t.kind === 'double') { ctx.emit('fld fa0, 0(a0)'); return; }
  if (t.kind === 'ldouble') throw new CodegenError(loc, 'long double is not supported by the code generator');
  ctx.emit(`${loadInsn(t)} a0, 0(a0)`);
}

/** The load instruction for an integer/pointer type. */
export function loadInsn(t: CType): string {
  switch (t.size) {
    case 1: return t.unsigned ? 'lbu' : 'lb';
    case 2: return t.unsigned ? 'lhu' : 'lh';
    case 4: return 'lw';
    default: return 'ld';
  }
}

/** The store instruction (with its source register) for a scalar of type `t`: `sw a0` or `fsd fa0`. */
export function storeInsn(t: CType): string {
  if (t.kind === 'float') return 'fsw fa0';
  if (t.kind === 'double') return 'fsd fa0';
  return `${t.size === 1 ? 'sb' : t.size === 2 ? 'sh' : t.size === 4 ? 'sw' : 'sd'} a0`;
}

/** Stores a0/fa0 (type `t`) to the address in t1; aggregates are copied from the address in a0. */
export function store(ctx: FnContext, t: CType, loc: SourceLocation): void {
  if (isRecord(t) || t.kind === 'array') { copyMemory(ctx, 't1', 'a0', t.size, t.align); return; }
  if (t.kind === 'float') { ctx.emit('fsw fa0, 0(t1)'); return; }
  if (t.kind === 'double') { ctx.emit('fsd fa0, 0(t1)'); return; }
  if (t.kind === 'ldouble') throw new CodegenError(loc, 'long double is not supported by the code generator');
  const insn = t.size === 1 ? 'sb' : t.size === 2 ? 'sh' : t.size === 4 ? 'sw' : 'sd';
  ctx.emit(`${insn} a0, 0(t1)`);
}

const widths: [number, string, string][] = [[8, 'ld', 'sd'], [4, 'lwu', 'sw'], [2, 'lhu', 'sh'], [1, 'lbu', 'sb']];

/**
 * Copies `size` bytes from [src] to [dst] (registers other than t2-t5), in
 * the widest steps that `align` (the alignment both addresses have) allows.
 */
export function copyMemory(ctx: FnContext, dst: string, src: string, size: number, align = 1): void {
  const [w, ld, sd] = widths.find(([n]) => n <= align && size % n === 0) ?? widths[3];
  if (size / w > 32) {
    const loop = ctx.newLabel('copy');
    ctx.emit(`mv t4, ${src}`);
    ctx.emit(`mv t5, ${dst}`);
    ctx.emit(`li t3, ${size / w}`);
    ctx.label(loop);
    ctx.emit(`${ld} t2, 0(t4)`);
    ctx.emit(`${sd} t2, 0(t5)`);
    ctx.emit(`addi t4, t4, ${w}`);
    ctx.emit(`addi t5, t5, ${w}`);
    ctx.emit('addi t3, t3, -1');
    ctx.emit(`bnez t3, ${loop}`);
    return;
  }
  for (let i = 0; i < size; i += w) {
    ctx.emit(`${ld} t2, ${i}(${src})`);
    ctx.emit(`${sd} t2, ${i}(${dst})`);
  }
}

/** Zeroes `size` bytes at [reg], a local slot (8-byte aligned, size rounded up to 8 is ours). */
export function zeroMemory(ctx: FnContext, reg: string, size: number): void {
  const words = Math.ceil(size / 8);
  if (words > 32) {
    const loop = ctx.newLabel('zero');
    ctx.emit(`mv t4, ${reg}`);
    ctx.emit(`li t3, ${words}`);
    ctx.label(loop);
    ctx.emit('sd zero, 0(t4)');
    ctx.emit('addi t4, t4, 8');
    ctx.emit('addi t3, t3, -1');
    ctx.emit(`bnez t3, ${loop}`);
    return;
  }
  for (let i = 0; i < words; i++) ctx.emit(`sd zero, ${8 * i}(${reg})`);
}

/** Normalizes the integer in `r` (default a0) to type `t` (truncation with sign/zero extension). */
export function normalizeInt(ctx: FnContext, t: CType, r = 'a0'): void {
  const u = unqual(t);
  if (u.kind === 'bool') { ctx.emit(`snez ${r}, ${r}`); return; }
  if (u.kind === 'ptr' || u.size === 8) return;
  if (u.size === 4) { ctx.emit(`sext.w ${r}, ${r}`); return; }
  const shift = 64 - u.size * 8;
  ctx.emit(`slli ${r}, ${r}, ${shift}`);
  ctx.emit(`${u.unsigned ? 'srli' : 'srai'} ${r}, ${r}, ${shift}`);
}

/** Converts the value in a0/fa0 from type `from` to type `to`. */
export function convert(ctx: FnContext, from: CType, to: CType, loc: SourceLocation): void {
  if (to.kind === 'void' || isByAddress(to) || isByAddress(from)) return;
  if (from.kind === 'ldouble' || to.kind === 'ldouble') throw new CodegenError(loc, 'long double conversions are not supported by the code generator');
  const ff = isFloat(from);
  const tf = isFloat(to);
  if (ff && tf) {
    if (from.kind === 'float' && to.kind === 'double') ctx.emit('fcvt.d.s fa0, fa0');
    else if (from.kind === 'double' && to.kind === 'float') ctx.emit('fcvt.s.d fa0, fa0');
    return;
  }
  if (ff) {
    const s = from.kind === 'float' ? 's' : 'd';
    if (to.kind === 'bool') {
      ctx.emit(`fmv.${s === 's' ? 'w' : 'd'}.x ft0, zero`);
      ctx.emit(`feq.${s} a0, fa0, ft0`);
      ctx.emit('xori a0, a0, 1');
      return;
    }
    const w = to.size === 8 ? (to.unsigned ? 'lu' : 'l') : to.size === 4 && to.unsigned ? 'wu' : to.size === 4 ? 'w' : 'l';
    ctx.emit(`fcvt.${w}.${s} a0, fa0, rtz`);
    if (to.size < 4) normalizeInt(ctx, to);
    return;
  }
  if (tf) {
    const d = to.kind === 'float' ? 's' : 'd';
    const w = from.size === 8 || from.kind === 'ptr' ? (from.unsigned ? 'lu' : 'l') : from.unsigned && from.size === 4 ? 'wu' : 'w';
    ctx.emit(`fcvt.${d}.${w} fa0, a0`);
    return;
  }
  // integer -> integer
  if (to.kind === 'bool') { ctx.emit('snez a0, a0'); return; }
  if (to.size === 8 && from.size === 4 && from.unsigned) {
    ctx.emit('slli a0, a0, 32');
    ctx.emit('srli a0, a0, 32');
    return;
  }
  if (to.size >= from.size && (to.size === 8 || to.unsigned === from.unsigned || from.kind === 'bool' || (from.unsigned && to.size > from.size))) return;
  normalizeInt(ctx, to);
}

/**
 * Bytes a packed bit-field's bits reach from its unit start when that is more
 * than its type's size (`int b : 29` at bit 4 of a packed record: 5), else 0.
 * Such a field is loaded and stored byte by byte; more than 8 bytes is rejected.
 */
function packedSpan(ctx: FnContext, m: Member): number {
  const span = Math.ceil((m.bitOffset! + m.bitWidth!) / 8);
  if (span <= m.type.size) return 0;
  if (span > 8) throw new CodegenError(ctx.fn.obj.loc, `packed bit-field '${m.name ?? ''}' spans more than 8 bytes`);
  return span;
}

/** t2 = the `span` bytes at 0(`base`), little-endian. */
function loadBytes(ctx: FnContext, base: string, span: number): void {
  ctx.emit(`lbu t2, 0(${base})`);
  for (let i = 1; i < span; i++) {
    ctx.emit(`lbu t3, ${i}(${base})`);
    ctx.emit(`slli t3, t3, ${8 * i}`);
    ctx.emit('or t2, t2, t3');
  }
}

/** Loads a bit-field's value from the address in a0 into a0. */
export function loadBitField(ctx: FnContext, m: Member): void {
  const span = packedSpan(ctx, m);
  if (span > 0) {
    loadBytes(ctx, 'a0', span);
    ctx.emit('mv a0, t2');
  } else ctx.emit(`${m.type.size === 8 ? 'ld' : m.type.size === 4 ? 'lwu' : m.type.size === 2 ? 'lhu' : 'lbu'} a0, 0(a0)`);
  const w = m.bitWidth!;
  ctx.emit(`slli a0, a0, ${64 - w - m.bitOffset!}`);
  ctx.emit(`${m.type.unsigned ? 'srli' : 'srai'} a0, a0, ${64 - w}`);
}

/** Stores a0 into the bit-field at address t1 (read-modify-write of its unit); a0 keeps the stored value. */
export function storeBitField(ctx: FnContext, m: Member): void {
  const size = m.type.size;
  const w = m.bitWidth!;
  const off = m.bitOffset!;
  const span = packedSpan(ctx, m);
  if (span > 0) loadBytes(ctx, 't1', span);
  else ctx.emit(`${size === 8 ? 'ld' : size === 4 ? 'lwu' : size === 2 ? 'lhu' : 'lbu'} t2, 0(t1)`);
  const mask = ((1n << BigInt(w)) - 1n) << BigInt(off);
  ctx.emit(`li t3, ${BigInt.asIntN(64, ~mask)}`);
  ctx.emit('and t2, t2, t3');
  ctx.emit(`slli t3, a0, ${64 - w}`);
  ctx.emit(`srli t3, t3, ${64 - w - off}`);
  ctx.emit('or t2, t2, t3');
  for (let i = 0; i < span; i++) {
    ctx.emit(`sb t2, ${i}(t1)`);
    if (i + 1 < span) ctx.emit('srli t2, t2, 8');
  }
  if (span === 0) ctx.emit(`${size === 8 ? 'sd' : size === 4 ? 'sw' : size === 2 ? 'sh' : 'sb'} t2, 0(t1)`);
  ctx.emit(`slli a0, a0, ${64 - w}`);
  ctx.emit(`${m.type.unsigned ? 'srli' : 'srai'} a0, a0, ${64 - w}`);
}
