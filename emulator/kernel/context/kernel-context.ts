// KernelContext: the kernel's tables and services as one object, passed to
// every syscall handler and service task. Built by kernel.ts at boot; every
// field is plain data or a table of plain data (snapshots serialise them).

import type { KernelLimits } from '../core/limits.ts';
import type { PhysicalMemory } from '../mm/physical-memory.ts';
import type { FrameAllocator } from '../mm/frame-allocator.ts';
import type { ShmTable } from '../mm/shm.ts';
import type { ChannelTable } from '../ipc/channel-table.ts';
import type { ObjectRefs } from '../ipc/object-refs.ts';
import type { Process } from '../proc/process.ts';
import type { ProcessTable } from '../proc/process-table.ts';
import type { Scheduler } from '../sched/scheduler.ts';
import type { KResult } from '../core/result.ts';
import type { FaultCountdowns } from '../core/fault-injection.ts';

/** A program of the boot image: its path in the root file system and its ELF bytes. */
export interface BootProgram {
  readonly path: string;
  readonly elf: Uint8Array;
}

/** What the host hands the kernel at boot: the programs (e.g. /bin/init, /bin/fs) and the initial ramdisk. */
export interface BootImage {
  readonly programs: readonly BootProgram[];
  readonly initrd?: Uint8Array;
}

/**
 * A kernel service task (init, console, sysinfo, math): a message-driven state
 * machine. The scheduler calls step() when the task is Runnable; step handles
 * what is queued and returns. After step the task is Blocked ('idle') unless
 * it made itself Runnable again; anything that gives it work wakes it with
 * scheduler.wake(pid).
 */
export interface ServiceTask {
  step(k: KernelContext, self: Process): void;
}

/** Console input from the host, waiting for the console service. */
export interface ConsoleInput {
  /** Bytes pushed by Kernel.pushConsoleInput, oldest first; the console service takes them. */
  readonly bytes: number[];
  /** pids woken when bytes arrive (the console service adds itself). */
  readonly waiters: number[];
}

/** A process that has exited (Kernel.exits keeps the most recent EXIT_RECORDS). */
export interface ExitRecord {
  readonly pid: number;
  readonly name: string;
  /** pid of the process that asked for it (0: a boot program init started from the boot image). */
  readonly parent: number;
  readonly status: number;
  /** Virtual time of the exit, in ticks. */
  readonly time: number;
}

/** How many exit records the kernel keeps. */
export const EXIT_RECORDS = 64;

export interface KernelContext {
  readonly limits: KernelLimits;
  readonly mem: PhysicalMemory;
  readonly frames: FrameAllocator;
  readonly shm: ShmTable;
  readonly channels: ChannelTable;
  readonly objects: ObjectRefs;
  readonly processes: ProcessTable;
  readonly scheduler: Scheduler;
  readonly bootImage: BootImage;
  readonly consoleInput: ConsoleInput;
  /** The most recent exits, oldest first (at most EXIT_RECORDS): for the host (exit codes) and introspection. */
  readonly exits: ExitRecord[];
  /** Fault injection (tests): allocations of each kind that must fail; all 0 = off. */
  readonly faults: FaultCountdowns;
  /** Virtual time in ticks (10 MHz: 1 tick = 100 ns). */
  now(): number;
  /** Instructions retired by user code since boot. */
  instructionsRetired(): number;
  /** Appends a line to the kernel log (shown on the console). */
  log(line: string): void;
  /** Writes bytes to the console (the machine's UART transmit path). */
  consoleWrite(bytes: Uint8Array): void;
  /** Starts a service task (a process of kind 'service', Runnable); TooManyProcesses when the table is full. */
  startService(name: string, task: ServiceTask): KResult<number>;
}
