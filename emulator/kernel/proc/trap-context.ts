// TrapContext: the saved user registers of one task (x1-x31, pc, f0-f31,
// fcsr) as plain typed arrays, and the copies between it and the hart. With
// the hart's register-file views a save or restore is two 256-byte copies.

import type { HartApi } from '../../hart/hart-api.ts';

const CSR_FCSR = 0x003;

export interface TrapContext {
  /** x0..x31 (x[0] is always 0). */
  readonly x: BigUint64Array;
  /** The same registers as little-endian u32 halves (word 2i = low half of x[i]): the trap path reads and writes small values without BigInts. */
  readonly xw: Uint32Array;
  /** f0..f31, raw 64-bit patterns. */
  readonly f: BigUint64Array;
  pc: bigint;
  fcsr: number;
}

/** A zeroed context starting at `pc` with stack pointer `sp`. */
export function newTrapContext(pc: bigint, sp: bigint): TrapContext {
  const x = new BigUint64Array(32);
  const context: TrapContext = { x, xw: new Uint32Array(x.buffer), f: new BigUint64Array(32), pc, fcsr: 0 };
  context.x[2] = sp;
  return context;
}

/** Copies the hart's integer registers and pc into `context`. */
export function saveIntegerContext(hart: HartApi, context: TrapContext): void {
  const file = hart.registerFile?.();
  if (file !== undefined) context.x.set(file.x);
  else for (let i = 1; i < 32; i++) context.x[i] = hart.getX(i);
  context.x[0] = 0n;
  context.pc = hart.getPc();
}

/** Copies `context`'s integer registers and pc into the hart. */
export function restoreIntegerContext(hart: HartApi, context: TrapContext): void {
  context.x[0] = 0n;
  const file = hart.registerFile?.();
  if (file !== undefined) file.x.set(context.x);
  else for (let i = 1; i < 32; i++) hart.setX(i, context.x[i]!);
  hart.setPc(context.pc);
}

/** Copies the hart's f registers and fcsr into `context`. */
export function saveFloatContext(hart: HartApi, context: TrapContext): void {
  const file = hart.registerFile?.();
  if (file !== undefined) context.f.set(file.f);
  else for (let i = 0; i < 32; i++) context.f[i] = hart.getF(i);
  context.fcsr = Number(hart.getCsr(CSR_FCSR) & 0xffn);
}

/** Copies `context`'s f registers and fcsr into the hart. */
export function restoreFloatContext(hart: HartApi, context: TrapContext): void {
  const file = hart.registerFile?.();
  if (file !== undefined) file.f.set(context.f);
  else for (let i = 0; i < 32; i++) hart.setF(i, context.f[i]!);
  hart.setCsr(CSR_FCSR, BigInt(context.fcsr));
}
