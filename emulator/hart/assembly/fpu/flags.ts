// FPU exception flags and rounding-mode numbers (RISC-V fcsr encoding).
// Every FPU operation ORs the flags it raises into fflagsAccrued; the hart
// clears it before an F/D instruction and merges it into fcsr.fflags after.

/** Accrued exception flags of the current operation(s): NV|DZ|OF|UF|NX bits. */
export let fflagsAccrued: u32 = 0;

export const FLAG_NV: u32 = 0x10; // invalid operation
export const FLAG_DZ: u32 = 0x08; // divide by zero
export const FLAG_OF: u32 = 0x04; // overflow
export const FLAG_UF: u32 = 0x02; // underflow
export const FLAG_NX: u32 = 0x01; // inexact

export const RM_RNE: u32 = 0; // round to nearest, ties to even
export const RM_RTZ: u32 = 1; // round towards zero
export const RM_RDN: u32 = 2; // round down (towards -inf)
export const RM_RUP: u32 = 3; // round up (towards +inf)
export const RM_RMM: u32 = 4; // round to nearest, ties to max magnitude

/** ORs `flags` into fflagsAccrued. */
// @ts-ignore: decorator
@inline export function raise(flags: u32): void {
  fflagsAccrued |= flags;
}
