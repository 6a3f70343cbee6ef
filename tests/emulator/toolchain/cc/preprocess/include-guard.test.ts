// Unit tests of include-guard detection and of its use: a guarded header is
// skipped while its guard macro is defined, and read again once it is not.

import { describe, expect, it } from 'vitest';
import { GuardWatcher } from '../../../../../emulator/toolchain/cc/preprocess/include-guard.ts';
import { ppSpellings } from './pp-helpers.ts';

describe('GuardWatcher', () => {
  it('recognizes #ifndef X ... #endif as the whole file', () => {
    const w = new GuardWatcher();
    w.sawConditional('ifndef', 0, 'X');
    w.sawContent();
    w.sawConditional('if', 1, undefined);
    w.sawConditional('endif', 2, undefined);
    w.sawConditional('endif', 1, undefined);
    expect(w.guard()).toBe('X');
  });

  it('rejects content before or after the group, and #else', () => {
    const before = new GuardWatcher();
    before.sawContent();
    before.sawConditional('ifndef', 0, 'X');
    before.sawConditional('endif', 1, undefined);
    expect(before.guard()).toBeUndefined();
    const after = new GuardWatcher();
    after.sawConditional('ifndef', 0, 'X');
    after.sawConditional('endif', 1, undefined);
    after.sawContent();
    expect(after.guard()).toBeUndefined();
    const withElse = new GuardWatcher();
    withElse.sawConditional('ifndef', 0, 'X');
    withElse.sawConditional('else', 1, undefined);
    withElse.sawConditional('endif', 1, undefined);
    expect(withElse.guard()).toBeUndefined();
  });
});

describe('guarded includes', () => {
  const files = { 'g.h': '// comment\n#ifndef G_H\n#define G_H\nguarded\n#endif\n' };

  it('includes a guarded header once', () => {
    expect(ppSpellings('#include "g.h"\n#include "g.h"\n', files)).toEqual(['guarded']);
  });

  it('includes it again after the guard macro is undefined', () => {
    expect(ppSpellings('#include "g.h"\n#undef G_H\n#include "g.h"\n', files)).toEqual(['guarded', 'guarded']);
  });

  it('keeps including an unguarded header with trailing content', () => {
    const f2 = { 'u.h': '#ifndef U_H\n#define U_H\nin\n#endif\nout\n' };
    expect(ppSpellings('#include "u.h"\n#include "u.h"\n', f2)).toEqual(['in', 'out', 'out']);
  });
});
