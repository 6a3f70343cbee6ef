// The one send path and receiving: caps are copied (the sender keeps its
// reference, the queued message takes one, the receiver's handle takes it
// over), QueueFull / PeerClosed / MessageTooLarge change nothing, a receive
// that cannot install every cap leaves the message queued, the trace records sends.

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { HandleKind, Right } from '../../../../emulator/kernel/abi/handles.ts';
import { MSG_CAPS_MAX, MSG_DATA_MAX } from '../../../../emulator/kernel/abi/message.ts';
import { peekMessage, recvIntoHandles, recvOwned } from '../../../../emulator/kernel/ipc/channel-recv.ts';
import { sendMessage, sendOrWait } from '../../../../emulator/kernel/ipc/channel-send.ts';
import { HandleTable } from '../../../../emulator/kernel/ipc/handle-table.ts';
import type { Cap } from '../../../../emulator/kernel/ipc/message.ts';
import { ok } from '../../../../emulator/kernel/core/result.ts';
import { makeIpcKit, type IpcKit } from './ipc-test-kit.ts';

function pair(kit: IpcKit): readonly [number, number] {
  const r = kit.channels.create();
  if (!r.ok) throw new Error(`create failed: ${r.error}`);
  return r.value;
}

const msg = (data: number[], caps: Cap[] = [], sender = 5) => ({ sender, data: Uint8Array.from(data), caps });
const deliverOk = () => ok(undefined);

describe('sendMessage', () => {
  it('copies caps: the sender keeps its reference and the queued message holds another', () => {
    const kit = makeIpcKit();
    const [a, b] = pair(kit);
    const [x] = pair(kit);
    const s = kit.shm.add();
    expect(sendMessage(kit, a, msg([1, 2], [{ kind: HandleKind.Channel, id: x, rights: Right.Read }, { kind: HandleKind.Shm, id: s, rights: 0 }]))).toEqual(ok(undefined));
    expect(kit.channels.live(x)).toMatchObject({ refs: 2, queuedRefs: 1 });
    expect(kit.shm.refs(s)).toBe(2);
    expect(kit.channels.live(b).queue).toHaveLength(1);
  });

  it('fails without taking anything: MessageTooLarge, QueueFull, PeerClosed', () => {
    const kit = makeIpcKit({ queueDepth: 64 });
    const [a, b] = pair(kit);
    const s = kit.shm.add();
    const shmCap = { kind: HandleKind.Shm, id: s, rights: 0 } as const;
    expect(sendMessage(kit, a, msg(new Array<number>(MSG_DATA_MAX + 1).fill(0)))).toEqual({ ok: false, error: RvosError.MessageTooLarge });
    expect(sendMessage(kit, a, msg([], new Array<Cap>(MSG_CAPS_MAX + 1).fill(shmCap)))).toEqual({ ok: false, error: RvosError.MessageTooLarge });
    for (let i = 0; i < 64; i++) expect(sendMessage(kit, a, msg([i])).ok).toBe(true);
    expect(sendMessage(kit, a, msg([0], [shmCap]))).toEqual({ ok: false, error: RvosError.QueueFull });
    expect(kit.shm.refs(s)).toBe(1);
    kit.objects.release(HandleKind.Channel, b);
    expect(sendMessage(kit, a, msg([0], [shmCap]))).toEqual({ ok: false, error: RvosError.PeerClosed });
    expect(kit.shm.refs(s)).toBe(1);
  });

  it('records each send in the IPC trace with its tag and caps', () => {
    const kit = makeIpcKit();
    const [a, b] = pair(kit);
    sendMessage(kit, a, msg([0x01, 0x03, 9], [], 7));
    sendMessage(kit, b, msg([4], [{ kind: HandleKind.Channel, id: b, rights: 1 }]));
    expect(kit.channels.trace.recent()).toEqual([
      { time: 1234, fromPid: 7, toEndpoint: b, tag: 0x0301, caps: [] },
      { time: 1234, fromPid: 5, toEndpoint: a, tag: undefined, caps: [{ kind: HandleKind.Channel, id: b, rights: 1 }] },
    ]);
  });

  it('sendOrWait registers the sender on the full queue and it is woken when a message leaves', () => {
    const kit = makeIpcKit();
    const [a, b] = pair(kit);
    for (let i = 0; i < kit.limits.queueDepth; i++) sendMessage(kit, a, msg([i]));
    expect(sendOrWait(kit, a, msg([99]), 42)).toEqual(ok('wait'));
    expect(kit.channels.live(b).sendWaiters).toEqual([42]);
    recvOwned(kit, b);
    expect(kit.waker.woken).toEqual([42]);
    expect(sendOrWait(kit, a, msg([99]), 42)).toEqual(ok('sent'));
  });
});

describe('receiving', () => {
  it('recvIntoHandles installs one handle per cap and the handle takes over the message reference', () => {
    const kit = makeIpcKit();
    const [a, b] = pair(kit);
    const [x] = pair(kit);
    sendMessage(kit, a, msg([7], [{ kind: HandleKind.Channel, id: x, rights: Right.Read | Right.Transfer }]));
    kit.objects.release(HandleKind.Channel, x);
    const table = new HandleTable(4);
    const got = recvIntoHandles(kit, b, table, deliverOk);
    expect(got).toEqual(ok({ message: msg([7], [{ kind: HandleKind.Channel, id: x, rights: Right.Read | Right.Transfer }]), handles: [0] }));
    expect(table.get(0)).toEqual({ kind: HandleKind.Channel, objectId: x, rights: Right.Read | Right.Transfer });
    expect(kit.channels.live(x)).toMatchObject({ refs: 1, queuedRefs: 0 });
    expect(kit.channels.live(b).queue).toHaveLength(0);
  });

  it('WouldBlock on an empty queue, PeerClosed once the peer is gone and the queue is drained', () => {
    const kit = makeIpcKit();
    const [a, b] = pair(kit);
    const table = new HandleTable(4);
    expect(recvIntoHandles(kit, b, table, deliverOk)).toEqual({ ok: false, error: RvosError.WouldBlock });
    sendMessage(kit, a, msg([1]));
    kit.objects.release(HandleKind.Channel, a);
    expect(recvIntoHandles(kit, b, table, deliverOk).ok).toBe(true);
    expect(recvIntoHandles(kit, b, table, deliverOk)).toEqual({ ok: false, error: RvosError.PeerClosed });
    expect(peekMessage(kit, b)).toEqual({ ok: false, error: RvosError.PeerClosed });
  });

  it('TooManyHandles when the receiver lacks slots: the message stays queued and the table is unchanged', () => {
    const kit = makeIpcKit();
    const [a, b] = pair(kit);
    const s1 = kit.shm.add();
    const s2 = kit.shm.add();
    sendMessage(kit, a, msg([1], [{ kind: HandleKind.Shm, id: s1, rights: 0 }, { kind: HandleKind.Shm, id: s2, rights: 0 }]));
    const table = new HandleTable(2);
    table.install({ kind: HandleKind.Channel, objectId: b, rights: Right.Read });
    expect(recvIntoHandles(kit, b, table, deliverOk)).toEqual({ ok: false, error: RvosError.TooManyHandles });
    expect(table.count).toBe(1);
    expect(kit.channels.live(b).queue).toHaveLength(1);
    expect(kit.shm.refs(s1)).toBe(2);
  });

  it('a failed delivery (bad user buffer) rolls back the installed handles and leaves the message queued', () => {
    const kit = makeIpcKit();
    const [a, b] = pair(kit);
    const [x, y] = pair(kit);
    sendMessage(kit, a, msg([1], [{ kind: HandleKind.Channel, id: x, rights: 1 }, { kind: HandleKind.Channel, id: y, rights: 1 }]));
    const table = new HandleTable(4);
    const seen: number[][] = [];
    const failed = recvIntoHandles(kit, b, table, (_m, handles) => { seen.push([...handles]); return { ok: false, error: RvosError.BadAddress }; });
    expect(failed).toEqual({ ok: false, error: RvosError.BadAddress });
    expect(seen).toEqual([[0, 1]]);
    expect(table.count).toBe(0);
    expect(kit.channels.live(x)).toMatchObject({ refs: 2, queuedRefs: 1 });
    expect(recvIntoHandles(kit, b, table, deliverOk)).toMatchObject({ ok: true, value: { handles: [0, 1] } });
  });
});
