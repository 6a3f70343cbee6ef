// The data shape of a kernel introspection snapshot (introspection.ts builds
// it): plain JSON-able objects only (numbers, strings, booleans, arrays, null;
// 64-bit values as hex strings), so the host can post it to the workbench UI,
// whose capability graph draws processes, endpoints, handles, SHM and messages.
//
// Graph reading: a process node holds handles (edges handle -> object); an
// endpoint node has a peer (the other end of its channel); `holders` lists the
// handles on an endpoint or SHM region, and an endpoint's `refs` equals handle
// holders + service owners + queued caps + unaccountedRefs (0 unless leaked).

import type { KernelLimits } from '../core/limits.ts';
import type { BlockReason } from '../proc/process.ts';

/** One whole snapshot. */
export interface IntrospectionSnapshot {
  /** Virtual time in ticks (1 tick = 100 ns) and user instructions retired, when taken. */
  readonly time: { readonly ticks: number; readonly ns: number; readonly instructions: number };
  readonly processes: readonly ProcessView[];
  /** Live endpoints by increasing id; endpoints 2s and 2s+1 form channel s. */
  readonly endpoints: readonly EndpointView[];
  readonly shm: readonly ShmView[];
  readonly frames: FrameUsageView;
  /** Recent sends (oldest first) from the IPC trace ring, and how many were ever recorded. */
  readonly ipc: { readonly total: number; readonly recent: readonly IpcEventView[] };
  /** The kernel's limits (core/limits.ts), so a viewer can show usage against them. */
  readonly limits: Readonly<KernelLimits>;
}

export type HandleKindName = 'channel' | 'shm' | 'process';

export interface ProcessView {
  readonly pid: number;
  readonly name: string;
  /** 'user' (runs on the hart) or 'service' (a kernel service task). */
  readonly kind: 'user' | 'service';
  /** 'runnable' | 'running' | 'blocked' | 'sleeping' | 'zombie'. */
  readonly state: string;
  /** pid of the creator (0 = the kernel). */
  readonly parent: number;
  /** Saved pc as "0x..." (user processes; null for services). */
  readonly pc: string | null;
  /** What a blocked task waits for, e.g. { kind: 'recv', endpoints: [3] } (null when not blocked). */
  readonly block: BlockReason | null;
  /** Exit status (meaningful for zombies). */
  readonly exitStatus: number;
  /** Handles of other processes that refer to this process. */
  readonly refs: number;
  readonly handles: readonly HandleView[];
  /** Endpoints a service task owns (empty for user processes). */
  readonly serviceEndpoints: readonly number[];
  /** Frames of its address space (pages + page-table pages; SHM frames are counted on the region). */
  readonly frames: number;
  readonly instructions: number;
  readonly syscalls: number;
  /** A service's counters, e.g. kbd/mouse { clients, delivered, discarded, dropped, queued }, gpu { clients, accepted, flushes, badFlushes }. */
  readonly serviceStats?: Readonly<Record<string, number>>;
}

export interface HandleView {
  readonly handle: number;
  readonly kind: HandleKindName;
  /** Endpoint id, SHM region id or pid. */
  readonly object: number;
  /** Rights bits (Right) and their names ('read', 'write', 'transfer', 'wait', 'kill'). */
  readonly rights: number;
  readonly rightNames: readonly string[];
}

/** Who holds a reference by handle. */
export interface HandleHolder {
  readonly pid: number;
  readonly handle: number;
}

export interface EndpointView {
  readonly id: number;
  /** The other end (its id; check `peerAlive`). */
  readonly peer: number;
  readonly peerAlive: boolean;
  /** What a service uses it for ("registry: fs", "boot channel of pid 5", "client connection"), or null. */
  readonly label: string | null;
  readonly refs: number;
  /** Process handles on this endpoint. */
  readonly holders: readonly HandleHolder[];
  /** Service tasks (pids) owning a reference (OwnedEndpoint). */
  readonly services: readonly number[];
  /** References held by caps of messages sitting in queues (capabilities in transit). */
  readonly queuedRefs: number;
  /** References none of the above explains (0 when the accounting is complete). */
  readonly unaccountedRefs: number;
  /** Messages waiting in this endpoint's queue, and their wire tags (null for a message shorter than a tag). */
  readonly queueDepth: number;
  readonly queuedTags: readonly (number | null)[];
  /** pids blocked receiving here / waiting for room here. */
  readonly recvWaiters: readonly number[];
  readonly sendWaiters: readonly number[];
}

export interface ShmView {
  readonly id: number;
  readonly pages: number;
  /** References by handles, by caps in transit and by service tasks (mappings keep the region alive on their own, see `mappings`). */
  readonly refs: number;
  readonly holders: readonly HandleHolder[];
  /** Service tasks (pids) owning a reference (the gpu service's framebuffer); absent when none. */
  readonly services?: readonly number[];
  /** Address-space mappings: process and start address ("0x..."). */
  readonly mappings: readonly { readonly pid: number; readonly va: string; readonly writable: boolean }[];
}

export interface FrameUsageView {
  readonly total: number;
  readonly free: number;
  readonly used: number;
  /** Frames by process (its framesOwned), for processes that have an address space. */
  readonly perProcess: readonly { readonly pid: number; readonly frames: number }[];
  /** Frames of SHM regions. */
  readonly shm: number;
}

export interface IpcEventView {
  readonly time: number;
  /** Sender pid (0 = a kernel service). */
  readonly from: number;
  readonly toEndpoint: number;
  /** Wire tag and its name from wire-tags.ts ("InitConnect"), null when unknown or absent. */
  readonly tag: number | null;
  readonly tagName: string | null;
  readonly caps: readonly { readonly kind: HandleKindName; readonly id: number; readonly rights: number }[];
}
