// ProcessTable: O(1) slots, pid <-> slot arithmetic with generations (a stale
// pid never names the slot's next process), TooManyProcesses when full, and
// the process-object reference count that keeps a Zombie until released.

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { ProcState } from '../../../../emulator/kernel/proc/process.ts';
import { ProcessTable } from '../../../../emulator/kernel/proc/process-table.ts';
import { KernelBug } from '../../../../emulator/kernel/core/result.ts';
import { fields } from './process-fields.ts';

function allocate(table: ProcessTable, name: string) {
  const r = table.allocate(fields(name));
  if (!r.ok) throw new Error(`allocate failed: ${r.error}`);
  return r.value;
}

describe('ProcessTable', () => {
  it('hands out pids 1, 2, 3 and finds them', () => {
    const table = new ProcessTable(4);
    const pids = ['a', 'b', 'c'].map((n) => allocate(table, n).pid);
    expect(pids).toEqual([1, 2, 3]);
    expect(table.get(2)?.name).toBe('b');
    expect(table.count).toBe(3);
    expect(table.get(0)).toBeUndefined();
    expect(table.get(99)).toBeUndefined();
    expect(table.get(1.5)).toBeUndefined();
  });

  it('returns TooManyProcesses when full and keeps working after a slot is freed', () => {
    const table = new ProcessTable(2);
    allocate(table, 'a');
    const b = allocate(table, 'b');
    expect(table.allocate(fields('c'))).toEqual({ ok: false, error: RvosError.TooManyProcesses });
    b.state = ProcState.Zombie;
    table.free(b.pid);
    const c = allocate(table, 'c');
    expect(c.slot).toBe(b.slot);
    expect(c.pid).not.toBe(b.pid);
    expect(table.get(b.pid)).toBeUndefined();
    expect(table.get(c.pid)?.name).toBe('c');
  });

  it('keeps a Zombie while a reference is held and frees it with the last release', () => {
    const table = new ProcessTable(2);
    const p = allocate(table, 'a');
    table.retain(p.pid);
    p.state = ProcState.Zombie;
    expect(table.get(p.pid)).toBe(p);
    table.release(p.pid);
    expect(table.get(p.pid)).toBeUndefined();
    expect(table.count).toBe(0);
  });

  it('refuses to free a live process, a double free and a release without a reference', () => {
    const table = new ProcessTable(2);
    const p = allocate(table, 'a');
    expect(() => table.free(p.pid)).toThrow(KernelBug);
    expect(() => table.release(p.pid)).toThrow(KernelBug);
    p.state = ProcState.Zombie;
    table.free(p.pid);
    expect(() => table.free(p.pid)).toThrow(KernelBug);
  });
});
