// Syscall handlers of the misc group: exit, yield, getpid, clock, sleep,
// debug_write and meminfo. Handlers only read arguments, call the kernel part
// that does the work and turn its KResult into the outcome.

import { RvosError } from '../abi/errors.ts';
import { MemInfoLayout } from '../abi/message.ts';
import { Syscall } from '../abi/syscall-numbers.ts';
import type { KernelContext } from '../context/kernel-context.ts';
import { exitProcess } from '../lifecycle/exit.ts';
import type { Process } from '../proc/process.ts';
import { userMemory } from '../lifecycle/user-access.ts';
import { blockUntil, ticksFromNs, NS_PER_TICK } from './deadline.ts';
import { argNumber, returnError, returnOk, type SyscallArgs, type SyscallHandler, type SyscallOutcome } from './syscall-types.ts';

/** Largest debug_write in one call (the kernel log is for short lines). */
export const DEBUG_WRITE_MAX = 64 * 1024;

/** SYS_MEMINFO's numbers (struct rvos_meminfo): frames and kernel object counts, for leak checks. */
export interface MemInfoCounts {
  framesTotal: number;
  framesFree: number;
  processes: number;
  channels: number;
  handles: number;
  shmRegions: number;
  mmapRegions: number;
}

/** The current counts of frames and kernel objects (handles and mmap regions summed over all processes). */
export function memInfoCounts(k: KernelContext): MemInfoCounts {
  let handles = 0;
  let mmapRegions = 0;
  for (const p of k.processes.list()) {
    handles += p.handles?.count ?? 0;
    mmapRegions += p.space?.mmapRegions ?? 0;
  }
  return {
    framesTotal: k.frames.total, framesFree: k.frames.freeCount, processes: k.processes.count,
    channels: k.channels.count, handles, shmRegions: k.shm.count, mmapRegions,
  };
}

function sysExit(k: KernelContext, caller: Process, args: SyscallArgs): SyscallOutcome {
  exitProcess(k, caller, Number(BigInt.asIntN(32, args.raw[0])));
  return { kind: 'exited' };
}

function sysYield(k: KernelContext, caller: Process): SyscallOutcome {
  k.scheduler.makeRunnable(caller);
  return returnOk();
}

function sysGetPid(_k: KernelContext, caller: Process): SyscallOutcome {
  return returnOk(caller.pid);
}

function sysClock(k: KernelContext): SyscallOutcome {
  return returnOk(BigInt(k.now()) * BigInt(NS_PER_TICK));
}

function sysSleep(k: KernelContext, caller: Process, args: SyscallArgs): SyscallOutcome {
  const deadline = caller.timeout ?? k.now() + ticksFromNs(args.raw[0]);
  return blockUntil(k, caller, deadline, { kind: 'sleep' }) ?? returnOk();
}

function sysDebugWrite(k: KernelContext, caller: Process, args: SyscallArgs): SyscallOutcome {
  const va = argNumber(args, 0);
  const len = argNumber(args, 1);
  if (va === undefined || len === undefined) return returnError(RvosError.BadAddress);
  if (len > DEBUG_WRITE_MAX) return returnError(RvosError.InvalidArgument);
  const memory = userMemory(k, caller);
  if (memory === undefined) return returnError(RvosError.BadAddress);
  const bytes = memory.read(va, len);
  if (!bytes.ok) return returnError(bytes.error);
  k.consoleWrite(bytes.value);
  return returnOk(len);
}

function sysMemInfo(k: KernelContext, caller: Process, args: SyscallArgs): SyscallOutcome {
  const va = argNumber(args, 0);
  const memory = userMemory(k, caller);
  if (va === undefined || memory === undefined) return returnError(RvosError.BadAddress);
  const out = new Uint8Array(MemInfoLayout.size);
  const view = new DataView(out.buffer);
  const counts = memInfoCounts(k);
  for (const field of Object.keys(counts) as (keyof MemInfoCounts)[]) {
    view.setBigUint64(MemInfoLayout[field], BigInt(counts[field]), true);
  }
  const written = memory.write(va, out);
  return written.ok ? returnOk() : returnError(written.error);
}

/** The misc group's handlers by syscall number. */
export const miscSyscalls: Readonly<Record<number, SyscallHandler>> = {
  [Syscall.Exit]: sysExit,
  [Syscall.Yield]: sysYield,
  [Syscall.GetPid]: sysGetPid,
  [Syscall.Clock]: sysClock,
  [Syscall.Sleep]: sysSleep,
  [Syscall.DebugWrite]: sysDebugWrite,
  [Syscall.MemInfo]: sysMemInfo,
};
