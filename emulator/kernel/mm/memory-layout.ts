// Page size and the user virtual-address layout of every rvos process (Sv39
// lower half): where ELF images, mmap/shm regions and the stack go. Addresses
// are JS numbers (all below 2^38, exact); page helpers check their inputs.

export const PAGE_SHIFT = 12;
export const PAGE_SIZE = 1 << PAGE_SHIFT;

/** Lowest user address (the first 64 KiB stay unmapped so null pointers fault). */
export const USER_BASE = 0x1_0000;
/** End of user space (exclusive): 2^38, the top of the Sv39 lower half. */
export const USER_END = 0x40_0000_0000;
/** ELF images must end at or below this address (mmap and shm regions start here). */
export const MMAP_BASE = 0x20_0000_0000;
/** mmap and shm regions end at or below this address; the stack area lies above. */
export const MMAP_END = 0x3f_0000_0000;
/** Initial stack pointer; stack pages lie below it, an unmapped guard page below them. */
export const STACK_TOP = 0x3f_ffff_f000;

/** True when `n` is a non-negative safe integer multiple of the page size. */
export function isPageAligned(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0 && n % PAGE_SIZE === 0;
}

/** The number of pages covering `bytes` (a non-negative safe integer), rounded up. */
export function pagesFor(bytes: number): number {
  return Math.ceil(bytes / PAGE_SIZE);
}

/** True when [va, va + len) is a non-empty range inside user space (checked, no wrap). */
export function inUserRange(va: number, len: number): boolean {
  return Number.isSafeInteger(va) && Number.isSafeInteger(len) && len > 0 && va >= USER_BASE && len <= USER_END - va;
}
