// ObjectRefs: the one place reference counts change. Endpoints destroyed with
// queued messages release the caps inside (every kind), and garbage cycles
// (an endpoint queued on itself, two channels carrying each other's ends) are
// freed once nothing outside refers to them.

import { describe, expect, it } from 'vitest';
import { HandleKind, Right } from '../../../../emulator/kernel/abi/handles.ts';
import type { Cap } from '../../../../emulator/kernel/ipc/message.ts';
import { makeIpcKit, type IpcKit } from './ipc-test-kit.ts';

const C = HandleKind.Channel;

function pair(kit: IpcKit): readonly [number, number] {
  const r = kit.channels.create();
  if (!r.ok) throw new Error(`create failed: ${r.error}`);
  return r.value;
}

/** Queues a message carrying `caps` at endpoint `to`, taking each cap's reference as the send path does. */
function queue(kit: IpcKit, to: number, caps: Cap[]): void {
  for (const cap of caps) kit.objects.retain(cap.kind, cap.id);
  kit.channels.enqueue(to, { sender: 1, data: new Uint8Array(0), caps });
}

const cap = (kind: Cap['kind'], id: number): Cap => ({ kind, id, rights: Right.Transfer });

describe('ObjectRefs', () => {
  it('retains and releases SHM regions and processes through their tables', () => {
    const kit = makeIpcKit();
    const s = kit.shm.add();
    const pid = kit.processes.add();
    kit.objects.retain(HandleKind.Shm, s);
    kit.objects.retain(HandleKind.Process, pid);
    expect(kit.shm.refs(s)).toBe(2);
    expect(kit.processes.refs(pid)).toBe(2);
    kit.objects.release(HandleKind.Shm, s);
    kit.objects.release(HandleKind.Shm, s);
    kit.objects.release(HandleKind.Process, pid);
    expect(kit.shm.refs(s)).toBeUndefined();
    expect(kit.shm.framesUsed).toBe(0);
    expect(kit.processes.refs(pid)).toBe(1);
    kit.objects.release(HandleKind.Process, pid);
    expect(kit.processes.table.count).toBe(0);
  });

  it('a message destroyed unreceived releases the caps it carries, of every kind', () => {
    const kit = makeIpcKit();
    const [a, b] = pair(kit);
    const [x, y] = pair(kit);
    const s = kit.shm.add();
    const pid = kit.processes.add();
    queue(kit, b, [cap(HandleKind.Shm, s), cap(HandleKind.Process, pid), cap(C, x)]);
    kit.objects.release(HandleKind.Shm, s);
    kit.objects.release(HandleKind.Process, pid);
    kit.objects.release(C, x);
    expect(kit.channels.live(x)).toMatchObject({ refs: 1, queuedRefs: 1 });
    expect(kit.shm.refs(s)).toBe(1);
    kit.objects.release(C, a);
    expect(kit.channels.live(b).queue.length).toBe(1);
    kit.objects.release(C, b);
    expect(kit.shm.table.count).toBe(0);
    expect(kit.shm.framesUsed).toBe(0);
    expect(kit.processes.table.count).toBe(0);
    expect(kit.channels.endpoint(x)).toBeUndefined();
    expect(kit.channels.peerClosed(y)).toBe(true);
  });

  it('releases nested queues iteratively (a chain of endpoints each queued on the next)', () => {
    const kit = makeIpcKit({ channels: 64 });
    const chans = Array.from({ length: 60 }, () => pair(kit));
    for (let i = 0; i + 1 < chans.length; i++) queue(kit, chans[i + 1]![1], [cap(C, chans[i]![0]), cap(C, chans[i]![1])]);
    for (const [a, b] of chans.slice(0, -1)) { kit.objects.release(C, a); kit.objects.release(C, b); }
    expect(kit.channels.count).toBe(60);
    const [la, lb] = chans.at(-1)!;
    kit.objects.release(C, la);
    kit.objects.release(C, lb);
    expect(kit.channels.count).toBe(0);
  });

  it('frees an endpoint queued on itself once its last handle goes', () => {
    const kit = makeIpcKit();
    const [a, b] = pair(kit);
    queue(kit, b, [cap(C, b)]);
    kit.objects.release(C, a);
    expect(kit.channels.live(b)).toMatchObject({ refs: 2, queuedRefs: 1 });
    kit.objects.release(C, b);
    expect(kit.channels.count).toBe(0);
  });

  it('frees a self-queued endpoint whose peer stays open; the peer then sees PeerClosed', () => {
    const kit = makeIpcKit();
    const [a, b] = pair(kit);
    kit.channels.addSendWaiter(b, 5);
    queue(kit, b, [cap(C, b)]);
    kit.objects.release(C, b);
    expect(kit.channels.endpoint(b)).toBeUndefined();
    expect(kit.channels.peerClosed(a)).toBe(true);
    expect(kit.waker.woken).toContain(5);
    kit.objects.release(C, a);
    expect(kit.channels.count).toBe(0);
  });

  it('frees two channels carrying each other\'s receiving ends (a cycle) once everything is closed', () => {
    const kit = makeIpcKit();
    const [a1, a2] = pair(kit);
    const [b1, b2] = pair(kit);
    const s = kit.shm.add();
    queue(kit, b2, [cap(C, a2), cap(HandleKind.Shm, s)]);
    queue(kit, a2, [cap(C, b2)]);
    kit.objects.release(HandleKind.Shm, s);
    for (const ep of [a1, b1, a2]) kit.objects.release(C, ep);
    expect(kit.channels.count).toBe(2);
    kit.objects.release(C, b2);
    expect(kit.channels.count).toBe(0);
    expect(kit.shm.table.count).toBe(0);
  });

  it('does not collect a cycle something outside still holds', () => {
    const kit = makeIpcKit();
    const [a1, a2] = pair(kit);
    const [b1, b2] = pair(kit);
    const [h1, h2] = pair(kit);
    queue(kit, b2, [cap(C, a2)]);
    queue(kit, a2, [cap(C, b2)]);
    queue(kit, h2, [cap(C, a2)]);
    for (const ep of [a1, b1, a2, b2]) kit.objects.release(C, ep);
    expect(kit.channels.count).toBe(3);
    expect(kit.channels.live(a2)).toMatchObject({ refs: 2, queuedRefs: 2 });
    kit.objects.release(C, h1);
    expect(kit.channels.count).toBe(3);
    kit.objects.release(C, h2);
    expect(kit.channels.count).toBe(0);
  });
});
