// The 'introspection-diff' event of the VM host protocol (messages.ts): while the
// UI is subscribed ('graph-subscribe'), the host sends what changed in the
// kernel's introspection snapshot since its last diff, at most every
// FEED_INTERVAL_MS (introspection-feed.ts computes them; the renderer's capability
// graph applies them). Items are replaced whole, keyed by pid / endpoint id / SHM id.

import type { EndpointView, IpcEventView, ShmView } from '../../kernel/introspection/introspection-types.ts';
import type { HostProcessView } from './messages.ts';

/** Changed items of one keyed collection: `upsert` replaces (or adds) whole items, `remove` lists keys gone. */
export interface CollectionDiff<T> {
  readonly upsert: readonly T[];
  readonly remove: readonly number[];
}

export interface IntrospectionDiff {
  /** Increases by one per diff sent; a `full` diff starts a new sequence at 1. */
  readonly seq: number;
  /** True: forget everything held so far (first diff after subscribing, or a new VM after reset). */
  readonly full: boolean;
  /** Wall-clock time the host sent it, ms since the epoch (performance.timeOrigin + now()), for latency figures. */
  readonly sentAt: number;
  /** Virtual time (ns) and user instructions retired when the snapshot was taken. */
  readonly time: { readonly ns: number; readonly instructions: number };
  readonly processes: CollectionDiff<HostProcessView>;
  readonly endpoints: CollectionDiff<EndpointView>;
  readonly shm: CollectionDiff<ShmView>;
  /** Sends since the previous diff (oldest first, at most the ring's last FEED_MAX_IPC), and the total ever recorded. */
  readonly ipc: { readonly total: number; readonly recent: readonly IpcEventView[] };
  /** Wire tag -> name (wire-tags.ts), on full diffs only, to decode queued tags. */
  readonly tagNames?: Readonly<Record<number, string>>;
}
