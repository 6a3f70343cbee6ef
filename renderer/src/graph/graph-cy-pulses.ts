// Animates message and capability transfers on the drawn capability graph: a
// small transient node travels from the sender's node to the receiver's along
// their edge and disappears; at most MAX_LIVE pulses are in the air at once.

import type { Core } from 'cytoscape';
import { TRANSIENT_CLASS } from './graph-cy-sync.ts';
import type { GraphPulse } from './graph-pulses.ts';

const DURATION_MS = 650;
const MAX_LIVE = 12;
let nextPulse = 0;

/** Starts one animation per pulse whose two nodes are drawn and visible (pulses beyond MAX_LIVE are dropped). */
export function animatePulses(cy: Core, pulses: readonly GraphPulse[]): void {
  for (const pulse of pulses) {
    if (cy.$(`.${TRANSIENT_CLASS}`).length >= MAX_LIVE) return;
    const from = cy.getElementById(pulse.from);
    const to = cy.getElementById(pulse.to);
    if (from.length === 0 || to.length === 0 || from.hasClass('hidden') || to.hasClass('hidden')) continue;
    const classes = pulse.caps > 0 ? `${TRANSIENT_CLASS} pulse-cap` : TRANSIENT_CLASS;
    const node = cy.add({ group: 'nodes', data: { id: `pulse-${nextPulse++}` }, classes, position: { ...from.position() } });
    node.ungrabify();
    node.unselectify();
    node.animate({ position: { ...to.position() } }, { duration: DURATION_MS, easing: 'ease-in-out-sine', complete: () => { node.remove(); } });
  }
}
