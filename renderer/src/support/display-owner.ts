// Whether a program has the display: read from the gpu service's counters in a
// kernel introspection snapshot, so the display pane can tell a person what to
// start when the screen is black because nobody draws.
import type { IntrospectionSnapshot } from '../../../emulator/kernel/introspection/introspection-types.ts';

/** The gpu service's client count in `snapshot`, or undefined without a snapshot or a gpu service. */
export function displayClients(snapshot: IntrospectionSnapshot | null): number | undefined {
  const gpu = snapshot?.processes.find((p) => p.kind === 'service' && p.name === 'gpu');
  return gpu?.serviceStats?.['clients'];
}
