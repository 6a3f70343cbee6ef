// Wheel deltas to notches (renderer/src/support/wheel-notches.ts): pixel and
// line modes, direction (+ = up), and small touchpad deltas adding up.

import { describe, expect, it } from 'vitest';
import { WheelNotches } from '../../../renderer/src/support/wheel-notches.ts';

describe('WheelNotches', () => {
  it('turns a mouse notch (100 px or 3 lines) into one notch, scrolling down negative', () => {
    const wheel = new WheelNotches();
    expect(wheel.add(100, 0)).toBe(-1);
    expect(wheel.add(-100, 0)).toBe(1);
    expect(wheel.add(-6, 1)).toBe(2);
    expect(wheel.add(-1, 2)).toBe(1); // one page
  });

  it('adds small deltas up to whole notches and keeps the rest', () => {
    const wheel = new WheelNotches();
    const notches = [30, 30, 30, 30, 30].map((d) => wheel.add(-d, 0));
    expect(notches).toEqual([0, 0, 0, 1, 0]);
    expect(wheel.add(-50, 0)).toBe(1); // 50 left over + 50
    wheel.add(-60, 0);
    wheel.reset();
    expect(wheel.add(-50, 0)).toBe(0);
  });
});
