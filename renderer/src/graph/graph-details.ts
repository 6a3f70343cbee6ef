// What the capability graph's details panel shows for a hovered or selected
// element: a process's handle table (with what each handle leads to), a
// channel's two ends (refs, holders, queue with decoded wire tags, waiters) and
// its recent messages from the IPC trace. Pure functions over a GraphSource.

import type { EndpointView, IpcEventView } from '../../../emulator/kernel/introspection/introspection-types.ts';
import type { HostProcessView } from '../../../emulator/host/protocol/messages.ts';
import type { GraphSource } from './graph-source.ts';

export interface HandleRow {
  readonly handle: number;
  readonly kind: string;
  readonly object: number;
  readonly rights: string;
  /** What the handle leads to ("peer: console (2)", "shm 1", "hello 7"). */
  readonly target: string;
}

export interface EndpointRow {
  readonly id: number;
  readonly label: string;
  readonly refs: number;
  readonly holders: string;
  readonly peer: string;
  readonly queued: readonly string[];
  readonly waiters: string;
}

export interface MessageRow {
  readonly from: string;
  readonly to: number;
  readonly tag: string;
  readonly caps: string;
}

/** The name of wire tag `tag` ("InitConnect"), its hex value when unknown, '-' when absent. */
export function tagName(source: Pick<GraphSource, 'tagNames'>, tag: number | null): string {
  if (tag === null) return '-';
  return source.tagNames[tag] ?? `0x${tag.toString(16)}`;
}

function processName(source: GraphSource, pid: number): string {
  if (pid === 0) return 'kernel';
  const p = source.processes.find((x) => x.pid === pid);
  return p === undefined ? `pid ${pid}` : `${p.name} ${pid}`;
}

function endpointHolders(source: GraphSource, e: EndpointView | undefined): string {
  if (e === undefined) return 'closed';
  const names = [...new Set([...e.holders.map((h) => h.pid), ...e.services])].map((pid) => processName(source, pid));
  if (e.queuedRefs > 0) names.push(`${e.queuedRefs} in flight`);
  return names.length === 0 ? 'nobody' : names.join(', ');
}

/** The handle table of process `pid`, or undefined when there is no such process. */
export function processHandles(source: GraphSource, pid: number): { process: HostProcessView; handles: HandleRow[] } | undefined {
  const process = source.processes.find((p) => p.pid === pid);
  if (process === undefined) return undefined;
  const endpoints = new Map(source.endpoints.map((e) => [e.id, e] as const));
  const handles = process.handles.map((h): HandleRow => {
    const target = h.kind === 'channel'
      ? `ep ${h.object} → ${endpointHolders(source, endpoints.get(h.object ^ 1))}`
      : h.kind === 'shm' ? `shm ${h.object}` : processName(source, h.object);
    return { handle: h.handle, kind: h.kind, object: h.object, rights: h.rightNames.join(' '), target };
  });
  return { process, handles };
}

/** Both ends of the channel of `endpoint` and its recent messages (oldest first). */
export function channelDetails(source: GraphSource, endpoint: number): { ends: EndpointRow[]; recent: MessageRow[] } {
  const ids = [endpoint & ~1, endpoint | 1];
  const ends = ids.flatMap((id) => {
    const e = source.endpoints.find((x) => x.id === id);
    return e === undefined ? [] : [endpointRow(source, e)];
  });
  const recent = source.ipc.recent.filter((m) => ids.includes(m.toEndpoint)).map((m) => messageRow(source, m));
  return { ends, recent };
}

function endpointRow(source: GraphSource, e: EndpointView): EndpointRow {
  const waiters = [...e.recvWaiters.map((pid) => `recv: ${processName(source, pid)}`), ...e.sendWaiters.map((pid) => `send: ${processName(source, pid)}`)];
  return {
    id: e.id, label: e.label ?? '', refs: e.refs, holders: endpointHolders(source, e), peer: e.peerAlive ? `ep ${e.peer}` : `ep ${e.peer} (closed)`,
    queued: e.queuedTags.map((t) => tagName(source, t)), waiters: waiters.join(', '),
  };
}

function messageRow(source: GraphSource, m: IpcEventView): MessageRow {
  return {
    from: processName(source, m.from), to: m.toEndpoint, tag: m.tagName ?? tagName(source, m.tag),
    caps: m.caps.map((c) => `${c.kind} ${c.id}`).join(', '),
  };
}
