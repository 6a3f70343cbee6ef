// The bare-metal machine: one hart with RAM and the built-in CLINT, the 16550
// UART at UART_BASE (interrupt wired straight to a mip bit, no PLIC), HTIF
// tohost/fromhost, the display, keyboard and tablet (display-device.ts,
// input-devices.ts; the kernel drives them), an ELF loader and the run loop that
// turns the hart's exit reasons into a RunResult (guest exit, instruction limit, ...).

import { ExitReason, Privilege, type HartApi, type HartOptions } from '../hart/hart-api.ts';
import { createHartFromModule, loadHartModule } from '../hart/hart.ts';
import type { ElfFile } from '../toolchain/elf/elf-file.ts';
import { loadElf, type LoadedProgram } from './elf-loader.ts';
import { DisplayDevice } from './display-device.ts';
import { Htif } from './htif.ts';
import { KeyboardDevice, TabletDevice } from './input-devices.ts';
import { resolveMachineConfig, type MachineConfig } from './machine-config.ts';
import { UART_BASE, UART_SIZE } from './memory-map.ts';
import { Uart16550 } from './uart16550.ts';

/** Creates the hart; the default is the WebAssembly hart of emulator/hart/hart.ts. */
export type HartFactory = (options: HartOptions) => HartApi | Promise<HartApi>;

export interface MachineOptions {
  config?: Partial<MachineConfig>;
  /** Console bytes (UART transmit and HTIF console), delivered after each run batch. */
  consoleOutput?: (bytes: Uint8Array) => void;
  hartFactory?: HartFactory;
}

/** Why `runUntilExit` stopped. */
export type RunStopReason = 'exit' | 'limit' | 'wfi-halt' | 'wfi-wait' | 'host-trap' | 'breakpoint' | 'htif-error';

export interface RunResult {
  reason: RunStopReason;
  /** The guest's exit code (reason 'exit' only, else -1). */
  exitCode: number;
  /** Instructions retired during this run. */
  instructions: number;
  /** pc when the run stopped. */
  pc: bigint;
  /** A one-line human description of the stop. */
  message: string;
}

export interface RunOptions {
  /** Stop with reason 'limit' after this many steps: retired instructions, or steps that trapped instead (default: no limit). */
  maxInstructions?: number;
  /** Called around every single instruction (the loop then steps one at a time), e.g. a tracer. */
  observer?: StepObserver;
  /**
   * The host may still push UART input. Then a wfi that only the UART receive
   * interrupt can end stops with 'wfi-wait' (push input, run again) instead
   * of 'wfi-halt'.
   */
  inputOpen?: boolean;
}

export interface StepObserver {
  beforeStep(): void;
  afterStep(): void;
}

const MIE_CSR = 0x304;
const MIE_MTIE = 1n << 7n;
const U64_MAX = (1n << 64n) - 1n;
const CONSOLE_FLUSH_BYTES = 4096;

/** A bare-metal RV64GC machine around one hart. */
export class Machine {
  readonly uart: Uart16550;
  readonly display: DisplayDevice;
  readonly keyboard = new KeyboardDevice();
  readonly tablet: TabletDevice;
  private htif: Htif | undefined;
  private readonly pendingOutput: number[] = [];

  private constructor(readonly hart: HartApi, readonly config: MachineConfig, private readonly consoleOutput: (bytes: Uint8Array) => void) {
    this.uart = new Uart16550({
      output: (byte) => this.emit(byte),
      interrupt: (level) => {
        if (config.uartInterruptBit >= 0) hart.setInterruptPending(config.uartInterruptBit, level);
      },
    });
    hart.mapDevice(UART_BASE, UART_SIZE, this.uart);
    this.display = new DisplayDevice(hart, config.display.width, config.display.height);
    this.tablet = new TabletDevice(config.display.width, config.display.height);
  }

  /** Returns a machine with a fresh hart; throws MachineConfigError for a bad config. */
  static async create(options: MachineOptions = {}): Promise<Machine> {
    const config = resolveMachineConfig(options.config);
    const factory = options.hartFactory ?? defaultHartFactory;
    const hart = await factory({ ramBase: config.ramBase, ramSize: config.ramSize, instructionsPerTick: config.instructionsPerTick });
    return new Machine(hart, config, options.consoleOutput ?? (() => {}));
  }

  /**
   * Loads `elf` at its physical addresses, resets the hart to its entry in
   * M-mode and arms HTIF if it has a `tohost` symbol. Returns what was loaded;
   * throws ElfLoadError (RAM untouched) when it does not fit this machine.
   */
  loadProgram(elf: ElfFile): LoadedProgram {
    const program = loadElf(elf, this.hart);
    this.hart.reset(program.entry);
    this.hart.setPrivilege(Privilege.Machine);
    this.hart.setTohostAddress(program.tohost);
    this.htif = program.tohost === 0n ? undefined : new Htif({
      memory: this.hart, tohost: program.tohost, fromhost: program.fromhost,
      output: (bytes) => bytes.forEach((b) => this.emit(b)),
    });
    return program;
  }

  /** Runs until the guest exits or another stop condition; returns why and how far it got. */
  runUntilExit(options: RunOptions = {}): RunResult {
    const start = this.hart.retired();
    const limit = options.maxInstructions ?? Number.POSITIVE_INFINITY;
    const batch = options.observer ? 1 : this.config.batchSize;
    // Steps handed to the hart that it used up in full. A step that traps
    // retires nothing, so counting only retired instructions would never
    // reach the limit in a trap storm (e.g. no trap vector set).
    let stepsUsed = 0;
    for (;;) {
      const done = Math.max(Number(this.hart.retired() - start), stepsUsed);
      if (done >= limit) return this.stop('limit', start, `instruction limit of ${limit} reached`);
      options.observer?.beforeStep();
      const budget = Math.min(batch, limit - done);
      const reason = this.hart.run(budget);
      if (reason === ExitReason.Budget) stepsUsed = done + budget;
      options.observer?.afterStep();
      this.flushConsole();
      const result = this.handleExit(reason, start, options.inputOpen ?? false);
      if (result !== undefined) return result;
    }
  }

  /** Delivers buffered console bytes now. */
  flushConsole(): void {
    if (this.pendingOutput.length === 0) return;
    const bytes = Uint8Array.from(this.pendingOutput);
    this.pendingOutput.length = 0;
    this.consoleOutput(bytes);
  }

  private emit(byte: number): void {
    this.pendingOutput.push(byte);
    if (this.pendingOutput.length >= CONSOLE_FLUSH_BYTES) this.flushConsole();
  }

  /** Returns a RunResult when `reason` ends the run, undefined to keep going. */
  private handleExit(reason: ExitReason, start: bigint, inputOpen: boolean): RunResult | undefined {
    switch (reason) {
      case ExitReason.Budget:
        return undefined;
      case ExitReason.Tohost:
        return this.handleTohost(start);
      case ExitReason.Wfi:
        if (this.skipToTimer()) return undefined;
        if (inputOpen && this.uartCanWake()) return this.stop('wfi-wait', start, 'waiting in wfi for UART input');
        return this.stop('wfi-halt', start, 'halted in wfi: no timer deadline armed and no other interrupt source');
      case ExitReason.HostTrap:
        return this.stop('host-trap', start, `unexpected host trap: cause 0x${u64(this.hart.trapCause()).toString(16)}, tval 0x${u64(this.hart.trapValue()).toString(16)}`);
      case ExitReason.Breakpoint:
        return this.stop('breakpoint', start, 'breakpoint reached');
      default:
        return this.stop('htif-error', start, `hart returned unknown exit reason ${String(reason)}`);
    }
  }

  private handleTohost(start: bigint): RunResult | undefined {
    if (this.htif === undefined) return undefined;
    const outcome = this.htif.handle();
    this.flushConsole();
    if (outcome.kind === 'continue') return undefined;
    if (outcome.kind === 'error') return this.stop('htif-error', start, outcome.message);
    const result = this.stop('exit', start, `guest exited with code ${outcome.code}`);
    return { ...result, exitCode: outcome.code };
  }

  /**
   * Idle skip for a wfi: moves mtime to the next timer deadline when a timer
   * interrupt is enabled and can still come. Returns false when nothing can
   * ever wake the hart.
   */
  private skipToTimer(): boolean {
    const deadline = u64(this.hart.nextTimerDeadline());
    if ((u64(this.hart.getCsr(MIE_CSR)) & MIE_MTIE) === 0n || deadline === U64_MAX) return false;
    const now = u64(this.hart.mtime());
    if (deadline > now) this.hart.advanceTime(deadline - now);
    return true;
  }

  /** True when UART input would raise an interrupt the hart has enabled in mie. */
  private uartCanWake(): boolean {
    const bit = this.config.uartInterruptBit;
    return bit >= 0 && this.uart.receiveInterruptEnabled && (u64(this.hart.getCsr(MIE_CSR)) & (1n << BigInt(bit))) !== 0n;
  }

  private stop(reason: RunStopReason, start: bigint, message: string): RunResult {
    this.flushConsole();
    return { reason, exitCode: -1, instructions: Number(this.hart.retired() - start), pc: u64(this.hart.getPc()), message };
  }
}

/** A 64-bit value from the hart as unsigned (wasm i64 values cross as signed bigints). */
export function u64(value: bigint): bigint {
  return BigInt.asUintN(64, value);
}

/** The WebAssembly hart, compiled once per process from emulator/hart/build/hart.wasm. */
async function defaultHartFactory(options: HartOptions): Promise<HartApi> {
  return createHartFromModule(await loadHartModule(), options);
}
