// The math and sysinfo services driven through real channels: connect via
// init, exact results (wrapping i64, division by zero), the process walk in
// pages, uptime, and the standard error for malformed requests.

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { WireTag } from '../../../../emulator/kernel/abi/wire-tags.ts';
import { WireReader, WireWriter } from '../../../../emulator/kernel/services/wire-codec.ts';
import { attachToInit, call, connect, errorCode, refsOf, serviceKit, tagOf } from './service-kit.ts';

const I64_MIN = -(2n ** 63n);

function mathOp(tag: number, a: bigint, b: bigint): Uint8Array {
  return new WireWriter(tag).i64(a).i64(b).bytes();
}

describe('math service', () => {
  it('adds, multiplies and divides with i64 wrapping; division by zero is InvalidArgument', async () => {
    const kit = await serviceKit();
    const math = connect(kit, attachToInit(kit, 900), 'math');
    const result = (tag: number, a: bigint, b: bigint): bigint => {
      using reply = call(kit, math, mathOp(tag, a, b));
      const r = new WireReader(reply.data);
      const v = r.i64();
      expect(r.tag).toBe(WireTag.Ok);
      expect(r.end()).toBe(true);
      return v;
    };
    expect(result(WireTag.MathAdd, 40n, 2n)).toBe(42n);
    expect(result(WireTag.MathAdd, 2n ** 63n - 1n, 1n)).toBe(I64_MIN);
    expect(result(WireTag.MathMul, -7n, 6n)).toBe(-42n);
    expect(result(WireTag.MathDiv, -7n, 2n)).toBe(-3n);
    expect(result(WireTag.MathDiv, I64_MIN, -1n)).toBe(I64_MIN);
    using byZero = call(kit, math, mathOp(WireTag.MathDiv, 1n, 0n));
    expect(errorCode(byZero)).toBe(RvosError.InvalidArgument);
  });

  it('answers malformed requests with the standard Error InvalidArgument and keeps serving', async () => {
    const kit = await serviceKit();
    const math = connect(kit, attachToInit(kit, 900), 'math');
    for (const bad of [Uint8Array.of(1), new WireWriter(WireTag.MathAdd).i64(1).bytes(), new WireWriter(WireTag.MathAdd).u64(1).u64(2).bytes(),
      new WireWriter(0x7777).bytes(), Uint8Array.of(...mathOp(WireTag.MathAdd, 1n, 2n), 0)]) {
      using reply = call(kit, math, bad);
      expect(tagOf(reply)).toBe(WireTag.Error);
      expect(errorCode(reply)).toBe(RvosError.InvalidArgument);
    }
    using fine = call(kit, math, mathOp(WireTag.MathAdd, 1n, 2n));
    expect(tagOf(fine)).toBe(WireTag.Ok);
  });

  it('releases a cap sent with a request (no leak) and forgets a closed client', async () => {
    const kit = await serviceKit();
    const math = connect(kit, attachToInit(kit, 900), 'math');
    const channelsBefore = kit.kernel.channels.count;
    const extra = kit.kernel.channels.create();
    if (!extra.ok) throw new Error('no channel');
    const [a, b] = extra.value;
    using reply = call(kit, math, mathOp(WireTag.MathAdd, 1n, 1n), [{ kind: 1, id: a, rights: 7 }]);
    expect(errorCode(reply)).toBe(RvosError.InvalidArgument);
    expect(refsOf(kit, a)).toBe(1);
    kit.kernel.objects.release(1, a);
    kit.kernel.objects.release(1, b);
    expect(kit.kernel.channels.count).toBe(channelsBefore);
    expect(kit.math.clients).toHaveLength(1);
    math.close();
    kit.settle();
    expect(kit.math.clients).toHaveLength(0);
    expect(kit.kernel.channels.count).toBe(channelsBefore - 1);
  });
});

describe('sysinfo service', () => {
  it('walks the process table in pages that fit one message', async () => {
    const kit = await serviceKit();
    const sysinfo = connect(kit, attachToInit(kit, 900), 'sysinfo');
    using reply = call(kit, sysinfo, new WireWriter(WireTag.SysinfoPs).u64(0).bytes());
    const r = new WireReader(reply.data);
    expect(r.tag).toBe(WireTag.SysinfoPsReply);
    const next = r.u64Number();
    const count = r.u64Number();
    const rows: [number, number, string, string, number, number][] = [];
    for (let i = 0; i < count; i++) rows.push([r.u64Number(), r.u64Number(), r.str(), r.str(), r.u64Number(), r.u64Number()]);
    expect(r.end()).toBe(true);
    expect(next).toBe(0);
    expect(rows.map((row) => row[2])).toEqual(['init', 'console', 'sysinfo', 'math']);
    expect(rows[0]!.slice(0, 2)).toEqual([1, 0]);
    using tail = call(kit, sysinfo, new WireWriter(WireTag.SysinfoPs).u64(2).bytes());
    const t = new WireReader(tail.data);
    expect([t.u64Number(), t.u64Number()]).toEqual([0, 2]);
  });

  it('reports uptime in ns and instructions; malformed requests get InvalidArgument', async () => {
    const kit = await serviceKit();
    const sysinfo = connect(kit, attachToInit(kit, 900), 'sysinfo');
    using reply = call(kit, sysinfo, new WireWriter(WireTag.SysinfoUptime).bytes());
    const r = new WireReader(reply.data);
    expect(r.tag).toBe(WireTag.Ok);
    expect(r.u64()).toBe(BigInt(kit.kernel.now() * 100));
    r.u64();
    expect(r.end()).toBe(true);
    using bad = call(kit, sysinfo, new WireWriter(WireTag.SysinfoPs).str('x').bytes());
    expect(errorCode(bad)).toBe(RvosError.InvalidArgument);
  });
});
