// Page helpers of the display end-to-end tests and the UI benchmark: the
// display canvas's pixels (read in the page), framebuffer pixels to page
// coordinates, the display pane's counters, and a check that a screenshot of
// the page shows exactly the canvas's pixels.

import type { Page } from 'playwright-core';

export const CANVAS = '[data-test="display-canvas"]';
export const DISPLAY = '[data-test="display"]';

/** The parts of the DOM the helpers use in the page (this file is compiled without the DOM library). */
interface PageCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> }; drawImage(image: unknown, x: number, y: number): void } | null;
}

/** The RGBA bytes of the canvas region (x, y, w, h), as the page reads them with getImageData. */
export function canvasPixels(page: Page, x: number, y: number, w: number, h: number): Promise<number[]> {
  return page.locator(CANVAS).evaluate((el, r) => {
    const context = (el as unknown as PageCanvas).getContext('2d');
    return context === null ? [] : Array.from(context.getImageData(r.x, r.y, r.w, r.h).data);
  }, { x, y, w, h });
}

/** The RGBA of framebuffer pixel (x, y). */
export async function canvasPixel(page: Page, x: number, y: number): Promise<number[]> {
  return canvasPixels(page, x, y, 1, 1);
}

/** The page coordinates of the centre of framebuffer pixel (x, y), however the canvas is scaled. */
export async function pagePoint(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const box = await page.locator(CANVAS).boundingBox();
  const size = await page.locator(CANVAS).evaluate((el) => ({ width: (el as unknown as PageCanvas).width, height: (el as unknown as PageCanvas).height }));
  if (box === null) throw new Error('the display canvas is not laid out');
  return { x: box.x + ((x + 0.5) * box.width) / size.width, y: box.y + ((y + 0.5) * box.height) / size.height };
}

/** A counter of the display pane: 'framesReceived', 'framesPainted' or 'paints'. */
export async function displayCounter(page: Page, name: 'framesReceived' | 'framesPainted' | 'paints'): Promise<number> {
  return Number(await page.locator(DISPLAY).evaluate((el, key) => (el as unknown as { dataset: Record<string, string> }).dataset[key], name));
}

/**
 * Screenshots the page region showing canvas pixels (0, 0)-(w, h) at 1x scale,
 * decodes the PNG in the page and counts the pixels that differ from the
 * canvas's own (0 when the screen shows the framebuffer exactly).
 */
export async function screenDiffersFromCanvas(page: Page, w: number, h: number): Promise<number> {
  const box = await page.locator(CANVAS).boundingBox();
  if (box === null) throw new Error('the display canvas is not laid out');
  const png = await page.screenshot({ clip: { x: box.x, y: box.y, width: w, height: h } });
  return page.locator(CANVAS).evaluate(async (el, args) => {
    interface PageGlobals {
      createImageBitmap(blob: unknown): Promise<unknown>;
      Blob: new (parts: unknown[], options: { type: string }) => unknown;
      OffscreenCanvas: new (w: number, h: number) => PageCanvas;
    }
    const g = globalThis as unknown as PageGlobals;
    const bytes = Uint8Array.from(atob(args.png), (c) => c.charCodeAt(0));
    const bitmap = await g.createImageBitmap(new g.Blob([bytes], { type: 'image/png' }));
    const scratch = new g.OffscreenCanvas(args.w, args.h);
    const scratchContext = scratch.getContext('2d')!;
    scratchContext.drawImage(bitmap, 0, 0);
    const shown = scratchContext.getImageData(0, 0, args.w, args.h).data;
    const drawn = (el as unknown as PageCanvas).getContext('2d')!.getImageData(0, 0, args.w, args.h).data;
    let differing = 0;
    for (let i = 0; i < shown.length; i += 4) {
      if (shown[i] !== drawn[i] || shown[i + 1] !== drawn[i + 1] || shown[i + 2] !== drawn[i + 2]) differing++;
    }
    return differing;
  }, { png: png.toString('base64'), w, h });
}
