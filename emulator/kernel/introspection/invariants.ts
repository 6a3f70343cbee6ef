// The kernel invariant checker: walks the live tables (read-only) and lists
// every broken invariant as a sentence: reference counts equal their holders
// (handles, queued caps, kernel owners), no handle or queued cap names a freed
// object, frame accounting adds up, queues and tables stay within their
// bounds, and process states agree with the scheduler and the waiter lists.

import { HandleKind, type HandleKindCode } from '../abi/handles.ts';
import { MSG_CAPS_MAX, MSG_DATA_MAX } from '../abi/message.ts';
import type { Cap } from '../ipc/message.ts';
import { ProcState, type Process } from '../proc/process.ts';
import { introspect, type IntrospectionSource } from './introspection.ts';

/** What the checker reads of a service task besides introspection's endpoint view: caps held by its outbox, SHM it owns. */
interface OutboxHolder {
  readonly outbox?: { readonly entries: readonly { readonly caps: readonly Cap[] }[] };
  ownedShm?(): number[];
}

/** References to one object by kind of holder. */
interface Holders {
  handles: number;
  queued: number;
  kernel: number;
}

type HolderMap = Map<string, Holders>;

const KIND_NAME: Readonly<Record<number, string>> = { [HandleKind.Channel]: 'endpoint', [HandleKind.Shm]: 'shm', [HandleKind.Process]: 'process' };

/**
 * Every invariant the kernel `k` breaks right now, one sentence each (empty
 * when the state is consistent). Never throws for an inconsistent state; it
 * changes nothing.
 */
export function checkInvariants(k: IntrospectionSource): string[] {
  const out: string[] = [];
  const processes = k.processes.list();
  const holders = countHolders(k, processes, out);
  checkEndpoints(k, holders, out);
  checkShm(k, processes, holders, out);
  checkProcessRefs(k, processes, holders, out);
  checkProcessStates(k, processes, out);
  checkFrames(k, processes, out);
  return out;
}

function key(kind: HandleKindCode, id: number): string {
  return `${kind}:${id}`;
}

function holderOf(map: HolderMap, kind: HandleKindCode, id: number): Holders {
  let h = map.get(key(kind, id));
  if (h === undefined) map.set(key(kind, id), (h = { handles: 0, queued: 0, kernel: 0 }));
  return h;
}

/** True when object (kind, id) is live in its table. */
function objectLive(k: IntrospectionSource, kind: HandleKindCode, id: number): boolean {
  switch (kind) {
    case HandleKind.Channel: return k.channels.endpoint(id) !== undefined;
    case HandleKind.Shm: return k.shm.get(id) !== undefined;
    case HandleKind.Process: return k.processes.get(id) !== undefined;
    default: return false;
  }
}

/** Counts handles, queued caps and service outbox caps per object; reports holders that name freed objects. */
function countHolders(k: IntrospectionSource, processes: readonly Process[], out: string[]): HolderMap {
  const map: HolderMap = new Map();
  for (const p of processes) {
    const table = p.handles;
    if (table === undefined) continue;
    if (table.count > table.capacity) out.push(`pid ${p.pid}: ${table.count} handles exceed capacity ${table.capacity}`);
    for (const [h, e] of table.entries()) {
      if (!objectLive(k, e.kind, e.objectId)) out.push(`pid ${p.pid} handle ${h} names freed ${KIND_NAME[e.kind]} ${e.objectId}`);
      holderOf(map, e.kind, e.objectId).handles++;
    }
  }
  for (const ep of k.channels.liveEndpoints()) {
    for (const msg of ep.queue) {
      for (const cap of msg.caps) {
        if (!objectLive(k, cap.kind, cap.id)) out.push(`message queued on endpoint ${ep.id} carries freed ${KIND_NAME[cap.kind]} ${cap.id}`);
        holderOf(map, cap.kind, cap.id).queued++;
      }
    }
  }
  for (const p of processes) {
    const task = p.kind === 'service' ? (k.serviceTask?.(p.pid) as OutboxHolder | undefined) : undefined;
    for (const entry of task?.outbox?.entries ?? []) {
      for (const cap of entry.caps) {
        if (!objectLive(k, cap.kind, cap.id)) out.push(`outbox of service pid ${p.pid} holds freed ${KIND_NAME[cap.kind]} ${cap.id}`);
        if (cap.kind !== HandleKind.Channel) holderOf(map, cap.kind, cap.id).kernel++; // channel caps: ownedEndpoints() counts them
      }
    }
    for (const id of task?.ownedShm?.() ?? []) {
      if (!objectLive(k, HandleKind.Shm, id)) out.push(`service pid ${p.pid} owns freed shm ${id}`);
      holderOf(map, HandleKind.Shm, id).kernel++;
    }
  }
  return map;
}

/** Endpoint refs = holders (introspection's unaccountedRefs), queuedRefs = caps really queued, queues within bounds. */
function checkEndpoints(k: IntrospectionSource, holders: HolderMap, out: string[]): void {
  for (const view of introspect(k).endpoints) {
    if (view.unaccountedRefs !== 0) {
      out.push(`endpoint ${view.id}: refs ${view.refs} != ${view.holders.length} handles + ${view.services.length} service owners + ${view.queuedRefs} queued caps`);
    }
    const queued = holders.get(key(HandleKind.Channel, view.id))?.queued ?? 0;
    if (queued !== view.queuedRefs) out.push(`endpoint ${view.id}: queuedRefs ${view.queuedRefs} but ${queued} queued caps name it`);
    if (view.refs <= 0) out.push(`endpoint ${view.id} is live with ${view.refs} references`);
  }
  for (const ep of k.channels.liveEndpoints()) {
    if (ep.queue.length > k.channels.queueDepth) out.push(`endpoint ${ep.id}: ${ep.queue.length} queued > depth ${k.channels.queueDepth}`);
    for (const msg of ep.queue) {
      if (msg.data.length > MSG_DATA_MAX || msg.caps.length > MSG_CAPS_MAX) out.push(`endpoint ${ep.id}: an oversized message is queued`);
    }
  }
  const slots = new Set(k.channels.liveEndpoints().map((ep) => ep.id >> 1));
  if (slots.size !== k.channels.count) out.push(`channel table counts ${k.channels.count} channels but ${slots.size} have a live endpoint`);
}

/** SHM refs = handles + queued caps + outbox caps; mappings = address-space regions mapping it; no unused region is kept. */
function checkShm(k: IntrospectionSource, processes: readonly Process[], holders: HolderMap, out: string[]): void {
  const mapped = new Map<number, number>();
  for (const p of processes) {
    for (const r of p.space?.regions ?? []) if (r.kind === 'shm') mapped.set(r.shmId, (mapped.get(r.shmId) ?? 0) + 1);
  }
  for (const [id] of mapped) if (k.shm.get(id) === undefined) out.push(`an address space maps freed shm ${id}`);
  for (const region of k.shm.regions()) {
    const h = holders.get(key(HandleKind.Shm, region.id)) ?? { handles: 0, queued: 0, kernel: 0 };
    const held = h.handles + h.queued + h.kernel;
    if (region.refs !== held) out.push(`shm ${region.id}: refs ${region.refs} != ${h.handles} handles + ${h.queued} queued caps + ${h.kernel} service-held refs`);
    const maps = mapped.get(region.id) ?? 0;
    if (region.mappings !== maps) out.push(`shm ${region.id}: mappings ${region.mappings} but ${maps} address-space regions map it`);
    if (region.refs === 0 && region.mappings === 0) out.push(`shm ${region.id} is kept with no reference and no mapping`);
  }
  if (k.shm.count !== k.shm.regions().length) out.push(`shm table counts ${k.shm.count} regions but ${k.shm.regions().length} exist`);
}

/** Process refs = process handles + queued caps + outbox caps; a zombie nobody refers to is freed. */
function checkProcessRefs(k: IntrospectionSource, processes: readonly Process[], holders: HolderMap, out: string[]): void {
  for (const p of processes) {
    const h = holders.get(key(HandleKind.Process, p.pid)) ?? { handles: 0, queued: 0, kernel: 0 };
    const held = h.handles + h.queued + h.kernel;
    if (p.refs !== held) out.push(`pid ${p.pid}: refs ${p.refs} != ${h.handles} handles + ${h.queued} queued caps + ${h.kernel} outbox caps`);
    if (p.state === ProcState.Zombie && p.refs === 0) out.push(`zombie pid ${p.pid} is kept with no reference`);
  }
  if (k.processes.count !== processes.length) out.push(`process table counts ${k.processes.count} but lists ${processes.length}`);
}

/** States agree with the tables: Runnable tasks are queued, blocked tasks are on the waiter lists that wake them. */
function checkProcessStates(k: IntrospectionSource, processes: readonly Process[], out: string[]): void {
  let running = 0;
  for (const p of processes) {
    if (p.state === ProcState.Running) running++;
    const live = p.state !== ProcState.Zombie;
    if (p.kind === 'user' && live && (p.handles === undefined || p.space === undefined)) out.push(`live pid ${p.pid} has no handle table or address space`);
    if (!live && (p.handles !== undefined || p.space !== undefined)) out.push(`zombie pid ${p.pid} still has a handle table or address space`);
    if (p.state === ProcState.Runnable && !k.scheduler.isQueued(p)) out.push(`runnable pid ${p.pid} is not in the run queue`);
    const waiting = p.state === ProcState.Blocked || p.state === ProcState.Sleeping;
    if (waiting !== (p.block !== undefined)) out.push(`pid ${p.pid} is ${p.state} with block reason ${JSON.stringify(p.block ?? null)}`);
    if (waiting && p.kind === 'user') checkWaiter(k, p, out);
  }
  if (running > 1) out.push(`${running} tasks are Running at once`);
}

/** A blocked user task is on the list of every object that must wake it (or has a deadline). */
function checkWaiter(k: IntrospectionSource, p: Process, out: string[]): void {
  const block = p.block!;
  const timed = p.timeout !== undefined && k.scheduler.hasTimer(p.pid);
  if (p.timeout !== undefined && !timed) out.push(`pid ${p.pid} has a deadline but no timer`);
  switch (block.kind) {
    case 'recv':
      for (const id of block.endpoints) {
        const ep = k.channels.endpoint(id);
        if (ep === undefined || !ep.recvWaiters.includes(p.pid)) out.push(`pid ${p.pid} waits to receive on endpoint ${id} but is not its waiter`);
      }
      break;
    case 'send': {
      const ep = k.channels.endpoint(block.endpoint);
      if (ep === undefined || !ep.sendWaiters.includes(p.pid)) out.push(`pid ${p.pid} waits to send to endpoint ${block.endpoint} but is not its waiter`);
      break;
    }
    case 'proc-exit': {
      const target = k.processes.get(block.pid);
      if (target === undefined || target.state === ProcState.Zombie || !target.exitWaiters.includes(p.pid)) {
        out.push(`pid ${p.pid} waits for pid ${block.pid} to exit but is not its exit waiter`);
      }
      break;
    }
    case 'sleep':
      if (!timed) out.push(`pid ${p.pid} sleeps without a deadline`);
      break;
    case 'idle':
      out.push(`user pid ${p.pid} is blocked 'idle'`);
      break;
  }
}

/** Frames in use = frames and table pages of every address space + frames of every SHM region; each owned frame is allocated. */
function checkFrames(k: IntrospectionSource, processes: readonly Process[], out: string[]): void {
  let owned = 0;
  for (const p of processes) {
    const space = p.space;
    if (space === undefined) continue;
    owned += space.framesOwned;
    for (const r of space.regions) {
      if (r.kind !== 'shm' && r.kind !== 'guard' && r.frames.length !== r.pages) out.push(`pid ${p.pid}: ${r.kind} region at 0x${r.start.toString(16)} has ${r.frames.length} frames for ${r.pages} pages`);
      for (const f of r.frames) if (!k.frames.isAllocated(f)) out.push(`pid ${p.pid} maps free frame 0x${f.toString(16)}`);
    }
  }
  for (const region of k.shm.regions()) {
    owned += region.frames.length;
    for (const f of region.frames) if (!k.frames.isAllocated(f)) out.push(`shm ${region.id} holds free frame 0x${f.toString(16)}`);
  }
  if (k.frames.usedCount !== owned) out.push(`frames: ${k.frames.usedCount} allocated != ${owned} owned by address spaces, page tables and shm`);
}
