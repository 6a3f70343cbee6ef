// Where the snapshots panel keeps its snapshots: IndexedDB (database
// "rvos-workbench", store "snapshots", keyed by id) so they survive a reload,
// in both hosts; in memory (snapshot-record.ts) where IndexedDB is missing.

import { byCreation, memorySnapshotDb, type SnapshotDb, type StoredSnapshot } from './snapshot-record.ts';

const DB_NAME = 'rvos-workbench';
const STORE = 'snapshots';

/** Returns the IndexedDB-backed store when the platform has IndexedDB, else memorySnapshotDb(). */
export function openSnapshotDb(): SnapshotDb {
  return typeof indexedDB === 'undefined' ? memorySnapshotDb() : indexedSnapshotDb(indexedDB);
}

function indexedSnapshotDb(factory: IDBFactory): SnapshotDb {
  let opened: Promise<IDBDatabase> | undefined;
  const db = (): Promise<IDBDatabase> => (opened ??= openDatabase(factory));
  const run = async <T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> =>
    settle(action((await db()).transaction(STORE, mode).objectStore(STORE)));
  return {
    list: async () => ((await run('readonly', (store) => store.getAll())) as StoredSnapshot[]).sort(byCreation),
    put: async (snapshot) => { await run('readwrite', (store) => store.put(snapshot)); },
    delete: async (id) => { await run('readwrite', (store) => store.delete(id)); },
  };
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  const request = factory.open(DB_NAME, 1);
  request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
  return settle(request);
}

function settle<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}
