// Tests of the delta-debugging shrinker and of the dump comparison, with
// synthetic predicates (no hart, no QEMU needed).

import { describe, expect, it } from 'vitest';
import { compareDumps } from './dump-compare.ts';
import { insn, type Item, OUTPUT_SIZE, renderItems, SCRATCH_SIZE } from './program-model.ts';
import { generateProgram } from './program-generator.ts';
import { shrinkItems } from './shrink.ts';

const has = (items: readonly Item[], text: string): boolean => renderItems(items).includes(text);

describe('shrinkItems', () => {
  it('reduces a 1000-item program to the two items the failure needs', async () => {
    const items: Item[] = [...generateProgram(3).items];
    items.splice(400, 0, insn('mulhsu x7, x8, x9'));
    items.splice(900, 0, insn('fdiv.d f1, f2, f3, rup'));
    const fails = async (c: readonly Item[]): Promise<boolean> => has(c, 'mulhsu x7, x8, x9') && has(c, 'fdiv.d f1, f2, f3, rup');
    const shrunk = await shrinkItems(items, fails, { maxTests: 2000 });
    expect(renderItems(shrunk)).toBe('  mulhsu x7, x8, x9\n  fdiv.d f1, f2, f3, rup');
  });

  it('unwraps blocks and shrinks their bodies', async () => {
    const block: Item = {
      kind: 'block', head: ['beq x1, x2, %L'],
      body: [insn('add x3, x4, x5'), insn('sub x6, x7, x8'), insn('xor x10, x11, x12')], tail: ['%L:'],
    };
    const items: Item[] = [insn('li x1, 1'), block, insn('li x2, 2')];
    const shrunk = await shrinkItems(items, async (c) => has(c, 'sub x6, x7, x8'));
    expect(renderItems(shrunk)).toBe('  sub x6, x7, x8');
  });

  it('keeps the input when nothing can go and respects the test budget', async () => {
    const items = [insn('add x1, x2, x3'), insn('add x4, x5, x6')];
    let calls = 0;
    const shrunk = await shrinkItems(items, async (c) => { calls++; return c.length === 2; }, { maxTests: 5 });
    expect(shrunk).toEqual(items);
    expect(calls).toBeLessThanOrEqual(5);
  });
});

describe('compareDumps', () => {
  it('names the first differing register and scratch quadword', () => {
    const expected = new Uint8Array(OUTPUT_SIZE);
    const actual = expected.slice();
    actual[SCRATCH_SIZE + 33 * 8] = 1; // f1
    actual[16] = 0xff; // scratch+16
    const m = compareDumps(expected, actual);
    expect(m?.first).toBe('f1: expected 0x0000000000000000 (qemu), actual 0x0000000000000001 (hart)');
    expect(m?.details[1]).toContain('scratch+16');
    expect(compareDumps(expected, expected.slice())).toBeUndefined();
    expect(compareDumps(expected, actual.subarray(0, 8))?.first).toContain('wrote 8 bytes');
  });
});
