// ObjectRefs: THE one place where reference counts of kernel objects change.
// retain/release of (kind, id) dispatch to the channel table (endpoints), the
// SHM table and the process table. Releasing an endpoint to zero releases the
// caps of its queued messages in turn (iteratively, no recursion), and an
// endpoint left with only queued references is checked for a garbage cycle.

import { HandleKind, type HandleKindCode } from '../abi/handles.ts';
import { KernelBug } from '../core/result.ts';
import { garbageFrom, onlyQueued } from './channel-cycles.ts';
import type { ChannelTable } from './channel-table.ts';

/** A table of reference-counted objects (K1's ShmTable, K2's ProcessTable). */
export interface RefCountedTable {
  /** Adds a reference to live object `id` (throws KernelBug when it is not live). */
  retain(id: number): void;
  /** Drops a reference; the table frees the object at zero. */
  release(id: number): void;
}

export interface ObjectTables {
  readonly channels: ChannelTable;
  readonly shm: RefCountedTable;
  readonly processes: RefCountedTable;
}

export class ObjectRefs {
  constructor(private readonly tables: ObjectTables) {}

  /** Adds one reference to object (kind, id). Throws KernelBug when the object is not live. */
  retain(kind: HandleKindCode, id: number): void {
    switch (kind) {
      case HandleKind.Channel: this.tables.channels.retain(id); break;
      case HandleKind.Shm: this.tables.shm.retain(id); break;
      case HandleKind.Process: this.tables.processes.retain(id); break;
      default: throw new KernelBug(`retain of unknown object kind ${String(kind)}`);
    }
  }

  /** Drops one reference to object (kind, id); objects reaching zero are destroyed, with everything they held. */
  release(kind: HandleKindCode, id: number): void {
    const work: { kind: HandleKindCode; id: number }[] = [{ kind, id }];
    for (let obj = work.pop(); obj !== undefined; obj = work.pop()) {
      switch (obj.kind) {
        case HandleKind.Channel: work.push(...this.releaseEndpoint(obj.id)); break;
        case HandleKind.Shm: this.tables.shm.release(obj.id); break;
        case HandleKind.Process: this.tables.processes.release(obj.id); break;
        default: throw new KernelBug(`release of unknown object kind ${String(obj.kind)}`);
      }
    }
  }

  /** Releases one endpoint reference; returns the caps that must be released next. */
  private releaseEndpoint(id: number): { kind: HandleKindCode; id: number }[] {
    const channels = this.tables.channels;
    const dropped = channels.release(id);
    if (!onlyQueued(channels, id)) return dropped;
    const garbage = garbageFrom(channels, id);
    if (garbage.length > 0) return [...dropped, ...channels.destroy(garbage)];
    // Still reachable through a queue only: a service waiting to reply here must stop throttling (service-task.ts).
    channels.wakeSenders(id);
    return dropped;
  }
}
