// ProcessTable: the fixed-size table of tasks (limits.processes slots) with an
// O(1) free list. pid = generation * capacity + slot + 1, so pid -> slot is
// arithmetic and a stale pid of a reused slot never matches. Also the
// reference count of process objects (handles of kind Process).

import { RvosError } from '../abi/errors.ts';
import { KernelBug, fail, ok, type KResult } from '../core/result.ts';
import { ProcState, type Process } from './process.ts';

/** The fields a new process is created with (pid and slot are assigned by the table). */
export type NewProcess = Omit<Process, 'pid' | 'slot'>;

export class ProcessTable {
  private readonly slots: (Process | undefined)[];
  private readonly generation: Uint32Array;
  private readonly freeSlots: Int32Array;
  private freeTop: number;
  private used = 0;

  constructor(readonly capacity: number) {
    this.slots = new Array<Process | undefined>(capacity).fill(undefined);
    this.generation = new Uint32Array(capacity);
    this.freeSlots = new Int32Array(capacity);
    // Lowest slot on top, so the first processes get pids 1, 2, 3...
    for (let i = 0; i < capacity; i++) this.freeSlots[i] = capacity - 1 - i;
    this.freeTop = capacity;
  }

  /** Slots in use (zombies included). */
  get count(): number {
    return this.used;
  }

  /** Takes a free slot for `fields`; returns the new process, or TooManyProcesses when the table is full. */
  allocate(fields: NewProcess): KResult<Process> {
    if (this.freeTop === 0) return fail(RvosError.TooManyProcesses);
    const slot = this.freeSlots[--this.freeTop]!;
    const pid = this.generation[slot]! * this.capacity + slot + 1;
    // Object.assign, not a spread: every process then shares one hidden class (a spread clone gave each
    // its own, making every property access on processes megamorphic in the kernel's hot paths).
    const process: Process = Object.assign({ pid, slot }, fields);
    this.slots[slot] = process;
    this.used++;
    return ok(process);
  }

  /** The process with this pid (zombies included), or undefined. */
  get(pid: number): Process | undefined {
    if (!Number.isSafeInteger(pid) || pid < 1) return undefined;
    const process = this.slots[(pid - 1) % this.capacity];
    return process?.pid === pid ? process : undefined;
  }

  /** The process in `slot`, or undefined. */
  atSlot(slot: number): Process | undefined {
    return this.slots[slot];
  }

  /** Frees the slot of `pid` (the process must be a Zombie); throws KernelBug otherwise. */
  free(pid: number): void {
    const process = this.get(pid);
    if (process === undefined) throw new KernelBug(`free of unknown pid ${pid}`);
    if (process.state !== ProcState.Zombie) throw new KernelBug(`free of live pid ${pid}`);
    this.slots[process.slot] = undefined;
    this.generation[process.slot] = (this.generation[process.slot]! + 1) % 0x1000_0000;
    this.freeSlots[this.freeTop++] = process.slot;
    this.used--;
  }

  /** Every process in slot order (a copy; for walks such as introspection and ps). */
  list(): Process[] {
    return this.slots.filter((p): p is Process => p !== undefined);
  }

  /** Takes a reference to process `pid` for a handle; throws KernelBug for an unknown pid. */
  retain(pid: number): void {
    const process = this.get(pid);
    if (process === undefined) throw new KernelBug(`retain of unknown pid ${pid}`);
    process.refs++;
  }

  /** Drops a handle's reference; an exited process with no references left is freed. */
  release(pid: number): void {
    const process = this.get(pid);
    if (process === undefined || process.refs <= 0) throw new KernelBug(`release of pid ${pid} without a reference`);
    process.refs--;
    if (process.refs === 0 && process.state === ProcState.Zombie) this.free(pid);
  }
}
