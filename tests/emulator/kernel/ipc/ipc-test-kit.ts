// Test kit for the IPC tests: a recording waker (stands in for the scheduler's
// wake, which only needs to be called), the real SHM table (over a small RAM
// of its own) and process table with helpers, and a ready-made set of tables.

import { DEFAULT_LIMITS, type KernelLimits } from '../../../../emulator/kernel/core/limits.ts';
import { ChannelTable } from '../../../../emulator/kernel/ipc/channel-table.ts';
import { ObjectRefs, type RefCountedTable } from '../../../../emulator/kernel/ipc/object-refs.ts';
import type { Waker } from '../../../../emulator/kernel/ipc/waiters.ts';
import { FrameAllocator } from '../../../../emulator/kernel/mm/frame-allocator.ts';
import type { MmDeps } from '../../../../emulator/kernel/mm/page-table.ts';
import { PhysicalMemory } from '../../../../emulator/kernel/mm/physical-memory.ts';
import { ShmTable } from '../../../../emulator/kernel/mm/shm.ts';
import { ProcState } from '../../../../emulator/kernel/proc/process.ts';
import { ProcessTable } from '../../../../emulator/kernel/proc/process-table.ts';
import { fields } from '../proc/process-fields.ts';

/** Records every wake(pid), in order. */
export class RecordingWaker implements Waker {
  readonly woken: number[] = [];
  wake(pid: number): void {
    this.woken.push(pid);
  }
}

/** The real ShmTable over a small RAM of its own (16 pages), seen as ObjectRefs sees it (release needs the frames). */
export class ShmKit implements RefCountedTable {
  readonly table: ShmTable;
  private readonly mm: MmDeps;
  constructor(limit: number) {
    const ramBase = 0x8000_0000n;
    const device = { ram: new Uint8Array(16 * 4096), ramBase, invalidateCode: () => {}, flushTlb: () => {} };
    const mem = new PhysicalMemory(device);
    this.mm = { mem, frames: new FrameAllocator(mem, mem.base, 16) };
    this.table = new ShmTable(limit);
  }
  /** A new one-page region with one reference (the caller's); returns its id. */
  add(): number {
    const r = this.table.create(this.mm, 4096);
    if (!r.ok) throw new Error(`shm create failed: ${r.error}`);
    return r.value;
  }
  /** References of region `id`; undefined once freed. */
  refs(id: number): number | undefined {
    return this.table.get(id)?.refs;
  }
  /** Frames the regions hold. */
  get framesUsed(): number {
    return this.mm.frames.usedCount;
  }
  retain(id: number): void {
    this.table.retain(id);
  }
  release(id: number): void {
    this.table.release(this.mm, id);
  }
}

/** The real ProcessTable with helpers: exited processes held only by handle references. */
export class ProcessKit {
  readonly table: ProcessTable;
  constructor(limit: number) {
    this.table = new ProcessTable(limit);
  }
  /** An exited process with one reference (a handle's, the caller's); returns its pid. */
  add(): number {
    const r = this.table.allocate({ ...fields('zombie'), state: ProcState.Zombie, refs: 1 });
    if (!r.ok) throw new Error(`allocate failed: ${r.error}`);
    return r.value.pid;
  }
  /** References of process `pid`; undefined once its slot is freed. */
  refs(pid: number): number | undefined {
    return this.table.get(pid)?.refs;
  }
}

export interface IpcKit {
  readonly limits: KernelLimits;
  readonly waker: RecordingWaker;
  readonly channels: ChannelTable;
  readonly shm: ShmKit;
  readonly processes: ProcessKit;
  readonly objects: ObjectRefs;
  now(): number;
}

/** Fresh tables with the default limits (or `overrides`). */
export function makeIpcKit(overrides: Partial<KernelLimits> = {}): IpcKit {
  const limits = { ...DEFAULT_LIMITS, ...overrides };
  const waker = new RecordingWaker();
  const channels = new ChannelTable(limits, waker);
  const shm = new ShmKit(limits.shmRegions);
  const processes = new ProcessKit(limits.processes);
  const objects = new ObjectRefs({ channels, shm, processes: processes.table });
  return { limits, waker, channels, shm, processes, objects, now: () => 1234 };
}
