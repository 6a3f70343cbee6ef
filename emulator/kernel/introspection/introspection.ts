// Read-only introspection of the live kernel: one function that walks the
// process, channel and SHM tables, the frame allocator and the IPC trace ring
// and returns plain JSON-able data (shape and meaning: introspection-types.ts).
// It changes nothing, so the host may call it between any two run batches.

import { HandleKind, Right, type HandleKindCode } from '../abi/handles.ts';
import { WireTag } from '../abi/wire-tags.ts';
import type { KernelContext, ServiceTask } from '../context/kernel-context.ts';
import type { IpcEvent } from '../ipc/ipc-trace.ts';
import { Pte } from '../mm/page-table.ts';
import type { Process } from '../proc/process.ts';
import type {
  EndpointView, FrameUsageView, HandleHolder, HandleKindName, HandleView, IntrospectionSnapshot, IpcEventView, ProcessView, ShmView,
} from './introspection-types.ts';

/** The service task of a pid, used to attribute the endpoints services own. */
export type ServiceLookup = (pid: number) => ServiceTask | undefined;

/** The kernel as introspection reads it (Kernel provides serviceTask). */
export interface IntrospectionSource extends KernelContext {
  serviceTask?(pid: number): ServiceTask | undefined;
}

const NS_PER_TICK = 100;
const KIND_NAMES: Readonly<Record<HandleKindCode, HandleKindName>> = { [HandleKind.Channel]: 'channel', [HandleKind.Shm]: 'shm', [HandleKind.Process]: 'process' };
const RIGHT_NAMES = Object.entries(Right).map(([name, bit]) => [name.toLowerCase(), bit] as const);
const TAG_NAMES = new Map<number, string>(Object.entries(WireTag).map(([name, tag]) => [tag, name]));

/** A snapshot of the kernel's state as plain data (see introspection-types.ts); `services` attributes service-owned endpoints. */
export function introspect(k: IntrospectionSource, services: ServiceLookup = (pid) => k.serviceTask?.(pid)): IntrospectionSnapshot {
  const processes = k.processes.list();
  const tasks = serviceTasks(processes, services);
  const owned = new Map([...tasks].map(([pid, task]) => [pid, task.ownedEndpoints?.() ?? []] as const));
  const labels = new Map([...tasks.values()].flatMap((task) => task.endpointLabels?.() ?? []));
  const shmOwners = [...tasks].flatMap(([pid, task]) => (task.ownedShm?.() ?? []).map((id) => [pid, id] as const));
  return {
    time: { ticks: k.now(), ns: k.now() * NS_PER_TICK, instructions: k.instructionsRetired() },
    processes: processes.map((p) => withStats(processView(p, owned.get(p.pid) ?? []), tasks.get(p.pid))),
    endpoints: k.channels.liveEndpoints().map((ep) => endpointView(k, ep.id, processes, owned, labels.get(ep.id) ?? null)),
    shm: k.shm.regions().map((r) => withShmOwners(shmView(r.id, r.pages, r.refs, processes), shmOwners)),
    frames: frameUsage(k, processes),
    ipc: { total: k.channels.trace.total, recent: k.channels.trace.recent().map(ipcEventView) },
    limits: { ...k.limits },
  };
}

/** What introspection reads of a service task when it offers it (EndpointService does). */
interface DescribedTask extends ServiceTask {
  ownedEndpoints?(): number[];
  endpointLabels?(): [number, string][];
  /** SHM regions the task holds one reference to each (the gpu's framebuffer). */
  ownedShm?(): number[];
  /** Counters of the service (events delivered, dropped, ...). */
  serviceStats?(): Record<string, number>;
}

/** `view` with the task's counters, when it reports any. */
function withStats(view: ProcessView, task: DescribedTask | undefined): ProcessView {
  const stats = task?.serviceStats?.();
  return stats === undefined ? view : { ...view, serviceStats: { ...stats } };
}

/** `view` with the service tasks owning a reference to it, when there are any. */
function withShmOwners(view: ShmView, owners: readonly (readonly [number, number])[]): ShmView {
  const services = owners.filter(([, id]) => id === view.id).map(([pid]) => pid);
  return services.length === 0 ? view : { ...view, services };
}

function serviceTasks(processes: readonly Process[], services: ServiceLookup): Map<number, DescribedTask> {
  const tasks = new Map<number, DescribedTask>();
  for (const p of processes) {
    const task = p.kind === 'service' ? services(p.pid) : undefined;
    if (task !== undefined) tasks.set(p.pid, task);
  }
  return tasks;
}

function processView(p: Process, serviceEps: number[]): ProcessView {
  return {
    pid: p.pid, name: p.name, kind: p.kind, state: p.state, parent: p.parent,
    pc: p.kind === 'user' ? hex(p.context.pc) : null,
    block: p.block === undefined ? null : structuredClone(p.block),
    exitStatus: p.exitStatus, refs: p.refs,
    handles: (p.handles?.entries() ?? []).map(([handle, e]) => handleView(handle, e.kind, e.objectId, e.rights)),
    serviceEndpoints: serviceEps,
    frames: p.space?.framesOwned ?? 0, instructions: p.instructions, syscalls: p.syscalls,
  };
}

function handleView(handle: number, kind: HandleKindCode, object: number, rights: number): HandleView {
  return { handle, kind: kindName(kind), object, rights, rightNames: RIGHT_NAMES.filter(([, bit]) => (rights & bit) !== 0).map(([n]) => n) };
}

function endpointView(
  k: KernelContext, id: number, processes: readonly Process[], owned: ReadonlyMap<number, readonly number[]>, label: string | null,
): EndpointView {
  const ep = k.channels.live(id);
  const holders = handleHolders(processes, HandleKind.Channel, id);
  const services: number[] = [];
  for (const [pid, ids] of owned) for (const e of ids) if (e === id) services.push(pid);
  return {
    id, peer: ep.peer, peerAlive: k.channels.endpoint(ep.peer) !== undefined, label, refs: ep.refs,
    holders, services, queuedRefs: ep.queuedRefs,
    unaccountedRefs: ep.refs - holders.length - services.length - ep.queuedRefs,
    queueDepth: ep.queue.length,
    queuedTags: ep.queue.map((m) => (m.data.length >= 2 ? m.data[0]! | (m.data[1]! << 8) : null)),
    recvWaiters: ep.recvWaiters.slice(), sendWaiters: ep.sendWaiters.slice(),
  };
}

function shmView(id: number, pages: number, refs: number, processes: readonly Process[]): ShmView {
  const mappings: { pid: number; va: string; writable: boolean }[] = [];
  for (const p of processes) {
    for (const r of p.space?.regions ?? []) {
      if (r.kind === 'shm' && r.shmId === id) mappings.push({ pid: p.pid, va: hex(r.start), writable: (r.flags & Pte.W) !== 0 });
    }
  }
  return { id, pages, refs, holders: handleHolders(processes, HandleKind.Shm, id), mappings };
}

/** Every (pid, handle) whose handle names object (kind, id). */
function handleHolders(processes: readonly Process[], kind: HandleKindCode, id: number): HandleHolder[] {
  const out: HandleHolder[] = [];
  for (const p of processes) {
    for (const [handle, e] of p.handles?.entries() ?? []) if (e.kind === kind && e.objectId === id) out.push({ pid: p.pid, handle });
  }
  return out;
}

function frameUsage(k: KernelContext, processes: readonly Process[]): FrameUsageView {
  return {
    total: k.frames.total, free: k.frames.freeCount, used: k.frames.usedCount,
    perProcess: processes.filter((p) => p.space !== undefined).map((p) => ({ pid: p.pid, frames: p.space!.framesOwned })),
    shm: k.shm.regions().reduce((n, r) => n + r.frames.length, 0),
  };
}

function ipcEventView(e: IpcEvent): IpcEventView {
  return {
    time: e.time, from: e.fromPid, toEndpoint: e.toEndpoint, tag: e.tag ?? null,
    tagName: e.tag === undefined ? null : TAG_NAMES.get(e.tag) ?? null,
    caps: e.caps.map((c) => ({ kind: kindName(c.kind), id: c.id, rights: c.rights })),
  };
}

function kindName(kind: HandleKindCode): HandleKindName {
  return KIND_NAMES[kind];
}

function hex(v: bigint | number): string {
  return `0x${v.toString(16)}`;
}
