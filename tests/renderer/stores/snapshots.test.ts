// The snapshots store's UI logic against a fake host client (the real save and
// restore round trip is tests/e2e/snapshots-panel.test.ts): entries newest
// first with thumbnail and info, the host's refusal shown as it said it, one
// action at a time in order, restore compares state hashes, import reads the header,
// export and delete, persistence through the store's db, load after a reload.

import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RequestOp, RequestParams, SnapshotInfo } from '../../../emulator/host/protocol/messages.ts';
import { HostRequestError } from '../../../renderer/src/host-client/host-client.ts';
import { provideSnapshotDeps, useSnapshotsStore } from '../../../renderer/src/stores/snapshots.ts';
import { memorySnapshotDb, type PickedSnapshotFile, type SnapshotDb, type SnapshotHost } from '../../../renderer/src/support/snapshot-record.ts';

function info(stateHash: string, size: number): SnapshotInfo {
  return {
    formatVersion: '1.0', createdAt: '2026-11-24T08:00:00.000Z', description: '', size, stateHash,
    machine: { ramMib: 128, display: { width: 1024, height: 768 } }, sections: [],
  };
}

/** A host whose VM state is a hash: save captures it, load restores it, the test changes it. */
class FakeHost implements SnapshotHost {
  hash = 'aaaa';
  refuse: string | undefined;
  readonly calls: { op: RequestOp; params: unknown }[] = [];
  private pendingSave: (() => void) | undefined;
  holdSaves = false;

  async request<Op extends RequestOp>(op: Op, params?: RequestParams[Op]): Promise<never> {
    this.calls.push({ op, params });
    if (this.refuse !== undefined) throw new HostRequestError(`${op}: ${this.refuse}`);
    return this.answer(op, params) as never;
  }

  release(): void {
    this.pendingSave?.();
  }

  private async answer(op: RequestOp, params: unknown): Promise<unknown> {
    switch (op) {
      case 'snapshot-save': {
        if (this.holdSaves) await new Promise<void>((resolve) => { this.pendingSave = resolve; });
        const bytes = new TextEncoder().encode(`snap:${this.hash}`);
        return { bytes, info: info(this.hash, bytes.length) };
      }
      case 'snapshot-load': this.hash = new TextDecoder().decode((params as { bytes: Uint8Array }).bytes).slice(5); return { state: 'running' };
      case 'snapshot-info': { const bytes = (params as { bytes: Uint8Array }).bytes; return info(new TextDecoder().decode(bytes).slice(5), bytes.length); }
      case 'state-hash': return { hash: this.hash, steps: 1234 };
      default: throw new Error(`unexpected ${op}`);
    }
  }
}

describe('snapshots store', () => {
  let host: FakeHost;
  let db: SnapshotDb;
  let saved: { name: string; bytes: Uint8Array }[];
  let picked: PickedSnapshotFile | undefined;
  let clock: number;
  let restores: number;

  beforeEach(() => {
    host = new FakeHost();
    db = memorySnapshotDb();
    saved = [];
    picked = undefined;
    clock = Date.parse('2026-11-24T08:00:00Z');
    restores = 0;
    provideSnapshotDeps({
      host: () => host, db, thumbnail: () => 'data:image/png;base64,AAAA',
      saveFile: async (name, bytes) => { saved.push({ name, bytes }); return `${name}.rvsnap`; },
      openFile: async () => picked,
      now: () => new Date(clock += 1000),
      restored: () => { restores++; },
    });
    setActivePinia(createPinia());
  });

  it('takes snapshots, newest first, with thumbnail, info and the state hash, and keeps them in the db', async () => {
    const store = useSnapshotsStore();
    await store.take();
    host.hash = 'bbbb';
    await store.take();
    expect(store.entries.map((entry) => entry.info.stateHash)).toEqual(['bbbb', 'aaaa']);
    expect(store.entries[0]).toMatchObject({ name: 'Snapshot 08:00:02', thumbnail: 'data:image/png;base64,AAAA' });
    expect(store.stateHash).toEqual({ hash: 'bbbb', steps: 1234 });
    expect(store.totalBytes).toBe(18);
    expect(host.calls[0]).toEqual({ op: 'snapshot-save', params: { description: 'Snapshot 08:00:01' } });
    expect((await db.list()).length).toBe(2);
  });

  it('shows the host\'s refusal as it said it and keeps nothing', async () => {
    const store = useSnapshotsStore();
    host.refuse = 'snapshots are not available in this build';
    expect(await store.take()).toBeUndefined();
    expect(store.error).toBe('snapshot-save: snapshots are not available in this build');
    expect(store.entries).toEqual([]);
    expect(store.busy).toBe('');
    store.dismiss();
    expect(store.error).toBe('');
  });

  it('runs actions one at a time, in order: a second one waits for the first', async () => {
    const store = useSnapshotsStore();
    host.holdSaves = true;
    const first = store.take();
    const second = store.refreshHash();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(store.busy).toBe('Taking snapshot…');
    expect(host.calls.map((call) => call.op)).toEqual(['snapshot-save']);
    host.release();
    await first;
    await second;
    expect(host.calls.map((call) => call.op)).toEqual(['snapshot-save', 'state-hash', 'state-hash']);
    expect(store.entries.length).toBe(1);
    expect(store.busy).toBe('');
  });

  it('restores a snapshot and says whether the state hash matches it', async () => {
    const store = useSnapshotsStore();
    await store.take();
    host.hash = 'changed';
    const id = store.entries[0]!.id;
    await store.restore(id);
    expect(host.hash).toBe('aaaa');
    expect(store.restoredId).toBe(id);
    expect(restores).toBe(1);
    expect(store.notice).toBe('Restored Snapshot 08:00:01; state hash matches the snapshot');
    expect(store.stateHash?.hash).toBe('aaaa');
    const load = host.calls.find((call) => call.op === 'snapshot-load')!;
    expect((load.params as { bytes: Uint8Array }).bytes).toBe(store.entries[0]!.bytes);
  });

  it('imports a picked file through snapshot-info, without a thumbnail; a cancel changes nothing', async () => {
    const store = useSnapshotsStore();
    await store.importFile();
    expect(store.entries).toEqual([]);
    picked = { name: 'boot.rvsnap', bytes: new TextEncoder().encode('snap:cccc') };
    await store.importFile();
    expect(store.entries[0]).toMatchObject({ name: 'boot', thumbnail: null, info: { stateHash: 'cccc', size: 9 } });
    expect(host.calls.map((call) => call.op)).toEqual(['snapshot-info']);
  });

  it('opens and restores a file (File > Open Snapshot), and takes and saves one (File > Save Snapshot)', async () => {
    const store = useSnapshotsStore();
    picked = { name: 'other.rvsnap', bytes: new TextEncoder().encode('snap:dddd') };
    await store.openAndRestore();
    expect(host.hash).toBe('dddd');
    expect(store.notice).toMatch(/^Restored other; state hash matches/);
    await store.saveToFile();
    expect(saved.map((file) => file.name)).toEqual(['Snapshot 08:00:02']);
    expect(new TextDecoder().decode(saved[0]!.bytes)).toBe('snap:dddd');
    expect(store.notice).toBe('Saved Snapshot 08:00:02.rvsnap');
  });

  it('exports, deletes, and finds kept snapshots again after a reload', async () => {
    const store = useSnapshotsStore();
    await store.take();
    host.hash = 'bbbb';
    await store.take();
    await store.exportFile(store.entries[1]!.id);
    expect(new TextDecoder().decode(saved[0]!.bytes)).toBe('snap:aaaa');
    await store.remove(store.entries[0]!.id);
    expect(store.entries.map((entry) => entry.info.stateHash)).toEqual(['aaaa']);

    setActivePinia(createPinia()); // a reload: a new store over the same db
    const reloaded = useSnapshotsStore();
    await reloaded.load();
    expect(reloaded.entries.map((entry) => entry.info.stateHash)).toEqual(['aaaa']);
    await reloaded.load();
    expect(reloaded.entries.length).toBe(1);
  });

  it('loads in the queue without clearing what the last action said', async () => {
    const store = useSnapshotsStore();
    picked = { name: 'first.rvsnap', bytes: new TextEncoder().encode('snap:eeee') };
    const opened = store.openAndRestore();
    const loaded = store.load(); // the panel opening while a menu command runs
    await opened;
    await loaded;
    expect(store.notice).toBe('Restored first; state hash matches the snapshot');
    expect(store.entries.length).toBe(1);
  });

  it('keeps a snapshot for the session when the db refuses it, and says so', async () => {
    db.put = async () => { throw new Error('QuotaExceededError'); };
    const store = useSnapshotsStore();
    await store.take();
    expect(store.entries.length).toBe(1);
    expect(store.notice).toBe('Kept for this session only (QuotaExceededError)');
  });
});
