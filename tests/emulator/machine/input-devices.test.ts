// The keyboard and tablet devices: bounded queues that count what they drop,
// key code validation, pointer clamping and motion coalescing, wheel events at
// the pointer's position, and their state as plain JSON data.

import { describe, expect, it } from 'vitest';
import { INPUT_QUEUE_MAX, KEY_CODE_MAX, KeyboardDevice, TabletDevice, WHEEL_DELTA_MAX } from '../../../emulator/machine/input-devices.ts';

describe('keyboard device', () => {
  it('queues key events in order up to INPUT_QUEUE_MAX and counts the ones it drops', () => {
    const kbd = new KeyboardDevice();
    for (let i = 0; i < INPUT_QUEUE_MAX; i++) expect(kbd.pushKey(30 + (i % 10), i % 2 === 0)).toBe(true);
    expect(kbd.pushKey(30, true)).toBe(false);
    expect(kbd.pushKey(31, false)).toBe(false);
    expect(kbd.length).toBe(INPUT_QUEUE_MAX);
    expect(kbd.dropped).toBe(2);
    expect(kbd.shift()).toEqual({ code: 30, down: true });
    expect(kbd.peek()).toEqual({ code: 31, down: false });
    expect(kbd.pushKey(44, true)).toBe(true);
    expect(kbd.events[kbd.length - 1]).toEqual({ code: 44, down: true });
  });

  it('refuses key codes that are not integers 0..KEY_MAX without counting them as drops', () => {
    const kbd = new KeyboardDevice();
    for (const code of [-1, KEY_CODE_MAX + 1, 1.5, Number.NaN]) expect(kbd.pushKey(code, true)).toBe(false);
    expect(kbd.pushKey(KEY_CODE_MAX, true)).toBe(true);
    expect(kbd.pushKey(0, false)).toBe(true);
    expect(kbd.length).toBe(2);
    expect(kbd.dropped).toBe(0);
  });

  it('round-trips its state through JSON, waiters included', () => {
    const kbd = new KeyboardDevice();
    kbd.pushKey(28, true);
    kbd.waiters.push(6);
    kbd.dropped = 3;
    const copy = new KeyboardDevice();
    copy.loadState(JSON.parse(JSON.stringify(kbd.saveState())) as ReturnType<KeyboardDevice['saveState']>);
    expect(copy.saveState()).toEqual({ events: [{ code: 28, down: true }], dropped: 3, waiters: [6] });
    expect(() => copy.loadState({ events: Array(INPUT_QUEUE_MAX + 1).fill({ code: 1, down: true }), dropped: 0, waiters: [] })).toThrow(RangeError);
  });
});

describe('tablet device', () => {
  it('clamps positions into the framebuffer and masks buttons to left/right/middle', () => {
    const tablet = new TabletDevice(100, 50);
    tablet.pushPointer(-5, 70, 0xff);
    expect(tablet.events).toEqual([{ x: 0, y: 49, buttons: 7, wheel: 0 }]);
    expect(tablet.pushPointer(Number.NaN, 1, 0)).toBe(false);
    expect(tablet.length).toBe(1);
  });

  it('coalesces queued motion with unchanged buttons; presses, releases and wheel events keep their place', () => {
    const tablet = new TabletDevice(100, 50);
    tablet.pushPointer(1, 1, 0);
    tablet.pushPointer(2, 2, 0);
    tablet.pushPointer(3, 3, 0);
    tablet.pushPointer(4, 4, 1);
    tablet.pushPointer(5, 5, 1);
    tablet.pushPointer(6, 6, 1);
    expect(tablet.pushWheel(-2)).toBe(true);
    tablet.pushPointer(7, 7, 1);
    tablet.pushPointer(8, 8, 1);
    expect(tablet.events).toEqual([
      { x: 1, y: 1, buttons: 0, wheel: 0 }, { x: 3, y: 3, buttons: 0, wheel: 0 },
      { x: 4, y: 4, buttons: 1, wheel: 0 }, { x: 6, y: 6, buttons: 1, wheel: 0 },
      { x: 6, y: 6, buttons: 1, wheel: -2 }, { x: 8, y: 8, buttons: 1, wheel: 0 },
    ]);
  });

  it('keeps the position of a queued press when the pointer moves on before the guest reads it', () => {
    const tablet = new TabletDevice(100, 50);
    tablet.pushPointer(10, 10, 0);
    tablet.pushPointer(10, 10, 1);
    tablet.pushPointer(40, 30, 1);
    expect(tablet.events.map((e) => [e.x, e.y, e.buttons])).toEqual([[10, 10, 0], [10, 10, 1], [40, 30, 1]]);
  });

  it('clamps wheel deltas, refuses zero and fractions, and counts drops when full', () => {
    const tablet = new TabletDevice(10, 10);
    expect(tablet.pushWheel(0)).toBe(false);
    expect(tablet.pushWheel(0.5)).toBe(false);
    tablet.pushWheel(1000);
    expect(tablet.events[0]!.wheel).toBe(WHEEL_DELTA_MAX);
    for (let i = 1; i < INPUT_QUEUE_MAX; i++) tablet.pushWheel(1);
    expect(tablet.pushWheel(1)).toBe(false);
    expect(tablet.pushPointer(3, 3, 2)).toBe(false);
    expect(tablet.dropped).toBe(2);
  });

  it('round-trips its state (queue, position, buttons) through JSON', () => {
    const tablet = new TabletDevice(100, 50);
    tablet.pushPointer(10, 20, 4);
    tablet.shift();
    tablet.pushWheel(1);
    const copy = new TabletDevice(100, 50);
    copy.loadState(JSON.parse(JSON.stringify(tablet.saveState())) as ReturnType<TabletDevice['saveState']>);
    expect(copy.saveState()).toEqual(tablet.saveState());
    copy.pushWheel(-1);
    expect(copy.events[1]).toEqual({ x: 10, y: 20, buttons: 4, wheel: -1 });
  });
});
