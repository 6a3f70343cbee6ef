// Test helpers for the display store: a DisplaySurface over a plain RGBA8
// buffer (what the canvas does with putImageData, without a DOM), dirty
// rectangles cut from a whole framebuffer, and a seeded random generator.

import type { DirtyRect } from '../../../emulator/host/protocol/messages.ts';
import type { DisplaySurface } from '../../../renderer/src/stores/display.ts';

export class RgbaSurface implements DisplaySurface {
  width = 0;
  height = 0;
  pixels = new Uint8Array(0);
  puts = 0;
  resizes = 0;

  resize(width: number, height: number): void {
    this.width = width;
    this.height = height;
    this.pixels = new Uint8Array(width * height * 4);
    this.resizes++;
  }

  put(rect: DirtyRect): void {
    blit(this.pixels, this.width, rect);
    this.puts++;
  }
}

/** Copies `rect`'s pixels into a `width`-pixel-wide RGBA buffer. */
export function blit(target: Uint8Array, width: number, rect: DirtyRect): void {
  const source = new Uint8Array(rect.pixels);
  for (let row = 0; row < rect.height; row++) {
    const from = row * rect.width * 4;
    target.set(source.subarray(from, from + rect.width * 4), ((rect.y + row) * width + rect.x) * 4);
  }
}

/** A rectangle of one solid RGBA colour. */
export function solidRect(x: number, y: number, width: number, height: number, rgba: readonly [number, number, number, number]): DirtyRect {
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < pixels.length; i += 4) pixels.set(rgba, i);
  return { x, y, width, height, pixels: pixels.buffer };
}

/** A rectangle whose pixels encode their own position (a gradient: no two rows or columns alike). */
export function gradientRect(x: number, y: number, width: number, height: number, seed: number): DirtyRect {
  const pixels = new Uint8Array(width * height * 4);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) pixels.set([(x + col + seed) & 255, (y + row) & 255, seed & 255, 255], (row * width + col) * 4);
  }
  return { x, y, width, height, pixels: pixels.buffer };
}

/** A deterministic pseudo-random integer generator in [0, n) (xorshift32). */
export function seededRandom(seed: number): (n: number) => number {
  let state = seed >>> 0 || 1;
  return (n) => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state % n;
  };
}
