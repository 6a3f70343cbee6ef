// The register-file views (HartApi.registerFile): they alias the hart's own
// x and f registers, so a context saved or restored with TypedArray.set is the
// state the guest sees, with no per-register calls.

import { describe, expect, it } from 'vitest';
import { ExitReason, createHartFromModule, loadHartModule } from '../../../emulator/hart/hart.js';

const RAM_BASE = 0x8000_0000n;

async function hartWithCode(words: number[]) {
  const hart = createHartFromModule(await loadHartModule(), { ramBase: RAM_BASE, ramSize: 1 << 16, instructionsPerTick: 10 });
  const view = new DataView(hart.ram.buffer, hart.ram.byteOffset, hart.ram.byteLength);
  words.forEach((word, i) => view.setUint32(i * 4, word, true));
  hart.reset(RAM_BASE);
  return hart;
}

const ADDI_T0_T0_1 = 0x00128293; // addi t0, t0, 1
const ADD_A0_T0_T1 = 0x00628533; // add a0, t0, t1
const FMV_D_X_FT0_A0 = 0xf2050053; // fmv.d.x ft0, a0
const WFI = 0x10500073;

describe('hart register file views', () => {
  it('reflects setX/setF and the guest writes in the views', async () => {
    const hart = await hartWithCode([ADDI_T0_T0_1, WFI]);
    const { x, f } = hart.registerFile();
    hart.setX(5, 41n);
    hart.setF(3, 0xdead_beefn);
    expect(x[5]).toBe(41n);
    expect(f[3]).toBe(0xdead_beefn);
    expect(hart.run(10)).toBe(ExitReason.Wfi);
    expect(x[5]).toBe(42n);
  });

  it('makes registers written through the views visible to the guest', async () => {
    const hart = await hartWithCode([ADD_A0_T0_T1, WFI]);
    const { x } = hart.registerFile();
    const context = new BigUint64Array(32);
    context[5] = 0xffff_ffff_ffff_fff0n;
    context[6] = 0x20n;
    x.set(context);
    expect(hart.getX(5)).toBe(0xffff_ffff_ffff_fff0n);
    hart.run(10);
    expect(hart.getX(10)).toBe(0x10n);
    expect(x[0]).toBe(0n);
  });

  it('saves and restores a full context with two copies', async () => {
    const hart = await hartWithCode([WFI]);
    hart.setCsr(0x300, 1n << 13n); // mstatus.FS = Initial
    const { x, f } = hart.registerFile();
    for (let i = 1; i < 32; i++) hart.setX(i, BigInt(i) * 0x1_0000_0001n);
    for (let i = 0; i < 32; i++) hart.setF(i, BigInt(i) << 40n);
    const savedX = x.slice();
    const savedF = f.slice();
    for (let i = 1; i < 32; i++) hart.setX(i, 0n);
    for (let i = 0; i < 32; i++) hart.setF(i, 0n);
    x.set(savedX);
    f.set(savedF);
    for (let i = 1; i < 32; i++) expect(hart.getX(i)).toBe(BigInt(i) * 0x1_0000_0001n);
    for (let i = 0; i < 32; i++) expect(hart.getF(i)).toBe(BigInt(i) << 40n);
  });

  it('lets the guest read an f register restored through the view', async () => {
    const hart = await hartWithCode([FMV_D_X_FT0_A0, WFI]);
    hart.setCsr(0x300, 1n << 13n);
    hart.registerFile().x[10] = 0x4009_21fb_5444_2d18n; // pi
    hart.run(10);
    expect(hart.registerFile().f[0]).toBe(0x4009_21fb_5444_2d18n);
  });
});
