// When the display paints (renderer/src/support/paint-scheduler.ts): at the
// next animation frame, or after the fallback timer where animation frames do
// not come (hidden pages; Node has none), never both and never synchronously.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { animationFrameScheduler } from '../../../renderer/src/support/paint-scheduler.ts';

type FrameGlobals = { requestAnimationFrame?: (cb: () => void) => number; cancelAnimationFrame?: (handle: number) => void };
const frameGlobals = globalThis as FrameGlobals;

describe('animationFrameScheduler', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => {
    vi.useRealTimers();
    delete frameGlobals.requestAnimationFrame;
    delete frameGlobals.cancelAnimationFrame;
  });

  it('paints after the 250 ms fallback when there are no animation frames', () => {
    let paints = 0;
    animationFrameScheduler(() => paints++);
    expect(paints).toBe(0);
    vi.advanceTimersByTime(249);
    expect(paints).toBe(0);
    vi.advanceTimersByTime(1);
    expect(paints).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(paints).toBe(1);
  });

  it('paints at the animation frame and cancels the fallback', () => {
    const frames: (() => void)[] = [];
    const cancelled: number[] = [];
    frameGlobals.requestAnimationFrame = (cb) => frames.push(cb);
    frameGlobals.cancelAnimationFrame = (handle) => { cancelled.push(handle); };
    let paints = 0;
    animationFrameScheduler(() => paints++);
    expect(paints).toBe(0);
    frames[0]!();
    expect(paints).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(paints).toBe(1);
    expect(cancelled).toEqual([1]);
  });
});
