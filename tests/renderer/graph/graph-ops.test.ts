// Model-to-model cytoscape operations (graph-ops.ts) applied to a headless
// cytoscape by graph-cy-sync.ts: adds, removes and updates come out right, an
// edge whose end moved is re-added, and existing nodes keep their positions
// when a process appears (stable layout) while the newcomer lands near its neighbour.

import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { applyGraphOps } from '../../../renderer/src/graph/graph-cy-sync.ts';
import { buildGraphModel } from '../../../renderer/src/graph/graph-model.ts';
import { graphOps, isEmptyOps } from '../../../renderer/src/graph/graph-ops.ts';
import { ep, proc, source } from './graph-fixtures.ts';

const EMPTY = { nodes: [], edges: [], anchors: {} };
const two = source({ processes: [proc(5, 'a', [10]), proc(6, 'b', [11])], endpoints: [ep(10, [5]), ep(11, [6])] });
const three = source({
  processes: [proc(5, 'a', [10, 12]), proc(6, 'b', [11]), proc(7, 'c', [13])],
  endpoints: [ep(10, [5]), ep(11, [6]), ep(12, [5]), ep(13, [7], { queueDepth: 1, queuedTags: [1] })],
});

describe('graphOps', () => {
  it('adds everything to an empty graph, nodes and edges apart', () => {
    const ops = graphOps(EMPTY, buildGraphModel(two));
    expect(ops.addNodes.map((n) => n.id)).toEqual(['p:5', 'p:6']);
    expect(ops.addEdges.map((e) => e.id)).toEqual(['ch:5']);
    expect(ops.remove).toEqual([]);
  });

  it('adds a process and its channel, removes them again, and is empty between equal models', () => {
    const a = buildGraphModel(two);
    const b = buildGraphModel(three);
    const grow = graphOps(a, b);
    expect(grow.addNodes.map((n) => n.id)).toEqual(['p:7']);
    expect(grow.addEdges.map((e) => e.id)).toEqual(['ch:6']);
    expect(grow.update).toEqual([]);
    const shrink = graphOps(b, a);
    expect(shrink.remove).toEqual(['ch:6', 'p:7']);
    expect(isEmptyOps(graphOps(b, buildGraphModel(three)))).toBe(true);
  });

  it('updates changed data and re-adds an edge whose end moved', () => {
    const before = buildGraphModel(two);
    const queued = buildGraphModel(source({ ...two, endpoints: [ep(10, [5], { queueDepth: 3, queuedTags: [1, 2, 3] }), ep(11, [6])] }));
    const ops = graphOps(before, queued);
    expect(ops.update.map((u) => [u.id, u.label])).toEqual([['ch:5', 'refs 1/1 · q 3/0']]);
    const moved = buildGraphModel(source({ processes: two.processes, endpoints: [ep(10, [5], { peerAlive: true }), ep(11, [5, 6])] }));
    const re = graphOps(before, moved);
    expect(re.remove).toContain('ch:5');
    expect(re.addEdges.map((e) => e.id)).toContain('ch:5');
    expect(re.addNodes.map((n) => n.id)).toEqual(['ep:11']);
  });
});

describe('applyGraphOps on headless cytoscape', () => {
  it('lays out the first graph and keeps existing nodes still when a process appears and goes', () => {
    const cy = cytoscape({ headless: true });
    const a = buildGraphModel(two);
    applyGraphOps(cy, graphOps(EMPTY, a));
    expect(cy.nodes().map((n) => n.id()).sort()).toEqual(['p:5', 'p:6']);
    const before = Object.fromEntries(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
    const b = buildGraphModel(three);
    expect(applyGraphOps(cy, graphOps(a, b))).toEqual(['p:7']);
    for (const [id, p] of Object.entries(before)) expect(cy.getElementById(id).position()).toEqual(p);
    expect(cy.edges().map((e) => e.id()).sort()).toEqual(['ch:5', 'ch:6']);
    expect(cy.getElementById('ch:6').data('label')).toBe('refs 1/1 · q 0/1');
    expect(cy.$('node:locked').length).toBe(0);
    const c = cy.getElementById('p:7').position();
    const p5 = cy.getElementById('p:5').position();
    expect(Math.hypot(c.x - p5.x, c.y - p5.y)).toBeLessThan(400);
    applyGraphOps(cy, graphOps(b, a));
    expect(cy.getElementById('p:7').length).toBe(0);
    expect(cy.getElementById('p:5').position()).toEqual(before['p:5']);
  });
});
