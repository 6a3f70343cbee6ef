// The kernel-side message: what a channel queue holds. Plain data: the sender's
// pid (0 = a kernel service), the payload bytes and the capabilities it carries
// as (kind, object id, rights). Each cap in a QUEUED message holds one
// reference on its object (taken by channel-send.ts, the one send path).

import type { HandleKindCode } from '../abi/handles.ts';
import { MSG_CAPS_MAX, MSG_DATA_MAX } from '../abi/message.ts';

/** A capability in flight: an object reference with the rights the receiver's handle will get. */
export interface Cap {
  readonly kind: HandleKindCode;
  readonly id: number;
  readonly rights: number;
}

export interface Message {
  /** pid of the sending process; 0 for a kernel service. */
  readonly sender: number;
  /** Payload, at most MSG_DATA_MAX bytes. Owned by the message once sent (never mutated afterwards). */
  readonly data: Uint8Array;
  /** At most MSG_CAPS_MAX capabilities. */
  readonly caps: readonly Cap[];
}

/** The caps of a message without caps (shared: a message's caps are never mutated). */
export const NO_CAPS: readonly Cap[] = Object.freeze([]);

/** True when a message of `dataLength` bytes and `capCount` caps fits the ABI limits (data <= MSG_DATA_MAX bytes, caps <= MSG_CAPS_MAX). */
export function messageFits(dataLength: number, capCount: number): boolean {
  return dataLength <= MSG_DATA_MAX && capCount <= MSG_CAPS_MAX;
}

/** The first two data bytes as a little-endian u16 (the wire tag), or undefined when the message is shorter. */
export function messageTag(data: Uint8Array): number | undefined {
  return data.length >= 2 ? data[0]! | (data[1]! << 8) : undefined;
}
