// Parses the bytes a differential-test program writes (scratch area, then
// x0..x31, f0..f31, fcsr) and compares QEMU's with the hart's, naming the
// first differing register or scratch byte and listing every differing register.

import { OUTPUT_SIZE, SCRATCH_SIZE } from './program-model.ts';

export interface Mismatch {
  /** One-line summary: the first difference. */
  readonly first: string;
  /** Every differing register, then the first few differing scratch quadwords. */
  readonly details: readonly string[];
}

const hex64 = (v: bigint): string => `0x${v.toString(16).padStart(16, '0')}`;

function slotName(slot: number): string {
  if (slot < 32) return `x${slot}`;
  if (slot < 64) return `f${slot - 32}`;
  return 'fcsr';
}

/** Returns undefined when both outputs are identical, else where they differ. */
export function compareDumps(expected: Uint8Array, actual: Uint8Array): Mismatch | undefined {
  if (expected.length !== OUTPUT_SIZE) throw new Error(`QEMU output has ${expected.length} bytes, not ${OUTPUT_SIZE}`);
  if (actual.length !== OUTPUT_SIZE) {
    const msg = `hart wrote ${actual.length} bytes, expected ${OUTPUT_SIZE}`;
    return { first: msg, details: [msg] };
  }
  const ev = new DataView(expected.buffer, expected.byteOffset, expected.byteLength);
  const av = new DataView(actual.buffer, actual.byteOffset, actual.byteLength);
  const details: string[] = [];
  for (let slot = 0; slot < 65; slot++) {
    const at = SCRATCH_SIZE + slot * 8;
    const e = ev.getBigUint64(at, true);
    const a = av.getBigUint64(at, true);
    if (e !== a) details.push(`${slotName(slot)}: expected ${hex64(e)} (qemu), actual ${hex64(a)} (hart)`);
  }
  let scratchDiffs = 0;
  for (let q = 0; q < SCRATCH_SIZE; q += 8) {
    const e = ev.getBigUint64(q, true);
    const a = av.getBigUint64(q, true);
    if (e === a) continue;
    if (scratchDiffs++ < 4) details.push(`scratch+${q}: expected ${hex64(e)} (qemu), actual ${hex64(a)} (hart)`);
  }
  if (scratchDiffs > 4) details.push(`... ${scratchDiffs - 4} more differing scratch quadwords`);
  return details.length === 0 ? undefined : { first: details[0], details };
}
