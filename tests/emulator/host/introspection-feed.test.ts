// The capability-graph feed (emulator/host/introspection-feed.ts) on a real VM
// host: subscribing yields a full diff with the boot processes, a program spawned
// from the shell arrives in a later diff and its exit removes it, diffs respect
// the throttle interval, and diffSnapshot ignores counters that only tick.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBootImage } from '../../../emulator/host/boot-image.ts';
import { diffSnapshot, FEED_INTERVAL_MS, FEED_MAX_IPC } from '../../../emulator/host/introspection-feed.ts';
import type { IntrospectionDiff } from '../../../emulator/host/protocol/introspection-diff.ts';
import type { HostMessage } from '../../../emulator/host/protocol/messages.ts';
import { VmHost } from '../../../emulator/host/vm-host.ts';
import { loadHartModule } from '../../../emulator/hart/hart.ts';

class FeedHarness {
  readonly host: VmHost;
  readonly diffs: IntrospectionDiff[] = [];
  console = '';
  private nextId = 1;

  constructor() {
    this.host = new VmHost((m) => this.onMessage(m), { loadBootImage: async () => buildBootImage(), loadHartModule });
  }

  request(op: 'boot' | 'graph-subscribe' | 'graph-unsubscribe' | 'pause'): void {
    this.host.receive({ kind: 'request', id: this.nextId++, op });
  }

  type(text: string): void {
    this.host.receive({ kind: 'console-input', bytes: new TextEncoder().encode(text) });
  }

  async until<T>(probe: () => T | undefined, what: string, ms = 60_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = probe();
      if (value !== undefined && value !== false) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; console:\n${this.console}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private onMessage(message: HostMessage): void {
    if (message.kind !== 'event') return;
    if (message.event === 'introspection-diff') this.diffs.push(message.diff);
    if (message.event === 'console-output') this.console += new TextDecoder().decode(message.bytes);
  }
}

describe('IntrospectionFeed on a VM host', () => {
  let h: FeedHarness;
  beforeAll(() => { h = new FeedHarness(); });
  afterAll(() => h.host.dispose());

  it('sends nothing before subscribing, then a full diff with the boot processes', { timeout: 120_000 }, async () => {
    h.request('boot');
    await h.until(() => h.console.includes('rvos> '), 'the prompt');
    expect(h.diffs).toEqual([]);
    h.request('graph-subscribe');
    const full = await h.until(() => h.diffs[0], 'the first diff');
    expect(full).toMatchObject({ seq: 1, full: true });
    expect(full.processes.upsert.map((p) => p.name)).toEqual(expect.arrayContaining(['init', 'console', 'fs', 'shell']));
    expect(full.endpoints.upsert.length).toBeGreaterThan(4);
    expect(full.tagNames?.[0x0101]).toBe('InitConnect');
  });

  it('adds a spawned program in a later diff and removes it when it exits', { timeout: 60_000 }, async () => {
    const shells = (d: IntrospectionDiff): number[] => d.processes.upsert.filter((p) => p.name === 'shell').map((p) => p.pid);
    const first = shells(h.diffs[0]!)[0]!;
    const from = h.diffs.length;
    h.type('shell\r');
    const child = await h.until(() => h.diffs.slice(from).flatMap(shells).find((pid) => pid !== first), 'the child shell');
    const spawnDiff = h.diffs.slice(from).find((d) => shells(d).includes(child))!;
    expect(spawnDiff.full).toBe(false);
    expect(spawnDiff.ipc.total).toBeGreaterThan(h.diffs[from - 1]!.ipc.total); // loading and spawning took messages
    expect(spawnDiff.ipc.recent.length).toBeGreaterThan(0);
    expect(spawnDiff.ipc.recent.length).toBeLessThanOrEqual(FEED_MAX_IPC);
    const at = h.diffs.length;
    h.type('exit\r');
    await h.until(() => h.diffs.slice(at).some((d) => d.processes.remove.includes(child)), 'the child shell to go');
    const seqs = h.diffs.map((d) => d.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const gaps = h.diffs.slice(1).map((d, i) => d.sentAt - h.diffs[i]!.sentAt);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(FEED_INTERVAL_MS - 5);
  });

  it('stops sending when unsubscribed while the guest runs', { timeout: 30_000 }, async () => {
    h.request('graph-unsubscribe');
    const count = h.diffs.length;
    h.type('echo quiet\r');
    await h.until(() => h.console.includes('quiet\n'), 'the echo');
    await new Promise((resolve) => setTimeout(resolve, FEED_INTERVAL_MS * 2));
    expect(h.diffs.length).toBe(count);
  });
});

describe('diffSnapshot', () => {
  it('reports no change when only counters moved, and the items that changed otherwise', { timeout: 120_000 }, async () => {
    const h = new FeedHarness();
    try {
      h.request('boot');
      await h.until(() => h.console.includes('rvos> '), 'the prompt');
      h.request('pause');
      h.request('graph-subscribe');
      const full = await h.until(() => h.diffs[0], 'the full diff');
      const snapshot = {
        time: { ticks: 0, ...full.time }, processes: full.processes.upsert, endpoints: full.endpoints.upsert, shm: full.shm.upsert,
        ipc: { total: full.ipc.total, recent: full.ipc.recent }, frames: { total: 0, free: 0, used: 0, perProcess: [], shm: 0 },
        limits: {} as never,
      };
      const base = diffSnapshot(undefined, snapshot);
      expect(base.changed).toBe(true);
      const ticked = { ...snapshot, processes: snapshot.processes.map((p) => ({ ...p, pc: '0x1', instructions: p.instructions + 5 })) };
      expect(diffSnapshot(base.baseline, ticked).changed).toBe(false);
      const [gone, ...rest] = snapshot.endpoints;
      const blocked = { ...snapshot, endpoints: rest.map((e, i) => (i === 0 ? { ...e, queueDepth: e.queueDepth + 1 } : e)) };
      const d = diffSnapshot(base.baseline, blocked);
      expect(d.changed).toBe(true);
      expect(d.body.endpoints.remove).toEqual([gone!.id]);
      expect(d.body.endpoints.upsert.map((e) => e.id)).toEqual([rest[0]!.id]);
      expect(d.body.processes.upsert).toEqual([]);
    } finally {
      h.host.dispose();
    }
  });
});
