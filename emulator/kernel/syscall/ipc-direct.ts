// The IPC fast path of chan_call / chan_reply_recv (direct handoff): when the
// receiver is blocked in chan_recv_blocking on the destination endpoint, its
// queue is empty and the message has no caps and lies in one page (as does the
// receiver's buffer), the message is copied physical-to-physical from the
// sender's memory into the receiver's buffer (no queue, no allocation) and the
// receiver's ecall completes at once. In any other case nothing is done and the
// general path (queue, then the receiver's restarted ecall) sends: the checks
// and errors are the same (user ranges through UserMemory, ipc/channel-send.ts).

import { HandleKind, Right } from '../abi/handles.ts';
import { MSG_DATA_MAX, MsgLayout } from '../abi/message.ts';
import { Syscall } from '../abi/syscall-numbers.ts';
import type { KernelContext } from '../context/kernel-context.ts';
import { sendDirect } from '../ipc/channel-send.ts';
import { userMemory } from '../lifecycle/user-access.ts';
import { PAGE_SIZE } from '../mm/memory-layout.ts';
import { Pte } from '../mm/page-table.ts';
import { ProcState, type Process } from '../proc/process.ts';
import { writeSyscallReturn } from './syscall-return.ts';
import { registerNumber } from './syscall-types.ts';

const A0 = 10;
const A1 = 11;
const A7 = 17;
const NO_VALUES: readonly number[] = Object.freeze([]);

/** True when the saved ecall of `p` is chan_recv_blocking (a blocked receive, or a call past its send). */
export function inBlockingReceive(p: Process): boolean {
  return p.context.xw[2 * A7] === Syscall.ChanRecvBlocking && p.context.xw[2 * A7 + 1] === 0;
}

/**
 * The user task blocked in chan_recv_blocking on endpoint `to` (a receive waiter of it), which a send
 * to `to` is about to wake; undefined when there is none.
 */
export function blockedReceiverOn(k: KernelContext, to: number): Process | undefined {
  const waiters = k.channels.endpoint(to)?.recvWaiters;
  if (waiters === undefined) return undefined;
  for (const pid of waiters) {
    const p = k.processes.get(pid);
    if (p?.kind === 'user' && p.state === ProcState.Blocked && p.restartEcall && inBlockingReceive(p)) return p;
  }
  return undefined;
}

/** The physical address of the receive buffer of `receiver` (its a1) for a message of `len` bytes, when its a0 names endpoint `to` with Read. */
function receiveBuffer(k: KernelContext, receiver: Process, to: number, len: number): number | undefined {
  const xw = receiver.context.xw;
  const entry = receiver.handles?.get(registerNumber(xw, A0)); // lookup's checks, without its result object
  if (entry === undefined || entry.kind !== HandleKind.Channel || (entry.rights & Right.Read) === 0 || entry.objectId !== to) return undefined;
  const va = registerNumber(xw, A1);
  return va === undefined ? undefined : userMemory(k, receiver)?.physical(va, MsgLayout.data + len, Pte.W);
}

/**
 * Sends the message at `va` of `caller` on its endpoint `from` straight into the buffer of `receiver`
 * (blocked in chan_recv_blocking on the peer of `from`) and completes the receiver's ecall (a0 = OK,
 * it is woken). Returns false, having changed nothing, when the fast path does not apply.
 */
export function trySendDirect(k: KernelContext, caller: Process, from: number, va: number | undefined, receiver: Process): boolean {
  if (va === undefined) return false;
  const source = userMemory(k, caller);
  const header = source?.physical(va, MsgLayout.data, Pte.R);
  if (source === undefined || header === undefined) return false;
  const len = k.mem.readU32(header + MsgLayout.len);
  if (k.mem.readU32(header + MsgLayout.ncaps) !== 0 || len > MSG_DATA_MAX) return false;
  // The data must be in the header's page (already checked readable): what physical(va, data + len) would say.
  // header & (PAGE_SIZE - 1) = header % PAGE_SIZE for an address < 2^53, without a floating-point modulo.
  if ((header & (PAGE_SIZE - 1)) + MsgLayout.data + len > PAGE_SIZE) return false;
  const to = k.channels.live(from).peer;
  if (k.channels.endpoint(to)?.queue.length !== 0) return false; // FIFO: queued messages go first
  const dst = receiveBuffer(k, receiver, to, len);
  if (dst === undefined) return false;
  const tag = len >= 2 ? k.mem.readU16(header + MsgLayout.data) : undefined;
  if (!sendDirect(k, from, caller.pid, len, tag).ok) return false;
  if (len > 0) k.mem.copy(dst + MsgLayout.data, header + MsgLayout.data, len);
  // len, ncaps = 0, sender, then zeros over reserved and every caps[] slot.
  k.mem.storeWords(dst + MsgLayout.len, len, 0, caller.pid, MsgLayout.data - MsgLayout.reserved);
  completeDirect(k, receiver, to);
  return true;
}

/** The receiver's ecall returns OK now: it leaves the waiters of `to` and is woken without a restart. */
function completeDirect(k: KernelContext, receiver: Process, to: number): void {
  const waiters = k.channels.live(to).recvWaiters;
  const i = waiters.indexOf(receiver.pid);
  if (i < waiters.length - 1) waiters.copyWithin(i, i + 1); // remove it in place (splice would allocate)
  waiters.pop();
  receiver.restartEcall = false;
  receiver.timeout = undefined;
  writeSyscallReturn(receiver.context, 0, NO_VALUES);
  k.scheduler.wake(receiver.pid);
}
