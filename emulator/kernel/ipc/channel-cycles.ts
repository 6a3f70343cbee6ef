// Garbage cycles of endpoints: an endpoint sent into its own queue, or A's
// end queued at B while B's end is queued at A, keeps itself alive by
// reference counts alone. When an endpoint is left with only queued
// references, trial deletion over the endpoints reachable through queued caps
// finds the members no handle or kernel owner can reach any more.

import { HandleKind } from '../abi/handles.ts';
import type { ChannelTable } from './channel-table.ts';

/** True when live endpoint `id` is held only by caps of queued messages (a possible garbage cycle). */
export function onlyQueued(channels: ChannelTable, id: number): boolean {
  const ep = channels.endpoint(id);
  return ep !== undefined && ep.refs > 0 && ep.refs === ep.queuedRefs;
}

/**
 * The endpoints reachable from `start` through queued caps that nothing outside that set refers to
 * (every reference comes from a queue of a member, and no externally held member reaches them).
 * Empty when `start` is still reachable.
 */
export function garbageFrom(channels: ChannelTable, start: number): number[] {
  const reachable = queueClosure(channels, [start]);
  const internal = new Map<number, number>();
  for (const id of reachable) {
    for (const target of queuedChannelCaps(channels, id)) {
      if (reachable.has(target)) internal.set(target, (internal.get(target) ?? 0) + 1);
    }
  }
  const held = [...reachable].filter((id) => channels.live(id).refs > (internal.get(id) ?? 0));
  const alive = queueClosure(channels, held);
  return [...reachable].filter((id) => !alive.has(id));
}

/** `roots` and every live endpoint reachable from them through caps queued on reachable endpoints. */
function queueClosure(channels: ChannelTable, roots: readonly number[]): Set<number> {
  const seen = new Set<number>(roots);
  const work = [...roots];
  for (let id = work.pop(); id !== undefined; id = work.pop()) {
    for (const target of queuedChannelCaps(channels, id)) {
      if (!seen.has(target)) { seen.add(target); work.push(target); }
    }
  }
  return seen;
}

/** Endpoint ids carried by the messages queued on `id` (one entry per cap). */
function queuedChannelCaps(channels: ChannelTable, id: number): number[] {
  const out: number[] = [];
  for (const msg of channels.live(id).queue) {
    for (const cap of msg.caps) if (cap.kind === HandleKind.Channel) out.push(cap.id);
  }
  return out;
}
