// Applies capability-graph operations (graph-ops.ts) to a cytoscape instance
// with a stable layout: the first elements get a force-directed (cose) layout;
// later nodes are placed next to their drawn neighbours and settled by cose
// with every existing node locked, so nothing already drawn jumps.

import type { Core, ElementDefinition, LayoutOptions, NodeCollection } from 'cytoscape';
import type { GraphEdgeData } from './graph-model.ts';
import type { GraphOps } from './graph-ops.ts';

/** Elements that are not part of the graph (animated pulses) carry this class. */
export const TRANSIENT_CLASS = 'pulse';
const NEIGHBOUR_GAP = 80;

const COSE: LayoutOptions = {
  name: 'cose', animate: false, fit: false, padding: 30, nodeRepulsion: () => 9000, idealEdgeLength: () => 90,
  edgeElasticity: () => 80, gravity: 0.4, numIter: 600, nodeDimensionsIncludeLabels: true,
};

/** Applies `ops` to `cy`; returns the ids of the nodes added. */
export function applyGraphOps(cy: Core, ops: GraphOps): string[] {
  let first = false;
  cy.batch(() => {
    for (const id of ops.remove) cy.getElementById(id).remove();
    // Nothing left (first graph, or a new VM replacing every node): a whole new layout.
    first = cy.nodes().not(`.${TRANSIENT_CLASS}`).length === 0;
    const placed = new Map<string, { x: number; y: number }>();
    for (const n of ops.addNodes) {
      const position = first ? { x: 0, y: 0 } : placeNear(cy, n.id, ops.addEdges, placed);
      placed.set(n.id, position);
      cy.add({ group: 'nodes', data: { ...n }, position });
    }
    cy.add(ops.addEdges.map((e): ElementDefinition => ({ group: 'edges', data: { ...e } })));
    for (const u of ops.update) cy.getElementById(u.id).data({ ...u });
  });
  const added = ops.addNodes.map((n) => n.id);
  if (added.length > 0) settle(cy, first, added);
  return added;
}

/** First time: a whole cose layout fitted to the view; later: cose with the old nodes locked. */
function settle(cy: Core, first: boolean, added: readonly string[]): void {
  const graph = cy.elements().not(`.${TRANSIENT_CLASS}`);
  if (first) {
    graph.layout({ ...COSE, randomize: true, fit: true } as LayoutOptions).run();
    return;
  }
  const fresh = new Set(added);
  const old: NodeCollection = graph.nodes().filter((n) => !fresh.has(n.id()) && !n.locked());
  old.lock();
  try {
    graph.layout({ ...COSE, randomize: false } as LayoutOptions).run();
  } finally {
    old.unlock();
  }
}

/**
 * Next to the centroid of the node's already-drawn neighbours (or of the whole
 * graph): the first free spot on growing rings around it, so the newcomer does
 * not land on top of others (cose then settles it).
 */
function placeNear(cy: Core, id: string, edges: readonly GraphEdgeData[], placed: ReadonlyMap<string, { x: number; y: number }>): { x: number; y: number } {
  const near = edges.flatMap((e) => (e.source === id ? [e.target] : e.target === id ? [e.source] : []));
  const points = near.flatMap((n) => {
    const p = placed.get(n);
    if (p !== undefined) return [p];
    const ele = cy.nodes().getElementById(n);
    return ele.length > 0 ? [ele.position()] : [];
  });
  const centre = points.length > 0 ? mean(points) : mean(cy.nodes().not(`.${TRANSIENT_CLASS}`).nodes().map((n) => n.position()));
  const taken = [...cy.nodes().not(`.${TRANSIENT_CLASS}`).nodes().map((n) => n.position()), ...placed.values()];
  const start = (hash(id) % 360) * (Math.PI / 180);
  for (let ring = 1; ring <= 6; ring++) {
    for (let k = 0; k < 12; k++) {
      const angle = start + (k * Math.PI) / 6;
      const spot = { x: centre.x + ring * NEIGHBOUR_GAP * Math.cos(angle), y: centre.y + ring * NEIGHBOUR_GAP * Math.sin(angle) };
      if (taken.every((p) => Math.hypot(p.x - spot.x, p.y - spot.y) >= NEIGHBOUR_GAP * 0.8)) return spot;
    }
  }
  return { x: centre.x + NEIGHBOUR_GAP * Math.cos(start), y: centre.y + NEIGHBOUR_GAP * Math.sin(start) };
}

function mean(points: readonly { x: number; y: number }[]): { x: number; y: number } {
  if (points.length === 0) return { x: 0, y: 0 };
  return { x: points.reduce((s, p) => s + p.x, 0) / points.length, y: points.reduce((s, p) => s + p.y, 0) / points.length };
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
  return h;
}
