// Test kit for the channel syscalls: a kernel on a real machine with user
// processes (not run), syscalls made through the real dispatcher, and struct
// rvos_msg / handle arrays written to and read from the processes' stacks
// through the kernel's user-memory accessor.

import { MsgLayout } from '../../../../emulator/kernel/abi/message.ts';
import type { Kernel } from '../../../../emulator/kernel/system/kernel.ts';
import type { KernelLimits } from '../../../../emulator/kernel/core/limits.ts';
import type { Process } from '../../../../emulator/kernel/proc/process.ts';
import { userMemory } from '../../../../emulator/kernel/lifecycle/user-access.ts';
import { dispatchSyscall } from '../../../../emulator/kernel/syscall/dispatch.ts';
import { memInfoCounts, type MemInfoCounts } from '../../../../emulator/kernel/syscall/misc.ts';
import type { SyscallOutcome } from '../../../../emulator/kernel/syscall/syscall-types.ts';
import { bootTestKernel, SPIN, spawnDetached, userProgram } from '../proc/user-program.ts';

/** Offsets below the initial stack pointer where tests place messages (one page each). */
export const MSG_AT = 0x1000;
export const MSG2_AT = 0x2000;
export const ARRAY_AT = 0x3000;

export interface ChanKit {
  readonly kernel: Kernel;
  readonly procs: Process[];
}

/** A kernel with `count` idle user processes (pids 1..count; handle 0 of each is its boot channel, whose other end is closed). */
export async function chanKit(count = 2, limits: Partial<KernelLimits> = {}): Promise<ChanKit> {
  const { kernel } = await bootTestKernel({ limits });
  const procs: Process[] = [];
  for (let i = 0; i < count; i++) procs.push(kernel.processes.get(spawnDetached(kernel, `p${i}`, userProgram(SPIN)))!);
  return { kernel, procs };
}

/** Makes syscall `number` as `p` through the dispatcher. */
export function sys(kernel: Kernel, p: Process, number: number, ...args: (number | bigint)[]): SyscallOutcome {
  const raw = [0, 1, 2, 3, 4, 5].map((i) => BigInt.asUintN(64, BigInt(args[i] ?? 0)));
  return dispatchSyscall(kernel, p, BigInt(number), { raw: raw as [bigint, bigint, bigint, bigint, bigint, bigint] });
}

/** The user address `offset` bytes below `p`'s initial stack pointer. */
export function stackAddr(p: Process, offset: number): number {
  return Number(p.context.x[2]!) - offset;
}

function mem(kernel: Kernel, p: Process) {
  const m = userMemory(kernel, p);
  if (m === undefined) throw new Error(`pid ${p.pid} has no address space`);
  return m;
}

/** Writes a struct rvos_msg with `data` and cap handles `caps` at `va` in `p` (len/ncaps may be overridden). */
export function writeMsg(kernel: Kernel, p: Process, va: number, data: number[], caps: (number | bigint)[] = [], header?: { len: number; ncaps: number }): void {
  const bytes = new Uint8Array(MsgLayout.size);
  const view = new DataView(bytes.buffer);
  view.setUint32(MsgLayout.len, header?.len ?? data.length, true);
  view.setUint32(MsgLayout.ncaps, header?.ncaps ?? caps.length, true);
  caps.forEach((h, i) => view.setBigUint64(MsgLayout.caps + 8 * i, BigInt.asUintN(64, BigInt(h)), true));
  bytes.set(data, MsgLayout.data);
  const w = mem(kernel, p).write(va, bytes);
  if (!w.ok) throw new Error(`writeMsg: ${w.error}`);
}

export interface UserMsg {
  len: number;
  ncaps: number;
  sender: number;
  caps: number[];
  data: number[];
}

/** Reads the struct rvos_msg at `va` in `p`. */
export function readMsg(kernel: Kernel, p: Process, va: number): UserMsg {
  const r = mem(kernel, p).read(va, MsgLayout.size);
  if (!r.ok) throw new Error(`readMsg: ${r.error}`);
  const view = new DataView(r.value.buffer);
  const len = view.getUint32(MsgLayout.len, true);
  const ncaps = view.getUint32(MsgLayout.ncaps, true);
  return {
    len, ncaps, sender: view.getUint32(MsgLayout.sender, true),
    caps: Array.from({ length: Math.min(ncaps, 4) }, (_, i) => Number(view.getBigUint64(MsgLayout.caps + 8 * i, true))),
    data: [...r.value.subarray(MsgLayout.data, MsgLayout.data + Math.min(len, 1024))],
  };
}

/** Writes u64 values (a handle array for wait_many) at `va` in `p`. */
export function writeU64s(kernel: Kernel, p: Process, va: number, values: number[]): void {
  const bytes = new Uint8Array(8 * values.length);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setBigUint64(8 * i, BigInt(v), true));
  const w = mem(kernel, p).write(va, bytes);
  if (!w.ok) throw new Error(`writeU64s: ${w.error}`);
}

/** The a1.. values of a successful return as numbers; throws on any other outcome. */
export function values(outcome: SyscallOutcome): number[] {
  if (outcome.kind !== 'return' || outcome.error !== 0) throw new Error(`expected success, got ${JSON.stringify(outcome, (_k, v: unknown) => typeof v === 'bigint' ? v.toString() : v)}`);
  return (outcome.values ?? []).map(Number);
}

/** The error of a return outcome (0 = OK); 'block' / 'exited' for the others. */
export function errorOf(outcome: SyscallOutcome): number | 'block' | 'exited' {
  return outcome.kind === 'return' ? outcome.error : outcome.kind;
}

/** SYS_MEMINFO's counts (leak checks compare them before and after). */
export function counts(kernel: Kernel): MemInfoCounts {
  return memInfoCounts(kernel);
}
