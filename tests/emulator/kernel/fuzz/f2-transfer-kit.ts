// Helpers for the capability-transfer table: processes spawned per case on a
// kernel whose baseline is taken before they exist, sends and receives of
// messages with caps through the syscall dispatcher (the trap path's handler
// code), and the end-of-case check (every process gone, counts at baseline).

import { expect } from 'vitest';
import { Syscall } from '../../../../emulator/kernel/abi/syscall-numbers.ts';
import type { Process } from '../../../../emulator/kernel/proc/process.ts';
import type { Kernel } from '../../../../emulator/kernel/system/kernel.ts';
import { bootTestKernel, SPIN, spawnDetached, userProgram } from '../proc/user-program.ts';
import { MSG_AT, readMsg, stackAddr, writeMsg, type UserMsg } from '../syscall/chan-syscall-kit.ts';
import { accountingProblems, leakSnapshot, type LeakSnapshot } from './f2-leak-check.ts';
import { call, okValues } from './f2-syscall-kit.ts';

export interface TransferCase {
  readonly kernel: Kernel;
  readonly baseline: LeakSnapshot;
  console(): string;
  /** Spawns an idle user process for this case. */
  spawn(name: string): Process;
}

/** A fresh kernel and its baseline (no process yet). */
export async function transferCase(): Promise<TransferCase> {
  const { kernel, console } = await bootTestKernel();
  const baseline = leakSnapshot(kernel);
  return { kernel, baseline, console, spawn: (name) => kernel.processes.get(spawnDetached(kernel, name, userProgram(SPIN)))! };
}

/** Moves handle `h` of `from` into `to`'s table (setup only: the same reference changes owner); returns the new handle. */
export function moveHandle(from: Process, h: number, to: Process): number {
  const entry = from.handles!.remove(h);
  if (!entry.ok) throw new Error(`moveHandle: ${entry.error}`);
  const installed = to.handles!.install(entry.value);
  if (!installed.ok) throw new Error(`moveHandle: ${installed.error}`);
  return installed.value;
}

/** chan_send(h) from `p` of a message with `data` and `caps`; returns the error (0 = sent). */
export function sendCaps(kernel: Kernel, p: Process, h: number, caps: readonly number[], data: number[] = [7]): number {
  const va = stackAddr(p, MSG_AT);
  writeMsg(kernel, p, va, data, [...caps]);
  return call(kernel, p, Syscall.ChanSend, h, va).error;
}

/** chan_recv(h) by `p`: the message, or the error code. */
export function recvMsg(kernel: Kernel, p: Process, h: number): UserMsg | number {
  const va = stackAddr(p, 2 * MSG_AT);
  const r = call(kernel, p, Syscall.ChanRecv, h, va);
  return r.error === 0 ? readMsg(kernel, p, va) : r.error;
}

/** recvMsg that must succeed. */
export function mustRecv(kernel: Kernel, p: Process, h: number): UserMsg {
  const got = recvMsg(kernel, p, h);
  if (typeof got === 'number') throw new Error(`recv failed with error ${got}`);
  return got;
}

/** chan_create by `p`: its two handles. */
export function chanCreate(kernel: Kernel, p: Process): [number, number] {
  const [a, b] = okValues(call(kernel, p, Syscall.ChanCreate));
  return [a!, b!];
}

/** Ends each process with the exit syscall (status 0) unless it has exited. */
export function exitAll(kernel: Kernel, procs: readonly Process[]): void {
  for (const p of procs) if (p.handles !== undefined) expect(call(kernel, p, Syscall.Exit, 0).error).toBe(-2);
}

/** The end of a case: the accounting holds and every count and reference is back at the baseline. */
export function expectBaseline(c: TransferCase): void {
  expect(accountingProblems(c.kernel, c.console())).toEqual([]);
  expect(leakSnapshot(c.kernel)).toEqual(c.baseline);
}
