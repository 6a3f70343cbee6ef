// HandleTable: one process's handles. A handle is a small integer naming an
// entry (object kind, object id, rights); each entry owns one reference on its
// object (released by the caller through ObjectRefs when the entry is removed).
// Allocation is O(1) from a free stack, lowest numbers first (the boot channel
// gets handle 0). State is plain data.

import { RvosError } from '../abi/errors.ts';
import type { HandleKindCode } from '../abi/handles.ts';
import { injectFault, noFaults, type FaultCountdowns } from '../core/fault-injection.ts';
import { fail, ok, type KResult } from '../core/result.ts';

export interface HandleEntry {
  readonly kind: HandleKindCode;
  readonly objectId: number;
  readonly rights: number;
}

export class HandleTable {
  /** Number of handle slots. */
  readonly capacity: number;
  private readonly slots: (HandleEntry | undefined)[];
  /** Free handle numbers; the next one to hand out is on top (the end). */
  private readonly free: number[];

  /** An empty table with `capacity` slots (limits.handlesPerProcess); `faults` makes chosen installs fail (tests). */
  constructor(capacity: number, private readonly faults: FaultCountdowns = noFaults()) {
    this.capacity = capacity;
    this.slots = new Array<HandleEntry | undefined>(capacity).fill(undefined);
    this.free = Array.from({ length: capacity }, (_, i) => capacity - 1 - i);
  }

  /** Handles in use (SYS_MEMINFO and introspection). */
  get count(): number {
    return this.capacity - this.free.length;
  }

  /** Free slots: a receive that brings n caps checks n <= freeCount before it changes anything. */
  get freeCount(): number {
    return this.free.length;
  }

  /** Installs `entry` and returns its handle number; the entry takes over the caller's reference. TooManyHandles when full (the caller keeps its reference). */
  install(entry: HandleEntry): KResult<number> {
    if (this.faults.handle !== 0 && injectFault(this.faults, 'handle')) return fail(RvosError.TooManyHandles);
    const handle = this.free.pop();
    if (handle === undefined) return fail(RvosError.TooManyHandles);
    this.slots[handle] = { kind: entry.kind, objectId: entry.objectId, rights: entry.rights };
    return ok(handle);
  }

  /**
   * The entry of `handle` if it names an object of `kind` (any kind when undefined) with every bit of
   * `rightsNeeded`. Errors in Zircon's precedence: BadHandle (not open, or not a handle number at all),
   * then WrongType, then AccessDenied.
   */
  lookup(handle: number | undefined, kind: HandleKindCode | undefined, rightsNeeded: number): KResult<HandleEntry> {
    const entry = this.get(handle);
    if (entry === undefined) return fail(RvosError.BadHandle);
    if (kind !== undefined && entry.kind !== kind) return fail(RvosError.WrongType);
    if ((entry.rights & rightsNeeded) !== rightsNeeded) return fail(RvosError.AccessDenied);
    return ok(entry);
  }

  /** The entry of `handle`, or undefined when it is not an open handle of this table. */
  get(handle: number | undefined): HandleEntry | undefined {
    if (handle === undefined || !Number.isInteger(handle) || handle < 0 || handle >= this.capacity) return undefined;
    return this.slots[handle];
  }

  /** Removes `handle` and returns its entry; the caller now owns the entry's reference and must release it. BadHandle if not open. */
  remove(handle: number | undefined): KResult<HandleEntry> {
    const entry = this.get(handle);
    if (entry === undefined) return fail(RvosError.BadHandle);
    this.slots[handle!] = undefined;
    this.free.push(handle!);
    return ok(entry);
  }

  /** Removes every handle (process exit); returns the entries, whose references the caller must release. */
  drain(): HandleEntry[] {
    const entries: HandleEntry[] = [];
    for (let h = this.capacity - 1; h >= 0; h--) {
      const entry = this.slots[h];
      if (entry === undefined) continue;
      this.slots[h] = undefined;
      this.free.push(h);
      entries.push(entry);
    }
    return entries;
  }

  /** [handle, entry] for every open handle, lowest first (introspection, tests). */
  entries(): [number, HandleEntry][] {
    const out: [number, HandleEntry][] = [];
    this.slots.forEach((entry, h) => { if (entry !== undefined) out.push([h, entry]); });
    return out;
  }
}
