// The display pane's scale factors and pointer mapping
// (renderer/src/support/display-scaling.ts): 1x, 2x and fit, and pointer
// positions on a scaled canvas back to framebuffer pixels, clamped.

import { describe, expect, it } from 'vitest';
import { displayScale, framebufferPoint } from '../../../renderer/src/support/display-scaling.ts';

const FB = { width: 1024, height: 768 };

describe('displayScale', () => {
  it('is 1 and 2 for the fixed modes whatever the pane', () => {
    expect(displayScale('1x', FB, { width: 300, height: 200 })).toBe(1);
    expect(displayScale('2x', FB, { width: 300, height: 200 })).toBe(2);
  });

  it('fits the limiting side of the pane, up or down', () => {
    expect(displayScale('fit', FB, { width: 512, height: 700 })).toBe(0.5);
    expect(displayScale('fit', FB, { width: 4000, height: 1536 })).toBe(2);
    expect(displayScale('fit', FB, { width: 1024, height: 768 })).toBe(1);
  });

  it('is 1 for an empty pane or framebuffer', () => {
    expect(displayScale('fit', FB, { width: 0, height: 500 })).toBe(1);
    expect(displayScale('fit', { width: 0, height: 0 }, { width: 500, height: 500 })).toBe(1);
  });
});

describe('framebufferPoint', () => {
  it('maps CSS pixels on a 2x canvas to framebuffer pixels', () => {
    const shown = { width: 2048, height: 1536 };
    expect(framebufferPoint(0, 0, shown, FB)).toEqual({ x: 0, y: 0 });
    expect(framebufferPoint(201, 99.5, shown, FB)).toEqual({ x: 100, y: 49 });
    expect(framebufferPoint(2047.9, 1535.9, shown, FB)).toEqual({ x: 1023, y: 767 });
  });

  it('maps a fit-scaled canvas (fractional scale) proportionally', () => {
    const shown = { width: 1024 * 0.6, height: 768 * 0.6 };
    expect(framebufferPoint(307.2, 230.4, shown, FB)).toEqual({ x: 512, y: 384 });
    expect(framebufferPoint(0.5, 0.5, shown, FB)).toEqual({ x: 0, y: 0 });
  });

  it('clamps pointers outside the canvas to its edges', () => {
    const shown = { width: 1024, height: 768 };
    expect(framebufferPoint(-20, 5000, shown, FB)).toEqual({ x: 0, y: 767 });
    expect(framebufferPoint(1024, -1, shown, FB)).toEqual({ x: 1023, y: 0 });
  });

  it('gives 0,0 for a canvas not laid out', () => {
    expect(framebufferPoint(10, 10, { width: 0, height: 0 }, FB)).toEqual({ x: 0, y: 0 });
  });
});
