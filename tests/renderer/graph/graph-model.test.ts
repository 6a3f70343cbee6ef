// The kernel state -> capability graph transformation (renderer/src/graph/graph-model.ts)
// on a real booted rvos and on hand-made states for each special case: endpoint
// nodes (both ends in one process, in flight, dangling), SHM, process handles,
// and the consistency warnings (refs that do not add up, nobody holding an end).

import { beforeAll, describe, expect, it } from 'vitest';
import type { IntrospectionSnapshot } from '../../../emulator/kernel/introspection/introspection-types.ts';
import { buildGraphModel, type GraphModel } from '../../../renderer/src/graph/graph-model.ts';
import { bootedSnapshot, ep, proc, shm, source } from './graph-fixtures.ts';

const node = (m: GraphModel, id: string) => m.nodes.find((n) => n.id === id);
const edge = (m: GraphModel, id: string) => m.edges.find((e) => e.id === id);

describe('buildGraphModel on booted rvos', () => {
  let snapshot: IntrospectionSnapshot;
  let model: GraphModel;
  beforeAll(async () => {
    snapshot = await bootedSnapshot();
    model = buildGraphModel(snapshot);
  }, 120_000);

  it('has a node per process and kernel service task, labelled with its name', () => {
    expect(model.nodes.filter((n) => n.kind === 'process' || n.kind === 'service').length).toBe(snapshot.processes.length);
    const labels = model.nodes.map((n) => n.label).join('|');
    for (const name of ['init', 'console', 'fs', 'shell']) expect(labels).toContain(name);
    const init = snapshot.processes.find((p) => p.name === 'init')!;
    expect(node(model, `p:${init.pid}`)?.kind).toBe(init.kind === 'service' ? 'service' : 'process');
  });

  it('draws the shell connected to the console and fs, with no warnings in a healthy kernel', () => {
    const pid = (name: string): string => `p:${snapshot.processes.find((p) => p.name === name)!.pid}`;
    const touches = (a: string, b: string): boolean => model.edges.some((e) => e.kind === 'channel' && [e.source, e.target].sort().join() === [a, b].sort().join());
    expect(touches(pid('shell'), pid('console'))).toBe(true);
    expect(touches(pid('fs'), pid('init')) || model.edges.some((e) => e.source === pid('fs') && e.kind === 'hold')).toBe(true);
    expect(model.nodes.filter((n) => n.warn).map((n) => `${n.id}: ${n.warning}`)).toEqual([]);
    expect(model.edges.filter((e) => e.warn)).toEqual([]);
    for (const e of model.edges) {
      expect(model.nodes.some((n) => n.id === e.source)).toBe(true);
      expect(model.nodes.some((n) => n.id === e.target)).toBe(true);
    }
    expect(new Set(model.edges.map((e) => e.id)).size).toBe(model.edges.length);
  });

  it('labels registry channels with the service name and refs', () => {
    const labelled = model.edges.filter((e) => e.label.includes('refs'));
    expect(labelled.length).toBeGreaterThan(3);
    const named = snapshot.endpoints.filter((e) => e.label !== null).map((e) => e.label!);
    expect(named.length).toBeGreaterThan(0);
    expect(model.edges.some((e) => named.some((n) => e.label.includes(n)))).toBe(true);
  });
});

describe('buildGraphModel special cases', () => {
  it('joins the holders of a channel\'s ends with one edge carrying refs and queue depths', () => {
    const m = buildGraphModel(source({
      processes: [proc(5, 'a', [10]), proc(6, 'b', [11])],
      endpoints: [ep(10, [5], { queueDepth: 2, queuedTags: [0x301, null] }), ep(11, [6])],
    }));
    expect(edge(m, 'ch:5')).toMatchObject({ source: 'p:5', target: 'p:6', label: 'refs 1/1 · q 2/0', warn: false });
    expect(m.anchors).toEqual({ 10: 'p:5', 11: 'p:6' });
    expect(m.nodes.map((n) => n.id)).toEqual(['p:5', 'p:6']);
  });

  it('uses endpoint nodes when one process holds both ends', () => {
    const m = buildGraphModel(source({ processes: [proc(5, 'a', [10, 11])], endpoints: [ep(10, [5]), ep(11, [5])] }));
    expect(edge(m, 'ch:5')).toMatchObject({ source: 'ep:10', target: 'ep:11' });
    expect(edge(m, 'hold:5:10')).toMatchObject({ source: 'p:5', target: 'ep:10', kind: 'hold' });
    expect(edge(m, 'hold:5:11')).toBeDefined();
  });

  it('shows an end carried in a message as in flight, without a warning', () => {
    const m = buildGraphModel(source({
      processes: [proc(5, 'a', [10])],
      endpoints: [ep(10, [5]), ep(11, [], { refs: 1, queuedRefs: 1 })],
    }));
    expect(node(m, 'ep:11')).toMatchObject({ inFlight: true, warn: false, label: 'ep 11 · in flight' });
    expect(edge(m, 'ch:5')).toMatchObject({ source: 'p:5', target: 'ep:11' });
  });

  it('shows an endpoint whose peer has closed as dangling, with no channel edge', () => {
    const m = buildGraphModel(source({ processes: [proc(5, 'a', [10])], endpoints: [ep(10, [5], { peerAlive: false })] }));
    expect(node(m, 'ep:10')).toMatchObject({ dangling: true, warn: false, label: 'ep 10 · peer closed' });
    expect(edge(m, 'hold:5:10')).toMatchObject({ dangling: true });
    expect(edge(m, 'ch:5')).toBeUndefined();
  });

  it('warns when an endpoint\'s refs do not match its holders', () => {
    const m = buildGraphModel(source({
      processes: [proc(5, 'a', [10]), proc(6, 'b', [11])],
      endpoints: [ep(10, [5], { refs: 2, unaccountedRefs: 1 }), ep(11, [6])],
    }));
    expect(node(m, 'ep:10')).toMatchObject({ warn: true, warning: 'refs 2 ≠ 1 handles + 0 services + 0 queued' });
    expect(edge(m, 'ch:5')).toMatchObject({ source: 'ep:10', target: 'p:6', warn: true });
    expect(edge(m, 'hold:5:10')).toMatchObject({ warn: true });
  });

  it('warns when an endpoint is held by no live process (only a zombie)', () => {
    const m = buildGraphModel(source({
      processes: [proc(5, 'a', [10]), proc(6, 'gone', [11], { state: 'zombie' })],
      endpoints: [ep(10, [5]), ep(11, [6])],
    }));
    expect(node(m, 'ep:11')).toMatchObject({ warn: true, warning: 'held by no live process' });
    expect(node(m, 'p:6')).toMatchObject({ zombie: true });
    expect(edge(m, 'ch:5')).toMatchObject({ source: 'p:5', target: 'ep:11', warn: true });
  });

  it('links SHM regions to holders and mappers, and warns on refs below its handles', () => {
    const m = buildGraphModel(source({
      processes: [proc(5, 'a', []), proc(6, 'b', [])],
      shm: [shm(1, [5], [5, 6]), shm(2, [5, 6], [], { refs: 1 }), shm(3, [], [], { refs: 0 })],
    }));
    expect(edge(m, 'sm:1:5')).toMatchObject({ source: 'p:5', target: 'shm:1', label: 'handle + map rw' });
    expect(edge(m, 'sm:1:6')).toMatchObject({ label: 'map rw' });
    expect(node(m, 'shm:1')).toMatchObject({ warn: false });
    expect(node(m, 'shm:2')).toMatchObject({ warn: true, warning: 'refs 1 < 2 handles' });
    expect(node(m, 'shm:3')).toMatchObject({ warn: true, warning: 'held by no live process' });
  });

  it('draws process handles as arrows and warns when a process has fewer refs than handles on it', () => {
    const parent = proc(5, 'shell', []);
    const withChild = { ...parent, handles: [{ handle: 4, kind: 'process' as const, object: 7, rights: 16, rightNames: ['kill'] }] };
    const ok = buildGraphModel(source({ processes: [withChild, proc(7, 'hello', [], { refs: 1 })] }));
    expect(edge(ok, 'ph:5:7')).toMatchObject({ source: 'p:5', target: 'p:7', kind: 'process-handle' });
    expect(node(ok, 'p:7')?.warn).toBe(false);
    const bad = buildGraphModel(source({ processes: [withChild, proc(7, 'hello', [], { refs: 0 })] }));
    expect(node(bad, 'p:7')).toMatchObject({ warn: true, warning: 'refs 0 < 1 process handles' });
  });
});
