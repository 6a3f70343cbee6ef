// Tests hart state save/restore: a program stopped half-way, saved (hart
// state + RAM) and restored into a fresh hart, finishes exactly like the
// original, including timer interrupts and instruction counts.

import { describe, expect, it } from 'vitest';
import { ExitReason } from '../../../emulator/hart/hart.js';
import { assemble, hartWith, hasCrossGcc } from './guest-asm.js';

const PROGRAM = `
  .section .text.init
  .globl _start
_start:
  la t0, handler
  csrw mtvec, t0
  li s0, 0x2004000          # mtimecmp
  li s1, 0x200bff8          # mtime
  ld t0, 0(s1)
  addi t0, t0, 300
  sd t0, 0(s0)
  li t0, 0x80
  csrs mie, t0
  csrsi mstatus, 8
  li a0, 12345              # LCG state
  li a1, 0                  # interrupts seen
  li a2, 20000              # iterations
  li t3, 6364136223846793005
1:
  mul a0, a0, t3
  addi a0, a0, 1443
  addi a2, a2, -1
  bnez a2, 1b
  csrr a3, minstret
  j hart_test_done
  .align 2
handler:
  addi a1, a1, 1
  ld t0, 0(s1)
  addi t0, t0, 300
  sd t0, 0(s0)
  mret
`;

describe.skipIf(!hasCrossGcc)('hart snapshot', () => {
  it('restores a saved state into a fresh hart that then finishes identically', async () => {
    const image = assemble(PROGRAM);
    const original = await hartWith(image);
    expect(original.run(30_000)).toBe(ExitReason.Budget);
    const state = original.saveState();
    const ram = original.ram.slice();

    expect(original.run(1_000_000)).toBe(ExitReason.Tohost);
    const restored = await hartWith(new Uint8Array(0));
    restored.ram.set(ram);
    restored.loadState(state);
    expect(restored.run(1_000_000)).toBe(ExitReason.Tohost);

    for (const reg of [10, 11, 13]) expect(restored.getX(reg)).toBe(original.getX(reg));
    expect(original.getX(11)).toBeGreaterThan(10n); // timer interrupts happened
    expect(restored.retired()).toBe(original.retired());
    expect(restored.mtime()).toBe(original.mtime());
  });

  it('refuses a state of the wrong size or format without changing the hart', async () => {
    const hart = await hartWith(assemble(PROGRAM));
    hart.setX(5, 77n);
    const state = hart.saveState();
    expect(() => hart.loadState(state.subarray(8))).toThrow(/bytes/);
    const bad = state.slice();
    bad[0] ^= 0xff;
    expect(() => hart.loadState(bad)).toThrow(/format/);
    expect(hart.getX(5)).toBe(77n);
  });
});
