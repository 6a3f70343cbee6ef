// The combined IPC syscalls (seL4 style): chan_call (send a request, then wait
// for the reply on the same endpoint) and chan_reply_recv (send a reply, then
// wait for the next request), so a client/server round trip is two syscalls.
// Each is its send (the same code as chan_send_blocking) followed by its
// receive (chan_recv_blocking); once the send is done the caller's saved a7
// (and a0) become chan_recv_blocking(handle, buffer), so a blocked call
// restarts as the plain receive, never as a second send. Direct handoff: a
// receiver blocked in chan_recv_blocking gets the message at once (its ecall
// completes in this call, no restart) and runs next when the caller blocks.

import { RvosError, type RvosErrorCode } from '../abi/errors.ts';
import { HandleKind, Right } from '../abi/handles.ts';
import { fail } from '../core/result.ts';
import { Syscall } from '../abi/syscall-numbers.ts';
import type { KernelContext } from '../context/kernel-context.ts';
import type { HandleEntry } from '../ipc/handle-table.ts';
import { ProcState, type Process } from '../proc/process.ts';
import type { TrapContext } from '../proc/trap-context.ts';
import { blockReceiving, receiveInto, sendFromArgs } from './chan.ts';
import { blockedReceiverOn, trySendDirect } from './ipc-direct.ts';
import { writeSyscallReturn } from './syscall-return.ts';
import { argNumber, registerNumber, returnError, type SyscallArgs, type SyscallHandler, type SyscallOutcome } from './syscall-types.ts';

const A0 = 10;
const A1 = 11;
const A7 = 17;

/** Turns the pending ecall of `context` into chan_recv_blocking (a0 = handle, a1 = buffer stay as they are). */
function becomeReceive(context: TrapContext): void {
  context.xw[2 * A7] = Syscall.ChanRecvBlocking;
  context.xw[2 * A7 + 1] = 0;
}

/** True when a send outcome means "sent" (anything else is returned to the caller as it is). */
function sent(outcome: SyscallOutcome): boolean {
  return outcome.kind === 'return' && outcome.error === 0;
}

/** True when a receive of `caller` at endpoint `ep` into `va` would block (nothing queued, the peer alive, the buffer given). */
function nothingToReceive(k: KernelContext, caller: Process, ep: number, va: number | undefined): boolean {
  const endpoint = k.channels.live(ep);
  return va !== undefined && caller.space !== undefined && endpoint.queue.length === 0 && k.channels.endpoint(endpoint.peer) !== undefined;
}

/**
 * Direct handoff: completes the receive of `receiver` (woken by the caller's send) now, exactly as its
 * restarted ecall would: the message goes straight from the queue into its buffer and a0 gets the result.
 */
function completeReceive(k: KernelContext, receiver: Process): void {
  if (receiver.state !== ProcState.Runnable || !receiver.restartEcall) return;
  const xw = receiver.context.xw;
  const outcome = receiveInto(k, receiver, registerNumber(xw, A0), registerNumber(xw, A1), true);
  if (outcome.kind !== 'return') return; // blocked again: it stays a waiter with its ecall to restart
  receiver.restartEcall = false;
  receiver.timeout = undefined;
  writeSyscallReturn(receiver.context, outcome.error, outcome.values ?? []);
}

/**
 * The shared body: sends (the handle in a0, the message at a2), hands the message to a blocked
 * receiver, then receives on the handle in argument `recvArg` into a1. Before the receive the saved
 * ecall becomes chan_recv_blocking(that handle, a1), for a restart. When the caller blocks, the
 * receiver runs next.
 */
function sendThenReceive(k: KernelContext, caller: Process, args: SyscallArgs, recvArg: 0 | 3): SyscallOutcome {
  const recvHandle = argNumber(args, recvArg);
  // The receive handle is checked first, so a call that cannot receive sends nothing.
  const receivable = channelEntry(caller, recvHandle, Right.Read);
  if (receivable === undefined) return returnError(lookupError(caller, recvHandle, Right.Read));
  const sendHandle = recvArg === 0 ? recvHandle : argNumber(args, 0);
  const from = channelEntry(caller, sendHandle, Right.Write)?.objectId;
  const receiver = from === undefined ? undefined : blockedReceiverOn(k, k.channels.live(from).peer);
  if (from === undefined || receiver === undefined || !trySendDirect(k, caller, from, argNumber(args, 2), receiver)) {
    const send = sendFromArgs(k, caller, args, 0, 2, true);
    if (!sent(send)) return send;
    if (receiver !== undefined) completeReceive(k, receiver);
  }
  const x = caller.context.xw;
  x[2 * A0] = x[2 * (A0 + recvArg)]!;
  x[2 * A0 + 1] = x[2 * (A0 + recvArg) + 1]!;
  becomeReceive(caller.context);
  const outcome = nothingToReceive(k, caller, receivable.objectId, argNumber(args, 1))
    ? blockReceiving(k, caller, receivable.objectId) // what receiveInto would do, without its lookups
    : receiveInto(k, caller, recvHandle, argNumber(args, 1), true);
  if (outcome.kind === 'block' && receiver?.state === ProcState.Runnable) k.scheduler.runNext(receiver);
  return outcome;
}

/** The channel handle entry `handle` of `caller` when it has `right` (no result object: the hot path), else undefined. */
function channelEntry(caller: Process, handle: number | undefined, right: number): HandleEntry | undefined {
  const entry = caller.handles?.get(handle);
  return entry !== undefined && entry.kind === HandleKind.Channel && (entry.rights & right) === right ? entry : undefined;
}

/** The error of looking up channel `handle` with `right` in `caller`'s table (after channelEntry said no). */
function lookupError(caller: Process, handle: number | undefined, right: number): RvosErrorCode {
  const entry = caller.handles?.lookup(handle, HandleKind.Channel, right) ?? fail(RvosError.BadHandle);
  return entry.ok ? RvosError.BadHandle : entry.error;
}

/**
 * chan_call(a0 = handle, a1 = reply buffer, a2 = request): the request goes out like chan_send_blocking
 * (a full queue blocks the caller and the whole call restarts later), then the caller receives on
 * the same handle like chan_recv_blocking. Errors: those of the send (nothing sent), then those of
 * the receive (the request was sent).
 */
function sysChanCall(k: KernelContext, caller: Process, args: SyscallArgs): SyscallOutcome {
  return sendThenReceive(k, caller, args, 0);
}

/**
 * chan_reply_recv(a0 = reply handle, a1 = receive buffer, a2 = reply, a3 = receive handle): the reply
 * goes out like chan_send_blocking on a0, then the caller receives on a3 into a1. A failed reply is
 * returned (nothing received).
 */
function sysChanReplyRecv(k: KernelContext, caller: Process, args: SyscallArgs): SyscallOutcome {
  return sendThenReceive(k, caller, args, 3);
}

/** The combined channel syscalls by number (dispatch.ts adds them to the table). */
export const chanCallSyscalls: Readonly<Record<number, SyscallHandler>> = {
  [Syscall.ChanCall]: sysChanCall,
  [Syscall.ChanReplyRecv]: sysChanReplyRecv,
};
