// HandleTable: O(1) install/remove with lowest numbers first, lookup error
// precedence (BadHandle > WrongType > AccessDenied), the full-table error, drain.

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { HandleKind, Right } from '../../../../emulator/kernel/abi/handles.ts';
import { HandleTable } from '../../../../emulator/kernel/ipc/handle-table.ts';

const chan = (objectId: number, rights: number = Right.Read | Right.Write) => ({ kind: HandleKind.Channel, objectId, rights });

describe('HandleTable', () => {
  it('hands out the lowest free number first and reuses freed numbers', () => {
    const t = new HandleTable(4);
    expect([t.install(chan(10)), t.install(chan(11)), t.install(chan(12))]).toEqual([
      { ok: true, value: 0 }, { ok: true, value: 1 }, { ok: true, value: 2 },
    ]);
    expect(t.remove(1)).toEqual({ ok: true, value: chan(11) });
    expect(t.install(chan(13))).toEqual({ ok: true, value: 1 });
    expect(t.count).toBe(3);
    expect(t.freeCount).toBe(1);
  });

  it('reports TooManyHandles when full', () => {
    const t = new HandleTable(2);
    t.install(chan(1));
    t.install(chan(2));
    expect(t.install(chan(3))).toEqual({ ok: false, error: RvosError.TooManyHandles });
    expect(t.count).toBe(2);
  });

  it('looks up with precedence BadHandle > WrongType > AccessDenied', () => {
    const t = new HandleTable(4);
    t.install(chan(7, Right.Read));
    expect(t.lookup(0, HandleKind.Channel, Right.Read)).toEqual({ ok: true, value: chan(7, Right.Read) });
    expect(t.lookup(0, undefined, 0).ok).toBe(true);
    expect(t.lookup(0, HandleKind.Shm, Right.Write)).toEqual({ ok: false, error: RvosError.WrongType });
    expect(t.lookup(0, HandleKind.Channel, Right.Write)).toEqual({ ok: false, error: RvosError.AccessDenied });
    expect(t.lookup(0, HandleKind.Channel, Right.Read | Right.Transfer)).toEqual({ ok: false, error: RvosError.AccessDenied });
    for (const bad of [1, -1, 4, 1.5, undefined, Number.MAX_SAFE_INTEGER]) {
      expect(t.lookup(bad, HandleKind.Shm, Right.Write)).toEqual({ ok: false, error: RvosError.BadHandle });
    }
  });

  it('removing a closed handle is BadHandle and changes nothing', () => {
    const t = new HandleTable(2);
    t.install(chan(1));
    expect(t.remove(1)).toEqual({ ok: false, error: RvosError.BadHandle });
    expect(t.remove(0).ok).toBe(true);
    expect(t.remove(0)).toEqual({ ok: false, error: RvosError.BadHandle });
    expect(t.count).toBe(0);
    expect(t.freeCount).toBe(2);
  });

  it('drain removes every entry and the table starts again at handle 0', () => {
    const t = new HandleTable(3);
    t.install(chan(1));
    t.install(chan(2));
    t.install(chan(3));
    t.remove(1);
    expect(t.drain().map((e) => e.objectId).sort()).toEqual([1, 3]);
    expect(t.count).toBe(0);
    expect(t.entries()).toEqual([]);
    expect(t.install(chan(9))).toEqual({ ok: true, value: 0 });
  });

  it('stores a copy of the entry', () => {
    const t = new HandleTable(1);
    const e = { kind: HandleKind.Channel, objectId: 1, rights: Right.Read };
    t.install(e);
    e.objectId = 2;
    expect(t.get(0)?.objectId).toBe(1);
  });
});
