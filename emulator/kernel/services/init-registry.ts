// Init's registry of named services (at most limits.namedServices): name ->
// the endpoint init sends SvcNewClient on. Registering beyond the limit or a
// taken name is a structured error, never a crash; an entry whose service is
// gone (peer closed) is dropped when next looked at.

import { RvosError } from '../abi/errors.ts';
import type { OwnedEndpoint } from '../ipc/owned-endpoint.ts';
import { fail, ok, type KResult } from '../core/result.ts';

/** Longest service name. */
export const SERVICE_NAME_MAX = 64;

export interface RegistryEntry {
  readonly name: string;
  /** Init's end of the service's control channel (owned by the registry). */
  readonly control: OwnedEndpoint;
  /** pid of the process that registered it (0 = the kernel's boot plan or a kernel service). */
  readonly owner: number;
}

export class ServiceRegistry {
  readonly entries: RegistryEntry[] = [];

  constructor(readonly capacity: number) {}

  /**
   * Adds `name` -> `control`; on success the registry owns `control`, on failure the caller keeps it.
   * InvalidArgument (empty or longer than SERVICE_NAME_MAX), AlreadyExists, LimitReached.
   */
  register(name: string, control: OwnedEndpoint, owner = 0): KResult<void> {
    if (name.length === 0 || name.length > SERVICE_NAME_MAX) return fail(RvosError.InvalidArgument);
    this.purge();
    if (this.entries.some((e) => e.name === name)) return fail(RvosError.AlreadyExists);
    if (this.entries.length >= this.capacity) return fail(RvosError.LimitReached);
    this.entries.push({ name, control, owner });
    return ok(undefined);
  }

  /** The live entry for `name`, or undefined. */
  lookup(name: string): RegistryEntry | undefined {
    this.purge();
    return this.entries.find((e) => e.name === name);
  }

  /** Removes `name` and closes its endpoint (no-op when absent). */
  remove(name: string): void {
    const i = this.entries.findIndex((e) => e.name === name);
    if (i < 0) return;
    const [entry] = this.entries.splice(i, 1);
    entry!.control.close();
  }

  /** Drops entries whose service end is gone. */
  private purge(): void {
    for (const entry of this.entries.slice()) if (entry.control.peerClosed()) this.remove(entry.name);
  }
}
