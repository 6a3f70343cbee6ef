// Kernel state -> capability graph: processes and service tasks as nodes,
// channels as edges between the holders of their two ends (or endpoint nodes
// when one process holds both ends, an end is in flight, shared or dangling),
// SHM regions as nodes linked to holders and mappers, process handles as edges.
// Consistency checks mark elements with `warn` (drawn in the warning colour).

import type { EndpointView, ShmView } from '../../../emulator/kernel/introspection/introspection-types.ts';
import type { HostProcessView } from '../../../emulator/host/protocol/messages.ts';
import type { GraphSource } from './graph-source.ts';

export type GraphNodeKind = 'process' | 'service' | 'endpoint' | 'shm';
export type GraphEdgeKind = 'channel' | 'hold' | 'shm' | 'process-handle';

export interface GraphNodeData {
  readonly id: string;
  readonly kind: GraphNodeKind;
  readonly label: string;
  /** pid (process nodes), endpoint id or SHM id. */
  readonly object: number;
  readonly zombie: boolean;
  /** Endpoint whose peer has closed. */
  readonly dangling: boolean;
  /** Endpoint referenced only by a message in some queue. */
  readonly inFlight: boolean;
  readonly warn: boolean;
  /** Why `warn` is set (empty otherwise). */
  readonly warning: string;
}

export interface GraphEdgeData {
  readonly id: string;
  readonly kind: GraphEdgeKind;
  readonly source: string;
  readonly target: string;
  readonly label: string;
  /** Channel edges: the endpoint at the source end and at the target end. */
  readonly endpoints: readonly number[];
  readonly dangling: boolean;
  readonly warn: boolean;
  readonly warning: string;
}

export interface GraphModel {
  readonly nodes: readonly GraphNodeData[];
  readonly edges: readonly GraphEdgeData[];
  /** Endpoint id -> the node its channel edge attaches to (a process node or its own endpoint node). */
  readonly anchors: Readonly<Record<number, string>>;
}

const NODE_DEFAULTS = { zombie: false, dangling: false, inFlight: false, warn: false, warning: '' };

/** The node id of process `pid`, endpoint `id`, SHM region `id`. */
export const processNodeId = (pid: number): string => `p:${pid}`;
export const endpointNodeId = (id: number): string => `ep:${id}`;
export const shmNodeId = (id: number): string => `shm:${id}`;
/** The edge id of channel `channel` (endpoints 2c and 2c+1). */
export const channelEdgeId = (channel: number): string => `ch:${channel}`;

/** The graph of `source` (deterministic: same source, same model). */
export function buildGraphModel(source: Pick<GraphSource, 'processes' | 'endpoints' | 'shm'>): GraphModel {
  const live = new Set(source.processes.filter((p) => p.state !== 'zombie').map((p) => p.pid));
  const nodes: GraphNodeData[] = source.processes.map((p) => processNode(p, source.processes));
  const edges: GraphEdgeData[] = [];
  const anchors: Record<number, string> = {};
  for (const ends of channels(source.endpoints)) addChannel(ends, live, nodes, edges, anchors);
  for (const region of source.shm) addShm(region, live, nodes, edges);
  addProcessHandles(source.processes, edges);
  return { nodes, edges, anchors };
}

function processNode(p: HostProcessView, all: readonly HostProcessView[]): GraphNodeData {
  const holders = all.reduce((n, q) => n + q.handles.filter((h) => h.kind === 'process' && h.object === p.pid).length, 0);
  const warn = p.refs < holders;
  return {
    ...NODE_DEFAULTS, id: processNodeId(p.pid), kind: p.kind === 'service' ? 'service' : 'process',
    label: p.kind === 'service' ? `${p.name} (${p.pid})` : `${p.name} ${p.pid}`, object: p.pid, zombie: p.state === 'zombie',
    warn, warning: warn ? `refs ${p.refs} < ${holders} process handles` : '',
  };
}

/** Live endpoints grouped by channel (one or two ends each), by channel number. */
function channels(endpoints: readonly EndpointView[]): EndpointView[][] {
  const byChannel = new Map<number, EndpointView[]>();
  for (const e of endpoints) byChannel.set(e.id >> 1, [...(byChannel.get(e.id >> 1) ?? []), e]);
  return [...byChannel.entries()].sort(([a], [b]) => a - b).map(([, ends]) => ends);
}

/** Distinct live pids holding `e` by handle or as a service owner. */
function livePids(e: EndpointView, live: ReadonlySet<number>): number[] {
  return [...new Set([...e.holders.map((h) => h.pid), ...e.services])].filter((pid) => live.has(pid)).sort((a, b) => a - b);
}

/** Why endpoint `e` is inconsistent, or ''. */
export function endpointWarning(e: EndpointView, holders: readonly number[]): string {
  if (e.unaccountedRefs !== 0) return `refs ${e.refs} ≠ ${e.holders.length} handles + ${e.services.length} services + ${e.queuedRefs} queued`;
  if (holders.length === 0 && e.queuedRefs === 0) return 'held by no live process';
  return '';
}

function addChannel(ends: EndpointView[], live: ReadonlySet<number>, nodes: GraphNodeData[], edges: GraphEdgeData[], anchors: Record<number, string>): void {
  const holders = ends.map((e) => livePids(e, live));
  const warnings = ends.map((e, i) => endpointWarning(e, holders[i]!));
  const paired = ends.length === 2;
  const sameHolder = paired && holders[0]!.length === 1 && holders[1]!.length === 1 && holders[0]![0] === holders[1]![0];
  ends.forEach((e, i) => {
    const own = !paired || sameHolder || holders[i]!.length !== 1 || warnings[i] !== '';
    anchors[e.id] = own ? endpointNodeId(e.id) : processNodeId(holders[i]![0]!);
    if (own) addEndpointNode(e, holders[i]!, warnings[i]!, nodes, edges);
  });
  if (!paired) return;
  const [a, b] = ends as [EndpointView, EndpointView];
  const warning = warnings.filter((w) => w !== '').join('; ');
  edges.push({
    id: channelEdgeId(a.id >> 1), kind: 'channel', source: anchors[a.id]!, target: anchors[b.id]!, label: channelLabel(a, b),
    endpoints: [a.id, b.id], dangling: false, warn: warning !== '', warning,
  });
}

function channelLabel(a: EndpointView, b: EndpointView): string {
  const name = a.label ?? b.label;
  const queued = a.queueDepth + b.queueDepth > 0 ? ` · q ${a.queueDepth}/${b.queueDepth}` : '';
  return `${name === null ? '' : `${name} · `}refs ${a.refs}/${b.refs}${queued}`;
}

function addEndpointNode(e: EndpointView, holders: readonly number[], warning: string, nodes: GraphNodeData[], edges: GraphEdgeData[]): void {
  const dangling = !e.peerAlive;
  const inFlight = holders.length === 0 && e.queuedRefs > 0;
  const state = dangling ? ' · peer closed' : inFlight ? ' · in flight' : '';
  nodes.push({
    ...NODE_DEFAULTS, id: endpointNodeId(e.id), kind: 'endpoint', label: `ep ${e.id}${state}${e.queueDepth > 0 ? ` · q ${e.queueDepth}` : ''}`,
    object: e.id, dangling, inFlight, warn: warning !== '', warning,
  });
  for (const pid of holders) {
    edges.push({
      id: `hold:${pid}:${e.id}`, kind: 'hold', source: processNodeId(pid), target: endpointNodeId(e.id),
      label: e.label ?? `refs ${e.refs}`, endpoints: [e.id], dangling, warn: warning !== '', warning,
    });
  }
}

/** Why SHM region `s` is inconsistent, or ''. */
export function shmWarning(s: ShmView, live: ReadonlySet<number>): string {
  if (s.refs < s.holders.length) return `refs ${s.refs} < ${s.holders.length} handles`;
  const used = [...s.holders.map((h) => h.pid), ...s.mappings.map((m) => m.pid), ...(s.services ?? [])].some((pid) => live.has(pid));
  return used || s.refs > s.holders.length ? '' : 'held by no live process';
}

function addShm(s: ShmView, live: ReadonlySet<number>, nodes: GraphNodeData[], edges: GraphEdgeData[]): void {
  const warning = shmWarning(s, live);
  nodes.push({ ...NODE_DEFAULTS, id: shmNodeId(s.id), kind: 'shm', label: `shm ${s.id} · ${s.pages} p · refs ${s.refs}`, object: s.id, warn: warning !== '', warning });
  const pids = [...new Set([...s.holders.map((h) => h.pid), ...s.mappings.map((m) => m.pid), ...(s.services ?? [])])].sort((a, b) => a - b);
  for (const pid of pids) {
    const owner = s.services?.includes(pid) === true ? 'owner' : '';
    const roles = [owner, s.holders.some((h) => h.pid === pid) ? 'handle' : '', mappingRole(s, pid)].filter((r) => r !== '');
    edges.push({
      id: `sm:${s.id}:${pid}`, kind: 'shm', source: processNodeId(pid), target: shmNodeId(s.id), label: roles.join(' + '),
      endpoints: [], dangling: false, warn: false, warning: '',
    });
  }
}

function mappingRole(s: ShmView, pid: number): string {
  const m = s.mappings.find((x) => x.pid === pid);
  return m === undefined ? '' : `map ${m.writable ? 'rw' : 'r'}`;
}

function addProcessHandles(processes: readonly HostProcessView[], edges: GraphEdgeData[]): void {
  const present = new Set(processes.map((p) => p.pid));
  for (const p of processes) {
    for (const pid of new Set(p.handles.filter((h) => h.kind === 'process' && present.has(h.object)).map((h) => h.object))) {
      edges.push({
        id: `ph:${p.pid}:${pid}`, kind: 'process-handle', source: processNodeId(p.pid), target: processNodeId(pid), label: 'process',
        endpoints: [], dangling: false, warn: false, warning: '',
      });
    }
  }
}
