// Blocking channel syscalls through the real dispatcher: restartable
// chan_recv_blocking / chan_send_blocking (block, woken, retried), peer-closed
// on both sides, wait_many with its timeout, and a process exit that destroys
// messages still carrying caps.

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { EXIT_KILLED } from '../../../../emulator/kernel/abi/handles.ts';
import { Syscall } from '../../../../emulator/kernel/abi/syscall-numbers.ts';
import { exitProcess } from '../../../../emulator/kernel/lifecycle/exit.ts';
import { ProcState } from '../../../../emulator/kernel/proc/process.ts';
import { ARRAY_AT, chanKit, counts, errorOf, MSG_AT, readMsg, stackAddr, sys, values, writeMsg, writeU64s } from './chan-syscall-kit.ts';

const U64_MAX = (1n << 64n) - 1n;

/** p1 creates a channel and hands end b (handle 1 of p2) to p2; returns p1's handle a. */
async function connected() {
  const kit = await chanKit();
  const { kernel, procs: [p1, p2] } = kit;
  const [a, b] = values(sys(kernel, p1!, Syscall.ChanCreate));
  const entry = p1!.handles!.remove(b);
  if (!entry.ok) throw new Error('remove');
  expect(p2!.handles!.install(entry.value)).toEqual({ ok: true, value: 1 });
  return { ...kit, p1: p1!, p2: p2!, a: a!, b: 1 };
}

describe('blocking send and receive', () => {
  it('chan_recv_blocking blocks, is woken by a send, and the retried call gets the message', async () => {
    const { kernel, p1, p2, a, b } = await connected();
    const rva = stackAddr(p2, MSG_AT);
    expect(errorOf(sys(kernel, p2, Syscall.ChanRecvBlocking, b, rva))).toBe('block');
    expect(p2.state).toBe(ProcState.Blocked);
    expect(p2.block).toEqual({ kind: 'recv', endpoints: [p2.handles!.get(b)!.objectId] });
    writeMsg(kernel, p1, stackAddr(p1, MSG_AT), [42]);
    values(sys(kernel, p1, Syscall.ChanSend, a, stackAddr(p1, MSG_AT)));
    expect(p2.state).toBe(ProcState.Runnable);
    values(sys(kernel, p2, Syscall.ChanRecvBlocking, b, rva));
    expect(readMsg(kernel, p2, rva)).toMatchObject({ len: 1, data: [42], sender: p1.pid });
  });

  it('chan_send_blocking blocks on a full queue and is woken when the receiver takes a message', async () => {
    const { kernel, p1, p2, a, b } = await connected();
    const va = stackAddr(p1, MSG_AT);
    writeMsg(kernel, p1, va, [7]);
    for (let i = 0; i < kernel.limits.queueDepth; i++) values(sys(kernel, p1, Syscall.ChanSendBlocking, a, va));
    expect(errorOf(sys(kernel, p1, Syscall.ChanSendBlocking, a, va))).toBe('block');
    expect(p1.state).toBe(ProcState.Blocked);
    expect(p1.block?.kind).toBe('send');
    values(sys(kernel, p2, Syscall.ChanRecv, b, stackAddr(p2, MSG_AT)));
    expect(p1.state).toBe(ProcState.Runnable);
    values(sys(kernel, p1, Syscall.ChanSendBlocking, a, va));
    expect(kernel.channels.live(p2.handles!.get(b)!.objectId).queue).toHaveLength(kernel.limits.queueDepth);
  });

  it('peer closed: queued messages first, then PeerClosed; a blocked receiver is woken', async () => {
    const { kernel, p1, p2, a, b } = await connected();
    const rva = stackAddr(p2, MSG_AT);
    writeMsg(kernel, p1, stackAddr(p1, MSG_AT), [1]);
    values(sys(kernel, p1, Syscall.ChanSend, a, stackAddr(p1, MSG_AT)));
    values(sys(kernel, p2, Syscall.ChanRecvBlocking, b, rva));
    expect(errorOf(sys(kernel, p2, Syscall.ChanRecvBlocking, b, rva))).toBe('block');
    values(sys(kernel, p1, Syscall.ChanSend, a, stackAddr(p1, MSG_AT)));
    values(sys(kernel, p1, Syscall.HandleClose, a));
    expect(p2.state).toBe(ProcState.Runnable);
    values(sys(kernel, p2, Syscall.ChanRecvBlocking, b, rva));
    expect(errorOf(sys(kernel, p2, Syscall.ChanRecvBlocking, b, rva))).toBe(RvosError.PeerClosed);
    expect(errorOf(sys(kernel, p2, Syscall.ChanRecv, b, rva))).toBe(RvosError.PeerClosed);
    writeMsg(kernel, p2, rva, [1]);
    expect(errorOf(sys(kernel, p2, Syscall.ChanSend, b, rva))).toBe(RvosError.PeerClosed);
  });

  it('peer closed on the other side: a sender blocked on a full queue is woken and gets PeerClosed', async () => {
    const { kernel, p1, p2, a, b } = await connected();
    const va = stackAddr(p1, MSG_AT);
    writeMsg(kernel, p1, va, [7]);
    for (let i = 0; i < kernel.limits.queueDepth; i++) values(sys(kernel, p1, Syscall.ChanSend, a, va));
    expect(errorOf(sys(kernel, p1, Syscall.ChanSendBlocking, a, va))).toBe('block');
    values(sys(kernel, p2, Syscall.HandleClose, b));
    expect(p1.state).toBe(ProcState.Runnable);
    expect(errorOf(sys(kernel, p1, Syscall.ChanSendBlocking, a, va))).toBe(RvosError.PeerClosed);
  });
});

describe('wait_many', () => {
  it('returns the index of a readable or peer-closed endpoint; argument errors', async () => {
    const { kernel, p1 } = await connected();
    const [c, d] = values(sys(kernel, p1, Syscall.ChanCreate));
    const arr = stackAddr(p1, ARRAY_AT);
    writeU64s(kernel, p1, arr, [d!, 0]);
    // Handle 0 is p1's boot channel, whose other end is closed: ready at index 1.
    expect(values(sys(kernel, p1, Syscall.WaitMany, arr, 2, 0))).toEqual([1]);
    writeMsg(kernel, p1, stackAddr(p1, MSG_AT), [1]);
    values(sys(kernel, p1, Syscall.ChanSend, c, stackAddr(p1, MSG_AT)));
    expect(values(sys(kernel, p1, Syscall.WaitMany, arr, 2, 0))).toEqual([0]);
    expect(errorOf(sys(kernel, p1, Syscall.WaitMany, arr, 0, 0))).toBe(RvosError.InvalidArgument);
    expect(errorOf(sys(kernel, p1, Syscall.WaitMany, arr, 1000, 0))).toBe(RvosError.InvalidArgument);
    expect(errorOf(sys(kernel, p1, Syscall.WaitMany, 0x100, 2, 0))).toBe(RvosError.BadAddress);
    writeU64s(kernel, p1, arr, [d!, 30]);
    expect(errorOf(sys(kernel, p1, Syscall.WaitMany, arr, 2, 0))).toBe(RvosError.BadHandle);
  });

  it('times out: TimedOut at once for 0, after the deadline otherwise (kept across retries)', async () => {
    const { kernel, p1, a } = await connected();
    const arr = stackAddr(p1, ARRAY_AT);
    writeU64s(kernel, p1, arr, [a]);
    expect(errorOf(sys(kernel, p1, Syscall.WaitMany, arr, 1, 0))).toBe(RvosError.TimedOut);
    const start = kernel.now();
    expect(errorOf(sys(kernel, p1, Syscall.WaitMany, arr, 1, 1000))).toBe('block');
    expect(p1.timeout).toBe(start + 10);
    // A spurious wake before the deadline: the retry blocks again with the same deadline.
    kernel.scheduler.wake(p1.pid);
    kernel.hart.advanceTime(5n);
    expect(errorOf(sys(kernel, p1, Syscall.WaitMany, arr, 1, 1000))).toBe('block');
    expect(p1.timeout).toBe(start + 10);
    kernel.hart.advanceTime(5n);
    expect(kernel.scheduler.expire(kernel.now())).toBe(1);
    expect(errorOf(sys(kernel, p1, Syscall.WaitMany, arr, 1, 1000))).toBe(RvosError.TimedOut);
    expect(p1.timeout).toBeUndefined();
  });

  it('a message on any watched endpoint wakes the waiter (no timeout)', async () => {
    const { kernel, p1, p2, b } = await connected();
    const [c, d] = values(sys(kernel, p1, Syscall.ChanCreate));
    const moved = p1.handles!.remove(d!);
    const d2 = moved.ok ? p2.handles!.install(moved.value) : moved;
    if (!d2.ok) throw new Error('move');
    const arr = stackAddr(p2, ARRAY_AT);
    writeU64s(kernel, p2, arr, [b, d2.value]);
    expect(errorOf(sys(kernel, p2, Syscall.WaitMany, arr, 2, U64_MAX))).toBe('block');
    expect(p2.timeout).toBeUndefined();
    expect(p2.state).toBe(ProcState.Blocked);
    writeMsg(kernel, p1, stackAddr(p1, MSG_AT), [3]);
    values(sys(kernel, p1, Syscall.ChanSend, c, stackAddr(p1, MSG_AT)));
    expect(p2.state).toBe(ProcState.Runnable);
    expect(values(sys(kernel, p2, Syscall.WaitMany, arr, 2, U64_MAX))).toEqual([1]);
  });
});

describe('process exit', () => {
  it('destroys queued messages with caps in them: every reference released, counts back', async () => {
    const { kernel, p1, p2, a } = await connected();
    const start = { ...counts(kernel), handles: counts(kernel).handles };
    const [x, y] = values(sys(kernel, p1, Syscall.ChanCreate));
    const va = stackAddr(p1, MSG_AT);
    writeMsg(kernel, p1, va, [1], [x, y, a]);
    values(sys(kernel, p1, Syscall.ChanSend, a, va));
    values(sys(kernel, p1, Syscall.HandleClose, x));
    values(sys(kernel, p1, Syscall.HandleClose, y));
    exitProcess(kernel, p2, EXIT_KILLED);
    expect(kernel.channels.count).toBe(start.channels - 1);
    exitProcess(kernel, p1, EXIT_KILLED);
    expect(counts(kernel)).toMatchObject({ channels: 0, handles: 0, processes: 0 });
  });
});
