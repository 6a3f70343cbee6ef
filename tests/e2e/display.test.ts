// End to end in Chromium against the browser host: the display pane shows the
// host's first frame after boot, `paint` (started from the serial shell) draws
// on it, a click captures input, a mouse drag draws a stroke where the pointer
// went (scaled coordinates), keys reach the guest (c clears, q quits),
// Ctrl+Alt+G releases input, the screen shows the canvas's pixels exactly at
// 1x, and `gui-shell` takes typed commands. Screenshots in test-results/.
// Skips without Chromium.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, resultPath, startBrowserHost, terminalText, waitForTerminal, type BrowserHost } from './support/browser-host.ts';
import { CANVAS, canvasPixel, canvasPixels, displayCounter, pagePoint, screenDiffersFromCanvas } from './support/display-page.ts';

const WHITE = [255, 255, 255, 255];
const BLACK = [0, 0, 0, 255];
const HINT = '[data-test="display-hint"]';

/** Runs `command` in the serial shell (the terminal takes the keyboard first). */
async function serialCommand(page: Page, command: string): Promise<void> {
  await page.locator('[data-test="terminal"]').click();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

/** Number of shell prompts the terminal shows. */
async function prompts(page: Page): Promise<number> {
  return (await terminalText(page)).split('rvos> ').length - 1;
}

/** Drags the mouse from framebuffer pixel `from` to `to` with the left button down. */
async function drag(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  const start = await pagePoint(page, ...from);
  const end = await pagePoint(page, ...to);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 8 });
  await page.mouse.up();
}

/** The 16-pixel text lines (gui-shell draws its 8x8 font at 2x) of the top `lines` that hold pixels other than `background`. */
async function inkedLines(page: Page, lines: number, background: number[]): Promise<number[]> {
  const pixels = await canvasPixels(page, 0, 0, 1024, lines * 16);
  const inked = new Set<number>();
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i] !== background[0] || pixels[i + 1] !== background[1] || pixels[i + 2] !== background[2]) inked.add(Math.floor(i / 4 / 1024 / 16));
  }
  return [...inked].sort((a, b) => a - b);
}

describe.skipIf(!HAS_CHROMIUM)('display pane in Chromium', () => {
  let host: BrowserHost;
  let page: Page;

  beforeAll(async () => {
    host = await startBrowserHost({ viewport: { width: 1400, height: 1000 } });
    page = host.page;
  });

  afterAll(async () => {
    await host?.close();
  });

  it('paints guest frames and sends it keyboard and pointer input', { timeout: 240_000 }, async () => {
    await page.goto(host.url);
    await page.locator('[data-test="boot"]').click();
    await waitForTerminal(page, (t) => t.includes('rvos> '), 60_000);
    await expect.poll(() => displayCounter(page, 'framesPainted'), { timeout: 10_000 }).toBeGreaterThan(0); // the host's first frame
    expect(await page.locator(HINT).textContent()).toBe('Click to capture input');

    await serialCommand(page, 'paint');
    await expect.poll(() => canvasPixel(page, 512, 400), { timeout: 20_000 }).toEqual(WHITE);
    await page.locator(CANVAS).click(); // captures; the click itself is not sent
    await expect.poll(() => page.locator(HINT).textContent()).toBe('Ctrl+Alt+G releases input');
    await drag(page, [200, 300], [600, 300]); // fit scale: the pane is smaller than 1024x768
    await expect.poll(() => canvasPixel(page, 400, 300), { timeout: 10_000 }).toEqual(BLACK);
    expect(await canvasPixel(page, 400, 360)).toEqual(WHITE);
    await page.screenshot({ path: resultPath('display-paint.png') });

    await page.locator('[data-test="display-scale-1x"]').click(); // moves focus: input released
    expect(await page.locator(HINT).textContent()).toBe('Click to capture input');
    expect(await screenDiffersFromCanvas(page, 640, 400)).toBe(0); // crisp: the screen shows the framebuffer's pixels

    await page.locator(CANVAS).click({ position: { x: 700, y: 200 } });
    await page.keyboard.press('c');
    await expect.poll(() => canvasPixel(page, 400, 300), { timeout: 10_000 }).toEqual(WHITE);
    const before = await prompts(page);
    await page.keyboard.press('q');
    await expect.poll(() => prompts(page), { timeout: 10_000 }).toBeGreaterThan(before);
    await page.keyboard.press('Control+Alt+KeyG');
    expect(await page.locator(HINT).textContent()).toBe('Click to capture input');
    await page.screenshot({ path: resultPath('display-paint-quit.png') });

    await page.locator('[data-test="display-scale-fit"]').click();
    await serialCommand(page, 'gui-shell');
    const background = [16, 20, 24, 255]; // gui-shell's terminal background
    await expect.poll(() => canvasPixel(page, 512, 700), { timeout: 20_000 }).toEqual(background);
    await expect.poll(async () => (await inkedLines(page, 40, background)).length, { timeout: 20_000 }).toBeGreaterThan(1); // banner and prompt
    await page.waitForTimeout(300);
    const promptLine = Math.max(...await inkedLines(page, 40, background));
    await page.locator(CANVAS).click();
    await page.keyboard.type('echo display-e2e');
    await page.keyboard.press('Enter');
    // The command's output on the next line, a new prompt under it.
    await expect.poll(async () => (await inkedLines(page, 40, background)).slice(-3), { timeout: 20_000 }).toEqual([promptLine, promptLine + 1, promptLine + 2]);
    expect(await page.locator('[data-test="state"]').textContent()).toMatch(/^running/);
    await page.screenshot({ path: resultPath('display-gui-shell.png') });
    expect(await displayCounter(page, 'framesPainted')).toBeGreaterThanOrEqual(await displayCounter(page, 'paints'));
    expect(host.pageErrors).toEqual([]);
  });
});
