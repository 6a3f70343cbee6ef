// Syscall handlers of the channel and handle group: chan_create, chan_send,
// chan_recv (and their blocking variants), wait_many, handle_close and
// handle_dup. Handlers read arguments, look up handles with the rights they
// need, move messages between user memory (mm/user-memory.ts, the one
// accessor) and the ipc/ layer, and turn KResults into outcomes.

import { RvosError } from '../abi/errors.ts';
import { DEFAULT_RIGHTS, HandleKind, Right } from '../abi/handles.ts';
import { MSG_CAPS_MAX, MSG_DATA_MAX, MsgLayout } from '../abi/message.ts';
import { Syscall } from '../abi/syscall-numbers.ts';
import { recvIntoHandles } from '../ipc/channel-recv.ts';
import { sendMessage, sendOrWait } from '../ipc/channel-send.ts';
import type { HandleTable } from '../ipc/handle-table.ts';
import { NO_CAPS, type Cap, type Message } from '../ipc/message.ts';
import { readyIndex, watchEndpoints } from '../ipc/wait-many.ts';
import type { KernelContext } from '../context/kernel-context.ts';
import type { UserMemory } from '../mm/user-memory.ts';
import type { Process } from '../proc/process.ts';
import { userMemory } from '../lifecycle/user-access.ts';
import { fail, ok, type KResult } from '../core/result.ts';
import { blockUntil, ticksFromNs } from './deadline.ts';
import { argNumber, returnError, returnOk, type SyscallArgs, type SyscallHandler, type SyscallOutcome } from './syscall-types.ts';

const U64_MAX = (1n << 64n) - 1n;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** The largest high u32 half of a value <= Number.MAX_SAFE_INTEGER. */
const MAX_SAFE_HIGH = 0x1f_ffff;

/** The little-endian u32 at `at` of `bytes` (no DataView: the trap path avoids allocations). */
function getU32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

/** Stores `value`'s low 32 bits little-endian at `at` of `bytes`. */
function putU32(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value & 0xff;
  bytes[at + 1] = (value >>> 8) & 0xff;
  bytes[at + 2] = (value >>> 16) & 0xff;
  bytes[at + 3] = (value >>> 24) & 0xff;
}

/** A syscall's view of the caller: its handle table and user memory (BadHandle / BadAddress when it has none). */
export interface Caller {
  readonly handles: HandleTable;
  readonly memory: UserMemory;
}

/** The caller's handle table and user memory; BadHandle / BadAddress when it has none (a service, or exited). */
export function callerOf(k: KernelContext, p: Process): KResult<Caller> {
  if (p.handles === undefined) return fail(RvosError.BadHandle);
  const memory = userMemory(k, p);
  return memory === undefined ? fail(RvosError.BadAddress) : ok({ handles: p.handles, memory });
}

/** The endpoint id named by handle argument `i` of the caller, which needs `rights`. */
export function endpointArg(c: Caller, args: SyscallArgs, i: number, rights: number): KResult<number> {
  const entry = c.handles.lookup(argNumber(args, i), HandleKind.Channel, rights);
  return entry.ok ? ok(entry.value.objectId) : entry;
}

function sysChanCreate(k: KernelContext, caller: Process): SyscallOutcome {
  const table = caller.handles;
  if (table === undefined) return returnError(RvosError.BadHandle);
  const pair = k.channels.create();
  if (!pair.ok) return returnError(pair.error);
  const [a, b] = pair.value;
  const rights = DEFAULT_RIGHTS[HandleKind.Channel];
  const ha = table.install({ kind: HandleKind.Channel, objectId: a, rights });
  const hb = ha.ok ? table.install({ kind: HandleKind.Channel, objectId: b, rights }) : ha;
  if (ha.ok && hb.ok) return returnOk(ha.value, hb.value);
  // Rollback (the seed's SYS_CHAN_CREATE leak): the installed handle goes, both endpoints close.
  if (ha.ok) table.remove(ha.value);
  k.objects.release(HandleKind.Channel, a);
  k.objects.release(HandleKind.Channel, b);
  return returnError(hb.ok ? RvosError.TooManyHandles : hb.error);
}

/** Reads struct rvos_msg at `va` from the caller: its data and its caps (each handle needs Transfer). */
export function readMessage(c: Caller, sender: number, va: number | undefined): KResult<Message> {
  if (va === undefined) return fail(RvosError.BadAddress);
  const header = c.memory.read(va, MsgLayout.data);
  if (!header.ok) return header;
  const bytes = header.value;
  const len = getU32(bytes, MsgLayout.len);
  const ncaps = getU32(bytes, MsgLayout.ncaps);
  if (len > MSG_DATA_MAX || ncaps > MSG_CAPS_MAX) return fail(RvosError.MessageTooLarge);
  const data = c.memory.read(va + MsgLayout.data, len);
  if (!data.ok) return data;
  if (ncaps === 0) return ok({ sender, data: data.value, caps: NO_CAPS });
  const caps: Cap[] = [];
  for (let i = 0; i < ncaps; i++) {
    const at = MsgLayout.caps + 8 * i;
    const high = getU32(bytes, at + 4);
    const entry = c.handles.lookup(high <= MAX_SAFE_HIGH ? high * 0x1_0000_0000 + getU32(bytes, at) : undefined, undefined, Right.Transfer);
    if (!entry.ok) return entry;
    caps.push({ kind: entry.value.kind, id: entry.value.objectId, rights: entry.value.rights });
  }
  return ok({ sender, data: data.value, caps });
}

/**
 * The send of chan_send, chan_send_blocking, chan_call and chan_reply_recv: the message at argument
 * `msgArg` on the handle at argument `handleArg`. QueueFull either fails or blocks the caller until the
 * queue has room (the ecall is then restarted from scratch: nothing was sent).
 */
export function sendFromArgs(k: KernelContext, caller: Process, args: SyscallArgs, handleArg: number, msgArg: number, blocking: boolean): SyscallOutcome {
  const c = callerOf(k, caller);
  if (!c.ok) return returnError(c.error);
  const from = endpointArg(c.value, args, handleArg, Right.Write);
  if (!from.ok) return returnError(from.error);
  const msg = readMessage(c.value, caller.pid, argNumber(args, msgArg));
  if (!msg.ok) return returnError(msg.error);
  if (!blocking) {
    const sent = sendMessage(k, from.value, msg.value);
    return sent.ok ? returnOk() : returnError(sent.error);
  }
  const sent = sendOrWait(k, from.value, msg.value, caller.pid);
  if (!sent.ok) return returnError(sent.error);
  if (sent.value === 'sent') return returnOk();
  k.scheduler.block(caller, { kind: 'send', endpoint: k.channels.live(from.value).peer });
  return { kind: 'block' };
}

/** Scratch space for encodeReceived (no allocation per message; its contents never outlive one receive). */
const received = new Uint8Array(MsgLayout.size);

/** The bytes of struct rvos_msg up to the end of the data: header, the receiver's handles, the data (a view of a shared scratch buffer: write it out at once). */
function encodeReceived(msg: Message, handles: readonly number[]): Uint8Array {
  const out = received.subarray(0, MsgLayout.data + msg.data.length);
  out.fill(0, 0, MsgLayout.data);
  putU32(out, MsgLayout.len, msg.data.length);
  putU32(out, MsgLayout.ncaps, handles.length);
  putU32(out, MsgLayout.sender, msg.sender);
  for (let i = 0; i < handles.length; i++) putU32(out, MsgLayout.caps + 8 * i, handles[i]!); // handles are small: the high half stays 0
  out.set(msg.data, MsgLayout.data);
  return out;
}

/** chan_recv and chan_recv_blocking (a0 = handle, a1 = buffer): WouldBlock either fails or blocks the caller until a message (or PeerClosed). */
function chanRecv(k: KernelContext, caller: Process, args: SyscallArgs, blocking: boolean): SyscallOutcome {
  return receiveInto(k, caller, argNumber(args, 0), argNumber(args, 1), blocking);
}

/**
 * The receive of chan_recv, chan_recv_blocking, chan_call and chan_reply_recv: the oldest message of
 * the channel `handle` (needs Read) into struct rvos_msg at `va`. WouldBlock either fails or blocks the
 * caller (its ecall, then chan_recv_blocking(handle, va), is restarted when a message or PeerClosed comes).
 */
export function receiveInto(k: KernelContext, caller: Process, handle: number | undefined, va: number | undefined, blocking: boolean): SyscallOutcome {
  const c = callerOf(k, caller);
  if (!c.ok) return returnError(c.error);
  const entry = c.value.handles.lookup(handle, HandleKind.Channel, Right.Read);
  if (!entry.ok) return returnError(entry.error);
  const ep = entry.value.objectId;
  if (va === undefined) return returnError(RvosError.BadAddress);
  const got = recvIntoHandles(k, ep, c.value.handles, (msg, handles) => c.value.memory.write(va, encodeReceived(msg, handles)));
  if (got.ok) return returnOk();
  if (got.error !== RvosError.WouldBlock || !blocking) return returnError(got.error);
  return blockReceiving(k, caller, ep);
}

/** The outcome of a blocked call (shared: outcomes are never mutated). */
const BLOCKED: SyscallOutcome = Object.freeze({ kind: 'block' });

/** Blocks `caller` until a message arrives at endpoint `ep` or its peer goes (its ecall is then restarted). */
export function blockReceiving(k: KernelContext, caller: Process, ep: number): SyscallOutcome {
  const endpoints = [ep];
  watchEndpoints(k, endpoints, caller.pid);
  k.scheduler.block(caller, { kind: 'recv', endpoints });
  return BLOCKED;
}


/** The endpoints named by the u64 handle array of wait_many (each needs Read). */
function waitManyEndpoints(c: Caller, va: number | undefined, count: number | undefined): KResult<number[]> {
  if (count === undefined || count === 0 || count > c.handles.capacity) return fail(RvosError.InvalidArgument);
  if (va === undefined) return fail(RvosError.BadAddress);
  const bytes = c.memory.read(va, 8 * count);
  if (!bytes.ok) return bytes;
  const view = new DataView(bytes.value.buffer);
  const endpoints: number[] = [];
  for (let i = 0; i < count; i++) {
    const raw = view.getBigUint64(8 * i, true);
    const entry = c.handles.lookup(raw <= MAX_SAFE ? Number(raw) : undefined, HandleKind.Channel, Right.Read);
    if (!entry.ok) return entry;
    endpoints.push(entry.value.objectId);
  }
  return ok(endpoints);
}

/** wait_many(handles, count, timeout_ns): a1 = index of a readable or peer-closed endpoint; TimedOut; UINT64_MAX = no timeout. */
function sysWaitMany(k: KernelContext, caller: Process, args: SyscallArgs): SyscallOutcome {
  const c = callerOf(k, caller);
  if (!c.ok) return returnError(c.error);
  const endpoints = waitManyEndpoints(c.value, argNumber(args, 0), argNumber(args, 1));
  if (!endpoints.ok) return returnError(endpoints.error);
  const ready = readyIndex(k, endpoints.value);
  if (ready !== undefined) return returnOk(ready);
  const reason = { kind: 'recv', endpoints: endpoints.value } as const;
  if (args.raw[2] === U64_MAX) {
    k.scheduler.block(caller, reason);
  } else {
    const deadline = caller.timeout ?? k.now() + ticksFromNs(args.raw[2]);
    if (blockUntil(k, caller, deadline, reason) === undefined) return returnError(RvosError.TimedOut);
  }
  watchEndpoints(k, endpoints.value, caller.pid);
  return { kind: 'block' };
}

function sysHandleClose(k: KernelContext, caller: Process, args: SyscallArgs): SyscallOutcome {
  const removed = caller.handles?.remove(argNumber(args, 0)) ?? fail(RvosError.BadHandle);
  if (!removed.ok) return returnError(removed.error);
  k.objects.release(removed.value.kind, removed.value.objectId);
  return returnOk();
}

/** handle_dup(handle, rights): needs Transfer; rights must be a subset of the handle's (InvalidArgument otherwise). */
function sysHandleDup(k: KernelContext, caller: Process, args: SyscallArgs): SyscallOutcome {
  const table = caller.handles;
  if (table === undefined) return returnError(RvosError.BadHandle);
  const entry = table.lookup(argNumber(args, 0), undefined, Right.Transfer);
  if (!entry.ok) return returnError(entry.error);
  const { kind, objectId, rights: held } = entry.value;
  const rights = args.raw[1];
  if ((rights & ~BigInt(held)) !== 0n) return returnError(RvosError.InvalidArgument);
  const dup = table.install({ kind, objectId, rights: Number(rights) });
  if (!dup.ok) return returnError(dup.error);
  k.objects.retain(kind, objectId); // the new handle's reference
  return returnOk(dup.value);
}

/** The channel group's handlers by syscall number. */
export const chanSyscalls: Readonly<Record<number, SyscallHandler>> = {
  [Syscall.ChanCreate]: sysChanCreate,
  [Syscall.ChanSend]: (k, caller, args) => sendFromArgs(k, caller, args, 0, 1, false),
  [Syscall.ChanSendBlocking]: (k, caller, args) => sendFromArgs(k, caller, args, 0, 1, true),
  [Syscall.ChanRecv]: (k, caller, args) => chanRecv(k, caller, args, false),
  [Syscall.ChanRecvBlocking]: (k, caller, args) => chanRecv(k, caller, args, true),
  [Syscall.WaitMany]: sysWaitMany,
  [Syscall.HandleClose]: sysHandleClose,
  [Syscall.HandleDup]: sysHandleDup,
};
