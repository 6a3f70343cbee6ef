// Snapshots through the VM host's protocol (receive()/send, the transport-
// independent host): save while running without stalling the host's thread,
// load into a running and into a fresh host, save-load-save byte-identical,
// the console tail after a load, info and state-hash, malformed requests.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostClient, imageWithTestPrograms, TEST_RAM_MIB } from './snapshot-test-kit.ts';

/**
 * The longest time the thread was busy between two turns of its message queue while `work`
 * runs: a MessageChannel ping-pong (the host schedules its slices the same way; Node starves
 * timers while messages keep coming, so a setInterval probe would measure the queue, not a block).
 */
async function longestBlock<T>(work: () => Promise<T>): Promise<{ result: T; blockMs: number }> {
  const channel = new MessageChannel();
  let last = performance.now();
  let blockMs = 0;
  let running = true;
  (channel.port1 as unknown as { onmessage: (() => void) | null }).onmessage = () => {
    const now = performance.now();
    blockMs = Math.max(blockMs, now - last);
    last = now;
    if (running) channel.port2.postMessage(null);
  };
  channel.port2.postMessage(null);
  try {
    return { result: await work(), blockMs };
  } finally {
    running = false;
    channel.port1.close();
  }
}

describe('VmHost snapshots', () => {
  const a = new HostClient(imageWithTestPrograms);
  let saved: Uint8Array;

  beforeAll(() => a.bootToPrompt(), 120_000);
  afterAll(() => a.host.dispose());

  it('saves a running VM between slices without stalling the host thread', { timeout: 60_000 }, async () => {
    const at = a.console.length;
    a.type('spin\r'); // keeps the VM busy (a few seconds) while the snapshot is written
    await a.waitFor('spin', at);
    const before = (await a.request('get-state')).steps;
    const started = performance.now();
    const { result, blockMs } = await longestBlock(() => a.request('snapshot-save', { description: 'while running' }));
    const after = (await a.request('get-state')).steps;
    const ms = performance.now() - started;
    console.log(`snapshot-save of a running ${TEST_RAM_MIB} MiB VM: ${result.bytes.length} bytes in ${ms.toFixed(0)} ms, longest block ${blockMs.toFixed(1)} ms, ${after - before} steps ran meanwhile`);
    expect(a.console).not.toContain('spun');
    expect(result.info).toMatchObject({ formatVersion: '1.0', description: 'while running', machine: { ramMib: TEST_RAM_MIB } });
    expect(result.info.sections.map((s) => s.name)).toEqual(['meta', 'vm', 'hart', 'ram', 'devices', 'kernel', 'console']);
    expect(result.info.size).toBe(result.bytes.length);
    expect(blockMs).toBeLessThan(250);
    expect(after).toBeGreaterThan(before);
    expect(await a.request('snapshot-info', { bytes: result.bytes })).toEqual(result.info);
    saved = result.bytes;
  });

  it('loads into a running VM, which runs on from the snapshot', { timeout: 60_000 }, async () => {
    await a.waitFor('spun\n');
    const status = await a.request('snapshot-load', { bytes: saved });
    expect(status.state).toBe('running');
    const at = a.console.length;
    await a.waitFor('spun\nrvos> ', at, 60_000); // the restored VM was still spinning
  });

  it('loads into a fresh host (off), paused, with the console tail after the response; save-load-save gives the same bytes', { timeout: 60_000 }, async () => {
    await a.request('pause');
    const first = await a.request('snapshot-save');
    const b = new HostClient(imageWithTestPrograms);
    try {
      const order: string[] = [];
      const response = b.request('snapshot-load', { bytes: first.bytes }).then((s) => { order.push('response'); return s; });
      const status = await response;
      expect(status).toMatchObject({ state: 'paused', steps: (await a.request('state-hash')).steps });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(b.console.length).toBeGreaterThan(0);
      expect(a.console.endsWith(b.console)).toBe(true);
      expect(b.states.at(-1)?.state).toBe('paused');
      expect((await b.request('state-hash')).hash).toBe(first.info.stateHash);
      expect((await a.request('state-hash')).hash).toBe(first.info.stateHash);
      const again = await b.request('snapshot-save');
      expect(again.bytes).toEqual(first.bytes);
      const at = b.console.length;
      b.type('echo restored\r');
      await b.request('resume');
      await b.waitFor('restored\n', at);
      const moved = await b.request('snapshot-save');
      expect(moved.info.createdAt).not.toBe(first.info.createdAt);
    } finally {
      b.host.dispose();
    }
  });

  it('answers malformed snapshot requests with an error and without touching the VM', async () => {
    const { hash } = await a.request('state-hash');
    for (const message of [
      { op: 'snapshot-load', bytes: [1, 2, 3] },
      { op: 'snapshot-info' },
      { op: 'snapshot-save', description: 'x'.repeat(1001) },
      { op: 'snapshot-save', description: 42 },
    ]) {
      const reply = await a.raw({ kind: 'request', ...message });
      expect(reply).toMatchObject({ kind: 'response', ok: false, error: expect.stringMatching(/^snapshot-(load|info|save): /) });
    }
    expect((await a.request('state-hash')).hash).toBe(hash);
    const off = new HostClient();
    try {
      await expect(off.request('state-hash')).rejects.toThrow(/the VM is off/);
      await expect(off.request('snapshot-save')).rejects.toThrow(/the VM is off/);
    } finally {
      off.host.dispose();
    }
  });
});
