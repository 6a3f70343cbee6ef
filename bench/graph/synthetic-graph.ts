// A synthetic capability-graph state of a given size for the frame-rate figure:
// `processes` processes (the first 8 kernel services) and `channels` channels
// whose ends are held by pseudo-randomly chosen distinct processes, as a full
// introspection diff, plus follow-up diffs that change queue depths and carry sends.

import type { IntrospectionDiff } from '../../emulator/host/protocol/introspection-diff.ts';
import type { HostProcessView } from '../../emulator/host/protocol/messages.ts';
import type { EndpointView, IpcEventView } from '../../emulator/kernel/introspection/introspection-types.ts';

const SERVICES = 8;

function processView(pid: number, handles: number[]): HostProcessView {
  const service = pid <= SERVICES;
  return {
    pid, name: service ? `svc${pid}` : `prog${pid}`, kind: service ? 'service' : 'user', state: 'blocked', parent: 1, pc: service ? null : '0x1000',
    block: null, exitStatus: 0, refs: 0, frames: 8, instructions: 0, syscalls: 0, serviceEndpoints: [],
    handles: service ? [] : handles.map((object, i) => ({ handle: i + 1, kind: 'channel' as const, object, rights: 7, rightNames: ['read', 'write', 'transfer'] })),
  };
}

function endpointView(id: number, pid: number, queueDepth: number): EndpointView {
  const service = pid <= SERVICES;
  return {
    id, peer: id ^ 1, peerAlive: true, label: null, refs: 1, holders: service ? [] : [{ pid, handle: 1 }], services: service ? [pid] : [],
    queuedRefs: 0, unaccountedRefs: 0, queueDepth, queuedTags: Array.from({ length: queueDepth }, () => 0x301), recvWaiters: [], sendWaiters: [],
  };
}

/** The two holder pids of channel `c` (distinct, 1..processes). */
function ends(c: number, processes: number): [number, number] {
  const a = (c % processes) + 1;
  const b = ((c * 7 + 3) % processes) + 1;
  return [a, b === a ? (b % processes) + 1 : b];
}

/** The full diff of the synthetic system. */
export function syntheticFullDiff(processes: number, channels: number): IntrospectionDiff {
  const held = new Map<number, number[]>();
  const endpoints: EndpointView[] = [];
  for (let c = 0; c < channels; c++) {
    const [a, b] = ends(c, processes);
    endpoints.push(endpointView(2 * c, a, 0), endpointView(2 * c + 1, b, 0));
    held.set(a, [...(held.get(a) ?? []), 2 * c]);
    held.set(b, [...(held.get(b) ?? []), 2 * c + 1]);
  }
  const procs = Array.from({ length: processes }, (_, i) => processView(i + 1, held.get(i + 1) ?? []));
  return {
    seq: 1, full: true, sentAt: 0, time: { ns: 0, instructions: 0 }, processes: { upsert: procs, remove: [] },
    endpoints: { upsert: endpoints, remove: [] }, shm: { upsert: [], remove: [] }, ipc: { total: 0, recent: [] }, tagNames: { 0x301: 'ConsoleWrite' },
  };
}

/** Follow-up diff `seq`: `sends` messages on rotating channels and the queue depth of one endpoint changed. */
export function syntheticStepDiff(seq: number, processes: number, channels: number, sends: number): IntrospectionDiff {
  const recent: IpcEventView[] = Array.from({ length: sends }, (_, i) => {
    const c = (seq * sends + i) % channels;
    return { time: seq, from: ends(c, processes)[0], toEndpoint: 2 * c + 1, tag: 0x301, tagName: 'ConsoleWrite', caps: [] };
  });
  const c = seq % channels;
  return {
    seq, full: false, sentAt: 0, time: { ns: seq, instructions: 0 }, processes: { upsert: [], remove: [] },
    endpoints: { upsert: [endpointView(2 * c, ends(c, processes)[0], seq % 4)], remove: [] }, shm: { upsert: [], remove: [] },
    ipc: { total: seq * sends, recent },
  };
}
