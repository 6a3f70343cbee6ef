// The misc syscalls driven directly through the dispatcher on a spawned (not
// running) process: getpid, clock, sleep (restartable, saturating), yield,
// debug_write and meminfo, including hostile pointers and lengths that must
// come back as errors, never as exceptions.

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { MemInfoLayout } from '../../../../emulator/kernel/abi/message.ts';
import { Syscall } from '../../../../emulator/kernel/abi/syscall-numbers.ts';
import { STACK_TOP, USER_END } from '../../../../emulator/kernel/mm/memory-layout.ts';
import { ProcState } from '../../../../emulator/kernel/proc/process.ts';
import { userMemory } from '../../../../emulator/kernel/lifecycle/user-access.ts';
import { dispatchSyscall } from '../../../../emulator/kernel/syscall/dispatch.ts';
import { DEBUG_WRITE_MAX, memInfoCounts } from '../../../../emulator/kernel/syscall/misc.ts';
import { bootTestKernel, exit, spawnDetached, USER_TEXT_BASE, userProgram } from '../proc/user-program.ts';

const U64_MAX = (1n << 64n) - 1n;
const HOSTILE = [U64_MAX, 1n << 63n, BigInt(Number.MAX_SAFE_INTEGER) + 1n, BigInt(USER_END) - 1n, 0n, 0xffff_ffff_ffff_f000n];

async function caller() {
  const t = await bootTestKernel();
  const pid = spawnDetached(t.kernel, 'caller', userProgram(exit(0)));
  const p = t.kernel.processes.get(pid)!;
  p.state = ProcState.Running;
  const call = (number: number, ...args: bigint[]) => {
    const raw = [0n, 0n, 0n, 0n, 0n, 0n] as [bigint, bigint, bigint, bigint, bigint, bigint];
    args.forEach((a, i) => { raw[i] = a; });
    return dispatchSyscall(t.kernel, p, BigInt(number), { raw });
  };
  return { ...t, p, call };
}

describe('misc syscalls', () => {
  it('getpid returns the pid and clock the virtual time in ns', async () => {
    const { kernel, p, call } = await caller();
    expect(call(Syscall.GetPid)).toEqual({ kind: 'return', error: 0, values: [p.pid] });
    kernel.hart.advanceTime(1234n);
    expect(call(Syscall.Clock)).toEqual({ kind: 'return', error: 0, values: [BigInt(kernel.now()) * 100n] });
  });

  it('sleep blocks until its deadline and the retried call then returns', async () => {
    const { kernel, p, call } = await caller();
    expect(call(Syscall.Sleep, 1000n)).toEqual({ kind: 'block' });
    expect(p.state).toBe(ProcState.Sleeping);
    expect(p.timeout).toBe(10);
    expect(kernel.scheduler.nextDeadline()).toBe(10);
    kernel.hart.advanceTime(10n);
    kernel.scheduler.expire(kernel.now());
    expect(p.state).toBe(ProcState.Runnable);
    p.state = ProcState.Running;
    expect(call(Syscall.Sleep, 1000n)).toEqual({ kind: 'return', error: 0, values: [] });
    expect(p.timeout).toBeUndefined();
  });

  it('sleep(0) returns at once and sleep(UINT64_MAX) saturates instead of wrapping', async () => {
    const { p, call } = await caller();
    expect(call(Syscall.Sleep, 0n)).toMatchObject({ kind: 'return', error: 0 });
    expect(call(Syscall.Sleep, U64_MAX)).toEqual({ kind: 'block' });
    expect(Number.isSafeInteger(p.timeout)).toBe(true);
    expect(p.timeout).toBeGreaterThan(1e15);
  });

  it('yield puts the caller back in the run queue', async () => {
    const { kernel, p, call } = await caller();
    expect(call(Syscall.Yield)).toMatchObject({ kind: 'return', error: 0 });
    expect(p.state).toBe(ProcState.Runnable);
    expect(kernel.scheduler.pickNext()).toBe(p);
  });

  it('debug_write copies user bytes to the console', async () => {
    const { kernel, p, call, console } = await caller();
    const memory = userMemory(kernel, p)!;
    const va = STACK_TOP - 64;
    expect(memory.write(va, new TextEncoder().encode('hi there')).ok).toBe(true);
    expect(call(Syscall.DebugWrite, BigInt(va), 8n)).toEqual({ kind: 'return', error: 0, values: [8] });
    expect(call(Syscall.DebugWrite, BigInt(va), 0n)).toEqual({ kind: 'return', error: 0, values: [0] });
    kernel.machine.flushConsole();
    expect(console()).toBe('hi there');
  });

  it('debug_write and meminfo answer hostile pointers and lengths with errors', async () => {
    const { kernel, call, console } = await caller();
    const before = memInfoCounts(kernel);
    for (const va of HOSTILE) {
      for (const len of [...HOSTILE, 1n, 4096n]) {
        const outcome = call(Syscall.DebugWrite, va, len);
        expect(outcome.kind).toBe('return');
        if (outcome.kind === 'return' && len !== 0n) expect(outcome.error).not.toBe(0);
      }
      expect(call(Syscall.MemInfo, va)).toEqual({ kind: 'return', error: RvosError.BadAddress });
    }
    // text is read-only for the user; a length just over the limit is refused before reading
    expect(call(Syscall.MemInfo, USER_TEXT_BASE)).toEqual({ kind: 'return', error: RvosError.BadAddress });
    expect(call(Syscall.DebugWrite, USER_TEXT_BASE, BigInt(DEBUG_WRITE_MAX + 1))).toEqual({ kind: 'return', error: RvosError.InvalidArgument });
    // a range that runs off the end of the stack
    expect(call(Syscall.DebugWrite, BigInt(STACK_TOP - 4), 8n)).toEqual({ kind: 'return', error: RvosError.BadAddress });
    kernel.machine.flushConsole();
    expect(console()).toBe('');
    expect(memInfoCounts(kernel)).toEqual(before);
  });

  it('meminfo writes struct rvos_meminfo', async () => {
    const { kernel, p, call } = await caller();
    const va = STACK_TOP - MemInfoLayout.size;
    expect(call(Syscall.MemInfo, BigInt(va))).toEqual({ kind: 'return', error: 0, values: [] });
    const bytes = userMemory(kernel, p)!.read(va, MemInfoLayout.size);
    if (!bytes.ok) throw new Error('read');
    const view = new DataView(bytes.value.buffer);
    const counts = memInfoCounts(kernel);
    expect(view.getBigUint64(MemInfoLayout.framesTotal, true)).toBe(BigInt(counts.framesTotal));
    expect(view.getBigUint64(MemInfoLayout.framesFree, true)).toBe(BigInt(counts.framesFree));
    expect(view.getBigUint64(MemInfoLayout.processes, true)).toBe(1n);
    expect(view.getBigUint64(MemInfoLayout.channels, true)).toBe(1n);
    expect(view.getBigUint64(MemInfoLayout.handles, true)).toBe(1n);
  });

  it('exit ends the caller with the sign-extended 32-bit status', async () => {
    const { kernel, p, call } = await caller();
    kernel.processes.retain(p.pid);
    expect(call(Syscall.Exit, 0xffff_ffffn)).toEqual({ kind: 'exited' });
    expect(p.exitStatus).toBe(-1);
    expect(p.space).toBeUndefined();
  });
});
