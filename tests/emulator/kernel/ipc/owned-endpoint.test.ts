// OwnedEndpoint (kernel code's RAII ownership of an endpoint) and
// ReceivedMessage (caps a service received, released unless taken).

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { HandleKind, Right } from '../../../../emulator/kernel/abi/handles.ts';
import { OwnedEndpoint } from '../../../../emulator/kernel/ipc/owned-endpoint.ts';
import { KernelBug, ok } from '../../../../emulator/kernel/core/result.ts';
import { makeIpcKit, type IpcKit } from './ipc-test-kit.ts';

function ownedPair(kit: IpcKit): readonly [OwnedEndpoint, OwnedEndpoint] {
  const r = OwnedEndpoint.createPair(kit);
  if (!r.ok) throw new Error(`create failed: ${r.error}`);
  return r.value;
}

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('OwnedEndpoint', () => {
  it('`using` releases the endpoint at the end of the scope; take() moves ownership out', () => {
    const kit = makeIpcKit();
    let kept: OwnedEndpoint;
    {
      const [a, b] = ownedPair(kit);
      using scopedA = a;
      using scopedB = b;
      kept = scopedB.take();
      expect(scopedB.owned).toBe(false);
      expect(scopedA.owned).toBe(true);
    }
    expect(kit.channels.count).toBe(1);
    expect(kept.peerClosed()).toBe(true);
    expect(kept.readable()).toBe(true);
    kept.close();
    kept.close();
    expect(kit.channels.count).toBe(0);
    expect(() => kept.id).toThrow(KernelBug);
    expect(JSON.stringify({ kept })).toBe('{"kept":{"endpoint":null}}');
  });

  it('retain takes a second reference; toJSON is the endpoint id alone', () => {
    const kit = makeIpcKit();
    const [a, b] = ownedPair(kit);
    const again = OwnedEndpoint.retain(kit, a.id);
    expect(kit.channels.live(a.id).refs).toBe(2);
    expect(JSON.parse(JSON.stringify(again))).toEqual({ endpoint: a.id });
    a.close();
    expect(b.peerClosed()).toBe(false);
    again.close();
    expect(b.peerClosed()).toBe(true);
  });

  it('a service sends a cap it owns (the send takes its own reference) and the receiver adopts it', () => {
    const kit = makeIpcKit();
    const [service, client] = ownedPair(kit);
    {
      const made = OwnedEndpoint.createPair(kit);
      if (!made.ok) throw new Error('create');
      using serverEnd = made.value[0];
      using clientEnd = made.value[1];
      expect(service.send({ sender: 0, data: bytes(1), caps: [clientEnd.cap(Right.Read | Right.Write)] })).toEqual(ok(undefined));
      expect(kit.channels.live(clientEnd.id).refs).toBe(2);
      void serverEnd;
    }
    expect(kit.channels.count).toBe(2);
    const got = client.recv();
    if (!got.ok) throw new Error('recv');
    using received = got.value;
    expect(received.capCount).toBe(1);
    const adopted = OwnedEndpoint.fromMessage(kit, received, 0);
    expect(OwnedEndpoint.fromMessage(kit, received, 0)).toBeUndefined();
    expect(adopted?.peerClosed()).toBe(true);
    adopted?.close();
    expect(kit.channels.count).toBe(1);
  });

  it('a received message releases the caps nobody took when disposed', () => {
    const kit = makeIpcKit();
    const [a, b] = ownedPair(kit);
    const s = kit.shm.add();
    a.send({ sender: 0, data: bytes(), caps: [{ kind: HandleKind.Shm, id: s, rights: 0 }] });
    kit.objects.release(HandleKind.Shm, s);
    {
      const got = b.recv();
      if (!got.ok) throw new Error('recv');
      using m = got.value;
      expect(OwnedEndpoint.fromMessage(kit, m, 0)).toBeUndefined();
      expect(kit.shm.refs(s)).toBe(1);
    }
    expect(kit.shm.refs(s)).toBeUndefined();
    expect(b.recv()).toEqual({ ok: false, error: RvosError.WouldBlock });
  });
});
