// The init service driven through real channels: InitConnect / InitStdio take
// exactly one reference per cap, the named-service registry (AlreadyExists,
// LimitReached on overflow, dead services), InitKill, and malformed requests.

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { HandleKind } from '../../../../emulator/kernel/abi/handles.ts';
import { WireTag } from '../../../../emulator/kernel/abi/wire-tags.ts';
import { OwnedEndpoint } from '../../../../emulator/kernel/ipc/owned-endpoint.ts';
import { InitService } from '../../../../emulator/kernel/services/init.ts';
import { tagOnly, WireReader, WireWriter } from '../../../../emulator/kernel/services/wire-codec.ts';
import { attachToInit, call, CHANNEL_RIGHTS, connect, errorCode, receive, refsOf, register, send, serviceKit, tagOf, type ServiceKit } from './service-kit.ts';

describe('init: InitConnect and InitStdio', () => {
  it('takes exactly one reference for each endpoint of the new connection', async () => {
    const kit = await serviceKit();
    const boot = attachToInit(kit, 900);
    const channels = kit.kernel.channels.count;
    send(boot, new WireWriter(WireTag.InitConnect).str('math').bytes());
    kit.settle();
    const queued = kit.kernel.channels.endpoint(boot.id)!.queue[0]!;
    const clientEnd = queued.caps[0]!;
    expect(clientEnd).toEqual({ kind: HandleKind.Channel, id: clientEnd.id, rights: CHANNEL_RIGHTS });
    // Held only by the queued reply; the server end only by the math service.
    expect(refsOf(kit, clientEnd.id)).toBe(1);
    expect(kit.kernel.channels.endpoint(clientEnd.id)!.queuedRefs).toBe(1);
    expect(refsOf(kit, clientEnd.id ^ 1)).toBe(1);
    expect(kit.math.clients.map((c) => c.ep.id)).toEqual([clientEnd.id ^ 1]);
    expect(kit.kernel.channels.count).toBe(channels + 1);
    const math = connectReply(kit, boot);
    expect(refsOf(kit, math.id)).toBe(1);
    math.close();
    kit.settle();
    expect(kit.kernel.channels.count).toBe(channels);
  });

  it('InitStdio connects to the console; unknown names are NotFound; malformed requests InvalidArgument', async () => {
    const kit = await serviceKit();
    const boot = attachToInit(kit, 900);
    using stdio = call(kit, boot, tagOnly(WireTag.InitStdio));
    expect(tagOf(stdio)).toBe(WireTag.Ok);
    kit.settle();
    expect(kit.console.clients).toHaveLength(1);
    using missing = call(kit, boot, new WireWriter(WireTag.InitConnect).str('nope').bytes());
    expect(errorCode(missing)).toBe(RvosError.NotFound);
    for (const bad of [new WireWriter(WireTag.InitConnect).u64(1).bytes(), Uint8Array.of(0x01), new WireWriter(0x0199).bytes(),
      new WireWriter(WireTag.InitKill).str('x').bytes(), new WireWriter(WireTag.InitSpawn).str('').bytesField(new Uint8Array(0)).bytes()]) {
      using reply = call(kit, boot, bad);
      expect(errorCode(reply)).toBe(RvosError.InvalidArgument);
    }
  });
});

describe('init: the named-service registry', () => {
  it('registers a service and passes it the server end of each connection with one reference', async () => {
    const kit = await serviceKit();
    const boot = attachToInit(kit, 900);
    const { code, service } = register(kit, boot, 'echo');
    expect(code).toBe(RvosError.Ok);
    const client = connect(kit, boot, 'echo');
    using note = receive(kit, service);
    const r = new WireReader(note.data);
    const index = r.cap(note.capCount);
    expect(r.tag).toBe(WireTag.SvcNewClient);
    expect(r.end()).toBe(true);
    const server = OwnedEndpoint.fromMessage(kit.kernel, note, index)!;
    expect(server.id).toBe(client.id ^ 1);
    expect(refsOf(kit, server.id)).toBe(1);
    expect(refsOf(kit, client.id)).toBe(1);
    expect(register(kit, boot, 'echo').code).toBe(RvosError.AlreadyExists);
  });

  it('gives LimitReached beyond limits.namedServices without leaking the endpoint, and keeps working', async () => {
    const kit = await serviceKit();
    const boot = attachToInit(kit, 900);
    const free = kit.kernel.limits.namedServices - kit.init.registry.entries.length;
    for (let i = 0; i < free; i++) expect(register(kit, boot, `svc${i}`).code).toBe(RvosError.Ok);
    const channels = kit.kernel.channels.count;
    const refused = register(kit, boot, 'one-too-many');
    expect(refused.code).toBe(RvosError.LimitReached);
    expect(refused.service.peerClosed()).toBe(true);
    refused.service.close();
    expect(kit.kernel.channels.count).toBe(channels);
    expect(kit.init.registry.entries).toHaveLength(kit.kernel.limits.namedServices);
    const math = connect(kit, boot, 'math');
    using sum = call(kit, math, new WireWriter(WireTag.MathAdd).i64(2).i64(3).bytes());
    expect(tagOf(sum)).toBe(WireTag.Ok);
  });

  it('drops a service whose end closed: connecting is NotFound and the name is free again', async () => {
    const kit = await serviceKit();
    const boot = attachToInit(kit, 900);
    const first = register(kit, boot, 'gone');
    first.service.close();
    kit.settle();
    using reply = call(kit, boot, new WireWriter(WireTag.InitConnect).str('gone').bytes());
    expect(errorCode(reply)).toBe(RvosError.NotFound);
    expect(register(kit, boot, 'gone').code).toBe(RvosError.Ok);
  });

  it('refuses InitRegister without a channel cap or with an empty name', async () => {
    const kit = await serviceKit();
    const boot = attachToInit(kit, 900);
    using noCap = call(kit, boot, new WireWriter(WireTag.InitRegister).str('x').cap(0).bytes());
    expect(errorCode(noCap)).toBe(RvosError.InvalidArgument);
    expect(register(kit, boot, '').code).toBe(RvosError.InvalidArgument);
  });
});

describe('init: boot registrations', () => {
  it('takes at most limits.bootRegistrations boot programs (LimitReached beyond)', async () => {
    const kit = await serviceKit();
    const init = new InitService(kit.kernel.limits.namedServices, kit.kernel.limits.bootRegistrations);
    for (let i = 0; i < kit.kernel.limits.bootRegistrations; i++) expect(init.addBootProgram(`/bin/p${i}`).ok).toBe(true);
    expect(init.addBootProgram('/bin/extra')).toEqual({ ok: false, error: RvosError.LimitReached });
    expect(init.bootPlan).toHaveLength(kit.kernel.limits.bootRegistrations);
  });
});

describe('init: InitKill', () => {
  it('is NotFound for a pid init did not start', async () => {
    const kit = await serviceKit();
    const boot = attachToInit(kit, 900);
    using reply = call(kit, boot, new WireWriter(WireTag.InitKill).u64(kit.pids.math!).bytes());
    expect(errorCode(reply)).toBe(RvosError.NotFound);
  });
});

/** Receives an Ok + Cap(0) reply on `boot` and returns the endpoint it carries. */
function connectReply(kit: ServiceKit, boot: OwnedEndpoint): OwnedEndpoint {
  using reply = receive(kit, boot);
  const r = new WireReader(reply.data);
  const index = r.cap(reply.capCount);
  expect(r.tag).toBe(WireTag.Ok);
  return OwnedEndpoint.fromMessage(kit.kernel, reply, index)!;
}
