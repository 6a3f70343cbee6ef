// ChannelTable: endpoint pairs in O(1) slots, the channel limit, queues,
// waiters woken on enqueue / dequeue / destruction, slot reuse only once both
// endpoints are gone.

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { KernelBug } from '../../../../emulator/kernel/core/result.ts';
import { makeIpcKit } from './ipc-test-kit.ts';

const msg = (byte: number) => ({ sender: 1, data: Uint8Array.of(byte), caps: [] });

function pair(kit: ReturnType<typeof makeIpcKit>): readonly [number, number] {
  const r = kit.channels.create();
  if (!r.ok) throw new Error(`create failed: ${r.error}`);
  return r.value;
}

describe('ChannelTable', () => {
  it('creates peers with one reference each and counts channels', () => {
    const kit = makeIpcKit();
    const [a, b] = pair(kit);
    expect(kit.channels.live(a)).toMatchObject({ peer: b, refs: 1, queuedRefs: 0 });
    expect(kit.channels.live(b)).toMatchObject({ peer: a, refs: 1 });
    expect(kit.channels.count).toBe(1);
    expect(kit.channels.peerClosed(a)).toBe(false);
  });

  it('returns TooManyChannels at the limit and keeps working after a channel is freed', () => {
    const kit = makeIpcKit();
    const all = Array.from({ length: kit.limits.channels }, () => pair(kit));
    expect(kit.channels.create()).toEqual({ ok: false, error: RvosError.TooManyChannels });
    const [a, b] = all[5]!;
    kit.objects.release(1, a);
    expect(kit.channels.create().ok).toBe(false);
    kit.objects.release(1, b);
    expect(kit.channels.count).toBe(kit.limits.channels - 1);
    expect(pair(kit)).toEqual([a, b]);
  });

  it('queues messages in order, reports room, and wakes receivers and senders', () => {
    const kit = makeIpcKit();
    const [, b] = pair(kit);
    kit.channels.addRecvWaiter(b, 7);
    kit.channels.addRecvWaiter(b, 7);
    kit.channels.enqueue(b, msg(1));
    kit.channels.enqueue(b, msg(2));
    expect(kit.waker.woken).toEqual([7]);
    kit.channels.addSendWaiter(b, 8);
    expect(kit.channels.dequeue(b).data[0]).toBe(1);
    expect(kit.waker.woken).toEqual([7, 8]);
    expect(kit.channels.live(b).queue.length).toBe(1);
  });

  it('a full queue has no room; enqueueing anyway is a kernel bug', () => {
    const kit = makeIpcKit();
    const [, b] = pair(kit);
    for (let i = 0; i < kit.limits.queueDepth; i++) kit.channels.enqueue(b, msg(i));
    expect(kit.channels.hasRoom(b)).toBe(false);
    expect(() => kit.channels.enqueue(b, msg(0))).toThrow(KernelBug);
  });

  it('destroying an endpoint wakes its peer and frees the slot only when both are gone', () => {
    const kit = makeIpcKit();
    const [a, b] = pair(kit);
    kit.channels.addRecvWaiter(b, 3);
    kit.channels.addSendWaiter(a, 4);
    kit.objects.release(1, a);
    expect(kit.channels.endpoint(a)).toBeUndefined();
    expect(kit.channels.peerClosed(b)).toBe(true);
    expect(kit.waker.woken.sort()).toEqual([3, 4]);
    expect(kit.channels.count).toBe(1);
    kit.objects.release(1, b);
    expect(kit.channels.count).toBe(0);
  });

  it('a reference on a dead endpoint is a kernel bug', () => {
    const kit = makeIpcKit();
    const [a] = pair(kit);
    kit.objects.release(1, a);
    expect(() => kit.objects.retain(1, a)).toThrow(KernelBug);
    expect(() => kit.objects.release(1, a)).toThrow(KernelBug);
    expect(() => kit.channels.live(9999)).toThrow(KernelBug);
  });
});
