// IpcTrace: a bounded ring of the most recent message sends and the
// capabilities they carried, for introspection (K4's snapshot reads it).
// Plain data: an array of plain event objects and a write index.

import type { Cap } from './message.ts';

export interface IpcEvent {
  /** Virtual time of the send, in ticks. */
  readonly time: number;
  /** Sender pid (0 = a kernel service). */
  readonly fromPid: number;
  /** The endpoint whose queue received the message. */
  readonly toEndpoint: number;
  /** The first two data bytes as a little-endian u16 (the wire tag); undefined for a shorter message. */
  readonly tag: number | undefined;
  /** Capabilities transferred with the message. */
  readonly caps: readonly Cap[];
}

/** Events kept by default. */
export const IPC_TRACE_CAPACITY = 256;

export class IpcTrace {
  readonly capacity: number;
  private readonly ring: IpcEvent[] = [];
  private next = 0;
  /** Events recorded since boot (including those the ring has dropped). */
  total = 0;

  constructor(capacity = IPC_TRACE_CAPACITY) {
    this.capacity = capacity;
  }

  /** Records one event, overwriting the oldest when the ring is full. */
  record(event: IpcEvent): void {
    if (this.ring.length < this.capacity) this.ring.push(event);
    else this.ring[this.next] = event;
    this.next = (this.next + 1) % this.capacity;
    this.total++;
  }

  /** The events still in the ring, oldest first. */
  recent(): IpcEvent[] {
    if (this.ring.length < this.capacity) return this.ring.slice();
    return [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)];
  }
}
