// Architectural and host-side state of the hart: registers, pc, privilege,
// CSR storage, pending exception, and the linear-memory layout (RAM, decoded
// instruction cache, TLBs). Everything else in the hart reads and writes these.

/** x0..x31 plus a write sink at index 32 (decoded rd=0 writes land there). */
export const REGS: usize = memory.data(8 * 40, 16);
export const SINK: u32 = 32;
/** f0..f31, raw 64-bit patterns. */
export const FREGS: usize = memory.data(8 * 32, 16);

// TLBs: 3 kinds (read, write, fetch) x 3 privilege sets (U, S, M), 256 entries
// of 16 bytes: tag (virtual page, or -1), delta (host address - virtual address).
export const TLB_ENTRIES: i32 = 256;
export const TLB_SET_BYTES: i32 = TLB_ENTRIES * 16;
export const TLBS: usize = memory.data(TLB_SET_BYTES * 9, 16);
export let tlbR: usize = TLBS;
export let tlbW: usize = TLBS;
export let tlbX: usize = TLBS;
/**
 * Addresses of the TLB entries filled since the last flushAllTlb, so a flush
 * (every satp write: each context switch) invalidates only those instead of
 * clearing all 36 KiB. Above TLB_LOG_MAX entries the log has overflowed and the
 * next flush clears every set; it starts overflowed (TLB memory starts zeroed).
 */
export const TLB_LOG_MAX: i32 = 64;
export const TLB_LOG: usize = memory.data(TLB_LOG_MAX * 4, 16);
export let tlbLogCount: i32 = TLB_LOG_MAX + 1;

/** One decoded entry for an instruction found outside the cache (page-crossing), then two OP_END entries. */
export const SCRATCH: usize = memory.data(48, 16);
/** A copy of the entry being executed on the breakpoint's page, then two OP_END entries. */
export const BPBUF: usize = memory.data(48, 16);

export let pc: i64 = 0;
export let priv: i32 = 3;

// Pending exception raised by a helper: cause (-1 = none) and tval.
export let excCause: i32 = -1;
export let excTval: i64 = 0;

// run() result: -1 = keep running, otherwise an ExitReason.
export let stopReason: i32 = -1;
/** Steps of the current chunk that did not retire (traps, breakpoint stops). */
export let notRetired: i32 = 0;
/** Step number (1-based) of the instruction now executing in the chunk; synced before slow paths. */
export let stepsNow: i32 = 1;
/** Set by a slow path when the run loop must end the chunk after this step (timer/interrupt state changed). */
export let breakChunk: bool = false;

// Memory layout, set by init().
export let ramBase: i64 = 0x80000000;
export let ramSize: i64 = 0;
export let ramHost: usize = 0;
export let ramPages: i32 = 0;
/** u16 per RAM page: decoded-cache slot (0 = none). */
export let pageSlot: usize = 0;
/** i32 per slot: RAM page index owning it (-1 = free). */
export let slotOwner: usize = 0;
/** Decoded entries: 2048 entries of 16 bytes per slot. */
export let slotMem: usize = 0;
export const NSLOTS: i32 = 512;
export const SLOT_BYTES: i32 = 2048 * 16;
/** Slots are SLOT_BYTES apart plus one OP_END entry, which sequential execution reaches after the page's last instruction. */
export const SLOT_STRIDE: i32 = SLOT_BYTES + 16;
export let nextSlot: i32 = 1;

// Fetch cache: virtual page of the current code page (-1 = re-resolve), the
// decoded slot base and the host address of that page.
export let fetchVPage: i64 = -1;
export let fetchBase: usize = 0;
export let fetchHost: usize = 0;
// The previously used code page (loops and calls that span two pages swap the two).
export let fetchVPage2: i64 = -1;
export let fetchBase2: usize = 0;
export let fetchHost2: usize = 0;

/** Forgets both cached code pages (translation, privilege or code changed). */
export function dropFetchCache(): void {
  fetchVPage = -1;
  fetchVPage2 = -1;
}

// Counters and virtual time.
export let retired: i64 = 0;
export let ticksAdvanced: i64 = 0;
export let ipt: i64 = 10;
export let mtimecmp: i64 = -1;
export let msip: i32 = 0;
export let minstretOff: i64 = 0;
export let mcycleOff: i64 = 0;
export let inhibitedInstret: i64 = 0;
export let inhibitedCycle: i64 = 0;

// CSR storage.
export let mstatus: i64 = 0;
export let misa: i64 = 0;
export let medeleg: i64 = 0;
export let mideleg: i64 = 0;
export let mie: i64 = 0;
export let mipSoft: i64 = 0;
export let mipExt: i64 = 0;
export let mtvec: i64 = 0;
export let stvec: i64 = 0;
export let mcounteren: i64 = 0;
export let scounteren: i64 = 0;
export let mcountinhibit: i64 = 0;
export let mscratch: i64 = 0;
export let sscratch: i64 = 0;
export let mepc: i64 = 0;
export let sepc: i64 = 0;
export let mcause: i64 = 0;
export let scause: i64 = 0;
export let mtval: i64 = 0;
export let stval: i64 = 0;
export let satp: i64 = 0;
export let fflags: i32 = 0;
export let frm: i32 = 0;
export let menvcfg: i64 = 0;
export let senvcfg: i64 = 0;
export const PMPADDR: usize = memory.data(8 * 16, 16);
export let pmpcfg0: i64 = 0;
export let pmpcfg2: i64 = 0;

// LR/SC reservation (physical address, -1 = none).
export let reservation: i64 = -1;

// Host controls.
export let hostTrapMode: bool = false;
export let hostCause: i64 = 0;
export let hostTval: i64 = 0;
export let tohostAddr: i64 = 0;
export let breakpoint: i64 = 0;
export let bpArmed: bool = false;

/** Reads x register `i` (0..31). */
@inline export function xget(i: u32): i64 {
  return load<i64>(REGS + (<usize>i << 3));
}

/** Writes x register `i` (decoded indices: 32 is the x0 sink). */
@inline export function xset(i: u32, v: i64): void {
  store<i64>(REGS + (<usize>i << 3), v);
}

/** Raises an exception: the run loop takes it after the current step. */
export function raise(cause: i32, tval: i64): void {
  excCause = cause;
  excTval = tval;
}

/** Instructions retired so far, exact also in the middle of a chunk. */
export function liveRetired(): i64 {
  return retired + <i64>(stepsNow - 1 - notRetired);
}

/** The CLINT's mtime: advanced ticks plus one tick per `ipt` retired instructions. */
export function mtimeNow(): i64 {
  return ticksAdvanced + <i64>(<u64>liveRetired() / <u64>ipt);
}
