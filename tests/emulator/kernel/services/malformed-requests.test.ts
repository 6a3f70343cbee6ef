// Hostile input for every service: mutated and truncated versions of valid
// requests (deterministic PRNG). Each request gets exactly one reply, an
// answer or the standard Error; no service throws (no "kernel bug" in the
// log) and nothing leaks (channel count and console state unchanged).

import { describe, expect, it } from 'vitest';
import { WireTag } from '../../../../emulator/kernel/abi/wire-tags.ts';
import type { OwnedEndpoint } from '../../../../emulator/kernel/ipc/owned-endpoint.ts';
import { tagOnly, WireReader, WireWriter } from '../../../../emulator/kernel/services/wire-codec.ts';
import { attachToInit, connect, receive, send, serviceKit, type ServiceKit } from './service-kit.ts';

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s >>> 8;
  };
}

/** A mutation of `base`: truncated, extended, or with a few bytes replaced. */
function mutate(base: Uint8Array, rand: () => number): Uint8Array {
  const out = [...base];
  switch (rand() % 3) {
    case 0: out.length = rand() % (out.length + 1); break;
    case 1: for (let n = rand() % 8; n >= 0; n--) out.push(rand() & 0xff); break;
    default: for (let n = 1 + (rand() % 4); n > 0 && out.length > 0; n--) out[rand() % out.length] = rand() & 0xff;
  }
  return Uint8Array.from(out.slice(0, 1024));
}

/** Sends `count` mutations of `seeds` on `client`; each must get exactly one reply. Returns the reply tags seen. */
function fuzz(kit: ServiceKit, client: OwnedEndpoint, seeds: Uint8Array[], count: number, seed: number): Set<number | undefined> {
  const rand = prng(seed);
  const tags = new Set<number | undefined>();
  for (let i = 0; i < count; i++) {
    send(client, mutate(seeds[rand() % seeds.length]!, rand));
    using reply = receive(kit, client);
    tags.add(new WireReader(reply.data).tag);
    kit.settle();
    expect(client.readable(), `request ${i} got more than one reply`).toBe(false);
  }
  return tags;
}

describe('services under malformed requests', () => {
  it('math and sysinfo answer every mutated request exactly once', async () => {
    const kit = await serviceKit();
    const boot = attachToInit(kit, 900);
    const math = connect(kit, boot, 'math');
    const sysinfo = connect(kit, boot, 'sysinfo');
    const channels = kit.kernel.channels.count;
    const mathTags = fuzz(kit, math, [WireTag.MathAdd, WireTag.MathMul, WireTag.MathDiv].map((t) => new WireWriter(t).i64(-5).i64(3).bytes()), 300, 1);
    const infoTags = fuzz(kit, sysinfo, [new WireWriter(WireTag.SysinfoPs).u64(1).bytes(), tagOnly(WireTag.SysinfoUptime)], 300, 2);
    expect(mathTags).toContain(WireTag.Error);
    expect(infoTags).toContain(WireTag.Error);
    expect(kit.kernel.channels.count).toBe(channels);
    expect(kit.output()).not.toContain('kernel bug');
  });

  it('init answers every mutated boot-channel request exactly once and leaks nothing', async () => {
    const kit = await serviceKit();
    const boot = attachToInit(kit, 900);
    const seeds = [
      new WireWriter(WireTag.InitConnect).str('nope').bytes(), tagOnly(WireTag.InitKill),
      new WireWriter(WireTag.InitKill).u64(77).bytes(), new WireWriter(WireTag.InitSpawn).str('/bin/none').bytesField(Uint8Array.of(0x61, 0)).bytes(),
      new WireWriter(WireTag.InitRegister).str('x').cap(0).bytes(),
    ];
    const channels = kit.kernel.channels.count;
    const tags = fuzz(kit, boot, seeds, 400, 3);
    expect(tags).toContain(WireTag.Error);
    expect(kit.kernel.channels.count).toBe(channels);
    expect(kit.init.jobs).toHaveLength(0);
    expect(kit.output()).not.toContain('kernel bug');
  });

  it('the console answers mutated requests that are not a valid read or write', async () => {
    const kit = await serviceKit();
    const boot = attachToInit(kit, 900);
    const con = connect(kit, boot, 'console');
    const rand = prng(4);
    for (let i = 0; i < 300; i++) {
      const data = mutate(new WireWriter(WireTag.ConsoleSetMode).u64(1).bytes(), rand);
      const r = new WireReader(data);
      if (r.tag === WireTag.ConsoleRead || r.tag === WireTag.ConsoleWrite) continue;
      send(con, data);
      using reply = receive(kit, con);
      expect([WireTag.Ok, WireTag.Error]).toContain(new WireReader(reply.data).tag);
    }
    expect(kit.console.readers).toHaveLength(0);
    expect(kit.output()).not.toContain('kernel bug');
  });
});
