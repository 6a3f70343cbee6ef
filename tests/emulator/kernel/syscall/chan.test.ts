// The channel syscalls through the real dispatcher on a real kernel: create,
// send/recv with data and caps between processes, rights, sizes, bad
// addresses, the handle and channel limits with rollback (SYS_MEMINFO counts
// unchanged), handle_close and handle_dup.

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { HandleKind, Right } from '../../../../emulator/kernel/abi/handles.ts';
import { MSG_DATA_MAX } from '../../../../emulator/kernel/abi/message.ts';
import { Syscall } from '../../../../emulator/kernel/abi/syscall-numbers.ts';
import { giveProcessHandle } from '../proc/user-program.ts';
import { chanKit, counts, errorOf, MSG_AT, readMsg, stackAddr, sys, values, writeMsg } from './chan-syscall-kit.ts';

describe('chan_create, chan_send, chan_recv', () => {
  it('moves data and a cap between two processes; caps are copied, the receiver gets a new handle', async () => {
    const { kernel, procs: [p1, p2] } = await chanKit();
    const [a, b] = values(sys(kernel, p1!, Syscall.ChanCreate));
    expect([a, b]).toEqual([1, 2]);
    const ea = p1!.handles!.get(a)!.objectId;
    const eb = p1!.handles!.get(b)!.objectId;
    // Give p2 endpoint b by sending it over a channel p2 can read: p1 keeps its own handle to b.
    const [c, d] = values(sys(kernel, p1!, Syscall.ChanCreate));
    const dEntry = p1!.handles!.remove(d);
    p2!.handles!.install(dEntry.ok ? dEntry.value : (() => { throw new Error('remove'); })());
    writeMsg(kernel, p1!, stackAddr(p1!, MSG_AT), [0x34, 0x12, 7], [b]);
    expect(values(sys(kernel, p1!, Syscall.ChanSend, c, stackAddr(p1!, MSG_AT)))).toEqual([]);
    expect(kernel.channels.live(eb)).toMatchObject({ refs: 2, queuedRefs: 1 });
    expect(values(sys(kernel, p2!, Syscall.ChanRecv, 1, stackAddr(p2!, MSG_AT)))).toEqual([]);
    const got = readMsg(kernel, p2!, stackAddr(p2!, MSG_AT));
    expect(got).toMatchObject({ len: 3, ncaps: 1, sender: p1!.pid, caps: [2], data: [0x34, 0x12, 7] });
    expect(p2!.handles!.get(2)).toEqual({ kind: HandleKind.Channel, objectId: eb, rights: Right.Read | Right.Write | Right.Transfer });
    expect(kernel.channels.live(eb)).toMatchObject({ refs: 2, queuedRefs: 0 });
    // p2 now talks to p1 over a/b.
    writeMsg(kernel, p2!, stackAddr(p2!, MSG_AT), [9]);
    values(sys(kernel, p2!, Syscall.ChanSend, 2, stackAddr(p2!, MSG_AT)));
    values(sys(kernel, p1!, Syscall.ChanRecv, a, stackAddr(p1!, MSG_AT)));
    expect(readMsg(kernel, p1!, stackAddr(p1!, MSG_AT))).toMatchObject({ len: 1, ncaps: 0, sender: p2!.pid, data: [9] });
    expect(kernel.channels.live(ea).refs).toBe(1);
  });

  it('needs the right kind and rights: WrongType, AccessDenied, BadHandle', async () => {
    const { kernel, procs: [p1, p2] } = await chanKit();
    const ph = giveProcessHandle(kernel, p1!.pid, p2!.pid);
    const va = stackAddr(p1!, MSG_AT);
    writeMsg(kernel, p1!, va, [1]);
    expect(errorOf(sys(kernel, p1!, Syscall.ChanSend, ph, va))).toBe(RvosError.WrongType);
    expect(errorOf(sys(kernel, p1!, Syscall.ChanSend, 17, va))).toBe(RvosError.BadHandle);
    expect(errorOf(sys(kernel, p1!, Syscall.ChanSend, 1n << 63n, va))).toBe(RvosError.BadHandle);
    const [a] = values(sys(kernel, p1!, Syscall.ChanCreate));
    const [readOnly] = values(sys(kernel, p1!, Syscall.HandleDup, a, Right.Read));
    expect(errorOf(sys(kernel, p1!, Syscall.ChanSend, readOnly, va))).toBe(RvosError.AccessDenied);
    const [writeOnly] = values(sys(kernel, p1!, Syscall.HandleDup, a, Right.Write));
    expect(errorOf(sys(kernel, p1!, Syscall.ChanRecv, writeOnly, va))).toBe(RvosError.AccessDenied);
    // A cap without Transfer cannot be sent; nothing is queued.
    writeMsg(kernel, p1!, va, [1], [readOnly]);
    expect(errorOf(sys(kernel, p1!, Syscall.ChanSend, a, va))).toBe(RvosError.AccessDenied);
    writeMsg(kernel, p1!, va, [1], [99]);
    expect(errorOf(sys(kernel, p1!, Syscall.ChanSend, a, va))).toBe(RvosError.BadHandle);
    expect(kernel.channels.live(kernel.channels.live(p1!.handles!.get(a)!.objectId).peer).queue).toHaveLength(0);
  });

  it('MessageTooLarge for len or ncaps above the limits; BadAddress for an unmapped message', async () => {
    const { kernel, procs: [p1] } = await chanKit(1);
    const [a] = values(sys(kernel, p1!, Syscall.ChanCreate));
    const va = stackAddr(p1!, MSG_AT);
    writeMsg(kernel, p1!, va, [], [], { len: MSG_DATA_MAX + 1, ncaps: 0 });
    expect(errorOf(sys(kernel, p1!, Syscall.ChanSend, a, va))).toBe(RvosError.MessageTooLarge);
    writeMsg(kernel, p1!, va, [], [], { len: 0, ncaps: 5 });
    expect(errorOf(sys(kernel, p1!, Syscall.ChanSend, a, va))).toBe(RvosError.MessageTooLarge);
    writeMsg(kernel, p1!, va, [], [], { len: 0xffff_ffff, ncaps: 0xffff_ffff });
    expect(errorOf(sys(kernel, p1!, Syscall.ChanSend, a, va))).toBe(RvosError.MessageTooLarge);
    expect(errorOf(sys(kernel, p1!, Syscall.ChanSend, a, 0x100))).toBe(RvosError.BadAddress);
    expect(errorOf(sys(kernel, p1!, Syscall.ChanSend, a, (1n << 64n) - 8n))).toBe(RvosError.BadAddress);
    expect(errorOf(sys(kernel, p1!, Syscall.ChanRecv, a, 0x100))).toBe(RvosError.WouldBlock);
  });

  it('a receive into a bad buffer fails with BadAddress and leaves the message and handles as they were', async () => {
    const { kernel, procs: [p1] } = await chanKit(1);
    const [a, b] = values(sys(kernel, p1!, Syscall.ChanCreate));
    const va = stackAddr(p1!, MSG_AT);
    writeMsg(kernel, p1!, va, [5], [a, b]);
    values(sys(kernel, p1!, Syscall.ChanSend, a, va));
    const before = counts(kernel);
    expect(errorOf(sys(kernel, p1!, Syscall.ChanRecv, b, 0x100))).toBe(RvosError.BadAddress);
    expect(counts(kernel)).toEqual(before);
    values(sys(kernel, p1!, Syscall.ChanRecv, b, va));
    expect(readMsg(kernel, p1!, va)).toMatchObject({ ncaps: 2, caps: [3, 4], data: [5] });
  });

  it('TooManyHandles on receive when caps do not fit: the message stays queued until a handle is closed', async () => {
    const { kernel, procs: [p1] } = await chanKit(1, { handlesPerProcess: 32 });
    const [a, b] = values(sys(kernel, p1!, Syscall.ChanCreate));
    const va = stackAddr(p1!, MSG_AT);
    writeMsg(kernel, p1!, va, [1], [a, b]);
    values(sys(kernel, p1!, Syscall.ChanSend, a, va));
    const fillers: number[] = [];
    while (p1!.handles!.freeCount >= 2) fillers.push(...values(sys(kernel, p1!, Syscall.ChanCreate)));
    if (p1!.handles!.freeCount === 0) values(sys(kernel, p1!, Syscall.HandleClose, fillers.pop()!));
    expect(p1!.handles!.freeCount).toBe(1);
    expect(errorOf(sys(kernel, p1!, Syscall.ChanRecv, b, va))).toBe(RvosError.TooManyHandles);
    expect(p1!.handles!.freeCount).toBe(1);
    values(sys(kernel, p1!, Syscall.HandleClose, fillers.pop()!));
    values(sys(kernel, p1!, Syscall.ChanRecv, b, va));
    expect(readMsg(kernel, p1!, va).ncaps).toBe(2);
  });
});

describe('limits and rollback (SYS_MEMINFO shows no leak)', () => {
  it('chan_create at the handle limit rolls back: no handle, no channel left behind', async () => {
    const { kernel, procs: [p1] } = await chanKit(1);
    while (p1!.handles!.freeCount >= 2) values(sys(kernel, p1!, Syscall.ChanCreate));
    for (const free of [1, 0]) {
      if (free === 0) values(sys(kernel, p1!, Syscall.HandleDup, 0, Right.Read));
      expect(p1!.handles!.freeCount).toBe(free);
      const before = counts(kernel);
      expect(errorOf(sys(kernel, p1!, Syscall.ChanCreate))).toBe(RvosError.TooManyHandles);
      expect(counts(kernel)).toEqual(before);
    }
    // The kernel keeps working: close one handle pair and create again.
    values(sys(kernel, p1!, Syscall.HandleClose, 1));
    values(sys(kernel, p1!, Syscall.HandleClose, 2));
    expect(values(sys(kernel, p1!, Syscall.ChanCreate))).toEqual([2, 1]);
  });

  it('TooManyChannels at the channel limit, then works again once a channel is freed', async () => {
    const { kernel, procs } = await chanKit(5);
    const made: [number, number, number][] = [];
    let p = 0;
    while (kernel.channels.count < kernel.limits.channels) {
      const proc = procs[p]!;
      if (proc.handles!.freeCount < 2) { p++; continue; }
      const [a, b] = values(sys(kernel, proc, Syscall.ChanCreate));
      made.push([p, a!, b!]);
    }
    const before = counts(kernel);
    expect(errorOf(sys(kernel, procs[4]!, Syscall.ChanCreate))).toBe(RvosError.TooManyChannels);
    expect(counts(kernel)).toEqual(before);
    const [owner, a, b] = made[10]!;
    values(sys(kernel, procs[owner]!, Syscall.HandleClose, a));
    expect(errorOf(sys(kernel, procs[4]!, Syscall.ChanCreate))).toBe(RvosError.TooManyChannels);
    values(sys(kernel, procs[owner]!, Syscall.HandleClose, b));
    expect(values(sys(kernel, procs[4]!, Syscall.ChanCreate))).toHaveLength(2);
  });

  it('QueueFull at the queue depth; the sender keeps its caps and nothing leaks', async () => {
    const { kernel, procs: [p1] } = await chanKit(1);
    const [a, b] = values(sys(kernel, p1!, Syscall.ChanCreate));
    const va = stackAddr(p1!, MSG_AT);
    writeMsg(kernel, p1!, va, [1]);
    for (let i = 0; i < kernel.limits.queueDepth; i++) values(sys(kernel, p1!, Syscall.ChanSend, a, va));
    writeMsg(kernel, p1!, va, [1], [b]);
    const before = counts(kernel);
    const eb = p1!.handles!.get(b)!.objectId;
    expect(errorOf(sys(kernel, p1!, Syscall.ChanSend, a, va))).toBe(RvosError.QueueFull);
    expect(counts(kernel)).toEqual(before);
    expect(kernel.channels.live(eb).refs).toBe(1);
    values(sys(kernel, p1!, Syscall.ChanRecv, b, va));
    writeMsg(kernel, p1!, va, [1], [b]);
    values(sys(kernel, p1!, Syscall.ChanSend, a, va));
  });

  it('everything closed => every channel freed, counts back to the start (cycles and self-transfer included)', async () => {
    const { kernel, procs: [p1] } = await chanKit(1);
    const start = counts(kernel);
    const [a1, a2] = values(sys(kernel, p1!, Syscall.ChanCreate));
    const [b1, b2] = values(sys(kernel, p1!, Syscall.ChanCreate));
    const va = stackAddr(p1!, MSG_AT);
    // A's ends travel through B's queue and B's ends through A's queue; a1 also goes over itself.
    writeMsg(kernel, p1!, va, [1], [a1, a2]);
    values(sys(kernel, p1!, Syscall.ChanSend, b1, va));
    writeMsg(kernel, p1!, va, [2], [b1, b2, a1]);
    values(sys(kernel, p1!, Syscall.ChanSend, a1, va));
    for (const h of [a1, a2, b1, b2]) values(sys(kernel, p1!, Syscall.HandleClose, h));
    expect(counts(kernel)).toEqual(start);
    expect(kernel.channels.count).toBe(1);
  });
});

describe('caps of every kind', () => {
  it('SHM and process handles travel by copy; an unreceived message releases them; counts come back', async () => {
    const { kernel, procs: [p1, , p3] } = await chanKit(3);
    const start = counts(kernel);
    const [shm] = values(sys(kernel, p1!, Syscall.ShmCreate, 8192));
    const shmId = p1!.handles!.get(shm)!.objectId;
    const proc = giveProcessHandle(kernel, p1!.pid, p3!.pid);
    const [a, b] = values(sys(kernel, p1!, Syscall.ChanCreate));
    const va = stackAddr(p1!, MSG_AT);
    writeMsg(kernel, p1!, va, [1], [shm, proc]);
    values(sys(kernel, p1!, Syscall.ChanSend, a, va));
    values(sys(kernel, p1!, Syscall.ChanSend, a, va));
    expect(kernel.shm.get(shmId)?.refs).toBe(3);
    expect(p3!.refs).toBe(3);
    // One message is received (its caps become p1's new handles), the other dies with endpoint b.
    values(sys(kernel, p1!, Syscall.ChanRecv, b, va));
    const [shm2, proc2] = readMsg(kernel, p1!, va).caps;
    expect(p1!.handles!.get(shm2!)).toMatchObject({ kind: HandleKind.Shm, objectId: shmId });
    expect(p1!.handles!.get(proc2!)).toMatchObject({ kind: HandleKind.Process, objectId: p3!.pid });
    expect(kernel.shm.get(shmId)?.refs).toBe(3);
    values(sys(kernel, p1!, Syscall.HandleClose, b));
    expect(kernel.shm.get(shmId)?.refs).toBe(2);
    expect(p3!.refs).toBe(2);
    for (const h of [a, shm, proc, shm2!, proc2!]) values(sys(kernel, p1!, Syscall.HandleClose, h));
    expect(kernel.shm.get(shmId)).toBeUndefined();
    expect(p3!.refs).toBe(0);
    expect(counts(kernel)).toEqual(start);
  });
});

describe('transfer of a channel over itself', () => {
  it('an endpoint sent into its own queue is received as a new handle to itself, and freed once unreachable', async () => {
    const { kernel, procs: [p1] } = await chanKit(1);
    const start = counts(kernel);
    const [a, b] = values(sys(kernel, p1!, Syscall.ChanCreate));
    const eb = p1!.handles!.get(b)!.objectId;
    const va = stackAddr(p1!, MSG_AT);
    writeMsg(kernel, p1!, va, [1], [b]);
    values(sys(kernel, p1!, Syscall.ChanSend, a, va));
    values(sys(kernel, p1!, Syscall.ChanRecv, b, va));
    const [self] = readMsg(kernel, p1!, va).caps;
    expect(p1!.handles!.get(self!)?.objectId).toBe(eb);
    writeMsg(kernel, p1!, va, [2], [b, self!]);
    values(sys(kernel, p1!, Syscall.ChanSend, a, va));
    expect(kernel.channels.live(eb)).toMatchObject({ refs: 4, queuedRefs: 2 });
    values(sys(kernel, p1!, Syscall.HandleClose, b));
    values(sys(kernel, p1!, Syscall.HandleClose, self!));
    // b is now held only by its own queue: nobody can receive from it, so it is gone and a sees PeerClosed.
    expect(kernel.channels.endpoint(eb)).toBeUndefined();
    writeMsg(kernel, p1!, va, [3]);
    expect(errorOf(sys(kernel, p1!, Syscall.ChanSend, a, va))).toBe(RvosError.PeerClosed);
    values(sys(kernel, p1!, Syscall.HandleClose, a));
    expect(counts(kernel)).toEqual(start);
  });
});

describe('handle_close and handle_dup', () => {
  it('close releases the reference; closing twice is BadHandle', async () => {
    const { kernel, procs: [p1] } = await chanKit(1);
    const [a, b] = values(sys(kernel, p1!, Syscall.ChanCreate));
    const eb = p1!.handles!.get(b)!.objectId;
    values(sys(kernel, p1!, Syscall.HandleClose, a));
    expect(errorOf(sys(kernel, p1!, Syscall.HandleClose, a))).toBe(RvosError.BadHandle);
    expect(kernel.channels.peerClosed(eb)).toBe(true);
    expect(errorOf(sys(kernel, p1!, Syscall.HandleClose, -1))).toBe(RvosError.BadHandle);
  });

  it('dup gives a subset of the rights, needs Transfer, and reports TooManyHandles without leaking', async () => {
    const { kernel, procs: [p1] } = await chanKit(1);
    const [a] = values(sys(kernel, p1!, Syscall.ChanCreate));
    const ea = p1!.handles!.get(a)!.objectId;
    expect(errorOf(sys(kernel, p1!, Syscall.HandleDup, a, Right.Read | Right.Kill))).toBe(RvosError.InvalidArgument);
    expect(errorOf(sys(kernel, p1!, Syscall.HandleDup, a, 1n << 40n))).toBe(RvosError.InvalidArgument);
    const [r] = values(sys(kernel, p1!, Syscall.HandleDup, a, Right.Read));
    expect(p1!.handles!.get(r)).toEqual({ kind: HandleKind.Channel, objectId: ea, rights: Right.Read });
    expect(kernel.channels.live(ea).refs).toBe(2);
    expect(errorOf(sys(kernel, p1!, Syscall.HandleDup, r, Right.Read))).toBe(RvosError.AccessDenied);
    while (p1!.handles!.freeCount > 0) values(sys(kernel, p1!, Syscall.HandleDup, a, Right.Transfer));
    const before = counts(kernel);
    const refs = kernel.channels.live(ea).refs;
    expect(errorOf(sys(kernel, p1!, Syscall.HandleDup, a, 0))).toBe(RvosError.TooManyHandles);
    expect(counts(kernel)).toEqual(before);
    expect(kernel.channels.live(ea).refs).toBe(refs);
  });
});
