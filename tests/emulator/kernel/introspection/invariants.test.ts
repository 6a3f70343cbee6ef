// Tests of the kernel invariant checker on a real booted kernel (services,
// user processes, messages in flight): a consistent kernel has no violation,
// and each kind of corruption (a leaked or lost reference, a handle to a freed
// object, a leaked frame, a lost run-queue entry or waiter) is reported.

import { describe, expect, it } from 'vitest';
import { HandleKind } from '../../../../emulator/kernel/abi/handles.ts';
import { Syscall } from '../../../../emulator/kernel/abi/syscall-numbers.ts';
import { checkInvariants } from '../../../../emulator/kernel/introspection/invariants.ts';
import { ProcState } from '../../../../emulator/kernel/proc/process.ts';
import { bootKernel } from '../../../../emulator/kernel/system/boot.ts';
import { Machine } from '../../../../emulator/machine/machine.ts';
import { stackAddr, sys, writeMsg, MSG_AT } from '../syscall/chan-syscall-kit.ts';
import { SPIN, spawnDetached, userProgram } from '../proc/user-program.ts';

/** A booted kernel (init, console, sysinfo, math) with two user processes that hold channels, shm and queued caps. */
async function busyKernel() {
  const machine = await Machine.create({ config: { ramSize: 16 << 20 }, consoleOutput: () => {} });
  const kernel = bootKernel(machine, { programs: [] }, { start: [] });
  kernel.run(10_000);
  const [a, b] = [0, 1].map((i) => kernel.processes.get(spawnDetached(kernel, `p${i}`, userProgram(SPIN)))!);
  const pair = sys(kernel, a!, Syscall.ChanCreate);
  const [h1, h2] = pair.kind === 'return' ? pair.values!.map(Number) : [];
  const shm = sys(kernel, a!, Syscall.ShmCreate, 8192);
  const hs = shm.kind === 'return' ? Number(shm.values![0]) : -1;
  sys(kernel, a!, Syscall.ShmMap, hs, 3);
  sys(kernel, b!, Syscall.Mmap, 3 * 4096, 3);
  writeMsg(kernel, a!, stackAddr(a!, MSG_AT), [1, 2, 3], [h2!, hs]);
  expect(sys(kernel, a!, Syscall.ChanSend, h1!, stackAddr(a!, MSG_AT))).toMatchObject({ error: 0 });
  return { kernel, a: a!, b: b!, h1: h1!, h2: h2!, hs };
}

describe('checkInvariants', () => {
  it('finds nothing wrong in a consistent kernel with caps in flight', async () => {
    const { kernel } = await busyKernel();
    expect(checkInvariants(kernel)).toEqual([]);
  });

  it('reports a leaked endpoint reference and a lost shm reference', async () => {
    const { kernel, a, h1, hs } = await busyKernel();
    kernel.objects.retain(HandleKind.Channel, a.handles!.get(h1)!.objectId);
    kernel.shm.get(a.handles!.get(hs)!.objectId)!.refs--;
    const violations = checkInvariants(kernel);
    expect(violations.some((v) => /^endpoint \d+: refs/.test(v))).toBe(true);
    expect(violations.some((v) => /^shm \d+: refs/.test(v))).toBe(true);
  });

  it('reports a handle naming a freed object and a frame nobody owns', async () => {
    const { kernel, a } = await busyKernel();
    const bad = a.handles!.install({ kind: HandleKind.Shm, objectId: 31, rights: 1 });
    kernel.frames.alloc();
    const violations = checkInvariants(kernel);
    expect(violations).toContain(`pid ${a.pid} handle ${bad.ok ? bad.value : -1} names freed shm 31`);
    expect(violations.some((v) => v.startsWith('frames: '))).toBe(true);
  });

  it('reports a runnable task outside the run queue and a blocked task nobody will wake', async () => {
    const { kernel, a, b } = await busyKernel();
    kernel.run(1); // a task is picked: its queue entry is gone while it runs
    const picked = kernel.processes.list().find((p) => p.kind === 'user' && !kernel.scheduler.isQueued(p));
    b.state = ProcState.Blocked;
    b.block = { kind: 'recv', endpoints: [a.handles!.get(0)!.objectId] };
    if (picked !== undefined) picked.state = ProcState.Runnable;
    const violations = checkInvariants(kernel);
    expect(violations.some((v) => v.includes(`pid ${b.pid} waits to receive`))).toBe(true);
    if (picked !== undefined && picked !== b) expect(violations).toContain(`runnable pid ${picked.pid} is not in the run queue`);
  });

  it('reports a queued-cap count that disagrees with the queues', async () => {
    const { kernel } = await busyKernel();
    const carried = kernel.channels.liveEndpoints().find((ep) => ep.queuedRefs > 0)!;
    carried.queuedRefs++;
    expect(checkInvariants(kernel).some((v) => v.startsWith(`endpoint ${carried.id}: queuedRefs`))).toBe(true);
  });
});
