// Receiving: the oldest message of an endpoint leaves its queue only when the
// receiver has taken it completely. A process receives caps as new handles
// (free slots checked before anything changes, every install rolled back on a
// failure, the message left queued); a kernel service receives them as object
// references it owns (received-message.ts wraps them for RAII).

import { RvosError, type RvosErrorCode } from '../abi/errors.ts';
import { fail, ok, type KResult } from '../core/result.ts';
import type { IpcContext } from './channel-send.ts';
import type { HandleTable } from './handle-table.ts';
import type { Message } from './message.ts';

/** The oldest message queued on live endpoint `id`; WouldBlock when empty, PeerClosed when empty and the peer is gone. */
export function peekMessage(ipc: IpcContext, id: number): KResult<Message> {
  const msg = ipc.channels.live(id).queue[0];
  if (msg !== undefined) return ok(msg);
  return fail(ipc.channels.peerClosed(id) ? RvosError.PeerClosed : RvosError.WouldBlock);
}

/**
 * Dequeues the oldest message of live endpoint `id` for a kernel service: the references of its caps
 * now belong to the caller (release or keep each). WouldBlock / PeerClosed as peekMessage.
 */
export function recvOwned(ipc: IpcContext, id: number): KResult<Message> {
  const head = peekMessage(ipc, id);
  return head.ok ? ok(ipc.channels.dequeue(id)) : head;
}

export interface ReceivedIntoHandles {
  readonly message: Message;
  /** The receiver's new handle for each cap, in order. */
  readonly handles: readonly number[];
}

/**
 * Receives the oldest message of live endpoint `id` into a process: installs each cap as a new handle
 * of `table` (the handle takes over the message's reference), then calls `deliver` (which writes the
 * message to user memory). Only when both succeed is the message dequeued. Errors, with the message
 * still queued and the table unchanged: WouldBlock / PeerClosed as peekMessage, TooManyHandles when
 * the table lacks a slot per cap, or the error `deliver` returned.
 */
export function recvIntoHandles(
  ipc: IpcContext, id: number, table: HandleTable,
  deliver: (msg: Message, handles: readonly number[]) => KResult<void>,
): KResult<ReceivedIntoHandles> {
  const head = peekMessage(ipc, id);
  if (!head.ok) return head;
  const msg = head.value;
  if (table.freeCount < msg.caps.length) return fail(RvosError.TooManyHandles);
  const handles = installCaps(msg, table);
  if (!handles.ok) return handles;
  const delivered = deliver(msg, handles.value);
  if (!delivered.ok) return rollback(table, handles.value, delivered.error);
  ipc.channels.dequeue(id);
  return ok({ message: msg, handles: handles.value });
}

/** installCaps' result for a message without caps (shared: results are never mutated). */
const NO_HANDLES_RESULT: KResult<readonly number[]> = Object.freeze(ok(Object.freeze([])));

/** Installs each cap of `msg` as a new handle of `table`; on a failure removes those installed and returns the error. */
function installCaps(msg: Message, table: HandleTable): KResult<readonly number[]> {
  if (msg.caps.length === 0) return NO_HANDLES_RESULT; // the common case: no allocation
  const handles: number[] = [];
  for (const cap of msg.caps) {
    const h = table.install({ kind: cap.kind, objectId: cap.id, rights: cap.rights });
    if (!h.ok) return rollback(table, handles, h.error);
    handles.push(h.value);
  }
  return ok(handles);
}

/** Removes the handles a failed receive installed, newest first so the free list is as before (their references stay with the queued message). */
function rollback(table: HandleTable, handles: readonly number[], error: RvosErrorCode): KResult<never> {
  for (let i = handles.length - 1; i >= 0; i--) table.remove(handles[i]);
  return fail(error);
}
