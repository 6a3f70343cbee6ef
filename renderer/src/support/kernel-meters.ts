// Pure views of a kernel introspection snapshot for the inspector: resource
// meters (use against the kernel's limits) and process-table rows (state with
// what it waits for, pc and the function it is in, handle count, memory).

import type { HostIntrospection } from '../../../emulator/host/protocol/messages.ts';
import type { IntrospectionSnapshot, ProcessView } from '../../../emulator/kernel/introspection/introspection-types.ts';

const PAGE_BYTES = 4096;

/** One meter: `used` of `limit`, with the text shown beside the bar. */
export interface KernelMeter {
  readonly key: 'frames' | 'processes' | 'channels' | 'handles' | 'shm';
  readonly label: string;
  readonly used: number;
  readonly limit: number;
  /** used / limit clamped to 0..1. */
  readonly fraction: number;
  readonly text: string;
  /** Extra detail for a tooltip. */
  readonly detail: string;
}

/** The resource meters of a snapshot: frames, processes, channels, handles (fullest process), SHM regions. */
export function kernelMeters(snap: IntrospectionSnapshot): KernelMeter[] {
  const { limits, frames } = snap;
  const channels = new Set(snap.endpoints.map((ep) => ep.id >> 1)).size;
  const fullest = fullestProcess(snap.processes);
  const handles = fullest?.handles.length ?? 0;
  const totalHandles = snap.processes.reduce((n, p) => n + p.handles.length, 0);
  return [
    meter('frames', 'frames', frames.used, frames.total, `${frames.used} / ${frames.total}`,
      `${formatBytes(frames.used * PAGE_BYTES)} of ${formatBytes(frames.total * PAGE_BYTES)} (limit ${limits.frames}); SHM ${frames.shm} frames`),
    meter('processes', 'processes', snap.processes.length, limits.processes, `${snap.processes.length} / ${limits.processes}`,
      'process-table slots, service tasks included'),
    meter('channels', 'channels', channels, limits.channels, `${channels} / ${limits.channels}`,
      `${snap.endpoints.length} live endpoints`),
    meter('handles', 'handles', handles, limits.handlesPerProcess, `${handles} / ${limits.handlesPerProcess}`,
      `the fullest process${fullest === undefined ? '' : ` (${fullest.name}, pid ${fullest.pid})`} against the per-process limit; ${totalHandles} handles in all`),
    meter('shm', 'SHM', snap.shm.length, limits.shmRegions, `${snap.shm.length} / ${limits.shmRegions}`,
      `${snap.shm.reduce((n, r) => n + r.pages, 0)} pages in SHM regions`),
  ];
}

function meter(key: KernelMeter['key'], label: string, used: number, limit: number, text: string, detail: string): KernelMeter {
  const fraction = limit > 0 ? Math.min(1, Math.max(0, used / limit)) : 0;
  return { key, label, used, limit, fraction, text, detail };
}

function fullestProcess(processes: readonly ProcessView[]): ProcessView | undefined {
  let best: ProcessView | undefined;
  for (const p of processes) if (best === undefined || p.handles.length > best.handles.length) best = p;
  return best;
}

/** One row of the process table, as text. */
export interface ProcessRow {
  readonly pid: number;
  readonly name: string;
  readonly kind: ProcessView['kind'];
  readonly state: string;
  /** The state with what it waits for ("blocked: recv 3, 5"). */
  readonly stateText: string;
  /** "0x…" for user processes, "—" for service tasks. */
  readonly pc: string;
  /** The function the pc is in ("rvos_syscall+0x1c"), null when the host has no symbol for it. */
  readonly function: string | null;
  readonly handles: number;
  /** Memory of its address space ("52 KiB"), "—" without one. */
  readonly memory: string;
  readonly frames: number;
}

/** The process table's rows by pid (a plain kernel snapshot gives rows without functions). */
export function processRows(snap: HostIntrospection): ProcessRow[] {
  return [...snap.processes].sort((a, b) => a.pid - b.pid).map((p) => ({
    pid: p.pid, name: p.name, kind: p.kind, state: p.state, stateText: stateText(p),
    pc: p.pc ?? '—', function: p.function ?? null, handles: p.handles.length,
    memory: p.frames > 0 ? formatBytes(p.frames * PAGE_BYTES) : '—', frames: p.frames,
  }));
}

function stateText(p: ProcessView): string {
  const block = p.block;
  if (block === null) return p.state === 'zombie' ? `zombie (exit ${p.exitStatus})` : p.state;
  switch (block.kind) {
    case 'recv': return `${p.state}: recv ${block.endpoints.join(', ')}`;
    case 'send': return `${p.state}: send ${block.endpoint}`;
    case 'proc-exit': return `${p.state}: wait pid ${block.pid}`;
    case 'sleep': return p.state === 'sleeping' ? p.state : `${p.state}: sleep`;
    case 'idle': return `${p.state}: idle`;
  }
}

/** A byte count in KiB or MiB ("52 KiB", "128.0 MiB"). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
