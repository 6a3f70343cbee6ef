// What the snapshots panel keeps of one snapshot, the storage interface it is
// kept through (IndexedDB in the app: snapshot-db.ts), the snapshots store's
// dependencies (the app's: host-client/snapshot-deps.ts), and an in-memory
// store for tests. No DOM types, so Node-side tests can use it.

import type { RequestOp, RequestParams, RequestResults, SnapshotInfo } from '../../../emulator/host/protocol/messages.ts';

/** One kept snapshot: the file's bytes and what the panel shows of it. */
export interface StoredSnapshot {
  id: string;
  name: string;
  /** ISO 8601 time the snapshot was taken or imported. */
  createdAt: string;
  /** A PNG data URL of the display when it was taken; null shows a placeholder. */
  thumbnail: string | null;
  info: SnapshotInfo;
  bytes: Uint8Array;
}

export interface SnapshotDb {
  /** Every kept snapshot, oldest first. */
  list(): Promise<StoredSnapshot[]>;
  put(snapshot: StoredSnapshot): Promise<void>;
  delete(id: string): Promise<void>;
}

/** A snapshot file the user picked. */
export interface PickedSnapshotFile {
  name: string;
  bytes: Uint8Array;
}

/** The part of the host client the snapshots store uses (HostClient fits). */
export interface SnapshotHost {
  request<Op extends RequestOp>(op: Op, params?: RequestParams[Op]): Promise<RequestResults[Op]>;
}

/** What the snapshots store works with. */
export interface SnapshotDeps {
  host(): SnapshotHost;
  db: SnapshotDb;
  /** A PNG data URL of the display now, or null. */
  thumbnail(): string | null;
  /** Saves a file for the user; resolves its name, or undefined when canceled. */
  saveFile(name: string, bytes: Uint8Array): Promise<string | undefined>;
  /** Lets the user pick a file; resolves undefined when canceled. */
  openFile(): Promise<PickedSnapshotFile | undefined>;
  now(): Date;
  /** Called when the host restored a snapshot, before its console tail arrives (the app clears the terminal). */
  restored(): void;
}

/** Returns a store that lives as long as the page. */
export function memorySnapshotDb(): SnapshotDb {
  const entries = new Map<string, StoredSnapshot>();
  return {
    list: async () => [...entries.values()].sort(byCreation),
    put: async (snapshot) => { entries.set(snapshot.id, snapshot); },
    delete: async (id) => { entries.delete(id); },
  };
}

/** Orders snapshots oldest first (ties by id). */
export function byCreation(a: StoredSnapshot, b: StoredSnapshot): number {
  return a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}
