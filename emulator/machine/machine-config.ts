// Configuration of the emulated machine (RAM size, virtual-time rate, UART
// interrupt wiring, run-loop batch size, display size), with defaults matching QEMU `virt`
// and a validator that turns bad values into a clear MachineConfigError.

import { DEFAULT_INSTRUCTIONS_PER_TICK, DEFAULT_RAM_SIZE, PAGE_SIZE, RAM_BASE } from './memory-map.ts';

export interface MachineConfig {
  /** Guest-physical base of RAM. */
  ramBase: bigint;
  /** RAM size in bytes, a multiple of 4096 (default 128 MiB). */
  ramSize: number;
  /** mtime advances by 1 every this many retired instructions. */
  instructionsPerTick: number;
  /**
   * The mip bit the UART's interrupt line drives (there is no PLIC: the line
   * is wired straight to the hart). Default 11 = MEIP; 9 = SEIP; -1 = not wired.
   */
  uartInterruptBit: number;
  /** Instructions per hart.run() call in the run loop. */
  batchSize: number;
  /** Framebuffer size in pixels (default 1024 x 768; each 1..MAX_DISPLAY_SIDE). */
  display: { readonly width: number; readonly height: number };
}

export const DEFAULT_MACHINE_CONFIG: Readonly<MachineConfig> = {
  ramBase: RAM_BASE,
  ramSize: DEFAULT_RAM_SIZE,
  instructionsPerTick: DEFAULT_INSTRUCTIONS_PER_TICK,
  uartInterruptBit: 11,
  batchSize: 1_000_000,
  display: { width: 1024, height: 768 },
};

/** Largest display width or height in pixels. */
export const MAX_DISPLAY_SIDE = 4096;

/** Largest RAM the machine accepts (the wasm32 memory also holds the hart's own state). */
export const MAX_RAM_SIZE = 2048 * 1024 * 1024;

export class MachineConfigError extends Error {
  override readonly name = 'MachineConfigError';
}

/** Returns the defaults overridden by `overrides`; throws MachineConfigError for an invalid value. */
export function resolveMachineConfig(overrides: Partial<MachineConfig> = {}): MachineConfig {
  const config = { ...DEFAULT_MACHINE_CONFIG, ...overrides };
  if (!Number.isInteger(config.ramSize) || config.ramSize <= 0 || config.ramSize % PAGE_SIZE !== 0 || config.ramSize > MAX_RAM_SIZE) {
    throw new MachineConfigError(`RAM size ${config.ramSize} must be a positive multiple of 4096 bytes, at most ${MAX_RAM_SIZE}`);
  }
  if (!Number.isInteger(config.instructionsPerTick) || config.instructionsPerTick < 1) {
    throw new MachineConfigError(`instructionsPerTick ${config.instructionsPerTick} must be a positive integer`);
  }
  if (!Number.isInteger(config.batchSize) || config.batchSize < 1) {
    throw new MachineConfigError(`batchSize ${config.batchSize} must be a positive integer`);
  }
  if (!Number.isInteger(config.uartInterruptBit) || config.uartInterruptBit < -1 || config.uartInterruptBit > 63) {
    throw new MachineConfigError(`uartInterruptBit ${config.uartInterruptBit} must be -1 or a mip bit 0..63`);
  }
  config.display ??= DEFAULT_MACHINE_CONFIG.display;
  const { width, height } = config.display;
  if (![width, height].every((v) => Number.isInteger(v) && v >= 1 && v <= MAX_DISPLAY_SIDE)) {
    throw new MachineConfigError(`display ${width}x${height} must be whole numbers of pixels, 1..${MAX_DISPLAY_SIDE} each`);
  }
  return config;
}
