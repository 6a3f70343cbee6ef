// THE one send path: every message, from a syscall or from a kernel service,
// enters a queue here. It validates first (size, peer alive, room), then takes
// one reference on every cap the message carries (the only place a send takes
// references), enqueues at the peer, wakes its receivers and records the send
// in the IPC trace. A failed send takes nothing. sendDirect is the same send
// for a cap-less message handed straight to a waiting receiver (no queue).

import { RvosError } from '../abi/errors.ts';
import { fail, ok, type KResult } from '../core/result.ts';
import type { ChannelTable } from './channel-table.ts';
import { messageFits, messageTag, NO_CAPS, type Message } from './message.ts';
import type { ObjectRefs } from './object-refs.ts';

/** What IPC needs of the kernel (KernelContext provides it). */
export interface IpcContext {
  readonly channels: ChannelTable;
  readonly objects: ObjectRefs;
  /** Virtual time in ticks. */
  now(): number;
}

/** The endpoint a message of `dataLength` bytes and `capCount` caps sent on live endpoint `from` goes to; MessageTooLarge, PeerClosed, QueueFull. */
function destination(ipc: IpcContext, from: number, dataLength: number, capCount: number): KResult<number> {
  if (!messageFits(dataLength, capCount)) return fail(RvosError.MessageTooLarge);
  const to = ipc.channels.live(from).peer;
  if (ipc.channels.endpoint(to) === undefined) return fail(RvosError.PeerClosed);
  if (!ipc.channels.hasRoom(to)) return fail(RvosError.QueueFull);
  return ok(to);
}

/**
 * Sends `msg` on live endpoint `from` (to the queue of its peer). The caps are COPIED: the caller
 * keeps its own references and the queued message takes new ones. Errors (nothing changed):
 * MessageTooLarge, PeerClosed (the peer is gone), QueueFull (the peer's queue is at limits.queueDepth).
 */
export function sendMessage(ipc: IpcContext, from: number, msg: Message): KResult<void> {
  const to = destination(ipc, from, msg.data.length, msg.caps.length);
  if (!to.ok) return to;
  const caps = msg.caps.length === 0 ? NO_CAPS : msg.caps.map((c) => ({ kind: c.kind, id: c.id, rights: c.rights }));
  for (const cap of caps) ipc.objects.retain(cap.kind, cap.id);
  ipc.channels.enqueue(to.value, { sender: msg.sender, data: msg.data, caps });
  ipc.channels.trace.record(ipc.now(), msg.sender, to.value, messageTag(msg.data), caps);
  return ok(undefined);
}

/**
 * The direct handoff of a message WITHOUT caps to a receiver already waiting on the peer of `from`
 * (its queue empty): validates like sendMessage and records the send, but queues nothing; the caller
 * then copies the `dataLength` bytes straight into the receiver's buffer. No caps, so no references.
 * Returns the destination endpoint; errors (nothing recorded) as sendMessage.
 */
export function sendDirect(ipc: IpcContext, from: number, sender: number, dataLength: number, tag: number | undefined): KResult<number> {
  const to = destination(ipc, from, dataLength, 0);
  if (to.ok) ipc.channels.trace.record(ipc.now(), sender, to.value, tag, NO_CAPS);
  return to;
}

/**
 * The blocking policy: sends like sendMessage, but when the peer's queue is full registers `pid` to be
 * woken when it has room and returns 'wait' (nothing sent; the caller retries when woken). Other
 * errors as sendMessage.
 */
export function sendOrWait(ipc: IpcContext, from: number, msg: Message, pid: number): KResult<'sent' | 'wait'> {
  const sent = sendMessage(ipc, from, msg);
  if (sent.ok) return ok('sent');
  if (sent.error !== RvosError.QueueFull) return sent;
  ipc.channels.addSendWaiter(ipc.channels.live(from).peer, pid);
  return ok('wait');
}
