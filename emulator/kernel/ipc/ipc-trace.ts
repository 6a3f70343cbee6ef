// IpcTrace: a bounded ring of the most recent message sends and the
// capabilities they carried, for introspection (K4's snapshot reads it).
// Plain data: an array of plain event records (reused once the ring is full)
// and a write index.

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
  /** The ring: plain event records, overwritten in place once it is full (no allocation per send). */
  private readonly ring: { time: number; fromPid: number; toEndpoint: number; tag: number | undefined; caps: readonly Cap[] }[] = [];
  private next = 0;
  /** Events recorded since boot (including those the ring has dropped). */
  total = 0;

  constructor(capacity = IPC_TRACE_CAPACITY) {
    this.capacity = capacity;
  }

  /** Records one send (the fields of IpcEvent), overwriting the oldest when the ring is full. */
  record(time: number, fromPid: number, toEndpoint: number, tag: number | undefined, caps: readonly Cap[]): void {
    const slot = this.ring[this.next];
    if (slot === undefined) {
      this.ring.push({ time, fromPid, toEndpoint, tag, caps });
    } else {
      slot.time = time;
      slot.fromPid = fromPid;
      slot.toEndpoint = toEndpoint;
      slot.tag = tag;
      slot.caps = caps;
    }
    this.next = (this.next + 1) % this.capacity;
    this.total++;
  }

  /** Copies of the events still in the ring, oldest first (the ring's records are reused). */
  recent(): IpcEvent[] {
    const ordered = this.ring.length < this.capacity ? this.ring : [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)];
    return ordered.map((e) => ({ time: e.time, fromPid: e.fromPid, toEndpoint: e.toEndpoint, tag: e.tag, caps: e.caps }));
  }
}
