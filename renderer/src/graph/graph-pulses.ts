// IPC sends -> the transfers the capability graph animates: each message moves
// from the node its sender's end attaches to towards the receiving end's node
// (endpoint ids from the IPC trace, anchors from the graph model).

import type { IpcEventView } from '../../../emulator/kernel/introspection/introspection-types.ts';
import type { GraphModel } from './graph-model.ts';

export interface GraphPulse {
  readonly from: string;
  readonly to: string;
  /** Capabilities the message carried (drawn larger). */
  readonly caps: number;
}

/** At most `max` pulses for `events` (the newest), skipping sends whose ends are not both drawn apart. */
export function pulsesFor(events: readonly IpcEventView[], model: GraphModel, max: number): GraphPulse[] {
  const pulses: GraphPulse[] = [];
  for (const e of events) {
    const to = model.anchors[e.toEndpoint];
    const from = model.anchors[e.toEndpoint ^ 1];
    if (to !== undefined && from !== undefined && to !== from) pulses.push({ from, to, caps: e.caps.length });
  }
  return pulses.slice(-max);
}
