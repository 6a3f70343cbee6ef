// The inspector's polling (renderer/src/support/latest-poller.ts) with fake
// timers and requests the test settles by hand: the interval, at most one
// request in flight, refresh while in flight, stop, and dropped answers after discard.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LatestPoller } from '../../../renderer/src/support/latest-poller.ts';

/** A source whose requests stay pending until the test resolves or rejects them. */
function manualSource() {
  const pending: { resolve: (v: number) => void; reject: (e: Error) => void }[] = [];
  const results: number[] = [];
  const errors: string[] = [];
  const poller = new LatestPoller<number>({
    fetch: () => new Promise<number>((resolve, reject) => pending.push({ resolve, reject })),
    intervalMs: 250,
    onResult: (v) => results.push(v),
    onError: (e) => errors.push(e instanceof Error ? e.message : String(e)),
  });
  return { poller, pending, results, errors };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe('LatestPoller', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('requests at once, then intervalMs after each answer, never two at a time', async () => {
    const { poller, pending, results } = manualSource();
    poller.start();
    expect(pending).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000); // the first answer has not come: no second request
    expect(pending).toHaveLength(1);
    pending[0]!.resolve(1);
    await settle();
    expect(results).toEqual([1]);
    await vi.advanceTimersByTimeAsync(249);
    expect(pending).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(pending).toHaveLength(2);
    poller.start(); // already started: nothing more
    expect(pending).toHaveLength(2);
  });

  it('reports errors and keeps polling', async () => {
    const { poller, pending, errors } = manualSource();
    poller.start();
    pending[0]!.reject(new Error('the VM is off'));
    await settle();
    expect(errors).toEqual(['the VM is off']);
    await vi.advanceTimersByTimeAsync(250);
    expect(pending).toHaveLength(2);
  });

  it('stops scheduling after stop, and a refresh while in flight runs once after it', async () => {
    const { poller, pending, results } = manualSource();
    poller.start();
    poller.stop();
    poller.refresh(); // in flight: one more request when it settles
    expect(pending).toHaveLength(1);
    pending[0]!.resolve(1);
    await settle();
    expect(pending).toHaveLength(2);
    pending[1]!.resolve(2);
    await settle();
    await vi.advanceTimersByTimeAsync(2000);
    expect(pending).toHaveLength(2);
    expect(results).toEqual([1, 2]);
    expect(poller.running).toBe(false);
  });

  it('drops an answer from before discard and polls afresh after start', async () => {
    const { poller, pending, results } = manualSource();
    poller.start();
    poller.discard();
    poller.start(); // the old request is still in flight: the new one waits for it
    expect(pending).toHaveLength(1);
    pending[0]!.resolve(1);
    await settle();
    expect(results).toEqual([]);
    expect(pending).toHaveLength(2);
    pending[1]!.resolve(2);
    await settle();
    expect(results).toEqual([2]);
  });
});
