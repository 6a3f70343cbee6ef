// The DOM KeyboardEvent.code -> evdev table (renderer/src/support/evdev-key-codes.ts)
// checked against linux/input-event-codes.h values for every key group the
// display forwards, and codes never shared by two keys.

import { describe, expect, it } from 'vitest';
import { evdevKeyCode } from '../../../renderer/src/support/evdev-key-codes.ts';

describe('evdevKeyCode', () => {
  it('maps letters, digits and punctuation to the Linux KEY_* codes', () => {
    expect(evdevKeyCode('KeyA')).toBe(30); // KEY_A
    expect(evdevKeyCode('KeyQ')).toBe(16);
    expect(evdevKeyCode('KeyZ')).toBe(44);
    expect(evdevKeyCode('KeyM')).toBe(50);
    expect(evdevKeyCode('Digit1')).toBe(2);
    expect(evdevKeyCode('Digit0')).toBe(11);
    expect(['Minus', 'Equal', 'BracketLeft', 'BracketRight', 'Semicolon', 'Quote', 'Backquote', 'Backslash', 'Comma', 'Period', 'Slash', 'Space'].map(evdevKeyCode))
      .toEqual([12, 13, 26, 27, 39, 40, 41, 43, 51, 52, 53, 57]);
  });

  it('maps editing keys, F-keys, arrows, navigation and modifiers', () => {
    expect(['Escape', 'Backspace', 'Tab', 'Enter'].map(evdevKeyCode)).toEqual([1, 14, 15, 28]);
    expect(['F1', 'F10', 'F11', 'F12'].map(evdevKeyCode)).toEqual([59, 68, 87, 88]);
    expect(['ArrowUp', 'ArrowLeft', 'ArrowRight', 'ArrowDown'].map(evdevKeyCode)).toEqual([103, 105, 106, 108]);
    expect(['Home', 'End', 'PageUp', 'PageDown', 'Insert', 'Delete'].map(evdevKeyCode)).toEqual([102, 107, 104, 109, 110, 111]);
    expect(['ControlLeft', 'ShiftLeft', 'AltLeft', 'ControlRight', 'ShiftRight', 'AltRight', 'MetaLeft', 'CapsLock'].map(evdevKeyCode))
      .toEqual([29, 42, 56, 97, 54, 100, 125, 58]);
  });

  it('covers all 26 letters, 10 digits and 12 F-keys with distinct codes', () => {
    const names = [
      ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((c) => `Key${c}`),
      ...'0123456789'.split('').map((d) => `Digit${d}`),
      ...Array.from({ length: 12 }, (_, i) => `F${i + 1}`),
    ];
    const codes = names.map(evdevKeyCode);
    expect(codes.every((code) => code !== undefined && code > 0 && code < 256)).toBe(true);
    expect(new Set(codes).size).toBe(names.length);
  });

  it('has no code for unknown keys or inherited object properties', () => {
    expect(evdevKeyCode('Unidentified')).toBeUndefined();
    expect(evdevKeyCode('')).toBeUndefined();
    expect(evdevKeyCode('toString')).toBeUndefined();
    expect(evdevKeyCode('keya')).toBeUndefined(); // DOM codes are case-sensitive
  });
});
