// One headless rvos session for the CLI commands boot, run, test and bench:
// builds the boot image (guest programs from source, cached), boots the kernel
// with the programs to start, connects stdin/stdout to the console, and runs
// until the process the command waits for has exited. Returns its exit code.

import { bootProgramExit, bootSystem } from '../../kernel/system/boot.ts';
import type { Kernel } from '../../kernel/system/kernel.ts';
import type { BootImage } from '../../kernel/context/kernel-context.ts';
import { buildBootImage } from '../../host/boot-image.ts';
import { GuestBuildError } from '../../host/guest-programs.ts';
import { HostInput } from './host-input.ts';
import { EXIT_INSTRUCTION_LIMIT, EXIT_INTERNAL_ERROR, EXIT_MACHINE_STOPPED, type CliIo } from './cli-io.ts';

/** Steps per run slice between event-loop turns (stdin is read between slices). */
const RUN_SLICE = 5_000_000;
/** Ctrl-D: the console's end of input. */
const END_OF_INPUT = 0x04;
/** Ctrl-]: leaves an interactive session (the byte never reaches the guest). */
export const QUIT_BYTE = 0x1d;

export interface StartProgram {
  /** Path in the boot image ("/bin/shell"). */
  path: string;
  /** argv[0] first. */
  argv: readonly string[];
}

export interface SessionPlan {
  /** The command's name for messages ("rvos run"). */
  command: string;
  /** Programs init starts after the file server, in order. */
  start: readonly StartProgram[];
  /** Name of the process whose exit ends the session (its status is the exit code). */
  waitFor: string;
  /** Programs added to the boot image (e.g. the one `rvos run` compiled). */
  extraPrograms?: readonly { path: string; elf: Uint8Array }[];
  maxInstructions?: number;
  ramMib?: number;
  /** Called once booted (e.g. `boot --watch` starts its hot reloader); `wake` resumes an idle run loop; returns a cleanup. */
  onBoot?: (kernel: Kernel, wake: () => void) => () => void;
  /** Put a terminal stdin in raw mode (the shell edits lines itself); Ctrl-] quits. */
  interactive?: boolean;
}

/** argv as BootInfo carries it: each argument NUL-terminated. */
export function encodeArgv(argv: readonly string[]): Uint8Array {
  return new TextEncoder().encode(argv.map((a) => `${a}\0`).join(''));
}

/** A process exit status as a host exit code: 0-255 as is, killed/faulted (negative) as 128 + signal-like number. */
export function hostExitCode(status: number): number {
  return status < 0 ? Math.min(255, 128 - status) : status & 0xff;
}

/** Builds the image; prints the build errors and returns undefined when a guest program does not compile. */
export function bootImageFor(plan: SessionPlan, io: CliIo): BootImage | undefined {
  try {
    const image = buildBootImage();
    return { ...image, programs: [...image.programs, ...(plan.extraPrograms ?? [])] };
  } catch (error) {
    if (!(error instanceof GuestBuildError)) throw error;
    io.stderr(`${plan.command}: ${error.message}\n`);
    return undefined;
  }
}

/** Runs the session described by `plan`; returns the exit code (the waited process's, or 124/125/70). */
export async function runSession(plan: SessionPlan, io: CliIo): Promise<number> {
  const image = bootImageFor(plan, io);
  if (image === undefined) return EXIT_INTERNAL_ERROR;
  const kernel = await bootSystem(image, {
    machine: plan.ramMib === undefined ? undefined : { ramSize: plan.ramMib * 1024 * 1024 },
    consoleOutput: (bytes) => io.stdout(bytes),
    start: ['/bin/fs', ...plan.start.map((s) => ({ path: s.path, argv: encodeArgv(s.argv) }))],
  });
  const tty = plan.interactive === true ? rawTerminal(io) : undefined;
  let quit = false;
  const input = new HostInput(io.stdin, (bytes) => {
    const at = bytes.indexOf(QUIT_BYTE);
    if (tty !== undefined && at >= 0) quit = true;
    kernel.pushConsoleInput(tty !== undefined && at >= 0 ? bytes.subarray(0, at) : bytes);
  });
  const detach = plan.onBoot?.(kernel, () => input.poke());
  try {
    return await drive(kernel, plan, input, io, () => quit);
  } finally {
    detach?.();
    input.close();
    tty?.restore();
  }
}

/** The run loop: slices, stdin between them, end-of-input once stdin ends. */
async function drive(kernel: Kernel, plan: SessionPlan, input: HostInput, io: CliIo, quitting: () => boolean): Promise<number> {
  const limit = plan.maxInstructions ?? Number.POSITIVE_INFINITY;
  let used = 0;
  let eofSent = false;
  for (;;) {
    const result = kernel.run(Math.min(RUN_SLICE, limit - used));
    used += result.steps;
    const exit = bootProgramExit(kernel, plan.waitFor);
    if (exit !== undefined) return hostExitCode(exit.status);
    if (quitting()) return 0;
    if (result.reason === 'exited') return stopped(io, plan, `every user process has exited but ${plan.waitFor} never ran`);
    if (used >= limit) {
      io.stderr(`${plan.command}: stopped: instruction limit of ${limit} reached\n`);
      return EXIT_INSTRUCTION_LIMIT;
    }
    if (result.reason === 'limit') await new Promise((resolve) => setImmediate(resolve));
    else if (input.open) await input.waitForInput();
    else if (!eofSent) {
      kernel.pushConsoleInput([END_OF_INPUT]);
      eofSent = true;
    } else return stopped(io, plan, `${plan.waitFor} waits for console input after the end of input`);
  }
}

function stopped(io: CliIo, plan: SessionPlan, why: string): number {
  io.stderr(`${plan.command}: stopped: ${why}\n`);
  return EXIT_MACHINE_STOPPED;
}

/** Raw mode on a terminal stdin; restore() puts it back. Undefined when stdin is not a TTY. */
function rawTerminal(io: CliIo): { restore(): void } | undefined {
  const stdin = io.stdin as (NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (on: boolean) => void }) | undefined;
  if (stdin?.isTTY !== true || stdin.setRawMode === undefined) return undefined;
  stdin.setRawMode(true);
  return { restore: () => stdin.setRawMode?.(false) };
}
