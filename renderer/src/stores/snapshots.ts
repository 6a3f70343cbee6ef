// Snapshots store (the snapshots panel, issue 7): snapshots taken ('snapshot-save')
// or imported ('snapshot-info'), kept in IndexedDB, restored ('snapshot-load'),
// exported, deleted, and the VM's state hash ('state-hash'). Actions run one at a
// time, in order; every failure becomes `error` in the host's words. Dependencies
// are provided once (WbApp.vue: host-client/snapshot-deps.ts; tests: fakes).

import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { StateHash } from '../../../emulator/host/protocol/messages.ts';
import type { SnapshotDeps, StoredSnapshot } from '../support/snapshot-record.ts';

let provided: SnapshotDeps | undefined;

/** Sets the dependencies of stores created afterwards; call before the first useSnapshotsStore(). */
export function provideSnapshotDeps(deps: SnapshotDeps): void {
  provided = deps;
}

function snapshotDeps(): SnapshotDeps {
  if (provided === undefined) throw new Error('useSnapshotsStore: provideSnapshotDeps was not called');
  return provided;
}

export const useSnapshotsStore = defineStore('snapshots', () => {
  const deps = snapshotDeps();
  /** Newest first. */
  const entries = ref<StoredSnapshot[]>([]);
  /** The action in progress ("Taking snapshot…"), empty when idle. */
  const busy = ref('');
  const error = ref('');
  /** What the last action did ("Restored …; state hash matches"). */
  const notice = ref('');
  const stateHash = ref<StateHash | null>(null);
  const restoredId = ref<string | null>(null);
  const totalBytes = computed(() => entries.value.reduce((sum, entry) => sum + entry.info.size, 0));

  /** The actions queued so far: each starts when the one before it ended (a menu command during a load waits). */
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs action after those queued before it; its error becomes `error`. Resolves its result, or undefined when it failed. */
  function run<T>(label: string, action: () => Promise<T>): Promise<T | undefined> {
    const result = queue.then(() => execute(label, action));
    queue = result;
    return result;
  }

  async function execute<T>(label: string, action: () => Promise<T>): Promise<T | undefined> {
    busy.value = label;
    error.value = '';
    notice.value = '';
    try {
      return await action();
    } catch (failure) {
      error.value = failure instanceof Error ? failure.message : String(failure);
      return undefined;
    } finally {
      busy.value = '';
    }
  }

  /** Adds the kept snapshots (once, when the panel opens) after any taken meanwhile; in the queue, but leaves notice and error alone. */
  function load(): Promise<void> {
    const loaded = queue.then(async () => {
      try {
        const known = new Set(entries.value.map((entry) => entry.id));
        entries.value = [...entries.value, ...(await deps.db.list()).reverse().filter((entry) => !known.has(entry.id))];
      } catch (failure) {
        error.value = `kept snapshots could not be read: ${failure instanceof Error ? failure.message : String(failure)}`;
      }
    });
    queue = loaded;
    return loaded;
  }

  function find(id: string): StoredSnapshot {
    const entry = entries.value.find((candidate) => candidate.id === id);
    if (entry === undefined) throw new Error('that snapshot is gone');
    return entry;
  }

  async function keep(entry: StoredSnapshot): Promise<StoredSnapshot> {
    entries.value = [entry, ...entries.value];
    try {
      await deps.db.put(entry);
    } catch (failure) {
      notice.value = `Kept for this session only (${failure instanceof Error ? failure.message : String(failure)})`;
    }
    return entry;
  }

  async function takeNow(): Promise<StoredSnapshot> {
    const name = `Snapshot ${deps.now().toLocaleTimeString('en-GB')}`;
    const thumbnail = deps.thumbnail();
    const saved = await deps.host().request('snapshot-save', { description: name });
    stateHash.value = await deps.host().request('state-hash');
    return keep({ id: crypto.randomUUID(), name, createdAt: saved.info.createdAt, thumbnail, info: saved.info, bytes: saved.bytes });
  }

  async function restoreNow(id: string): Promise<void> {
    const entry = find(id);
    await deps.host().request('snapshot-load', { bytes: entry.bytes });
    deps.restored();
    restoredId.value = id;
    stateHash.value = await deps.host().request('state-hash');
    const matches = stateHash.value.hash === entry.info.stateHash;
    notice.value = `Restored ${entry.name}; ${matches ? 'state hash matches the snapshot' : 'state hash differs from the snapshot'}`;
  }

  async function exportNow(id: string): Promise<void> {
    const entry = find(id);
    const file = await deps.saveFile(entry.name, entry.bytes);
    if (file !== undefined) notice.value = `Saved ${file}`;
  }

  async function importNow(): Promise<StoredSnapshot | undefined> {
    const picked = await deps.openFile();
    if (picked === undefined) return undefined;
    const info = await deps.host().request('snapshot-info', { bytes: picked.bytes });
    const name = picked.name.replace(/\.rvsnap$/i, '');
    return keep({ id: crypto.randomUUID(), name, createdAt: deps.now().toISOString(), thumbnail: null, info, bytes: picked.bytes });
  }

  return {
    entries, busy, error, notice, stateHash, restoredId, totalBytes,
    load,
    take: () => run('Taking snapshot…', takeNow),
    restore: (id: string) => run('Restoring…', () => restoreNow(id)),
    exportFile: (id: string) => run('Saving file…', () => exportNow(id)),
    importFile: () => run('Importing…', importNow),
    remove: (id: string) => run('Deleting…', async () => {
      await deps.db.delete(id);
      entries.value = entries.value.filter((entry) => entry.id !== id);
      if (restoredId.value === id) restoredId.value = null;
    }),
    /** File > Save Snapshot…: takes a snapshot and saves it to a file. */
    saveToFile: () => run('Saving snapshot…', async () => exportNow((await takeNow()).id)),
    /** File > Open Snapshot…: imports a file and restores it. */
    openAndRestore: () => run('Opening snapshot…', async () => {
      const entry = await importNow();
      if (entry !== undefined) await restoreNow(entry.id);
    }),
    refreshHash: () => run('Hashing…', async () => { stateHash.value = await deps.host().request('state-hash'); }),
    dismiss: () => { error.value = ''; notice.value = ''; },
  };
});
