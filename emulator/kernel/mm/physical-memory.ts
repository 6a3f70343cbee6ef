// PhysicalMemory: the kernel's access to guest RAM by physical address (JS
// numbers), over the hart's RAM view. Writes drop the hart's decoded code for
// the bytes they touch; flushTlb() is for callers that change page tables.
// A physical address outside RAM is a kernel bug (KernelBug), never guest input.

import type { HartApi } from '../../hart/hart-api.ts';
import { KernelBug } from '../core/result.ts';

/** The part of the hart PhysicalMemory needs (the hart satisfies it). */
export type RamDevice = Pick<HartApi, 'ram' | 'ramBase' | 'invalidateCode' | 'flushTlb' | 'copyRam' | 'storeRamWords'>;

export class PhysicalMemory {
  /** Physical address of the first RAM byte. */
  readonly base: number;
  /** RAM size in bytes. */
  readonly size: number;
  private readonly device: RamDevice;
  /** The hart's RAM view, cached: reading device.ram costs a wasm memory.buffer access each time. */
  private bytes: Uint8Array;
  private view: DataView;

  constructor(device: RamDevice) {
    this.device = device;
    this.base = Number(device.ramBase);
    this.bytes = device.ram;
    this.size = this.bytes.length;
    this.view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
  }

  /** Physical address one past the last RAM byte. */
  get end(): number {
    return this.base + this.size;
  }

  /** True when [paddr, paddr + len) lies in RAM. */
  contains(paddr: number, len: number): boolean {
    return Number.isSafeInteger(paddr) && Number.isSafeInteger(len) && len >= 0 && paddr >= this.base && paddr + len <= this.end;
  }

  // Reads use the cached view without asking whether RAM moved (a byteLength read is a slow builtin call on
  // wasm memory): a detached view throws, and the read is retried on the renewed one (readAgain).
  readU8(paddr: number): number {
    const at = this.offset(paddr, 1);
    try { return this.view.getUint8(at); } catch (error) { return this.readAgain(error).getUint8(at); }
  }

  readU16(paddr: number): number {
    const at = this.offset(paddr, 2);
    try { return this.view.getUint16(at, true); } catch (error) { return this.readAgain(error).getUint16(at, true); }
  }

  readU32(paddr: number): number {
    const at = this.offset(paddr, 4);
    try { return this.view.getUint32(at, true); } catch (error) { return this.readAgain(error).getUint32(at, true); }
  }

  readU64(paddr: number): bigint {
    const at = this.offset(paddr, 8);
    try { return this.view.getBigUint64(at, true); } catch (error) { return this.readAgain(error).getBigUint64(at, true); }
  }

  writeU8(paddr: number, value: number): void { this.dv(paddr, 1).setUint8(paddr - this.base, value); this.touched(paddr, 1); }
  writeU16(paddr: number, value: number): void { this.dv(paddr, 2).setUint16(paddr - this.base, value, true); this.touched(paddr, 2); }
  writeU32(paddr: number, value: number): void { this.dv(paddr, 4).setUint32(paddr - this.base, value, true); this.touched(paddr, 4); }
  writeU64(paddr: number, value: bigint): void { this.dv(paddr, 8).setBigUint64(paddr - this.base, value, true); this.touched(paddr, 8); }

  /** A copy of `len` bytes at `paddr`. */
  read(paddr: number, len: number): Uint8Array {
    this.check(paddr, len);
    const at = paddr - this.base;
    return this.ram().slice(at, at + len);
  }

  /** Copies `bytes` to `paddr`. */
  write(paddr: number, bytes: Uint8Array): void {
    this.check(paddr, bytes.length);
    this.ram().set(bytes, paddr - this.base);
    this.touched(paddr, bytes.length);
  }

  /** Fills `len` bytes at `paddr` with zero. */
  zero(paddr: number, len: number): void {
    this.check(paddr, len);
    const at = paddr - this.base;
    this.ram().fill(0, at, at + len);
    this.touched(paddr, len);
  }

  /** Copies `len` bytes from `src` to `dst` (the ranges may overlap). */
  copy(dst: number, src: number, len: number): void {
    this.check(src, len);
    this.check(dst, len);
    if (this.device.copyRam?.(dst - this.base, src - this.base, len) === true) return; // one call inside the hart (the IPC fast path)
    this.ram().copyWithin(dst - this.base, src - this.base, src - this.base + len);
    this.touched(dst, len);
  }

  /** Stores u32 words `w0`, `w1`, `w2` (little-endian) at `paddr`, then `zeros` zero bytes (a message header in one step). */
  storeWords(paddr: number, w0: number, w1: number, w2: number, zeros: number): void {
    this.check(paddr, 12 + zeros);
    if (this.device.storeRamWords?.(paddr - this.base, w0, w1, w2, zeros) === true) return;
    this.writeU32(paddr, w0);
    this.writeU32(paddr + 4, w1);
    this.writeU32(paddr + 8, w2);
    this.zero(paddr + 12, zeros);
  }

  /** Drops every translation the hart has cached (after page-table entries were removed or changed). */
  flushTlb(): void {
    this.device.flushTlb();
  }

  /** Throws KernelBug unless [paddr, paddr + len) lies in RAM (one offset test on the hot path; contains() only to fail). */
  private check(paddr: number, len: number): void {
    const at = paddr - this.base;
    // Integer offsets in range pass at once (NaN and fractions fail a comparison or the | 0 test).
    if (at >= 0 && len >= 0 && at + len <= this.size && (at | 0) === at && (len | 0) === len) return;
    if (!this.contains(paddr, len)) throw new KernelBug(`physical access 0x${paddr.toString(16)}+${len} outside RAM`);
  }

  /** The RAM offset of `paddr` after checking [paddr, paddr + len) (KernelBug outside RAM). */
  private offset(paddr: number, len: number): number {
    this.check(paddr, len);
    return paddr - this.base;
  }

  /** After a read through the cached view threw: the renewed view when RAM moved (wasm memory grew), else rethrows `error`. */
  private readAgain(error: unknown): DataView {
    if (this.bytes.byteLength !== 0) throw error;
    this.ram();
    return this.view;
  }

  /** The DataView over RAM, after checking the access. */
  private dv(paddr: number, len: number): DataView {
    this.check(paddr, len);
    this.ram();
    return this.view;
  }

  /** The RAM bytes; renewed when wasm memory grew (growing detaches the old buffer: its length becomes 0). */
  private ram(): Uint8Array {
    if (this.bytes.byteLength === 0) {
      this.bytes = this.device.ram;
      this.view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    }
    return this.bytes;
  }

  private touched(paddr: number, len: number): void {
    if (len > 0) this.device.invalidateCode(BigInt(paddr), len);
  }
}
