// Test inputs for the capability graph: a real kernel snapshot of rvos booted to
// the shell prompt (cached per test file), and small hand-made processes and
// endpoints for the warning cases a healthy kernel never shows.

import { buildBootImage } from '../../../emulator/host/boot-image.ts';
import { introspect } from '../../../emulator/kernel/introspection/introspection.ts';
import type { EndpointView, IntrospectionSnapshot, ProcessView, ShmView } from '../../../emulator/kernel/introspection/introspection-types.ts';
import { bootSystem } from '../../../emulator/kernel/system/boot.ts';
import type { GraphSource } from '../../../renderer/src/graph/graph-source.ts';

let booted: IntrospectionSnapshot | undefined;

/** A snapshot of rvos at its first shell prompt. */
export async function bootedSnapshot(): Promise<IntrospectionSnapshot> {
  if (booted !== undefined) return booted;
  let text = '';
  const kernel = await bootSystem(buildBootImage(), { consoleOutput: (b) => { text += new TextDecoder().decode(b); } });
  for (let i = 0; i < 2000 && !text.includes('rvos> '); i++) kernel.run(200_000);
  if (!text.includes('rvos> ')) throw new Error(`no prompt: ${text}`);
  booted = introspect(kernel);
  return booted;
}

/** A GraphSource holding `parts` (no IPC history unless given). */
export function source(parts: Partial<GraphSource>): GraphSource {
  return { time: { ns: 0, instructions: 0 }, processes: [], endpoints: [], shm: [], ipc: { total: 0, recent: [] }, tagNames: {}, seq: 1, ...parts };
}

/** A user process holding channel handles on `endpoints` (handle numbers from 1). */
export function proc(pid: number, name: string, endpoints: readonly number[], extra: Partial<ProcessView> = {}): ProcessView {
  return {
    pid, name, kind: 'user', state: 'blocked', parent: 1, pc: '0x1000', block: null, exitStatus: 0, refs: 0,
    handles: endpoints.map((object, i) => ({ handle: i + 1, kind: 'channel' as const, object, rights: 7, rightNames: ['read', 'write', 'transfer'] })),
    serviceEndpoints: [], frames: 4, instructions: 0, syscalls: 0, ...extra,
  };
}

/** Endpoint `id` held by handle 1 of each pid in `pids`, consistent refs. */
export function ep(id: number, pids: readonly number[], extra: Partial<EndpointView> = {}): EndpointView {
  return {
    id, peer: id ^ 1, peerAlive: true, label: null, refs: pids.length, holders: pids.map((pid) => ({ pid, handle: 1 })), services: [],
    queuedRefs: 0, unaccountedRefs: 0, queueDepth: 0, queuedTags: [], recvWaiters: [], sendWaiters: [], ...extra,
  };
}

/** SHM region `id` held by `holders` and mapped by `mappers`. */
export function shm(id: number, holders: readonly number[], mappers: readonly number[], extra: Partial<ShmView> = {}): ShmView {
  return {
    id, pages: 2, refs: holders.length, holders: holders.map((pid) => ({ pid, handle: 3 })),
    mappings: mappers.map((pid) => ({ pid, va: '0x40000000', writable: true })), ...extra,
  };
}
