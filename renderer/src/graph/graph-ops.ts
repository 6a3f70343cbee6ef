// Capability graph model -> the cytoscape operations that turn the drawn graph
// of one model into the next: elements to remove, to add (nodes before edges),
// and whose data changed. An edge whose ends moved is removed and re-added.

import type { GraphEdgeData, GraphModel, GraphNodeData } from './graph-model.ts';

export interface GraphOps {
  readonly remove: readonly string[];
  readonly addNodes: readonly GraphNodeData[];
  readonly addEdges: readonly GraphEdgeData[];
  readonly update: readonly (GraphNodeData | GraphEdgeData)[];
}

/** What changes `previous` into `next` (previous may be the empty model). */
export function graphOps(previous: GraphModel, next: GraphModel): GraphOps {
  const oldNodes = new Map(previous.nodes.map((n) => [n.id, n] as const));
  const oldEdges = new Map(previous.edges.map((e) => [e.id, e] as const));
  const nodeIds = new Set(next.nodes.map((n) => n.id));
  const edgeIds = new Set(next.edges.map((e) => e.id));
  const moved = next.edges.filter((e) => {
    const old = oldEdges.get(e.id);
    return old !== undefined && (old.source !== e.source || old.target !== e.target);
  });
  const movedIds = new Set(moved.map((e) => e.id));
  const remove = [
    ...previous.edges.filter((e) => !edgeIds.has(e.id) || movedIds.has(e.id)).map((e) => e.id),
    ...previous.nodes.filter((n) => !nodeIds.has(n.id)).map((n) => n.id),
  ];
  const addNodes = next.nodes.filter((n) => !oldNodes.has(n.id));
  const addEdges = next.edges.filter((e) => !oldEdges.has(e.id) || movedIds.has(e.id));
  const update = [
    ...next.nodes.filter((n) => oldNodes.has(n.id) && !sameData(oldNodes.get(n.id)!, n)),
    ...next.edges.filter((e) => oldEdges.has(e.id) && !movedIds.has(e.id) && !sameData(oldEdges.get(e.id)!, e)),
  ];
  return { remove, addNodes, addEdges, update };
}

/** True when the ops change nothing. */
export function isEmptyOps(ops: GraphOps): boolean {
  return ops.remove.length === 0 && ops.addNodes.length === 0 && ops.addEdges.length === 0 && ops.update.length === 0;
}

function sameData(a: object, b: object): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
