// THE one send path: every message, from a syscall or from a kernel service,
// enters a queue here. It validates first (size, peer alive, room), then takes
// one reference on every cap the message carries (the only place a send takes
// references), enqueues at the peer, wakes its receivers and records the send
// in the IPC trace. A failed send takes nothing.

import { RvosError } from '../abi/errors.ts';
import { fail, ok, type KResult } from '../core/result.ts';
import type { ChannelTable } from './channel-table.ts';
import { messageFits, messageTag, type Message } from './message.ts';
import type { ObjectRefs } from './object-refs.ts';

/** What IPC needs of the kernel (KernelContext provides it). */
export interface IpcContext {
  readonly channels: ChannelTable;
  readonly objects: ObjectRefs;
  /** Virtual time in ticks. */
  now(): number;
}

/**
 * Sends `msg` on live endpoint `from` (to the queue of its peer). The caps are COPIED: the caller
 * keeps its own references and the queued message takes new ones. Errors (nothing changed):
 * MessageTooLarge, PeerClosed (the peer is gone), QueueFull (the peer's queue is at limits.queueDepth).
 */
export function sendMessage(ipc: IpcContext, from: number, msg: Message): KResult<void> {
  if (!messageFits(msg.data, msg.caps.length)) return fail(RvosError.MessageTooLarge);
  const to = ipc.channels.live(from).peer;
  if (ipc.channels.endpoint(to) === undefined) return fail(RvosError.PeerClosed);
  if (!ipc.channels.hasRoom(to)) return fail(RvosError.QueueFull);
  const caps = msg.caps.map((c) => ({ kind: c.kind, id: c.id, rights: c.rights }));
  for (const cap of caps) ipc.objects.retain(cap.kind, cap.id);
  ipc.channels.enqueue(to, { sender: msg.sender, data: msg.data, caps });
  ipc.channels.trace.record({ time: ipc.now(), fromPid: msg.sender, toEndpoint: to, tag: messageTag(msg.data), caps });
  return ok(undefined);
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
