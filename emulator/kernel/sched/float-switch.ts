// The floating-point part of a context switch, lazily saved: the hart marks
// mstatus.FS Dirty when code writes an f register or fcsr, so the outgoing
// task's f registers are saved only when it changed them since they were put
// on the hart (a task that does no floating point costs no 256-byte save).
// With the hart's optional helpers (floatDirty / floatLoaded) no BigInt
// crosses to wasm; without them the CSRs are read and written generically.

import type { HartApi } from '../../hart/hart-api.ts';
import { restoreFloatContext, saveFloatContext, type TrapContext } from '../proc/trap-context.ts';

const CSR_MSTATUS = 0x300;
const MSTATUS_FS = 3n << 13n;
const MSTATUS_FS_DIRTY = 3n << 13n;
const MSTATUS_FS_CLEAN = 2n << 13n;

/**
 * Puts `incoming`'s f registers and fcsr on the hart; first saves those on the hart into `outgoing`
 * (the context they belong to, undefined when it is gone) when mstatus.FS says they changed. Leaves FS
 * Clean: the hart's f state equals `incoming`'s saved one.
 */
export function switchFloatState(hart: HartApi, outgoing: TrapContext | undefined, incoming: TrapContext): void {
  const file = hart.registerFile?.();
  if (file !== undefined && hart.floatDirty !== undefined && hart.floatLoaded !== undefined) {
    if (outgoing !== undefined && hart.floatDirty()) saveFloatContext(hart, outgoing);
    file.f.set(incoming.f);
    hart.floatLoaded(incoming.fcsr);
    return;
  }
  const mstatus = hart.getCsr(CSR_MSTATUS);
  if (outgoing !== undefined && (mstatus & MSTATUS_FS) === MSTATUS_FS_DIRTY) saveFloatContext(hart, outgoing);
  restoreFloatContext(hart, incoming); // the fcsr write marks FS Dirty: back to Clean below
  hart.setCsr(CSR_MSTATUS, (mstatus & ~MSTATUS_FS) | MSTATUS_FS_CLEAN);
}
