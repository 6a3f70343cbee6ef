// Applying the host's introspection diffs to the renderer's copy of the kernel
// state (graph-source.ts), and turning IPC sends into animated transfers
// (graph-pulses.ts): full diffs replace, others upsert and remove by key.

import { describe, expect, it } from 'vitest';
import type { IntrospectionDiff } from '../../../emulator/host/protocol/introspection-diff.ts';
import type { IpcEventView } from '../../../emulator/kernel/introspection/introspection-types.ts';
import { buildGraphModel } from '../../../renderer/src/graph/graph-model.ts';
import { pulsesFor } from '../../../renderer/src/graph/graph-pulses.ts';
import { applyDiff, EMPTY_SOURCE, GRAPH_RECENT_IPC } from '../../../renderer/src/graph/graph-source.ts';
import { ep, proc, source } from './graph-fixtures.ts';

function diff(parts: Partial<IntrospectionDiff>): IntrospectionDiff {
  const none = { upsert: [], remove: [] };
  return { seq: 2, full: false, sentAt: 0, time: { ns: 5, instructions: 9 }, processes: none, endpoints: none, shm: none, ipc: { total: 0, recent: [] }, ...parts };
}

const send = (to: number, caps = 0): IpcEventView => ({
  time: 1, from: 5, toEndpoint: to, tag: 0x101, tagName: 'InitConnect', caps: Array.from({ length: caps }, () => ({ kind: 'channel' as const, id: 3, rights: 7 })),
});

describe('applyDiff', () => {
  it('replaces everything on a full diff and keeps the tag names', () => {
    const old = source({ processes: [proc(1, 'old', [])] });
    const next = applyDiff(old, diff({ seq: 1, full: true, processes: { upsert: [proc(2, 'new', [])], remove: [] }, tagNames: { 257: 'InitConnect' } }));
    expect(next.processes.map((p) => p.name)).toEqual(['new']);
    expect(next.tagNames[257]).toBe('InitConnect');
    expect(next.seq).toBe(1);
  });

  it('upserts and removes single items by key, keeping them sorted, and leaves the input unchanged', () => {
    const base = applyDiff(EMPTY_SOURCE, diff({ full: true, processes: { upsert: [proc(5, 'a', []), proc(3, 'b', [])], remove: [] }, endpoints: { upsert: [ep(10, [5])], remove: [] } }));
    const next = applyDiff(base, diff({ processes: { upsert: [proc(4, 'c', []), proc(5, 'a2', [])], remove: [3] }, endpoints: { upsert: [], remove: [10] } }));
    expect(next.processes.map((p) => `${p.pid}:${p.name}`)).toEqual(['4:c', '5:a2']);
    expect(next.endpoints).toEqual([]);
    expect(base.processes.map((p) => p.pid)).toEqual([3, 5]);
    expect(next.time).toEqual({ ns: 5, instructions: 9 });
  });

  it('keeps the newest IPC sends only', () => {
    let s = EMPTY_SOURCE;
    for (let i = 0; i < 3; i++) s = applyDiff(s, diff({ ipc: { total: (i + 1) * 30, recent: Array.from({ length: 30 }, (_, j) => send(i * 30 + j)) } }));
    expect(s.ipc.recent.length).toBe(GRAPH_RECENT_IPC);
    expect(s.ipc.recent.at(-1)?.toEndpoint).toBe(89);
    expect(s.ipc.total).toBe(90);
  });
});

describe('pulsesFor', () => {
  it('moves each send from the sending end\'s node to the receiving end\'s node, newest first kept', () => {
    const model = buildGraphModel(source({ processes: [proc(5, 'a', [10]), proc(6, 'b', [11])], endpoints: [ep(10, [5]), ep(11, [6])] }));
    expect(pulsesFor([send(11), send(10, 2)], model, 8)).toEqual([{ from: 'p:5', to: 'p:6', caps: 0 }, { from: 'p:6', to: 'p:5', caps: 2 }]);
    expect(pulsesFor([send(11), send(10, 2)], model, 1)).toEqual([{ from: 'p:6', to: 'p:5', caps: 2 }]);
    expect(pulsesFor([send(99)], model, 8)).toEqual([]);
  });
});
