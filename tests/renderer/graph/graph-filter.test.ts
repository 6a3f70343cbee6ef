// Graph filters and search (graph-filter.ts): hiding kernel services (and the
// endpoint nodes left without neighbours), focusing one process with its
// neighbours and the far ends of its channels, and search by name or pid.

import { describe, expect, it } from 'vitest';
import { hiddenElements, NO_FILTER, searchNodes } from '../../../renderer/src/graph/graph-filter.ts';
import { buildGraphModel } from '../../../renderer/src/graph/graph-model.ts';
import { ep, proc, source } from './graph-fixtures.ts';

// init (service 1) serves shell 5 and fs 6; shell talks to fs; fs holds both ends of channel 8 (endpoint nodes); hello 7 is alone.
const model = buildGraphModel(source({
  processes: [
    proc(1, 'init', [], { kind: 'service' }), proc(5, 'shell', [10, 12]), proc(6, 'fs', [13, 16, 17]), proc(7, 'hello', []),
  ],
  endpoints: [
    ep(10, [5]), ep(11, [], { services: [1] }), ep(12, [5]), ep(13, [6]), ep(16, [6]), ep(17, [6]), ep(20, [], { services: [1] }), ep(21, [], { services: [1] }),
  ],
}));

describe('hiddenElements', () => {
  it('hides nothing without a filter', () => {
    expect(hiddenElements(model, NO_FILTER).size).toBe(0);
  });

  it('hides kernel services, their edges, and endpoint nodes only they hold', () => {
    const hidden = hiddenElements(model, { hideServices: true, focusPid: null });
    expect([...hidden].sort()).toEqual(['ch:10', 'ch:5', 'ep:20', 'ep:21', 'hold:1:20', 'hold:1:21', 'p:1']);
  });

  it('focuses one process: itself, its neighbours and the far ends through endpoint nodes', () => {
    const hidden = hiddenElements(model, { hideServices: false, focusPid: 6 });
    const shown = [...model.nodes, ...model.edges].map((e) => e.id).filter((id) => !hidden.has(id)).sort();
    expect(shown).toEqual(['ch:6', 'ch:8', 'ep:16', 'ep:17', 'hold:6:16', 'hold:6:17', 'p:5', 'p:6']);
  });
});

describe('searchNodes', () => {
  it('finds by the start of a label word, by pid, and nothing for an empty query', () => {
    expect(searchNodes(model, 'SH')).toEqual(['p:5']);
    expect(searchNodes(model, '7')).toEqual(['p:7']);
    expect(searchNodes(model, 'ep')).toEqual(['ep:16', 'ep:17', 'ep:20', 'ep:21']);
    expect(searchNodes(model, 'refs')).toEqual([]);
    expect(searchNodes(model, '  ')).toEqual([]);
  });
});
