// The typed contract between the RV64GC hart (WebAssembly, built from
// emulator/hart/assembly) and everything above it: the machine's run loop, the
// kernel's trap handling, the debugger views. emulator/hart/hart.ts implements
// it; nothing outside emulator/hart touches the wasm exports directly.

/** Why `run()` returned. */
export const enum ExitReason {
  /** The instruction budget is used up; the hart can simply be run again. */
  Budget = 0,
  /**
   * Host-trap mode only: a trap would be taken from U-mode. The hart has not
   * vectored: pc still points at the trapping instruction, the privilege is
   * still U, and `trapCause()` / `trapValue()` describe the trap. The host
   * handles it (e.g. a syscall) and sets pc before running again.
   */
  HostTrap = 1,
  /** A `wfi` retired and no enabled interrupt is pending. pc is after the wfi. */
  Wfi = 2,
  /** The guest wrote a non-zero value to the `tohost` word (HTIF). */
  Tohost = 3,
  /** A breakpoint address set by the host was reached (before executing it). */
  Breakpoint = 4,
}

/** Privilege modes, as encoded in mstatus.MPP. */
export const enum Privilege {
  User = 0,
  Supervisor = 1,
  Machine = 3,
}

/**
 * A memory-mapped device region, seen from the hart as 1, 2 or 4 byte
 * accesses (an 8-byte access becomes two 4-byte accesses, low word first).
 * Offsets are relative to the region base. Returning `undefined` from read or
 * `false` from write turns the access into an access fault.
 */
export interface MmioDevice {
  readonly name: string;
  read(offset: number, size: 1 | 2 | 4): number | undefined;
  write(offset: number, size: 1 | 2 | 4, value: number): boolean;
}

export interface HartOptions {
  /** Guest-physical base of RAM (QEMU virt: 0x8000_0000). */
  ramBase: bigint;
  /** RAM size in bytes, a multiple of 4096. */
  ramSize: number;
  /** Virtual-time divisor: mtime advances by 1 every `instructionsPerTick` retired instructions. */
  instructionsPerTick: number;
}

/**
 * Live views of the register files in the hart's memory (raw 64-bit patterns):
 * `x[i]` is x register i, `f[i]` is f register i. Copying them with
 * `TypedArray.set` saves or restores a whole context without per-register calls.
 * Writes take effect at once; `x[0]` must stay 0. Valid until the next call of
 * `registerFile()` may return new views (the wasm memory grew).
 */
export interface RegisterFile {
  readonly x: BigUint64Array;
  readonly f: BigUint64Array;
}

/** Machine-level view of one hart. Registers and CSRs are raw 64-bit values. */
export interface HartApi {
  /** Guest RAM, index = physical address - ramBase. Writes through it are seen by the hart (call `invalidateCode` for code). */
  readonly ram: Uint8Array;
  readonly ramBase: bigint;

  /** Runs at most `budget` instructions; returns why it stopped. */
  run(budget: number): ExitReason;

  getX(index: number): bigint;
  setX(index: number, value: bigint): void;
  /** Raw 64-bit pattern of f register `index` (NaN-boxed for single precision). */
  getF(index: number): bigint;
  setF(index: number, value: bigint): void;
  /** Views of x0..x31 and f0..f31 (optional: a hart without them is reached through get/setX and get/setF). */
  registerFile?(): RegisterFile;
  getPc(): bigint;
  setPc(value: bigint): void;
  getPrivilege(): Privilege;
  setPrivilege(mode: Privilege): void;
  /** Host access to a CSR: no privilege check, no side effects beyond the write itself. */
  getCsr(address: number): bigint;
  setCsr(address: number, value: bigint): void;

  /** Cause (mcause encoding: interrupt bit 63) and tval of the last host trap. */
  trapCause(): bigint;
  trapValue(): bigint;
  /** When on, traps taken from U-mode return `ExitReason.HostTrap` instead of vectoring. */
  setHostTrapMode(on: boolean): void;

  /** Monotonic count of retired instructions since reset (not affected by minstret writes). */
  retired(): bigint;
  /** Optional: instructions retired by the last `run()` call, as a number (no BigInt). */
  lastRunRetired?(): number;
  /** The CLINT's mtime (virtual time). */
  mtime(): bigint;
  /** Optional: mtime as a number (exact below 2^53; no BigInt). */
  mtimeNumber?(): number;
  /** Moves virtual time forward (idle skip). */
  advanceTime(ticks: bigint): void;
  /** The earliest mtimecmp, for idle skipping. */
  nextTimerDeadline(): bigint;

  /** Watches the HTIF `tohost` word at this physical address (0 = none). */
  setTohostAddress(paddr: bigint): void;
  /** Sets or clears an external interrupt-pending bit in mip (e.g. 9 = SEIP, 11 = MEIP). */
  setInterruptPending(bit: number, level: boolean): void;

  /** Maps a device at [base, base+size) of physical space. CLINT is built in. */
  mapDevice(base: bigint, size: number, device: MmioDevice): void;

  /**
   * Optional context-switch helpers (no BigInts): whether mstatus.FS is Dirty (the f registers or
   * fcsr changed since the last `floatLoaded`), and, after the host put a task's f registers in
   * registerFile().f, setting its fcsr and mstatus.FS = Clean.
   */
  floatDirty?(): boolean;
  floatLoaded?(fcsr: number): void;

  /**
   * Optional fast RAM helpers (one call, no views): copies `len` bytes from RAM offset `src` to `dst`
   * (offsets from ramBase; may overlap), dropping decoded code of the destination; false (nothing
   * done) when a range leaves RAM.
   */
  copyRam?(dst: number, src: number, len: number): boolean;
  /** Optional: stores u32 words w0, w1, w2 little-endian at RAM offset `dst`, then `zeros` zero bytes (decoded code there dropped); false when outside RAM. */
  storeRamWords?(dst: number, w0: number, w1: number, w2: number, zeros: number): boolean;

  /** Drops cached decoded instructions for a physical range (after the host writes code into RAM). */
  invalidateCode(paddr: bigint, length: number): void;
  /** Drops every TLB entry (after the host changes satp or page tables). */
  flushTlb(): void;

  /**
   * Translates a virtual address for a debugger or host: returns the physical
   * address, or -1n if unmapped. No A/D updates, no faults.
   */
  debugTranslate(vaddr: bigint, access: 'fetch' | 'load' | 'store'): bigint;
  /** Sets (or with 0n removes) the one host breakpoint address (virtual pc). */
  setBreakpoint(pc: bigint): void;

  /** Resets the hart: pc = resetPc, M-mode, CSRs to reset values, registers zero. RAM is kept. */
  reset(resetPc: bigint): void;
}
