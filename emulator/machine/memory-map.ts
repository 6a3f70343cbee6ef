// The physical memory map of the emulated machine: QEMU `virt` addresses, so
// bare-metal programs built for QEMU run unchanged. One place for every base
// address and size; devices and the loader import from here.

/** CLINT (core-local interruptor): msip, mtimecmp, mtime. Implemented inside the hart. */
export const CLINT_BASE = 0x0200_0000n;
export const CLINT_SIZE = 0x1_0000;
export const CLINT_MSIP = 0x0000;
export const CLINT_MTIMECMP = 0x4000;
export const CLINT_MTIME = 0xbff8;

/** NS16550A UART. */
export const UART_BASE = 0x1000_0000n;
export const UART_SIZE = 0x100;

/** Start of RAM. */
export const RAM_BASE = 0x8000_0000n;
/** Default RAM size: 128 MiB = 32768 frames of 4 KiB (the seed's TOTAL_FRAMES). */
export const DEFAULT_RAM_SIZE = 128 * 1024 * 1024;
export const PAGE_SIZE = 4096;

/** Virtual time: QEMU virt's 10 MHz timebase, one tick per 10 retired instructions (a 100 MIPS virtual CPU). */
export const TIMEBASE_HZ = 10_000_000;
export const DEFAULT_INSTRUCTIONS_PER_TICK = 10;
