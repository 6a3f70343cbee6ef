// PhysicalMemory: the kernel's access to guest RAM by physical address (JS
// numbers), over the hart's RAM view. Writes drop the hart's decoded code for
// the bytes they touch; flushTlb() is for callers that change page tables.
// A physical address outside RAM is a kernel bug (KernelBug), never guest input.

import type { HartApi } from '../../hart/hart-api.ts';
import { KernelBug } from '../core/result.ts';

/** The part of the hart PhysicalMemory needs (the hart satisfies it). */
export type RamDevice = Pick<HartApi, 'ram' | 'ramBase' | 'invalidateCode' | 'flushTlb'>;

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

  readU8(paddr: number): number { return this.dv(paddr, 1).getUint8(paddr - this.base); }
  readU16(paddr: number): number { return this.dv(paddr, 2).getUint16(paddr - this.base, true); }
  readU32(paddr: number): number { return this.dv(paddr, 4).getUint32(paddr - this.base, true); }
  readU64(paddr: number): bigint { return this.dv(paddr, 8).getBigUint64(paddr - this.base, true); }

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
    this.ram().copyWithin(dst - this.base, src - this.base, src - this.base + len);
    this.touched(dst, len);
  }

  /** Drops every translation the hart has cached (after page-table entries were removed or changed). */
  flushTlb(): void {
    this.device.flushTlb();
  }

  private check(paddr: number, len: number): void {
    if (!this.contains(paddr, len)) throw new KernelBug(`physical access 0x${paddr.toString(16)}+${len} outside RAM`);
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
