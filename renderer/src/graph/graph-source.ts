// The renderer's copy of the kernel state the capability graph draws, kept up
// to date by applying the VM host's 'introspection-diff' events (full diffs
// replace it, others replace or drop single items). Pure data, no Vue.

import type { EndpointView, IpcEventView, ShmView } from '../../../emulator/kernel/introspection/introspection-types.ts';
import type { CollectionDiff, IntrospectionDiff } from '../../../emulator/host/protocol/introspection-diff.ts';
import type { HostProcessView } from '../../../emulator/host/protocol/messages.ts';

/** Recent IPC sends kept for the channel details. */
export const GRAPH_RECENT_IPC = 64;

export interface GraphSource {
  readonly time: { readonly ns: number; readonly instructions: number };
  readonly processes: readonly HostProcessView[];
  readonly endpoints: readonly EndpointView[];
  readonly shm: readonly ShmView[];
  readonly ipc: { readonly total: number; readonly recent: readonly IpcEventView[] };
  readonly tagNames: Readonly<Record<number, string>>;
  /** seq of the last diff applied (0: none). */
  readonly seq: number;
}

export const EMPTY_SOURCE: GraphSource = {
  time: { ns: 0, instructions: 0 }, processes: [], endpoints: [], shm: [], ipc: { total: 0, recent: [] }, tagNames: {}, seq: 0,
};

/** `source` with `diff` applied (a new object; `source` is unchanged). A full diff starts from empty. */
export function applyDiff(source: GraphSource, diff: IntrospectionDiff): GraphSource {
  const base = diff.full ? { ...EMPTY_SOURCE, tagNames: diff.tagNames ?? source.tagNames } : source;
  return {
    time: diff.time,
    processes: applyCollection(base.processes, diff.processes, (p) => p.pid),
    endpoints: applyCollection(base.endpoints, diff.endpoints, (e) => e.id),
    shm: applyCollection(base.shm, diff.shm, (s) => s.id),
    ipc: { total: diff.ipc.total, recent: [...base.ipc.recent, ...diff.ipc.recent].slice(-GRAPH_RECENT_IPC) },
    tagNames: base.tagNames,
    seq: diff.seq,
  };
}

function applyCollection<T>(items: readonly T[], diff: CollectionDiff<T>, key: (item: T) => number): T[] {
  const byKey = new Map(items.map((item) => [key(item), item] as const));
  for (const k of diff.remove) byKey.delete(k);
  for (const item of diff.upsert) byKey.set(key(item), item);
  return [...byKey.values()].sort((a, b) => key(a) - key(b));
}
