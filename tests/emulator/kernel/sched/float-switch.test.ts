// The FP part of a context switch on the real hart: the outgoing task's f
// registers are saved only when mstatus.FS is Dirty, the incoming task's are
// loaded with its fcsr, and FS is left Clean; the same with a hart that lacks
// the optional floatDirty / floatLoaded helpers (the generic CSR path).

import { describe, expect, it } from 'vitest';
import type { HartApi } from '../../../../emulator/hart/hart-api.ts';
import { createHart } from '../../../../emulator/hart/hart.ts';
import { newTrapContext } from '../../../../emulator/kernel/proc/trap-context.ts';
import { switchFloatState } from '../../../../emulator/kernel/sched/float-switch.ts';

const MSTATUS = 0x300;
const FS = 3n << 13n;

async function hartWithFp(): Promise<HartApi> {
  const hart = await createHart({ ramBase: 0x8000_0000n, ramSize: 1 << 20, instructionsPerTick: 10 });
  hart.setCsr(MSTATUS, 1n << 13n); // FS = Initial
  return hart;
}

/** `hart` without the optional helpers: switchFloatState takes its generic path. */
function genericHart(hart: HartApi): HartApi {
  return Object.create(hart, { floatDirty: { value: undefined }, floatLoaded: { value: undefined } }) as HartApi;
}

function contexts() {
  const a = newTrapContext(0n, 0n);
  const b = newTrapContext(0n, 0n);
  a.f[1] = 0x1111n;
  a.fcsr = 0x21;
  b.f[1] = 0x2222n;
  b.fcsr = 0x42;
  return { a, b };
}

describe.each([['the hart helpers', false], ['generic CSR access', true]])('switchFloatState with %s', (_name, generic) => {
  it('loads the incoming state, leaves FS Clean and saves only a Dirty outgoing state', async () => {
    const real = await hartWithFp();
    const hart = generic ? genericHart(real) : real;
    const { a, b } = contexts();
    switchFloatState(hart, undefined, a);
    expect(real.getF(1)).toBe(0x1111n);
    expect(real.getCsr(0x003)).toBe(0x21n);
    expect(real.getCsr(MSTATUS) & FS).toBe(2n << 13n);
    real.setF(1, 0x9999n); // a host write does not dirty FS: nothing is saved
    switchFloatState(hart, a, b);
    expect(a.f[1]).toBe(0x1111n);
    expect(real.getF(1)).toBe(0x2222n);
    expect(real.getCsr(0x003)).toBe(0x42n);
    real.setF(1, 0x7777n);
    real.setCsr(MSTATUS, real.getCsr(MSTATUS) | FS); // as a guest FP write would
    switchFloatState(hart, b, a);
    expect(b.f[1]).toBe(0x7777n);
    expect(real.getF(1)).toBe(0x1111n); // a's saved state: the clean 0x9999 write was never saved
    expect(real.getCsr(MSTATUS) & FS).toBe(2n << 13n);
  });
});
