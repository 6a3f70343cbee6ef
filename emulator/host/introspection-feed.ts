// The VM host's capability-graph feed: while the UI is subscribed, it takes an
// introspection snapshot at most every intervalMs (throttled, with a trailing
// emission so the last change is never lost) and sends only what changed since
// the previous one as an 'introspection-diff' event (protocol/introspection-diff.ts).
// Changes of pc, instruction and syscall counters alone do not trigger a diff.

import { WireTag } from '../kernel/abi/wire-tags.ts';
import type { CollectionDiff, IntrospectionDiff } from './protocol/introspection-diff.ts';
import type { HostIntrospection } from './protocol/messages.ts';

/** Default minimum milliseconds between two diffs (what the eye can follow). */
export const FEED_INTERVAL_MS = 150;
/** At most this many IPC sends per diff (the newest). */
export const FEED_MAX_IPC = 32;

/** Fingerprints of what the UI was last sent, keyed by pid / endpoint id / SHM id. */
export interface FeedBaseline {
  readonly processes: ReadonlyMap<number, string>;
  readonly endpoints: ReadonlyMap<number, string>;
  readonly shm: ReadonlyMap<number, string>;
  readonly ipcTotal: number;
}

type DiffBody = Omit<IntrospectionDiff, 'seq' | 'full' | 'sentAt' | 'tagNames'>;

/** Fields that change while a process merely runs; they ride along but do not make an item "changed". */
const VOLATILE = new Set(['pc', 'instructions', 'syscalls', 'function', 'frames', 'serviceStats']);
const TAG_NAMES: Readonly<Record<number, string>> = Object.fromEntries(Object.entries(WireTag).map(([name, tag]) => [tag, name]));

/**
 * The diff from `baseline` (undefined: from nothing) to `next`, the new baseline,
 * and whether anything changed (an unchanged diff need not be sent).
 */
export function diffSnapshot(baseline: FeedBaseline | undefined, next: HostIntrospection): { body: DiffBody; baseline: FeedBaseline; changed: boolean } {
  const processes = diffCollection(baseline?.processes, next.processes, (p) => p.pid);
  const endpoints = diffCollection(baseline?.endpoints, next.endpoints, (e) => e.id);
  const shm = diffCollection(baseline?.shm, next.shm, (s) => s.id);
  const fresh = Math.min(next.ipc.total - (baseline?.ipcTotal ?? 0), next.ipc.recent.length, FEED_MAX_IPC);
  const recent = fresh > 0 ? next.ipc.recent.slice(-fresh) : [];
  const body: DiffBody = {
    time: { ns: next.time.ns, instructions: next.time.instructions },
    processes: processes.diff, endpoints: endpoints.diff, shm: shm.diff, ipc: { total: next.ipc.total, recent },
  };
  const changed = baseline === undefined || processes.changed || endpoints.changed || shm.changed || fresh > 0;
  return { body, baseline: { processes: processes.prints, endpoints: endpoints.prints, shm: shm.prints, ipcTotal: next.ipc.total }, changed };
}

function diffCollection<T extends object>(
  previous: ReadonlyMap<number, string> | undefined, items: readonly T[], key: (item: T) => number,
): { diff: CollectionDiff<T>; prints: Map<number, string>; changed: boolean } {
  const prints = new Map<number, string>();
  const upsert: T[] = [];
  for (const item of items) {
    const print = fingerprint(item);
    prints.set(key(item), print);
    if (previous?.get(key(item)) !== print) upsert.push(item);
  }
  const remove = previous === undefined ? [] : [...previous.keys()].filter((k) => !prints.has(k));
  return { diff: { upsert, remove }, prints, changed: upsert.length > 0 || remove.length > 0 };
}

function fingerprint(item: object): string {
  return JSON.stringify(item, (name, value: unknown) => (VOLATILE.has(name) ? undefined : value));
}

export interface IntrospectionFeedOptions {
  /** Sends one diff (the host posts it as an event). */
  readonly emit: (diff: IntrospectionDiff) => void;
  /** The current snapshot, or undefined when no VM is booted. */
  readonly take: () => HostIntrospection | undefined;
  readonly intervalMs?: number;
}

/** Throttled diff stream of one VM host; idle (no snapshots taken) while unsubscribed. */
export class IntrospectionFeed {
  private subscribed = false;
  private baseline: FeedBaseline | undefined;
  private seq = 0;
  private lastAt = -Infinity;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly intervalMs: number;

  constructor(private readonly options: IntrospectionFeedOptions) {
    this.intervalMs = options.intervalMs ?? FEED_INTERVAL_MS;
  }

  get active(): boolean {
    return this.subscribed;
  }

  /** Starts the stream with a full diff (sent now when a VM is booted). */
  subscribe(): void {
    this.subscribed = true;
    this.restart();
  }

  unsubscribe(): void {
    this.subscribed = false;
    this.cancel();
    this.baseline = undefined;
  }

  /** A new VM (boot, reset, snapshot load): the next diff is full, sent as soon as possible. */
  restart(): void {
    this.baseline = undefined;
    this.seq = 0;
    this.cancel();
    this.lastAt = -Infinity;
    this.notify();
  }

  /**
   * The VM ran or changed: emits now when the interval since the last diff has
   * passed (a busy VM calls this after every slice, so timers need not fire),
   * else makes sure a timer emits once it has.
   */
  notify(): void {
    if (!this.subscribed) return;
    const wait = this.lastAt + this.intervalMs - performance.now();
    if (wait <= 0) {
      this.cancel();
      this.emit();
    } else if (this.timer === undefined) {
      this.timer = setTimeout(() => { this.timer = undefined; this.emit(); }, wait);
    }
  }

  /** Stops any pending emission (the host is going away). */
  dispose(): void {
    this.unsubscribe();
  }

  private emit(): void {
    const snapshot = this.options.take();
    if (snapshot === undefined) return;
    this.lastAt = performance.now();
    const full = this.baseline === undefined;
    const { body, baseline, changed } = diffSnapshot(this.baseline, snapshot);
    this.baseline = baseline;
    if (!changed) return;
    this.seq = full ? 1 : this.seq + 1;
    const sentAt = performance.timeOrigin + performance.now();
    this.options.emit({ seq: this.seq, full, sentAt, ...body, ...(full ? { tagNames: TAG_NAMES } : {}) });
  }

  private cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
