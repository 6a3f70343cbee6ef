// Test support for the kernel core: tiny user programs written in assembly
// (assembled and linked by our own toolchain at the rvos text base) with
// syscall macros, and a kernel booted on a real Machine that collects the
// console output.

import { DEFAULT_RIGHTS, HandleKind } from '../../../../emulator/kernel/abi/handles.ts';
import { Machine } from '../../../../emulator/machine/machine.ts';
import { Kernel, type KernelOptions } from '../../../../emulator/kernel/system/kernel.ts';
import { assembleToElf } from '../../../../emulator/toolchain/asm/assembler.ts';
import { formatDiagnostics } from '../../../../emulator/toolchain/asm/diagnostics.ts';
import { link, formatLinkDiagnostics } from '../../../../emulator/toolchain/link/linker.ts';

/** Where user programs are linked (the first 64 KiB stay unmapped). */
export const USER_TEXT_BASE = 0x10000n;

/** `sys NUMBER` lines in a test program become `li a7, NUMBER; ecall` (our assembler has no macros). */
const PRELUDE = `
  .text
  .globl _start
_start:
`;

function expandSys(body: string): string {
  return body.replace(/^\s*sys\s+(\w+)\s*$/gm, '  li a7, $1\n  ecall');
}

const cache = new Map<string, Uint8Array>();

/** Assembles `body` (code after the _start label; put data in `.data`) and links it; throws with diagnostics on error. */
export function userProgram(body: string): Uint8Array {
  const cached = cache.get(body);
  if (cached !== undefined) return cached;
  const source = PRELUDE + expandSys(body) + '\n';
  const object = assembleToElf(source, 'test.S');
  if (object.bytes === undefined) throw new Error(formatDiagnostics(object.diagnostics, source));
  const linked = link([{ name: 'test.o', bytes: object.bytes }], { textBase: USER_TEXT_BASE, stackSize: 0n });
  if (linked.elf === undefined) throw new Error(formatLinkDiagnostics(linked.diagnostics));
  cache.set(body, linked.elf);
  return linked.elf;
}

export interface TestKernel {
  kernel: Kernel;
  /** Console output so far, as text. */
  console(): string;
}

/** A kernel on a fresh 16 MiB machine (override limits through `options`). */
export async function bootTestKernel(options: KernelOptions = {}, ramMiB = 16): Promise<TestKernel> {
  const chunks: Uint8Array[] = [];
  const machine = await Machine.create({ config: { ramSize: ramMiB << 20 }, consoleOutput: (bytes) => chunks.push(bytes.slice()) });
  const kernel = Kernel.create(machine, options);
  const decoder = new TextDecoder();
  return { kernel, console: () => chunks.map((c) => decoder.decode(c)).join('') };
}

/** Spawns `elf` as `name`, releasing the boot endpoint (tests that do not serve the boot channel); returns the pid. */
export function spawnDetached(kernel: Kernel, name: string, elf: Uint8Array): number {
  const spawned = kernel.spawn(name, elf);
  if (!spawned.ok) throw new Error(`spawn of ${name} failed with error ${spawned.error}`);
  kernel.objects.release(HandleKind.Channel, spawned.value.bootEndpoint);
  return spawned.value.pid;
}

/** Code that writes the string at label `label` (length `len`) with debug_write. */
export function debugWrite(label: string, len: number): string {
  return `  la a0, ${label}\n  li a1, ${len}\n  sys 64\n`;
}

/** Code that exits with `status`. */
export function exit(status: number): string {
  return `  li a0, ${status}\n  sys 93\n`;
}

/** Installs in `holder`'s handle table a handle to process `target` (Wait | Kill | Transfer) with its reference; returns the handle. */
export function giveProcessHandle(kernel: Kernel, holder: number, target: number): number {
  const handles = kernel.processes.get(holder)?.handles;
  if (handles === undefined) throw new Error(`pid ${holder} has no handle table`);
  kernel.objects.retain(HandleKind.Process, target);
  const installed = handles.install({ kind: HandleKind.Process, objectId: target, rights: DEFAULT_RIGHTS[HandleKind.Process] });
  if (!installed.ok) throw new Error(`install failed: ${installed.error}`);
  return installed.value;
}

/** A busy loop that never ends (t0 counts iterations). */
export const SPIN = `  li t0, 0
1:
  addi t0, t0, 1
  j 1b
`;
