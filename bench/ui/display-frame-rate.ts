// Measures the display pane while a guest program draws without pause (the
// `bounce` fixture, tests/fixtures/display/bounce): the page's animation-frame
// rate (is the UI still smooth?), display frames received and painted per
// second, paints per second, and the guest's flushes per second.

import type { Page } from 'playwright-core';
import { fixtureBootImagePlugin, DISPLAY_FIXTURES } from '../../tests/e2e/support/fixture-boot-image.ts';
import { startBrowserHost, terminalText, waitForTerminal } from '../../tests/e2e/support/browser-host.ts';
import { displayCounter } from '../../tests/e2e/support/display-page.ts';

export interface FrameRates {
  readonly mode: 'box' | 'full';
  /** requestAnimationFrame callbacks per second in the page while the guest draws. */
  readonly uiFps: number;
  readonly framesReceivedPerS: number;
  readonly framesPaintedPerS: number;
  readonly paintsPerS: number;
  /** The guest's rvos_gpu_flush calls per second over its whole run. */
  readonly guestFlushesPerS: number;
  readonly seconds: number;
}

/**
 * Counts animation frames in the page for `ms` milliseconds; returns frames per
 * second. The page script is a string: tsx's name-keeping helper (__name) does
 * not exist in the page.
 */
function countAnimationFrames(page: Page, ms: number): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    let frames = 0;
    let first;
    const tick = (t) => {
      if (first === undefined) first = t;
      if (t - first >= ${ms}) resolve((frames * 1000) / (t - first));
      else { frames++; requestAnimationFrame(tick); }
    };
    requestAnimationFrame(tick);
  })`);
}

async function counters(page: Page): Promise<[number, number, number]> {
  return [await displayCounter(page, 'framesReceived'), await displayCounter(page, 'framesPainted'), await displayCounter(page, 'paints')];
}

/** Types `command` into the serial shell. */
async function serial(page: Page, command: string): Promise<void> {
  await page.locator('[data-test="terminal"]').click();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

/** Waits until the terminal ends with bounce's "<steps> steps" line and a new prompt (10 min limit). */
async function bounceDone(page: Page, steps: number): Promise<void> {
  const done = new RegExp(`bounce: ${steps} steps\\s*\\nrvos>\\s*$`);
  await waitForTerminal(page, (t) => done.test(t.trimEnd()), 600_000);
}

/** The guest's steps per second in `mode`, from a short run of `steps` steps. */
async function calibrate(page: Page, mode: 'box' | 'full', steps: number): Promise<number> {
  const started = performance.now();
  await serial(page, `bounce ${steps}${mode === 'full' ? ' full' : ''}`);
  await bounceDone(page, steps);
  return steps / ((performance.now() - started) / 1000);
}

/** Runs bounce in `mode` long enough to measure for `seconds` while it draws (its length from a calibration run). */
async function measureMode(page: Page, mode: 'box' | 'full', seconds: number): Promise<FrameRates> {
  const rate = await calibrate(page, mode, mode === 'box' ? 500 : 8);
  // The calibration includes loading the program, so it underestimates the drawing rate: a wide
  // margin keeps the guest drawing through the whole window (checked below).
  const steps = Math.max(10, Math.round(rate * (seconds + 1.5) * 4));
  const started = performance.now();
  await serial(page, `bounce ${steps}${mode === 'full' ? ' full' : ''}`);
  await page.waitForTimeout(500); // the program loads and starts drawing
  const before = await counters(page);
  const windowStart = performance.now();
  const uiFps = await countAnimationFrames(page, seconds * 1000);
  const after = await counters(page);
  const elapsed = (performance.now() - windowStart) / 1000;
  if ((await terminalText(page)).includes(`bounce: ${steps} steps`)) throw new Error(`bounce ${mode} ended inside the measuring window`);
  await bounceDone(page, steps);
  const runSeconds = (performance.now() - started) / 1000;
  return {
    mode, uiFps, seconds: elapsed,
    framesReceivedPerS: (after[0] - before[0]) / elapsed,
    framesPaintedPerS: (after[1] - before[1]) / elapsed,
    paintsPerS: (after[2] - before[2]) / elapsed,
    guestFlushesPerS: steps / runSeconds,
  };
}

/** Boots the browser host with the bounce fixture and measures box and full-screen drawing for `seconds` each. */
export async function measureFrameRates(seconds: number): Promise<FrameRates[]> {
  const host = await startBrowserHost({ viewport: { width: 1400, height: 1000 }, plugins: [fixtureBootImagePlugin([`${DISPLAY_FIXTURES}/bounce`])] });
  try {
    const { page } = host;
    await page.goto(host.url);
    await page.locator('[data-test="boot"]').click();
    await waitForTerminal(page, (t) => t.includes('rvos> '), 120_000);
    await page.locator('[data-test="display-scale-1x"]').click();
    const box = await measureMode(page, 'box', seconds);
    const full = await measureMode(page, 'full', seconds);
    if (host.pageErrors.length > 0) throw new Error(`page errors: ${host.pageErrors.join('; ')}`);
    return [box, full];
  } finally {
    await host.close();
  }
}
