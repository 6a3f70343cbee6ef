// `#pragma pack` state (emulator/toolchain/cc/pragma-pack.ts): the forms GCC
// accepts, the push/pop stack, and the warnings for malformed pragmas. The
// layout it produces is tested in parse/layout.test.ts against gcc.

import { describe, expect, it } from 'vitest';
import { PackState } from '../../../../emulator/toolchain/cc/pragma-pack.ts';

describe('#pragma pack', () => {
  it('follows pack(n), push, pop and pack()', () => {
    const s = new PackState();
    const seen: number[] = [];
    for (const text of ['pack ( push , 1 )', 'pack(2)', 'pack(push)', 'pack(push, name, 4)', 'pack(pop)', 'pack(pop)', 'pack(pop)', 'pack(8)', 'pack()']) {
      expect(s.apply(text), text).toBeUndefined();
      seen.push(s.maxAlign);
    }
    expect(seen).toEqual([1, 2, 2, 4, 2, 2, 0, 8, 0]);
  });

  it('ignores other pragmas and warns about malformed pack pragmas', () => {
    const s = new PackState();
    expect(s.apply('STDC FP_CONTRACT ON')).toBeUndefined();
    expect(s.apply('pack(3)')).toMatch(/power of two/);
    expect(s.apply('pack(pop)')).toMatch(/without matching/);
    expect(s.apply('pack 1')).toMatch(/malformed/);
    expect(s.apply('pack(x)')).toMatch(/malformed/);
    expect(s.maxAlign).toBe(0);
  });
});
