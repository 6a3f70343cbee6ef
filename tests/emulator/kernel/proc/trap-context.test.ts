// TrapContext save/restore against the real hart, through the register-file
// views and through the per-register fallback (a hart without views): both
// give the same context, x0 stays zero, f registers and fcsr round-trip.

import { describe, expect, it } from 'vitest';
import type { HartApi } from '../../../../emulator/hart/hart-api.ts';
import { createHartFromModule, loadHartModule } from '../../../../emulator/hart/hart.ts';
import {
  newTrapContext, restoreFloatContext, restoreIntegerContext, saveFloatContext, saveIntegerContext,
} from '../../../../emulator/kernel/proc/trap-context.ts';

async function harts(): Promise<[string, HartApi][]> {
  const hart = createHartFromModule(await loadHartModule(), { ramBase: 0x8000_0000n, ramSize: 1 << 16, instructionsPerTick: 10 });
  hart.setCsr(0x300, 1n << 13n);
  const withoutViews = Object.create(hart, { registerFile: { value: undefined } }) as HartApi;
  return [['register-file views', hart], ['per-register calls', withoutViews]];
}

describe('TrapContext', () => {
  it('starts zeroed at pc with sp set', () => {
    const context = newTrapContext(0x10000n, 0x3f_ffff_f000n);
    expect(context.pc).toBe(0x10000n);
    expect(context.x[2]).toBe(0x3f_ffff_f000n);
    expect(context.x.filter((v) => v !== 0n).length).toBe(1);
    expect(context.fcsr).toBe(0);
  });

  it.each([0, 1])('saves and restores every register (%s)', async (which) => {
    const [, hart] = (await harts())[which]!;
    const a = newTrapContext(0x1234n, 0n);
    for (let i = 0; i < 32; i++) {
      a.x[i] = BigInt(i) * 0x0101_0101_0101n + (1n << 63n);
      a.f[i] = BigInt(i) << 52n;
    }
    a.fcsr = 0x65;
    restoreIntegerContext(hart, a);
    restoreFloatContext(hart, a);
    expect(hart.getX(0)).toBe(0n);
    expect(hart.getX(31)).toBe(a.x[31]);
    expect(hart.getPc()).toBe(0x1234n);
    const b = newTrapContext(0n, 0n);
    saveIntegerContext(hart, b);
    saveFloatContext(hart, b);
    expect(b.x[0]).toBe(0n);
    expect([...b.x.slice(1)]).toEqual([...a.x.slice(1)]);
    expect([...b.f]).toEqual([...a.f]);
    expect(b.fcsr).toBe(0x65);
    expect(b.pc).toBe(0x1234n);
  });
});
