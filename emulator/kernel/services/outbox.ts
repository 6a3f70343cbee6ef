// Outbox: the blocking-send policy of kernel services. A service never drops
// a reply: when the receiver's queue is full the message waits here (holding
// its own references to the endpoint it goes out on and to every cap it
// carries) and the service is woken when the queue has room. Messages on one
// endpoint leave in the order they were posted.

import { RvosError } from '../abi/errors.ts';
import type { KernelContext } from '../context/kernel-context.ts';
import type { Cap } from '../ipc/message.ts';
import { OwnedEndpoint } from '../ipc/owned-endpoint.ts';
import { fail, ok, type KResult } from '../core/result.ts';

interface OutboxEntry {
  /** A reference of the outbox's own to the endpoint the message goes out on. */
  readonly via: OwnedEndpoint;
  readonly data: Uint8Array;
  /** Caps whose references the outbox holds until the message is sent or dropped. */
  readonly caps: readonly Cap[];
}

export type PostResult = 'sent' | 'queued';

export class Outbox {
  /** Waiting messages, oldest first. */
  readonly entries: OutboxEntry[] = [];

  /** Messages waiting (introspection, tests). */
  get size(): number {
    return this.entries.length;
  }

  /** True when messages wait to go out on endpoint `id` (the service reads no new request from it meanwhile). */
  busy(id: number): boolean {
    return this.entries.some((e) => e.via.id === id);
  }

  /** True when a waiting message can be dropped now because its receiver is gone (the service must step again to drop it). */
  hasDroppable(): boolean {
    return this.entries.some((e) => e.via.peerClosed());
  }

  /**
   * Sends `data` with `caps` on `via` (the caps are copied: the caller keeps its own references), or,
   * when the receiver's queue is full, keeps the message and registers `pid` to be woken when there
   * is room. Errors (nothing kept): PeerClosed, MessageTooLarge.
   */
  post(k: KernelContext, pid: number, via: OwnedEndpoint, data: Uint8Array, caps: readonly Cap[] = []): KResult<PostResult> {
    if (!this.busy(via.id)) {
      const sent = via.sendOrWait({ sender: 0, data, caps }, pid);
      if (!sent.ok) return sent;
      if (sent.value === 'sent') return ok('sent');
    } else if (via.peerClosed()) {
      return fail(RvosError.PeerClosed);
    }
    for (const cap of caps) k.objects.retain(cap.kind, cap.id);
    this.entries.push({ via: OwnedEndpoint.retain(k, via.id), data, caps: caps.slice() });
    return ok('queued');
  }

  /** Sends what can go now, in order per endpoint; drops (and releases) messages whose receiver is gone. */
  flush(k: KernelContext, pid: number): void {
    const blocked = new Set<number>();
    for (let i = 0; i < this.entries.length;) {
      const entry = this.entries[i]!;
      if (blocked.has(entry.via.id)) { i++; continue; }
      const sent = entry.via.sendOrWait({ sender: 0, data: entry.data, caps: entry.caps }, pid);
      if (sent.ok && sent.value === 'wait') {
        blocked.add(entry.via.id);
        i++;
        continue;
      }
      this.entries.splice(i, 1);
      release(k, entry);
    }
  }
}

function release(k: KernelContext, entry: OutboxEntry): void {
  for (const cap of entry.caps) k.objects.release(cap.kind, cap.id);
  entry.via.close();
}
