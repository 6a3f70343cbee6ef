// The capability-transfer table (issue 10): the hard cases of sending caps
// (a channel's last handle through itself, both ends at once, a handle closed
// before receipt, a receive whose install fails midway, a peer closing with
// caps queued, processes exiting with messages in flight in both directions
// with channel, SHM and process caps, SHM mapped after its sender let go, a
// process handle passed on and waited on). Every case ends with every process
// exited and all counts and reference counts exactly at the boot baseline.

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { Prot } from '../../../../emulator/kernel/abi/handles.ts';
import { Syscall } from '../../../../emulator/kernel/abi/syscall-numbers.ts';
import { ProcState } from '../../../../emulator/kernel/proc/process.ts';
import { giveProcessHandle } from '../proc/user-program.ts';
import { call, okValues, peek, poke } from './f2-syscall-kit.ts';
import { chanCreate, exitAll, expectBaseline, moveHandle, mustRecv, recvMsg, sendCaps, transferCase } from './f2-transfer-kit.ts';

const PAGE = 4096;

describe('capability transfer: a channel through itself', () => {
  it('the last handle of an endpoint sent into its own queue, then closed: the cycle is collected at once', async () => {
    const c = await transferCase();
    const p = c.spawn('p');
    const [a, b] = chanCreate(c.kernel, p);
    const eb = p.handles!.get(b)!.objectId;
    expect(sendCaps(c.kernel, p, a, [b])).toBe(0); // b's own handle, queued at b
    expect(call(c.kernel, p, Syscall.HandleClose, b).error).toBe(0);
    expect(c.kernel.channels.endpoint(eb)).toBeUndefined();
    expect(sendCaps(c.kernel, p, a, [])).toBe(RvosError.PeerClosed);
    exitAll(c.kernel, [p]);
    expectBaseline(c);
  });

  it('both handles of a channel sent through it and closed: both ends go', async () => {
    const c = await transferCase();
    const p = c.spawn('p');
    const [a, b] = chanCreate(c.kernel, p);
    expect(sendCaps(c.kernel, p, a, [a, b])).toBe(0);
    expect(sendCaps(c.kernel, p, b, [a, b])).toBe(0);
    const channels = c.kernel.channels.count;
    okValues(call(c.kernel, p, Syscall.HandleClose, a));
    okValues(call(c.kernel, p, Syscall.HandleClose, b));
    expect(c.kernel.channels.count).toBe(channels - 1);
    exitAll(c.kernel, [p]);
    expectBaseline(c);
  });

  it('the sending end sent through itself and closed stays alive while its peer is held, and comes back on receive', async () => {
    const c = await transferCase();
    const p = c.spawn('p');
    const [a, b] = chanCreate(c.kernel, p);
    expect(sendCaps(c.kernel, p, a, [a])).toBe(0);
    okValues(call(c.kernel, p, Syscall.HandleClose, a));
    const got = mustRecv(c.kernel, p, b);
    expect(got.ncaps).toBe(1);
    expect(sendCaps(c.kernel, p, got.caps[0]!, [], [1, 2])).toBe(0);
    expect(mustRecv(c.kernel, p, b).data).toEqual([1, 2]);
    exitAll(c.kernel, [p]);
    expectBaseline(c);
  });
});

describe('capability transfer: between processes', () => {
  it('both ends of a channel sent through a third channel: the receiver uses them; unreceived they are released', async () => {
    const c = await transferCase();
    const [p0, p1] = [c.spawn('p0'), c.spawn('p1')];
    const [x, y] = chanCreate(c.kernel, p0);
    const y1 = moveHandle(p0, y, p1);
    const [a, b] = chanCreate(c.kernel, p0);
    expect(sendCaps(c.kernel, p0, x, [a, b])).toBe(0);
    okValues(call(c.kernel, p0, Syscall.HandleClose, a));
    okValues(call(c.kernel, p0, Syscall.HandleClose, b));
    const got = mustRecv(c.kernel, p1, y1);
    expect(sendCaps(c.kernel, p1, got.caps[0]!, [], [5])).toBe(0);
    expect(mustRecv(c.kernel, p1, got.caps[1]!).data).toEqual([5]);
    // A second pair never received: closing the receiving end releases it.
    const [d, e] = chanCreate(c.kernel, p0);
    expect(sendCaps(c.kernel, p0, x, [d, e])).toBe(0);
    okValues(call(c.kernel, p0, Syscall.HandleClose, d));
    okValues(call(c.kernel, p0, Syscall.HandleClose, e));
    const channels = c.kernel.channels.count;
    okValues(call(c.kernel, p1, Syscall.HandleClose, y1));
    expect(c.kernel.channels.count).toBe(channels - 1);
    exitAll(c.kernel, [p0, p1]);
    expectBaseline(c);
  });

  it('a handle closed by its sender before receipt still arrives and works', async () => {
    const c = await transferCase();
    const [p0, p1] = [c.spawn('p0'), c.spawn('p1')];
    const [x, y] = chanCreate(c.kernel, p0);
    const y1 = moveHandle(p0, y, p1);
    const [a, b] = chanCreate(c.kernel, p0);
    const [s] = okValues(call(c.kernel, p0, Syscall.ShmCreate, PAGE));
    expect(sendCaps(c.kernel, p0, x, [a, s!])).toBe(0);
    okValues(call(c.kernel, p0, Syscall.HandleClose, a));
    okValues(call(c.kernel, p0, Syscall.HandleClose, s!));
    const got = mustRecv(c.kernel, p1, y1);
    expect(sendCaps(c.kernel, p1, got.caps[0]!, [], [9])).toBe(0);
    expect(mustRecv(c.kernel, p0, b).data).toEqual([9]);
    expect(call(c.kernel, p1, Syscall.ShmMap, got.caps[1]!, Prot.Read).error).toBe(0);
    exitAll(c.kernel, [p0, p1]);
    expectBaseline(c);
  });

  it('a receiver without room for 4 caps gets TooManyHandles, keeps its table, and the message stays queued', async () => {
    const c = await transferCase();
    const [p0, p1] = [c.spawn('p0'), c.spawn('p1')];
    const [x, y] = chanCreate(c.kernel, p0);
    const y1 = moveHandle(p0, y, p1);
    const [a, b] = chanCreate(c.kernel, p0);
    const [s] = okValues(call(c.kernel, p0, Syscall.ShmCreate, PAGE));
    const ph = giveProcessHandle(c.kernel, p0.pid, p1.pid);
    expect(sendCaps(c.kernel, p0, x, [a, b, s!, ph])).toBe(0);
    // Fill p1's table to 3 free slots.
    const fillers: number[] = [];
    while (p1.handles!.freeCount > 3) fillers.push(...chanCreate(c.kernel, p1).slice(0, p1.handles!.freeCount > 3 ? 2 : 1));
    while (p1.handles!.freeCount < 3) okValues(call(c.kernel, p1, Syscall.HandleClose, fillers.pop()!));
    const table = p1.handles!.entries();
    expect(recvMsg(c.kernel, p1, y1)).toBe(RvosError.TooManyHandles);
    expect(p1.handles!.entries()).toEqual(table);
    // Room for all four, but the third install fails (injected): the two installed are rolled back.
    okValues(call(c.kernel, p1, Syscall.HandleClose, fillers.pop()!));
    c.kernel.faults.handle = 3;
    expect(recvMsg(c.kernel, p1, y1)).toBe(RvosError.TooManyHandles);
    expect(c.kernel.faults.handle).toBe(0);
    expect(p1.handles!.entries()).toEqual(table.filter(([h]) => p1.handles!.get(h) !== undefined));
    const got = mustRecv(c.kernel, p1, y1);
    expect(got.ncaps).toBe(4);
    exitAll(c.kernel, [p0, p1]);
    expectBaseline(c);
  });

  it('a peer closing with caps of every kind still queued releases them; the sender sees PeerClosed', async () => {
    const c = await transferCase();
    const [p0, p1, p2] = [c.spawn('p0'), c.spawn('p1'), c.spawn('p2')];
    const [x, y] = chanCreate(c.kernel, p0);
    const y1 = moveHandle(p0, y, p1);
    for (let i = 0; i < 5; i++) {
      const [a, b] = chanCreate(c.kernel, p0);
      const [s] = okValues(call(c.kernel, p0, Syscall.ShmCreate, PAGE));
      const ph = giveProcessHandle(c.kernel, p0.pid, p2.pid);
      expect(sendCaps(c.kernel, p0, x, [a, b, s!, ph])).toBe(0);
      for (const h of [a, b, s!, ph]) okValues(call(c.kernel, p0, Syscall.HandleClose, h));
    }
    expect(c.kernel.shm.count).toBe(5);
    expect(p2.refs).toBe(5);
    okValues(call(c.kernel, p1, Syscall.HandleClose, y1));
    expect(c.kernel.shm.count).toBe(0);
    expect(p2.refs).toBe(0);
    expect(sendCaps(c.kernel, p0, x, [])).toBe(RvosError.PeerClosed);
    exitAll(c.kernel, [p0, p1, p2]);
    expectBaseline(c);
  });

  it('a sender closing with caps queued: the receiver still gets every message, then PeerClosed', async () => {
    const c = await transferCase();
    const [p0, p1] = [c.spawn('p0'), c.spawn('p1')];
    const [x, y] = chanCreate(c.kernel, p0);
    const y1 = moveHandle(p0, y, p1);
    const [s] = okValues(call(c.kernel, p0, Syscall.ShmCreate, PAGE));
    for (let i = 0; i < 3; i++) expect(sendCaps(c.kernel, p0, x, [s!], [i])).toBe(0);
    okValues(call(c.kernel, p0, Syscall.HandleClose, x));
    for (let i = 0; i < 3; i++) {
      const got = mustRecv(c.kernel, p1, y1);
      expect(got.data).toEqual([i]);
      okValues(call(c.kernel, p1, Syscall.HandleClose, got.caps[0]!));
    }
    expect(recvMsg(c.kernel, p1, y1)).toBe(RvosError.PeerClosed);
    exitAll(c.kernel, [p0, p1]);
    expectBaseline(c);
  });
});

describe('capability transfer: processes exiting with messages in flight', () => {
  /** p0 and p1 joined by a channel, each sending 3 messages with a channel, an SHM and a process cap to the other. */
  async function crossTraffic() {
    const c = await transferCase();
    const [p0, p1, p2] = [c.spawn('p0'), c.spawn('p1'), c.spawn('p2')];
    const [x, y] = chanCreate(c.kernel, p0);
    const y1 = moveHandle(p0, y, p1);
    for (const [p, h] of [[p0, x], [p1, y1]] as const) {
      for (let i = 0; i < 3; i++) {
        const [a] = chanCreate(c.kernel, p); // a travels; its peer stays with the sender
        const [s] = okValues(call(c.kernel, p, Syscall.ShmCreate, PAGE));
        const self = giveProcessHandle(c.kernel, p.pid, p.pid);
        const other = giveProcessHandle(c.kernel, p.pid, p2.pid);
        expect(sendCaps(c.kernel, p, h, [a, s!, self, other], [i])).toBe(0);
        okValues(call(c.kernel, p, Syscall.HandleClose, s!));
        okValues(call(c.kernel, p, Syscall.HandleClose, self));
      }
    }
    return { c, p0, p1, p2, x, y1 };
  }

  it('the first exits: messages to it are destroyed with their caps; messages from it are still received', async () => {
    const { c, p0, p1, p2, y1 } = await crossTraffic();
    expect(call(c.kernel, p0, Syscall.Exit, 3).error).toBe(-2);
    expect(p0.state).toBe(ProcState.Zombie);
    expect(c.kernel.processes.get(p0.pid)).toBeDefined(); // its own process caps to p1 are still queued
    for (let i = 0; i < 3; i++) {
      const got = mustRecv(c.kernel, p1, y1);
      expect(got).toMatchObject({ ncaps: 4, data: [i], sender: p0.pid });
      // The channel end's peer died with p0; the process cap to p0 reads its exit status.
      expect(sendCaps(c.kernel, p1, got.caps[0]!, [])).toBe(RvosError.PeerClosed);
      expect(call(c.kernel, p1, Syscall.ProcWait, got.caps[2]!)).toEqual({ error: 0, values: [3] });
      expect(call(c.kernel, p1, Syscall.ShmMap, got.caps[1]!, Prot.Read).error).toBe(0);
    }
    expect(recvMsg(c.kernel, p1, y1)).toBe(RvosError.PeerClosed);
    exitAll(c.kernel, [p1, p2]);
    expectBaseline(c);
  });

  it('both exit with messages queued both ways: every cap is released', async () => {
    const { c, p0, p1, p2 } = await crossTraffic();
    exitAll(c.kernel, [p1, p0, p2]);
    expectBaseline(c);
  });

  it('a killed process (proc_kill) releases its queued caps the same way', async () => {
    const { c, p0, p1, p2 } = await crossTraffic();
    const k = giveProcessHandle(c.kernel, p2.pid, p0.pid);
    expect(call(c.kernel, p2, Syscall.ProcKill, k).error).toBe(0);
    okValues(call(c.kernel, p2, Syscall.HandleClose, k));
    exitAll(c.kernel, [p1, p2]);
    expectBaseline(c);
  });
});

describe('capability transfer: SHM and process caps', () => {
  it('an SHM cap mapped by the receiver after the sender unmapped and closed it: same bytes, freed at the end', async () => {
    const c = await transferCase();
    const [p0, p1] = [c.spawn('p0'), c.spawn('p1')];
    const [x, y] = chanCreate(c.kernel, p0);
    const y1 = moveHandle(p0, y, p1);
    const [s] = okValues(call(c.kernel, p0, Syscall.ShmCreate, 2 * PAGE));
    const [va0] = okValues(call(c.kernel, p0, Syscall.ShmMap, s!, Prot.Read | Prot.Write));
    const pattern = Uint8Array.from({ length: 64 }, (_, i) => i * 7 + 1);
    poke(c.kernel, p0, va0! + PAGE + 100, pattern);
    expect(sendCaps(c.kernel, p0, x, [s!])).toBe(0);
    okValues(call(c.kernel, p0, Syscall.ShmUnmap, va0!));
    okValues(call(c.kernel, p0, Syscall.HandleClose, s!));
    expect(c.kernel.shm.count).toBe(1);
    const got = mustRecv(c.kernel, p1, y1);
    const [va1] = okValues(call(c.kernel, p1, Syscall.ShmMap, got.caps[0]!, Prot.Read));
    expect(peek(c.kernel, p1, va1! + PAGE + 100, 64)).toEqual(pattern);
    okValues(call(c.kernel, p1, Syscall.HandleClose, got.caps[0]!));
    expect(c.kernel.shm.count).toBe(1); // the mapping keeps it
    okValues(call(c.kernel, p1, Syscall.ShmUnmap, va1!));
    expect(c.kernel.shm.count).toBe(0);
    exitAll(c.kernel, [p0, p1]);
    expectBaseline(c);
  });

  it('a process handle passed to another process, which waits on it: woken by the exit, reads the status', async () => {
    const c = await transferCase();
    const [p0, p1, p2] = [c.spawn('p0'), c.spawn('p1'), c.spawn('target')];
    const [x, y] = chanCreate(c.kernel, p0);
    const y1 = moveHandle(p0, y, p1);
    const ph = giveProcessHandle(c.kernel, p0.pid, p2.pid);
    expect(sendCaps(c.kernel, p0, x, [ph])).toBe(0);
    okValues(call(c.kernel, p0, Syscall.HandleClose, ph));
    const got = mustRecv(c.kernel, p1, y1);
    expect(call(c.kernel, p1, Syscall.ProcWait, got.caps[0]!).error).toBe(-1);
    expect(p1.state).toBe(ProcState.Blocked);
    expect(call(c.kernel, p2, Syscall.Exit, 42).error).toBe(-2);
    expect(p1.state).toBe(ProcState.Runnable);
    expect(call(c.kernel, p1, Syscall.ProcWait, got.caps[0]!)).toEqual({ error: 0, values: [42] });
    expect(c.kernel.processes.get(p2.pid)).toBeDefined();
    okValues(call(c.kernel, p1, Syscall.HandleClose, got.caps[0]!));
    expect(c.kernel.processes.get(p2.pid)).toBeUndefined();
    exitAll(c.kernel, [p0, p1]);
    expectBaseline(c);
  });

  it('a waiter killed while blocked in proc_wait, and a sender blocked on a full queue whose receiver exits: nothing dangles', async () => {
    const c = await transferCase();
    const [p0, p1, p2] = [c.spawn('p0'), c.spawn('waiter'), c.spawn('target')];
    const onTarget = giveProcessHandle(c.kernel, p1.pid, p2.pid);
    expect(call(c.kernel, p1, Syscall.ProcWait, onTarget).error).toBe(-1);
    const onWaiter = giveProcessHandle(c.kernel, p0.pid, p1.pid);
    expect(call(c.kernel, p0, Syscall.ProcKill, onWaiter).error).toBe(0);
    expect(call(c.kernel, p2, Syscall.Exit, 1).error).toBe(-2); // wakes a pid that has exited
    okValues(call(c.kernel, p0, Syscall.HandleClose, onWaiter));
    const [x, y] = chanCreate(c.kernel, p0);
    const p3 = c.spawn('receiver');
    moveHandle(p0, y, p3);
    const [s] = okValues(call(c.kernel, p0, Syscall.ShmCreate, PAGE));
    while (sendCaps(c.kernel, p0, x, [s!]) === 0);
    expect(call(c.kernel, p0, Syscall.ChanSendBlocking, x, Number(p0.context.x[2]!) - 0x1000).error).toBe(-1);
    expect(call(c.kernel, p3, Syscall.Exit, 0).error).toBe(-2);
    expect(p0.state).toBe(ProcState.Runnable);
    expect(call(c.kernel, p0, Syscall.ChanSendBlocking, x, Number(p0.context.x[2]!) - 0x1000).error).toBe(RvosError.PeerClosed);
    exitAll(c.kernel, [p0]);
    expectBaseline(c);
  });

  it('a process handle to itself queued on its own channel when it exits: the slot is freed with the queue', async () => {
    const c = await transferCase();
    const p = c.spawn('p');
    const [a, b] = chanCreate(c.kernel, p);
    const self = giveProcessHandle(c.kernel, p.pid, p.pid);
    const [s] = okValues(call(c.kernel, p, Syscall.ShmCreate, PAGE));
    expect(sendCaps(c.kernel, p, a, [self, self, s!, b])).toBe(0);
    expect(call(c.kernel, p, Syscall.Exit, 0).error).toBe(-2);
    expect(c.kernel.processes.get(p.pid)).toBeUndefined();
    expectBaseline(c);
  });

  it('a process handle whose process exits while the cap is queued: the zombie stays until the cap is received and closed', async () => {
    const c = await transferCase();
    const [p0, p1, p2] = [c.spawn('p0'), c.spawn('p1'), c.spawn('target')];
    const [x, y] = chanCreate(c.kernel, p0);
    const y1 = moveHandle(p0, y, p1);
    const ph = giveProcessHandle(c.kernel, p0.pid, p2.pid);
    expect(sendCaps(c.kernel, p0, x, [ph, ph])).toBe(0);
    okValues(call(c.kernel, p0, Syscall.HandleClose, ph));
    expect(call(c.kernel, p2, Syscall.Exit, 6).error).toBe(-2);
    expect(c.kernel.processes.get(p2.pid)?.refs).toBe(2);
    const got = mustRecv(c.kernel, p1, y1);
    expect(call(c.kernel, p1, Syscall.ProcWait, got.caps[1]!)).toEqual({ error: 0, values: [6] });
    expect(call(c.kernel, p1, Syscall.ProcKill, got.caps[0]!).error).toBe(0);
    exitAll(c.kernel, [p0, p1]);
    expectBaseline(c);
  });
});
