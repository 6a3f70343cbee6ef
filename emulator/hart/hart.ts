// The RV64GC hart as a TypeScript object: instantiates emulator/hart/build/hart.wasm
// (built by `npm run build:hart`) and implements HartApi on its exports.
//
// How to use:
//   const hart = await createHart({ ramBase: 0x8000_0000n, ramSize: 16 << 20, instructionsPerTick: 10 });
//   hart.ram.set(image, 0);                 // RAM index = physical address - ramBase
//   hart.reset(0x8000_0000n);               // M-mode, pc = reset address
//   hart.setTohostAddress(0x8000_1000n);    // optional HTIF watch
//   while (hart.run(1_000_000) === ExitReason.Budget) { /* poll devices */ }
// In a browser pass the wasm bytes (or a compiled WebAssembly.Module) as the second
// argument. Values are raw 64-bit patterns returned as unsigned bigints.
//
// Implementation choices (spec latitude), for test writers:
// - illegal instruction: tval = the instruction bits (16-bit for compressed); ebreak: tval = pc.
// - misaligned loads/stores are emulated (a page-crossing access faults with tval = first address
//   in the faulting page); misaligned LR -> cause 4, SC/AMO -> cause 6; AMO/LR/SC only on RAM.
// - Sv39 A/D bits are updated by hardware; satp modes other than Bare/Sv39 are ignored.
// - PMP CSRs (pmpcfg0/2, pmpaddr0..15) are WARL storage only: no enforcement. No triggers.
// - mstatus.FS resets to Off; wfi in U-mode is illegal; cycle counts retired instructions.
// - Breakpoint: not reported for the first instruction of a run() call, so run() resumes past it.
// - mtime = advanced ticks + retired / instructionsPerTick; timer interrupts arrive at exactly
//   the instruction where mtime reaches mtimecmp.

import {
  ExitReason, Privilege, type HartApi, type HartOptions, type MmioDevice, type RegisterFile,
} from './hart-api.js';
import { type HartExports, hartImports } from './wasm-exports.js';

export { ExitReason, Privilege };
export type { HartApi, HartOptions, MmioDevice, RegisterFile };

const MASK64 = 64;

/** `v` (an i64 from wasm, signed) as the unsigned 64-bit pattern; no new BigInt in the common non-negative case. */
function unsigned(v: bigint): bigint {
  return v < 0n ? BigInt.asUintN(MASK64, v) : v;
}

/** One RV64GC hart backed by a WebAssembly instance. */
export class Hart implements HartApi {
  readonly ramBase: bigint;
  private readonly exports: HartExports;
  private readonly ramPtr: number;
  private readonly ramSize: number;
  private ramView: Uint8Array;
  private readonly devices: MmioDevice[];
  private registers: RegisterFile | undefined;
  /** The hart's decoded-cache slot per RAM page (0 = no decoded code): invalidateCode skips the wasm call for data pages. */
  private pageSlots: Uint16Array;
  private readonly ramBaseNumber: number;

  /** Use createHart / createHartFromModule; `devices` is shared with the wasm imports. */
  constructor(exports: HartExports, options: HartOptions, devices: MmioDevice[]) {
    this.exports = exports;
    this.devices = devices;
    this.ramBase = options.ramBase;
    this.ramSize = options.ramSize;
    const ptr = exports.init(options.ramSize, options.ramBase, options.instructionsPerTick);
    if (ptr === 0) throw new Error(`hart: cannot allocate ${options.ramSize} bytes of guest RAM`);
    this.ramPtr = ptr >>> 0;
    this.ramView = new Uint8Array(exports.memory.buffer, this.ramPtr, this.ramSize);
    this.ramBaseNumber = Number(options.ramBase);
    this.pageSlots = new Uint16Array(exports.memory.buffer, exports.pageSlotPointer(), options.ramSize / 4096);
  }

  get ram(): Uint8Array {
    if (this.ramView.buffer !== this.exports.memory.buffer) {
      this.ramView = new Uint8Array(this.exports.memory.buffer, this.ramPtr, this.ramSize);
    }
    return this.ramView;
  }

  run(budget: number): ExitReason {
    const steps = Math.max(0, Math.min(Math.floor(budget), 0x7fff_ffff));
    return this.exports.run(steps) as ExitReason;
  }

  getX(index: number): bigint { return unsigned(this.exports.getX(index)); }
  setX(index: number, value: bigint): void { this.exports.setX(index, value); }
  getF(index: number): bigint { return unsigned(this.exports.getF(index)); }
  setF(index: number, value: bigint): void { this.exports.setF(index, value); }
  registerFile(): RegisterFile {
    // A view on a detached buffer (the memory grew) has length 0.
    if (this.registers === undefined || this.registers.x.length === 0) {
      const buffer = this.exports.memory.buffer;
      this.registers = {
        x: new BigUint64Array(buffer, this.exports.regsPointer(), 32),
        f: new BigUint64Array(buffer, this.exports.fregsPointer(), 32),
      };
    }
    return this.registers;
  }
  getPc(): bigint { return unsigned(this.exports.getPc()); }
  setPc(value: bigint): void { this.exports.setPc(value); }
  getPrivilege(): Privilege { return this.exports.getPriv() as Privilege; }
  setPrivilege(mode: Privilege): void { this.exports.setPriv(mode); }
  getCsr(address: number): bigint { return unsigned(this.exports.getCsr(address)); }
  setCsr(address: number, value: bigint): void { this.exports.setCsr(address, value); }

  trapCause(): bigint { return unsigned(this.exports.trapCause()); }
  trapValue(): bigint { return unsigned(this.exports.trapValue()); }
  setHostTrapMode(on: boolean): void { this.exports.setHostTrapMode(on ? 1 : 0); }

  retired(): bigint { return this.exports.retiredCount(); }
  lastRunRetired(): number { return this.exports.lastRunRetired(); }
  mtime(): bigint { return unsigned(this.exports.mtime()); }
  mtimeNumber(): number { return this.exports.mtimeNumber(); }
  advanceTime(ticks: bigint): void { this.exports.advanceTime(ticks); }
  nextTimerDeadline(): bigint { return unsigned(this.exports.nextTimerDeadline()); }
  /** Sets the CLINT mtimecmp, as a guest store to it would (not part of HartApi). */
  setTimerCompare(value: bigint): void { this.exports.setMtimecmp(value); }

  setTohostAddress(paddr: bigint): void { this.exports.setTohost(paddr); }
  setInterruptPending(bit: number, level: boolean): void { this.exports.setInterruptPending(bit, level ? 1 : 0); }

  mapDevice(base: bigint, size: number, device: MmioDevice): void {
    const id = this.exports.mapDevice(base, size);
    if (id < 0) throw new Error(`hart: too many devices (cannot map ${device.name})`);
    this.devices[id] = device;
  }

  floatDirty(): boolean {
    return this.exports.fpDirty() !== 0;
  }

  floatLoaded(fcsr: number): void {
    this.exports.fpLoaded(fcsr);
  }

  copyRam(dst: number, src: number, len: number): boolean {
    return this.exports.ramCopy(dst, src, len) !== 0;
  }

  storeRamWords(dst: number, w0: number, w1: number, w2: number, zeros: number): boolean {
    return this.exports.ramStoreWords(dst, w0, w1, w2, zeros) !== 0;
  }

  invalidateCode(paddr: bigint, length: number): void {
    if (!this.mayHaveCode(paddr, length)) return; // the common case (kernel writes to data pages): no wasm call
    this.exports.invalidateCode(paddr, length);
  }

  /** False when no RAM page overlapping [paddr, paddr+length) has decoded instructions (then nothing needs dropping). */
  private mayHaveCode(paddr: bigint, length: number): boolean {
    if (this.pageSlots.length === 0) this.pageSlots = new Uint16Array(this.exports.memory.buffer, this.exports.pageSlotPointer(), this.ramSize / 4096);
    const offset = Number(paddr) - this.ramBaseNumber;
    if (!Number.isSafeInteger(offset) || offset < 0 || length <= 0 || offset + length > this.ramSize) return true; // let the hart decide
    const last = Math.floor((offset + length - 1) / 4096);
    for (let page = Math.floor(offset / 4096); page <= last; page++) if (this.pageSlots[page] !== 0) return true;
    return false;
  }
  flushTlb(): void { this.exports.flushTlb(); }

  debugTranslate(vaddr: bigint, access: 'fetch' | 'load' | 'store'): bigint {
    const kind = access === 'fetch' ? 0 : access === 'load' ? 1 : 2;
    const pa = this.exports.debugTranslate(vaddr, kind);
    return pa === -1n ? -1n : BigInt.asUintN(MASK64, pa);
  }

  setBreakpoint(pc: bigint): void { this.exports.setBreakpoint(pc); }

  /** Returns a copy of the complete hart state (not RAM, not devices) for a snapshot. */
  saveState(): Uint8Array {
    const length = this.exports.saveState();
    return new Uint8Array(this.exports.memory.buffer, this.exports.snapshotBuffer(), length).slice();
  }

  /** Restores a state from saveState(); throws (changing nothing) if it is not a hart state of this format. */
  loadState(state: Uint8Array): void {
    const size = this.exports.saveState();
    if (state.length !== size) throw new Error(`hart: snapshot state has ${state.length} bytes, expected ${size}`);
    const buffer = new Uint8Array(this.exports.memory.buffer, this.exports.snapshotBuffer(), size);
    const current = buffer.slice();
    buffer.set(state);
    if (this.exports.loadState() === 0) {
      buffer.set(current);
      throw new Error('hart: snapshot state has an unknown format');
    }
  }
  reset(resetPc: bigint): void { this.exports.reset(resetPc); }
}

/** Instantiates a hart from a compiled module (synchronous); throws if RAM cannot be allocated. */
export function createHartFromModule(module: WebAssembly.Module, options: HartOptions): Hart {
  validateOptions(options);
  const devices: MmioDevice[] = [];
  const instance = new WebAssembly.Instance(module, hartImports(devices));
  return new Hart(instance.exports as unknown as HartExports, options, devices);
}

/**
 * Creates a hart. `wasm` is the module bytes or a compiled module (browsers);
 * omitted, Node reads emulator/hart/build/hart.wasm. Rejects when the file is
 * missing (run `npm run build:hart`) or the options are invalid.
 */
export async function createHart(options: HartOptions, wasm?: WebAssembly.BufferSource | WebAssembly.Module): Promise<Hart> {
  const module = wasm instanceof WebAssembly.Module ? wasm : await WebAssembly.compile(wasm ?? await readHartWasm());
  return createHartFromModule(module, options);
}

let cachedModule: Promise<WebAssembly.Module> | undefined;

/** Compiles (once per process) the built hart.wasm from the file system (Node only). */
export function loadHartModule(): Promise<WebAssembly.Module> {
  cachedModule ??= readHartWasm().then((bytes) => WebAssembly.compile(bytes));
  return cachedModule;
}

async function readHartWasm(): Promise<Uint8Array<ArrayBuffer>> {
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(new URL('./build/hart.wasm', import.meta.url));
  return new Uint8Array(bytes);
}

function validateOptions(options: HartOptions): void {
  const { ramSize, instructionsPerTick } = options;
  if (!Number.isInteger(ramSize) || ramSize <= 0 || ramSize % 4096 !== 0 || ramSize > 0xffff_0000) {
    throw new Error(`hart: ramSize must be a positive multiple of 4096, got ${ramSize}`);
  }
  if (!Number.isInteger(instructionsPerTick) || instructionsPerTick < 1) {
    throw new Error(`hart: instructionsPerTick must be a positive integer, got ${instructionsPerTick}`);
  }
}
