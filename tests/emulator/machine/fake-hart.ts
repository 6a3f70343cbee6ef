// Test double for HartApi: RAM, registers and CSRs as plain fields, and a
// scripted `run()` that plays back steps (retire n instructions, do something
// to the machine state, return an exit reason), so the machine's run loop,
// HTIF wiring and device mapping can be tested without the WebAssembly hart.

import { ExitReason, Privilege, type HartApi, type HartOptions, type MmioDevice } from '../../../emulator/hart/hart-api.ts';

export interface ScriptStep {
  /** Instructions retired by this step (capped by the budget). */
  retire: number;
  reason: ExitReason;
  effect?: (hart: FakeHart) => void;
}

export class FakeHart implements HartApi {
  readonly ram: Uint8Array;
  readonly ramBase: bigint;
  readonly devices: { base: bigint; size: number; device: MmioDevice }[] = [];
  readonly interruptLines = new Map<number, boolean>();
  readonly invalidated: [bigint, number][] = [];
  readonly budgets: number[] = [];
  script: ScriptStep[] = [];
  private x = new Array<bigint>(32).fill(0n);
  private f = new Array<bigint>(32).fill(0n);
  private csrs = new Map<number, bigint>();
  private pc = 0n;
  private privilege = Privilege.Machine;
  private count = 0n;
  private time = 0n;
  timerDeadline = -1n; // as the wasm hart returns u64 max: a signed -1n
  tohost = 0n;
  timeAdvances: bigint[] = [];

  constructor(options: HartOptions) {
    this.ram = new Uint8Array(options.ramSize);
    this.ramBase = options.ramBase;
  }

  run(budget: number): ExitReason {
    this.budgets.push(budget);
    const step = this.script.shift();
    if (step === undefined) {
      this.count += BigInt(budget);
      return ExitReason.Budget;
    }
    this.count += BigInt(Math.min(step.retire, budget));
    step.effect?.(this);
    return step.reason;
  }

  getX(i: number): bigint { return this.x[i] ?? 0n; }
  setX(i: number, v: bigint): void { if (i !== 0) this.x[i] = v; }
  getF(i: number): bigint { return this.f[i] ?? 0n; }
  setF(i: number, v: bigint): void { this.f[i] = v; }
  getPc(): bigint { return this.pc; }
  setPc(v: bigint): void { this.pc = v; }
  getPrivilege(): Privilege { return this.privilege; }
  setPrivilege(m: Privilege): void { this.privilege = m; }
  getCsr(a: number): bigint { return this.csrs.get(a) ?? 0n; }
  setCsr(a: number, v: bigint): void { this.csrs.set(a, v); }
  trapCause(): bigint { return 8n; }
  trapValue(): bigint { return 0n; }
  setHostTrapMode(_on: boolean): void {}
  retired(): bigint { return this.count; }
  mtime(): bigint { return this.time; }
  advanceTime(ticks: bigint): void { this.time += ticks; this.timeAdvances.push(ticks); }
  nextTimerDeadline(): bigint { return this.timerDeadline; }
  setTohostAddress(paddr: bigint): void { this.tohost = paddr; }
  setInterruptPending(bit: number, level: boolean): void { this.interruptLines.set(bit, level); }
  mapDevice(base: bigint, size: number, device: MmioDevice): void { this.devices.push({ base, size, device }); }
  invalidateCode(paddr: bigint, length: number): void { this.invalidated.push([paddr, length]); }
  flushTlb(): void {}
  debugTranslate(vaddr: bigint, _access: 'fetch' | 'load' | 'store'): bigint { return vaddr; }
  setBreakpoint(_pc: bigint): void {}
  reset(resetPc: bigint): void {
    this.pc = resetPc;
    this.privilege = Privilege.Machine;
    this.x.fill(0n);
  }

  /** Stores a little-endian u64 at a physical address (as the guest would). */
  poke64(paddr: bigint, value: bigint): void {
    new DataView(this.ram.buffer).setBigUint64(Number(paddr - this.ramBase), value, true);
  }
  peek64(paddr: bigint): bigint {
    return new DataView(this.ram.buffer).getBigUint64(Number(paddr - this.ramBase), true);
  }
}

/** A hart factory returning `hart` (so a test can keep a handle on it). */
export function fakeFactory(): { hart: () => FakeHart; factory: (o: HartOptions) => FakeHart } {
  let made: FakeHart | undefined;
  return {
    hart: () => made!,
    factory: (o) => (made = new FakeHart(o)),
  };
}
