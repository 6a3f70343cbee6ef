// window.__rvosGraph: a read-mostly window on the drawn capability graph for
// the end-to-end test and the graph bench (dev builds only): the elements as
// cytoscape holds them, when the last diff was drawn, and a way to feed a
// synthetic diff into the real view.

import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { IntrospectionDiff } from '../../../emulator/host/protocol/introspection-diff.ts';
import { TRANSIENT_CLASS } from './graph-cy-sync.ts';

export interface GraphTestElement {
  readonly id: string;
  readonly kind: string;
  readonly label: string;
  readonly warn: boolean;
  readonly hidden: boolean;
  /** Matches the search. */
  readonly matched: boolean;
  readonly source?: string;
  readonly target?: string;
}

/** When a diff was drawn: its seq, the host's send time and the first frame after it was applied (epoch ms). */
export interface GraphDrawRecord {
  readonly seq: number;
  readonly sentAt: number;
  readonly drawnAt: number;
}

export interface GraphTestHook {
  nodes(): GraphTestElement[];
  edges(): GraphTestElement[];
  draws(): GraphDrawRecord[];
  /** Feeds a diff as if the host had sent it. */
  receive(diff: IntrospectionDiff): void;
  /** Pulses in the air right now. */
  pulses(): number;
  /** Where node `id` is drawn, in canvas pixels (undefined when absent). */
  rendered(id: string): { x: number; y: number } | undefined;
}

/** Installs the hook on window (replacing an older one); returns the function that records a draw. */
export function installGraphTestHook(cy: Core, receive: (diff: IntrospectionDiff) => void): (record: GraphDrawRecord) => void {
  const draws: GraphDrawRecord[] = [];
  const graph = (): ReturnType<Core['elements']> => cy.elements().not(`.${TRANSIENT_CLASS}`);
  const element = (e: NodeSingular | EdgeSingular): GraphTestElement => ({
    id: e.id(), kind: String(e.data('kind')), label: String(e.data('label')), warn: e.data('warn') === true, hidden: e.hasClass('hidden'), matched: e.hasClass('match'),
    ...(e.isEdge() ? { source: (e as EdgeSingular).source().id(), target: (e as EdgeSingular).target().id() } : {}),
  });
  const hook: GraphTestHook = {
    nodes: () => graph().nodes().map(element),
    edges: () => graph().edges().map(element),
    draws: () => draws.slice(),
    receive,
    pulses: () => cy.$(`.${TRANSIENT_CLASS}`).length,
    rendered: (id) => {
      const node = cy.nodes().getElementById(id);
      return node.length === 0 ? undefined : { ...node.renderedPosition() };
    },
  };
  (globalThis as unknown as { __rvosGraph?: GraphTestHook }).__rvosGraph = hook;
  return (record) => { draws.push(record); if (draws.length > 200) draws.shift(); };
}
