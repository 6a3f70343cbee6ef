// The display device on a real Machine (its hart's RAM): the first frame is
// the whole screen, pixels come from scattered backing pages and are converted
// XRGB8888 -> RGBA8 exactly, flush bounds are checked without overflow, dirty
// rectangles coalesce, and the state survives a JSON round trip.

import { describe, expect, it } from 'vitest';
import { MAX_DIRTY_RECTS, addDirty, checkRect } from '../../../emulator/machine/dirty-rects.ts';
import { Machine } from '../../../emulator/machine/machine.ts';
import { MachineConfigError } from '../../../emulator/machine/machine-config.ts';
import { PAGE_SIZE } from '../../../emulator/machine/memory-map.ts';

const W = 40;
const H = 30;
const RAM_BASE = 0x8000_0000;

async function machine(): Promise<Machine> {
  return Machine.create({ config: { ramSize: 1 << 20, display: { width: W, height: H } } });
}

/** Backing pages in a scattered order: page i of the framebuffer at RAM page 10 - 3i. */
function scatteredPages(m: Machine): number[] {
  return Array.from({ length: m.display.pagesNeeded }, (_, i) => RAM_BASE + (10 - 3 * i) * PAGE_SIZE);
}

/** Writes XRGB pixel (x, y) = 0x00RRGGBB through the backing pages, as the guest would. */
function putPixel(m: Machine, pages: readonly number[], x: number, y: number, xrgb: number): void {
  const offset = y * m.display.stride + x * 4;
  const at = pages[Math.floor(offset / PAGE_SIZE)]! + (offset % PAGE_SIZE) - RAM_BASE;
  new DataView(m.hart.ram.buffer, m.hart.ram.byteOffset).setUint32(at, xrgb, true);
}

function rgbaAt(pixels: ArrayBuffer, width: number, x: number, y: number): number[] {
  return [...new Uint8Array(pixels, (y * width + x) * 4, 4)];
}

describe('display device', () => {
  it('starts with one whole-screen black frame, then has nothing until something is flushed', async () => {
    const m = await machine();
    expect(m.display.stride).toBe(W * 4);
    const first = m.display.takeFrame()!;
    expect(first).toMatchObject({ width: W, height: H, rects: [{ x: 0, y: 0, width: W, height: H }] });
    expect(rgbaAt(first.rects[0]!.pixels, W, 7, 7)).toEqual([0, 0, 0, 255]);
    expect(m.display.takeFrame()).toBeUndefined();
  });

  it('reads pixels from scattered backing pages across page boundaries and converts them to RGBA8', async () => {
    const m = await machine();
    const pages = scatteredPages(m);
    m.display.attachBacking(pages);
    m.display.takeFrame();
    // Row 25 starts at byte 4000: pixels 24..25 of it straddle the page boundary at 4096.
    putPixel(m, pages, 23, 25, 0x00112233);
    putPixel(m, pages, 24, 25, 0x00ff8001);
    putPixel(m, pages, 39, 29, 0xaa0000ff); // the X byte is ignored: alpha is always 255
    expect(m.display.flush({ x: 20, y: 25, width: 20, height: 5 })).toBeUndefined();
    const frame = m.display.takeFrame()!;
    expect(frame.rects).toHaveLength(1);
    const rect = frame.rects[0]!;
    expect(rect).toMatchObject({ x: 20, y: 25, width: 20, height: 5 });
    expect(rect.pixels.byteLength).toBe(20 * 5 * 4);
    expect(rgbaAt(rect.pixels, 20, 3, 0)).toEqual([0x11, 0x22, 0x33, 255]);
    expect(rgbaAt(rect.pixels, 20, 4, 0)).toEqual([0xff, 0x80, 0x01, 255]);
    expect(rgbaAt(rect.pixels, 20, 19, 4)).toEqual([0, 0, 0xff, 255]);
    expect(rgbaAt(rect.pixels, 20, 0, 1)).toEqual([0, 0, 0, 255]);
  });

  it('refuses empty, out-of-range and overflowing rectangles and records nothing for them', async () => {
    const m = await machine();
    m.display.takeFrame();
    const max = Number.MAX_SAFE_INTEGER;
    const cases: [number, number, number, number, string][] = [
      [0, 0, 0, 1, 'empty'], [0, 0, 1, 0, 'empty'],
      [W, 0, 1, 1, 'out-of-range'], [0, H, 1, 1, 'out-of-range'], [1, 0, W, 1, 'out-of-range'], [0, 1, 1, H, 'out-of-range'],
      [-1, 0, 2, 2, 'out-of-range'], [0.5, 0, 2, 2, 'out-of-range'], [max, 0, 2, 1, 'out-of-range'], [2, 0, max, 1, 'out-of-range'],
      [0, 0, Number.POSITIVE_INFINITY, 1, 'out-of-range'], [Number.NaN, 0, 1, 1, 'out-of-range'], [2 ** 64, 0, 1, 1, 'out-of-range'],
    ];
    for (const [x, y, width, height, error] of cases) expect(m.display.flush({ x, y, width, height }), `${x},${y},${width},${height}`).toBe(error);
    expect(m.display.hasFrame()).toBe(false);
    expect(m.display.flush({ x: W - 1, y: H - 1, width: 1, height: 1 })).toBeUndefined();
    expect(m.display.flush({ x: 0, y: 0, width: W, height: H })).toBeUndefined();
  });

  it('coalesces: a covered rectangle is dropped, and past the limit the set becomes its bounding box', async () => {
    expect(addDirty([{ x: 0, y: 0, width: 10, height: 10 }], { x: 2, y: 2, width: 3, height: 3 })).toEqual([{ x: 0, y: 0, width: 10, height: 10 }]);
    expect(addDirty([{ x: 2, y: 2, width: 3, height: 3 }], { x: 0, y: 0, width: 10, height: 10 })).toEqual([{ x: 0, y: 0, width: 10, height: 10 }]);
    const m = await machine();
    m.display.takeFrame();
    for (let i = 0; i < MAX_DIRTY_RECTS; i++) m.display.flush({ x: i * 2, y: i, width: 1, height: 1 });
    expect(m.display.pendingRects).toBe(MAX_DIRTY_RECTS);
    m.display.flush({ x: 30, y: 20, width: 2, height: 3 });
    const frame = m.display.takeFrame()!;
    expect(frame.rects.map(({ x, y, width, height }) => ({ x, y, width, height }))).toEqual([{ x: 0, y: 0, width: 32, height: 23 }]);
    expect(checkRect({ x: 0, y: 0, width: 32, height: 23 }, W, H)).toBeUndefined();
  });

  it('refuses a backing store that is too short or not made of RAM pages', async () => {
    const m = await machine();
    const pages = scatteredPages(m);
    expect(() => m.display.attachBacking(pages.slice(1))).toThrow(RangeError);
    expect(() => m.display.attachBacking([RAM_BASE + 1, RAM_BASE + PAGE_SIZE])).toThrow(RangeError);
    expect(() => m.display.attachBacking([RAM_BASE, RAM_BASE + (1 << 20)])).toThrow(RangeError);
    expect(m.display.attached).toBe(false);
  });

  it('saves and restores its backing as plain JSON data; a restored display is wholly dirty', async () => {
    const m = await machine();
    const pages = scatteredPages(m);
    m.display.attachBacking(pages);
    m.display.takeFrame();
    m.display.flush({ x: 1, y: 2, width: 3, height: 4 });
    const saved = JSON.parse(JSON.stringify(m.display.saveState())) as ReturnType<typeof m.display.saveState>;
    const other = await machine();
    other.display.loadState(saved);
    expect(other.display.saveState()).toEqual({ backing: pages });
    expect(other.display.takeFrame()?.rects.map(({ x, y, width, height }) => ({ x, y, width, height }))).toEqual([{ x: 0, y: 0, width: W, height: H }]);
    expect(() => other.display.loadState({ backing: pages.slice(1) })).toThrow(RangeError);
  });

  it('takes its size from the machine config and refuses a bad one', async () => {
    expect((await Machine.create({ config: { ramSize: 1 << 20 } })).display).toMatchObject({ width: 1024, height: 768, stride: 4096, pagesNeeded: 768 });
    for (const display of [{ width: 0, height: 10 }, { width: 10, height: 5000 }, { width: 1.5, height: 10 }]) {
      await expect(Machine.create({ config: { ramSize: 1 << 20, display } })).rejects.toThrow(MachineConfigError);
    }
  });
});
