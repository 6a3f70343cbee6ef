// Which graph elements the capability graph hides under its filters (kernel
// services hidden; only one process and its neighbours) and which nodes a
// search matches (by name or pid). Pure functions over a GraphModel.

import { processNodeId, type GraphModel } from './graph-model.ts';

export interface GraphFilter {
  readonly hideServices: boolean;
  /** Show only this process, what it is connected to, and the far ends of its channels (null: everything). */
  readonly focusPid: number | null;
}

export const NO_FILTER: GraphFilter = { hideServices: false, focusPid: null };

/** Ids of the nodes and edges to hide under `filter`. */
export function hiddenElements(model: GraphModel, filter: GraphFilter): Set<string> {
  const visible = new Set(model.nodes.map((n) => n.id));
  if (filter.hideServices) for (const n of model.nodes) if (n.kind === 'service') visible.delete(n.id);
  if (filter.focusPid !== null) keepNeighbourhood(model, processNodeId(filter.focusPid), visible);
  dropUnanchored(model, visible);
  const hidden = new Set(model.nodes.filter((n) => !visible.has(n.id)).map((n) => n.id));
  for (const e of model.edges) if (hidden.has(e.source) || hidden.has(e.target)) hidden.add(e.id);
  return hidden;
}

/**
 * Removes endpoint and SHM nodes not linked to a visible process, except an end
 * nobody holds (in flight) whose channel peer stays.
 */
function dropUnanchored(model: GraphModel, visible: Set<string>): void {
  const objects = new Set(model.nodes.filter((n) => n.kind === 'endpoint' || n.kind === 'shm').map((n) => n.id));
  const linked = (id: string, to: (other: string) => boolean): boolean => model.edges.some((e) => (e.source === id && to(e.target)) || (e.target === id && to(e.source)));
  const anchored = new Set([...objects].filter((id) => visible.has(id) && linked(id, (o) => !objects.has(o) && visible.has(o))));
  const held = new Set(model.edges.filter((e) => e.kind === 'hold').map((e) => e.target));
  for (const id of objects) {
    if (!anchored.has(id) && (held.has(id) || !linked(id, (o) => anchored.has(o)))) visible.delete(id);
  }
}

/** Restricts `visible` to `centre`, its neighbours, and the neighbours of neighbouring endpoint/SHM nodes. */
function keepNeighbourhood(model: GraphModel, centre: string, visible: Set<string>): void {
  const near = neighbours(model, centre);
  const kinds = new Map(model.nodes.map((n) => [n.id, n.kind] as const));
  for (const id of [...near]) {
    const kind = kinds.get(id);
    if (kind === 'endpoint' || kind === 'shm') for (const far of neighbours(model, id)) near.add(far);
  }
  near.add(centre);
  for (const id of [...visible]) if (!near.has(id)) visible.delete(id);
}

function neighbours(model: GraphModel, id: string): Set<string> {
  const out = new Set<string>();
  for (const e of model.edges) {
    if (e.source === id) out.add(e.target);
    if (e.target === id) out.add(e.source);
  }
  return out;
}

/** Ids of the nodes with a word of their label starting with `query` (case-insensitive) or, for a number, the process with that pid. */
export function searchNodes(model: GraphModel, query: string): string[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const pid = /^\d+$/.test(q) ? Number(q) : undefined;
  return model.nodes
    .filter((n) => (pid !== undefined ? (n.kind === 'process' || n.kind === 'service') && n.object === pid : n.label.toLowerCase().split(/[\s·()]+/).some((word) => word.startsWith(q))))
    .map((n) => n.id);
}
