// The raw WebAssembly interface of hart.wasm (exports of
// emulator/hart/assembly/index.ts) and the imports it needs: MMIO callbacks
// that forward device accesses to the host's MmioDevice objects.

import type { MmioDevice } from './hart-api.js';

/** Exports of hart.wasm; i64 values cross as signed bigints. */
export interface HartExports {
  readonly memory: WebAssembly.Memory;
  init(ramLen: number, base: bigint, instructionsPerTick: number): number;
  reset(pc: bigint): void;
  run(budget: number): number;
  getX(i: number): bigint;
  setX(i: number, v: bigint): void;
  getF(i: number): bigint;
  setF(i: number, v: bigint): void;
  regsPointer(): number;
  fregsPointer(): number;
  getPc(): bigint;
  setPc(v: bigint): void;
  getPriv(): number;
  setPriv(p: number): void;
  getCsr(addr: number): bigint;
  setCsr(addr: number, v: bigint): void;
  trapCause(): bigint;
  trapValue(): bigint;
  setHostTrapMode(on: number): void;
  retiredCount(): bigint;
  lastRunRetired(): number;
  mtime(): bigint;
  mtimeNumber(): number;
  advanceTime(ticks: bigint): void;
  nextTimerDeadline(): bigint;
  setTohost(pa: bigint): void;
  setInterruptPending(bit: number, level: number): void;
  mapDevice(base: bigint, size: number): number;
  invalidateCode(pa: bigint, length: number): void;
  flushTlb(): void;
  debugTranslate(va: bigint, access: number): bigint;
  setBreakpoint(pc: bigint): void;
  ramPointer(): number;
  pageSlotPointer(): number;
  ramCopy(dst: number, src: number, len: number): number;
  fpDirty(): number;
  fpLoaded(fcsr: number): void;
  ramStoreWords(dst: number, w0: number, w1: number, w2: number, zeros: number): number;
  saveState(): number;
  loadState(): number;
  snapshotBuffer(): number;
  setMtimecmp(v: bigint): void;
}

/** Builds the import object; `devices[id]` is looked up at each access (filled by mapDevice). */
export function hartImports(devices: MmioDevice[]): WebAssembly.Imports {
  return {
    env: {
      mmioRead(dev: number, offset: number, size: number): number {
        const value = devices[dev]?.read(offset, size as 1 | 2 | 4);
        return value === undefined ? -1 : value >>> 0;
      },
      mmioWrite(dev: number, offset: number, size: number, value: number): number {
        const d = devices[dev];
        return d !== undefined && d.write(offset, size as 1 | 2 | 4, value >>> 0) ? 1 : 0;
      },
      abort(_msg: number, _file: number, line: number, column: number): never {
        throw new Error(`hart.wasm aborted at ${line}:${column}`);
      },
    },
  };
}
