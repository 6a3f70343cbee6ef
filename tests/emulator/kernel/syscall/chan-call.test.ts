// chan_call and chan_reply_recv through the real trap path (registers in the
// saved context, handleTrap): the send then the receive, the restart as
// chan_recv_blocking, the direct handoff to a receiver blocked in
// chan_recv_blocking (its ecall completes without a restart and it runs next),
// and the general path when the fast path does not apply (caps, a bad buffer).

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { Right } from '../../../../emulator/kernel/abi/handles.ts';
import { MsgLayout } from '../../../../emulator/kernel/abi/message.ts';
import { Syscall } from '../../../../emulator/kernel/abi/syscall-numbers.ts';
import { checkInvariants } from '../../../../emulator/kernel/introspection/invariants.ts';
import { ProcState, type Process } from '../../../../emulator/kernel/proc/process.ts';
import type { Kernel } from '../../../../emulator/kernel/system/kernel.ts';
import { CAUSE_ECALL_FROM_U, handleTrap } from '../../../../emulator/kernel/trap/trap-handler.ts';
import { chanKit, MSG2_AT, MSG_AT, readMsg, stackAddr, sys, values, writeMsg } from './chan-syscall-kit.ts';

/** p1 and p2 share a channel: p1 holds end a, p2 holds end b (its handle 1). */
async function connected() {
  const kit = await chanKit(3);
  const { kernel, procs: [p1, p2, p3] } = kit;
  const [a, b] = values(sys(kernel, p1!, Syscall.ChanCreate));
  const entry = p1!.handles!.remove(b);
  if (!entry.ok) throw new Error('remove');
  expect(p2!.handles!.install(entry.value)).toEqual({ ok: true, value: 1 });
  return { kernel, p1: p1!, p2: p2!, p3: p3!, a: a!, b: 1 };
}

/** Makes syscall `number` as `p` the way the hart does: a0.. and a7 in its saved context, then handleTrap. */
function ecall(kernel: Kernel, p: Process, number: number, ...args: number[]): void {
  args.forEach((v, i) => { p.context.x[10 + i] = BigInt(v); });
  p.context.x[17] = BigInt(number);
  handleTrap(kernel, p, CAUSE_ECALL_FROM_U, 0n);
}

/** Restarts `p`'s blocked ecall, as the run loop does for a woken task. */
function restart(kernel: Kernel, p: Process): void {
  handleTrap(kernel, p, CAUSE_ECALL_FROM_U, 0n);
}

const a0 = (p: Process) => Number(BigInt.asIntN(64, p.context.x[10]!));
const a7 = (p: Process) => Number(p.context.x[17]!);

describe('chan_call', () => {
  it('sends the request, blocks, restarts as chan_recv_blocking and gets the reply', async () => {
    const { kernel, p1, p2, a, b } = await connected();
    writeMsg(kernel, p1, stackAddr(p1, MSG_AT), [0x01, 0x02]);
    const pc = p1.context.pc;
    const syscalls = p1.syscalls;
    ecall(kernel, p1, Syscall.ChanCall, a, stackAddr(p1, MSG2_AT), stackAddr(p1, MSG_AT));
    expect(p1.state).toBe(ProcState.Blocked);
    expect(p1.restartEcall).toBe(true);
    expect(a7(p1)).toBe(Syscall.ChanRecvBlocking);
    expect(p1.context.pc).toBe(pc);
    values(sys(kernel, p2, Syscall.ChanRecv, b, stackAddr(p2, MSG_AT)));
    expect(readMsg(kernel, p2, stackAddr(p2, MSG_AT))).toMatchObject({ len: 2, data: [1, 2], sender: p1.pid });
    writeMsg(kernel, p2, stackAddr(p2, MSG_AT), [0x09]);
    values(sys(kernel, p2, Syscall.ChanSend, b, stackAddr(p2, MSG_AT)));
    expect(p1.state).toBe(ProcState.Runnable);
    restart(kernel, p1);
    expect(a0(p1)).toBe(0);
    expect(p1.context.pc).toBe(pc + 4n);
    expect(readMsg(kernel, p1, stackAddr(p1, MSG2_AT))).toMatchObject({ len: 1, data: [9], sender: p2.pid });
    expect(p1.syscalls).toBe(syscalls + 2); // the call and its restart
  });

  it('hands the request straight to a receiver blocked in chan_recv_blocking, which completes and runs next', async () => {
    const { kernel, p1, p2, p3, a, b } = await connected();
    kernel.scheduler.makeRunnable(p3); // another runnable task: the handoff goes ahead of it
    ecall(kernel, p2, Syscall.ChanRecvBlocking, b, stackAddr(p2, MSG_AT));
    expect(p2.state).toBe(ProcState.Blocked);
    const pc2 = p2.context.pc;
    writeMsg(kernel, p2, stackAddr(p2, MSG_AT), [0xee, 0xee, 0xee], [5, 6], { len: 3, ncaps: 2 }); // stale bytes the receive overwrites
    writeMsg(kernel, p1, stackAddr(p1, MSG_AT), [0x34, 0x12, 0x77]);
    const traced = kernel.channels.trace.total;
    ecall(kernel, p1, Syscall.ChanCall, a, stackAddr(p1, MSG2_AT), stackAddr(p1, MSG_AT));
    expect(p2.state).toBe(ProcState.Runnable);
    expect(p2.restartEcall).toBe(false);
    expect(a0(p2)).toBe(0);
    expect(p2.context.pc).toBe(pc2 + 4n);
    expect(readMsg(kernel, p2, stackAddr(p2, MSG_AT))).toEqual({ len: 3, ncaps: 0, sender: p1.pid, caps: [], data: [0x34, 0x12, 0x77] });
    const raw = p2.space!.user(kernel.mem).read(stackAddr(p2, MSG_AT), MsgLayout.data);
    expect(raw.ok && [...raw.value.subarray(MsgLayout.reserved)].every((byte) => byte === 0)).toBe(true);
    expect(kernel.channels.live(p2.handles!.get(b)!.objectId).queue).toHaveLength(0);
    expect(kernel.channels.trace.total).toBe(traced + 1);
    expect(kernel.channels.trace.recent().at(-1)).toMatchObject({ fromPid: p1.pid, tag: 0x1234, caps: [] });
    expect(p2.syscalls).toBe(1); // its one ecall: no restart
    expect(p1.state).toBe(ProcState.Blocked);
    expect(kernel.scheduler.pickNext()).toBe(p2);
    expect(checkInvariants(kernel)).toEqual([]);
  });

  it('takes the general path for a message with caps: the receiver gets them as new handles', async () => {
    const { kernel, p1, p2, a, b } = await connected();
    const [x, y] = values(sys(kernel, p1, Syscall.ChanCreate));
    ecall(kernel, p2, Syscall.ChanRecvBlocking, b, stackAddr(p2, MSG_AT));
    writeMsg(kernel, p1, stackAddr(p1, MSG_AT), [1], [y!]);
    ecall(kernel, p1, Syscall.ChanCall, a, stackAddr(p1, MSG2_AT), stackAddr(p1, MSG_AT));
    expect(p2.restartEcall).toBe(false);
    expect(a0(p2)).toBe(0);
    const got = readMsg(kernel, p2, stackAddr(p2, MSG_AT));
    expect(got).toMatchObject({ len: 1, ncaps: 1, data: [1] });
    const endpoint = p2.handles!.get(got.caps[0]!)!.objectId;
    expect(endpoint).toBe(p1.handles!.get(y!)!.objectId);
    expect(kernel.channels.live(endpoint).refs).toBe(2); // p1's handle y and p2's new handle
    expect(x).toBeDefined();
    expect(checkInvariants(kernel)).toEqual([]);
  });

  it('gives a blocked receiver whose buffer is not writable BadAddress and leaves the message queued', async () => {
    const { kernel, p1, p2, a, b } = await connected();
    ecall(kernel, p2, Syscall.ChanRecvBlocking, b, 0x1000); // unmapped
    writeMsg(kernel, p1, stackAddr(p1, MSG_AT), [1]);
    ecall(kernel, p1, Syscall.ChanCall, a, stackAddr(p1, MSG2_AT), stackAddr(p1, MSG_AT));
    expect(a0(p2)).toBe(RvosError.BadAddress);
    expect(p2.restartEcall).toBe(false);
    expect(kernel.channels.live(p2.handles!.get(b)!.objectId).queue).toHaveLength(1);
  });

  it('fails without sending: bad handle, no Read right, bad request address, closed peer', async () => {
    const { kernel, p1, p2, a, b } = await connected();
    ecall(kernel, p1, Syscall.ChanCall, 99, stackAddr(p1, MSG2_AT), stackAddr(p1, MSG_AT));
    expect(a0(p1)).toBe(RvosError.BadHandle);
    expect(a7(p1)).toBe(Syscall.ChanCall);
    const [writeOnly] = values(sys(kernel, p1, Syscall.HandleDup, a, Right.Write | Right.Transfer));
    writeMsg(kernel, p1, stackAddr(p1, MSG_AT), [1]);
    ecall(kernel, p1, Syscall.ChanCall, writeOnly!, stackAddr(p1, MSG2_AT), stackAddr(p1, MSG_AT));
    expect(a0(p1)).toBe(RvosError.AccessDenied);
    ecall(kernel, p1, Syscall.ChanCall, a, stackAddr(p1, MSG2_AT), 8);
    expect(a0(p1)).toBe(RvosError.BadAddress);
    expect(kernel.channels.live(p2.handles!.get(b)!.objectId).queue).toHaveLength(0);
    values(sys(kernel, p2, Syscall.HandleClose, b));
    writeMsg(kernel, p1, stackAddr(p1, MSG_AT), [1]);
    ecall(kernel, p1, Syscall.ChanCall, a, stackAddr(p1, MSG2_AT), stackAddr(p1, MSG_AT));
    expect(a0(p1)).toBe(RvosError.PeerClosed);
  });
});

describe('chan_reply_recv', () => {
  it('replies on one handle, then blocks on the other; the restart receives there (a0 = receive handle)', async () => {
    const { kernel, p1, p2, a, b } = await connected();
    const [c, d] = values(sys(kernel, p2, Syscall.ChanCreate));
    writeMsg(kernel, p2, stackAddr(p2, MSG2_AT), [0x55]);
    ecall(kernel, p2, Syscall.ChanReplyRecv, b, stackAddr(p2, MSG_AT), stackAddr(p2, MSG2_AT), d!);
    expect(p2.state).toBe(ProcState.Blocked);
    expect(a0(p2)).toBe(d);
    expect(a7(p2)).toBe(Syscall.ChanRecvBlocking);
    values(sys(kernel, p1, Syscall.ChanRecv, a, stackAddr(p1, MSG_AT)));
    expect(readMsg(kernel, p1, stackAddr(p1, MSG_AT))).toMatchObject({ data: [0x55], sender: p2.pid });
    writeMsg(kernel, p2, stackAddr(p2, MSG2_AT), [0x66]);
    values(sys(kernel, p2, Syscall.ChanSend, c!, stackAddr(p2, MSG2_AT)));
    restart(kernel, p2);
    expect(a0(p2)).toBe(0);
    expect(readMsg(kernel, p2, stackAddr(p2, MSG_AT))).toMatchObject({ data: [0x66], sender: p2.pid });
  });

  it('returns a failed reply without receiving anything', async () => {
    const { kernel, p1, p2, a, b } = await connected();
    const [c, d] = values(sys(kernel, p2, Syscall.ChanCreate));
    writeMsg(kernel, p2, stackAddr(p2, MSG2_AT), [0x55]);
    values(sys(kernel, p2, Syscall.ChanSend, c!, stackAddr(p2, MSG2_AT)));
    values(sys(kernel, p1, Syscall.HandleClose, a)); // the client is gone
    ecall(kernel, p2, Syscall.ChanReplyRecv, b, stackAddr(p2, MSG_AT), stackAddr(p2, MSG2_AT), d!);
    expect(a0(p2)).toBe(RvosError.PeerClosed);
    expect(kernel.channels.live(p2.handles!.get(d!)!.objectId).queue).toHaveLength(1);
  });
});
