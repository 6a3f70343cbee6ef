// The hart's BigInt-free host helpers used on the kernel's trap path:
// lastRunRetired (instructions retired by the last run() call) and
// mtimeNumber (virtual time as a number), checked against their BigInt forms.

import { describe, expect, it } from 'vitest';
import { ExitReason, createHartFromModule, loadHartModule } from '../../../emulator/hart/hart.js';

const RAM_BASE = 0x8000_0000n;
const ADDI_T0_T0_1 = 0x00128293; // addi t0, t0, 1
const JAL_BACK_4 = 0xffdff06f; // jal x0, -4
const WFI = 0x10500073;

async function hartWithCode(words: number[]) {
  const hart = createHartFromModule(await loadHartModule(), { ramBase: RAM_BASE, ramSize: 1 << 16, instructionsPerTick: 10 });
  const view = new DataView(hart.ram.buffer, hart.ram.byteOffset, hart.ram.byteLength);
  words.forEach((word, i) => view.setUint32(i * 4, word, true));
  hart.reset(RAM_BASE);
  return hart;
}

describe('hart number-valued helpers', () => {
  it('lastRunRetired counts the instructions of the last run() only', async () => {
    const hart = await hartWithCode([ADDI_T0_T0_1, JAL_BACK_4]);
    expect(hart.run(7)).toBe(ExitReason.Budget);
    expect(hart.lastRunRetired()).toBe(7);
    const before = hart.retired();
    expect(hart.run(1000)).toBe(ExitReason.Budget);
    expect(hart.lastRunRetired()).toBe(1000);
    expect(hart.retired() - before).toBe(1000n);
  });

  it('lastRunRetired is 0 for a run that stops before retiring anything', async () => {
    const hart = await hartWithCode([WFI]);
    expect(hart.run(10)).toBe(ExitReason.Wfi);
    expect(hart.lastRunRetired()).toBe(1);
    expect(hart.run(0)).toBe(ExitReason.Budget);
    expect(hart.lastRunRetired()).toBe(0);
  });

  it('mtimeNumber equals mtime, including after advanceTime', async () => {
    const hart = await hartWithCode([ADDI_T0_T0_1, JAL_BACK_4]);
    hart.run(95);
    expect(hart.mtimeNumber()).toBe(Number(hart.mtime()));
    expect(hart.mtimeNumber()).toBe(9);
    hart.advanceTime(1_000_000_000_000n);
    expect(hart.mtimeNumber()).toBe(Number(hart.mtime()));
    expect(hart.mtimeNumber()).toBe(1_000_000_000_009);
  });
});
