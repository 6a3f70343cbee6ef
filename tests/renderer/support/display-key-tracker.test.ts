// Captured keyboard input (renderer/src/support/display-key-tracker.ts): DOM
// key events become evdev key events, auto-repeat repeats the press, unknown
// keys and stray key-ups are dropped, releaseAll lifts held keys, and the
// release combination is Ctrl+Alt+G by physical key.

import { describe, expect, it } from 'vitest';
import { DisplayKeyTracker, isReleaseCombo, RELEASE_COMBO_LABEL } from '../../../renderer/src/support/display-key-tracker.ts';

const key = (code: string, ctrlKey = false, altKey = false) => ({ code, ctrlKey, altKey });

describe('DisplayKeyTracker', () => {
  it('translates presses and releases to evdev key events', () => {
    const keys = new DisplayKeyTracker();
    expect(keys.translate(key('KeyH'), true)).toEqual({ type: 'key', code: 35, down: true });
    expect(keys.translate(key('KeyH'), true)).toEqual({ type: 'key', code: 35, down: true }); // auto-repeat
    expect(keys.translate(key('KeyH'), false)).toEqual({ type: 'key', code: 35, down: false });
    expect(keys.releaseAll()).toEqual([]);
  });

  it('drops keys without an evdev code and key-ups of keys pressed before capture', () => {
    const keys = new DisplayKeyTracker();
    expect(keys.translate(key('Unidentified'), true)).toBeUndefined();
    expect(keys.translate(key('KeyA'), false)).toBeUndefined();
  });

  it('releases every held key, in press order, once', () => {
    const keys = new DisplayKeyTracker();
    keys.translate(key('ControlLeft', true), true);
    keys.translate(key('AltLeft', true, true), true);
    keys.translate(key('KeyX', true, true), true);
    keys.translate(key('KeyX', true, true), false);
    expect(keys.releaseAll()).toEqual([{ type: 'key', code: 29, down: false }, { type: 'key', code: 56, down: false }]);
    expect(keys.releaseAll()).toEqual([]);
  });
});

describe('isReleaseCombo', () => {
  it('is Ctrl+Alt+G only', () => {
    expect(RELEASE_COMBO_LABEL).toBe('Ctrl+Alt+G');
    expect(isReleaseCombo(key('KeyG', true, true))).toBe(true);
    expect(isReleaseCombo(key('KeyG', true, false))).toBe(false);
    expect(isReleaseCombo(key('KeyG', false, true))).toBe(false);
    expect(isReleaseCombo(key('KeyH', true, true))).toBe(false);
  });
});
