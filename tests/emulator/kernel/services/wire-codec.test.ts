// Tests of the kernel's wire-format codec: round trips of every field type,
// the exact byte layout, and that malformed payloads fail the reader (never throw).

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { MSG_DATA_MAX } from '../../../../emulator/kernel/abi/message.ts';
import { WireTag } from '../../../../emulator/kernel/abi/wire-tags.ts';
import { decodeError, errorResponse, tagOnly, WireReader, WireWriter } from '../../../../emulator/kernel/services/wire-codec.ts';

function build(w: WireWriter): Uint8Array {
  const r = w.finish();
  if (!r.ok) throw new Error(`finish failed: ${r.error}`);
  return r.value;
}

describe('WireWriter / WireReader', () => {
  it('round-trips every field type', () => {
    const data = build(new WireWriter(0x1234).u64(2n ** 64n - 1n).i64(-5).bool(true).cap(2).bytesField(Uint8Array.of(1, 2, 3)).str('héllo'));
    const r = new WireReader(data);
    expect(r.tag).toBe(0x1234);
    expect(r.u64()).toBe(2n ** 64n - 1n);
    expect(r.i64()).toBe(-5n);
    expect(r.bool()).toBe(true);
    expect(r.cap(3)).toBe(2);
    expect([...r.bytesField()]).toEqual([1, 2, 3]);
    expect(r.str()).toBe('héllo');
    expect(r.end()).toBe(true);
  });

  it('lays fields out as tag, type byte, little-endian payload', () => {
    expect([...build(new WireWriter(0x0302).u64(0x0102))]).toEqual([0x02, 0x03, 1, 0x02, 0x01, 0, 0, 0, 0, 0, 0]);
    expect([...build(new WireWriter(1).str('ab'))]).toEqual([1, 0, 4, 2, 0, 0x61, 0x62]);
  });

  it('refuses values out of range and payloads above MSG_DATA_MAX', () => {
    expect(new WireWriter(1).u64(-1).finish()).toEqual({ ok: false, error: RvosError.InvalidArgument });
    expect(new WireWriter(1).i64(2n ** 63n).finish()).toEqual({ ok: false, error: RvosError.InvalidArgument });
    expect(new WireWriter(1).bytesField(new Uint8Array(MSG_DATA_MAX)).finish()).toEqual({ ok: false, error: RvosError.MessageTooLarge });
    expect(new WireWriter(1).bytesField(new Uint8Array(MSG_DATA_MAX - 5)).finish().ok).toBe(true);
  });

  it('fails (without throwing) on truncated, mistyped or trailing data', () => {
    const good = build(new WireWriter(7).u64(5).str('abc'));
    for (let len = 0; len < good.length; len++) {
      const r = new WireReader(good.subarray(0, len));
      r.u64();
      r.str();
      expect(r.ok, `length ${len}`).toBe(false);
    }
    const wrongType = new WireReader(good);
    wrongType.i64();
    expect(wrongType.ok).toBe(false);
    const trailing = new WireReader(Uint8Array.of(...good, 0));
    trailing.u64();
    trailing.str();
    expect(trailing.end()).toBe(false);
  });

  it('rejects a Str with NUL or invalid UTF-8, a bad Bool, a cap index out of range, a u64 above 2^53', () => {
    const cases: [Uint8Array, (r: WireReader) => unknown][] = [
      [Uint8Array.of(1, 0, 4, 1, 0, 0), (r) => r.str()],
      [Uint8Array.of(1, 0, 4, 1, 0, 0xff), (r) => r.str()],
      [Uint8Array.of(1, 0, 6, 2), (r) => r.bool()],
      [build(new WireWriter(1).cap(1)), (r) => r.cap(1)],
      [build(new WireWriter(1).u64(2n ** 53n)), (r) => r.u64Number()],
      [Uint8Array.of(1, 0, 3, 0xff, 0xff, 1), (r) => r.bytesField()],
    ];
    for (const [data, read] of cases) {
      const r = new WireReader(data);
      read(r);
      expect(r.ok).toBe(false);
    }
  });

  it('survives random garbage', () => {
    let seed = 12345;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 16;
    for (let i = 0; i < 2000; i++) {
      const data = Uint8Array.from({ length: rand() % 24 }, () => rand() & 0xff);
      const r = new WireReader(data);
      r.u64(); r.str(); r.cap(4); r.bytesField(); r.i64(); r.bool();
      r.end();
    }
  });
});

describe('standard responses', () => {
  it('builds and decodes the Error response', () => {
    const data = errorResponse(RvosError.NotFound, 'no such service');
    expect(new WireReader(data).tag).toBe(WireTag.Error);
    expect(decodeError(data)).toEqual({ code: RvosError.NotFound, message: 'no such service' });
  });

  it('cuts an over-long message so the response still fits', () => {
    const data = errorResponse(RvosError.InvalidArgument, 'x'.repeat(5000));
    expect(data.length).toBeLessThanOrEqual(MSG_DATA_MAX);
    expect(decodeError(data)?.code).toBe(RvosError.InvalidArgument);
  });

  it('tagOnly is a bare tag', () => {
    expect([...tagOnly(WireTag.Ok)]).toEqual([0xfe, 0xff]);
    expect(decodeError(tagOnly(WireTag.Ok))).toBeUndefined();
  });
});
