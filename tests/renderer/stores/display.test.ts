// The display store (renderer/src/stores/display.ts) fed with real DisplayFrame
// objects and painting on an RGBA buffer surface with a hand-driven scheduler:
// one paint per scheduled frame however many frames arrive, the painted
// framebuffer equal to every rectangle applied in order, resizes, clearing on
// a new VM, and refused rectangles.

import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DisplayFrame } from '../../../emulator/host/protocol/messages.ts';
import { DEFAULT_DISPLAY, useDisplayStore } from '../../../renderer/src/stores/display.ts';
import { blit, gradientRect, RgbaSurface, seededRandom, solidRect } from './rgba-surface.ts';

/** A scheduler that queues paints until the test runs them, like animation frames that have not come yet. */
function manualScheduler() {
  const queued: (() => void)[] = [];
  return {
    schedule: (paint: () => void) => { queued.push(paint); },
    get waiting() { return queued.length; },
    runAll: () => { queued.splice(0).forEach((paint) => paint()); },
  };
}

const RED = [255, 0, 0, 255] as const;
const BLUE = [0, 0, 255, 255] as const;

describe('display store', () => {
  beforeEach(() => { setActivePinia(createPinia()); });

  it('shows the default 1024x768 black framebuffer before any frame', () => {
    const display = useDisplayStore();
    const surface = new RgbaSurface();
    display.attach(surface, manualScheduler().schedule);
    expect([surface.width, surface.height]).toEqual([DEFAULT_DISPLAY.width, DEFAULT_DISPLAY.height]);
    expect(surface.pixels.every((b) => b === 0)).toBe(true);
    expect(display.paints).toBe(0);
  });

  it('coalesces the frames that arrive between two animation frames into one paint', () => {
    const display = useDisplayStore();
    const surface = new RgbaSurface();
    const scheduler = manualScheduler();
    display.attach(surface, scheduler.schedule);
    display.receive({ width: 64, height: 48, rects: [solidRect(0, 0, 64, 48, RED)] });
    display.receive({ width: 64, height: 48, rects: [solidRect(10, 10, 4, 4, BLUE)] });
    display.receive({ width: 64, height: 48, rects: [solidRect(0, 0, 64, 48, BLUE)] });
    expect(scheduler.waiting).toBe(1);
    expect(surface.puts).toBe(0); // never painted synchronously
    scheduler.runAll();
    expect(display.paints).toBe(1);
    expect(display.framesReceived).toBe(3);
    expect(display.framesPainted).toBe(3);
    expect(surface.puts).toBe(1); // the full blue frame covers both earlier rectangles
    expect([...surface.pixels.subarray(0, 4)]).toEqual([...BLUE]);
    expect([display.width, display.height]).toEqual([64, 48]);
    expect(display.firstPaintAt).not.toBeNull();
  });

  it('paints exactly what applying every rectangle in order gives, whenever the paints happen', () => {
    const display = useDisplayStore();
    const surface = new RgbaSurface();
    const scheduler = manualScheduler();
    display.attach(surface, scheduler.schedule);
    const [width, height] = [97, 61];
    const expected = new Uint8Array(width * height * 4);
    const random = seededRandom(12345);
    for (let i = 0; i < 400; i++) {
      const x = random(width), y = random(height);
      const rect = gradientRect(x, y, 1 + random(width - x), 1 + random(height - y), i);
      blit(expected, width, rect);
      display.receive({ width, height, rects: [rect] });
      if (random(4) === 0) scheduler.runAll();
    }
    scheduler.runAll();
    expect(display.framesPainted).toBe(400);
    expect(display.paints).toBeLessThan(400);
    expect(surface.puts).toBeLessThan(400); // covered rectangles were never painted
    expect(Buffer.from(surface.pixels).equals(Buffer.from(expected))).toBe(true);
  });

  it('resizes the surface when a frame of a new size comes, dropping older queued rectangles', () => {
    const display = useDisplayStore();
    const surface = new RgbaSurface();
    const scheduler = manualScheduler();
    display.attach(surface, scheduler.schedule);
    display.receive({ width: 32, height: 32, rects: [solidRect(0, 0, 8, 8, RED)] });
    display.receive({ width: 16, height: 8, rects: [solidRect(2, 2, 2, 2, BLUE)] });
    scheduler.runAll();
    expect([surface.width, surface.height, surface.puts]).toEqual([16, 8, 1]);
    expect([display.width, display.height]).toEqual([16, 8]);
    expect([...surface.pixels.subarray(0, 4)]).toEqual([0, 0, 0, 0]);
    expect([...surface.pixels.subarray((2 * 16 + 2) * 4, (2 * 16 + 2) * 4 + 4)]).toEqual([...BLUE]);
  });

  it('refuses rectangles outside the framebuffer or with the wrong byte count, painting the rest', () => {
    const display = useDisplayStore();
    const surface = new RgbaSurface();
    const scheduler = manualScheduler();
    display.attach(surface, scheduler.schedule);
    const short = { ...solidRect(0, 0, 4, 4, RED), pixels: new ArrayBuffer(10) };
    const frame: DisplayFrame = { width: 8, height: 8, rects: [solidRect(6, 6, 4, 4, RED), short, solidRect(-1, 0, 2, 2, RED), solidRect(1, 1, 1, 1, BLUE)] };
    display.receive(frame);
    scheduler.runAll();
    expect(display.rejectedRects()).toBe(3);
    expect(surface.puts).toBe(1);
  });

  it('blanks the surface and forgets queued frames when a new VM boots', () => {
    const display = useDisplayStore();
    const surface = new RgbaSurface();
    const scheduler = manualScheduler();
    display.attach(surface, scheduler.schedule);
    display.receive({ width: 8, height: 8, rects: [solidRect(0, 0, 8, 8, RED)] });
    scheduler.runAll();
    display.receive({ width: 8, height: 8, rects: [solidRect(0, 0, 8, 8, BLUE)] });
    display.clear();
    scheduler.runAll();
    expect(surface.pixels.every((b) => b === 0)).toBe(true);
    expect(display.framesPainted).toBe(1);
  });

  it('keeps frames until a surface attaches, then paints them', () => {
    const display = useDisplayStore();
    display.receive({ width: 8, height: 4, rects: [solidRect(0, 0, 8, 4, RED)] });
    const surface = new RgbaSurface();
    const scheduler = manualScheduler();
    display.attach(surface, scheduler.schedule);
    scheduler.runAll();
    expect([surface.width, surface.height, display.framesPainted]).toEqual([8, 4, 1]);
    expect([...surface.pixels.subarray(0, 4)]).toEqual([...RED]);
  });
});
