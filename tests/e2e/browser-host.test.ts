// End to end in Debian's Chromium (playwright-core) against the browser host:
// the Vite dev server of renderer.vite.config.ts, the VM in a Web Worker. Boots
// rvos from the toolbar, waits for the shell prompt in the xterm terminal, runs
// `echo hi` and `bench`, checks the inspector's process table and meters and
// the Source tab (Monaco on shell/shell.c), pauses, resumes and resets, and
// saves screenshots under test-results/. Skips without Chromium.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, RESULTS, startBrowserHost, waitForTerminal, type BrowserHost } from './support/browser-host.ts';

/** The inspector pane shows the shell and fs processes and frames in use, keeps polling, and resizes by its grip; saves browser-host-inspector.png. */
async function checkInspector(page: Page): Promise<void> {
  const inspector = page.locator('[data-test="inspector"]');
  await inspector.locator('[data-test="process-shell"]').waitFor({ timeout: 5_000 });
  await inspector.locator('[data-test="process-fs"]').waitFor({ timeout: 5_000 });
  const frames = await inspector.locator('[data-test="meter-frames"] [data-test="meter-text"]').textContent();
  const [used, total] = (frames ?? '').split(' / ').map(Number);
  expect(used).toBeGreaterThan(0);
  expect(total).toBeGreaterThan(used!);
  const updates = async (): Promise<number> => Number(await inspector.getAttribute('data-updates'));
  const before = await updates();
  await expect.poll(updates, { timeout: 5_000 }).toBeGreaterThan(before); // still polling while the shell idles
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, 'browser-host-inspector.png') });
  const width = (await inspector.boundingBox())!.width;
  await dragGrip(page, -120);
  expect((await inspector.boundingBox())!.width).toBeCloseTo(width + 120, 0);
  await dragGrip(page, 120);
}

/** The Source tab lists the guest sources, shows shell/shell.c highlighted as C; saves browser-host-source.png, then goes back to the terminal. */
async function checkSource(page: Page): Promise<void> {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.locator('[data-test="tab-source"]').click();
  const source = page.locator('[data-test="source"]');
  await source.locator('[data-test="source-file-hello/hello.c"]').click({ timeout: 15_000 });
  await expect.poll(() => source.getAttribute('data-selected')).toBe('hello/hello.c');
  await source.locator('[data-test="source-file-shell/shell.c"]').click();
  const lines = source.locator('.view-lines');
  const lineText = (): Promise<string> => lines.evaluate((el) => (el.textContent ?? '').replace(/\u00a0/g, ' '));
  await expect.poll(lineText, { timeout: 10_000 }).toContain('#include <rvos/shell.h>');
  const tokenClasses = await lines.evaluate((el) => new Set([...el.querySelectorAll('span[class^="mtk"]')].map((span) => span.className)).size);
  expect(tokenClasses).toBeGreaterThanOrEqual(3); // C highlighting: comments, keywords, strings differ
  expect(await startEditorWorker(page)).toBe('started');
  expect(workers.some((url) => url.includes('editor.worker'))).toBe(true);
  await page.screenshot({ path: join(RESULTS, 'browser-host-source.png') });
  await page.locator('[data-test="tab-terminal"]').click();
  await expect.poll(() => source.isVisible()).toBe(false);
  await page.locator('.xterm-helper-textarea').focus();
}

/** Starts Monaco's editor worker through the page's MonacoEnvironment (a read-only C view never needs it) and stops it; 'error' when it failed to load. */
function startEditorWorker(page: Page): Promise<string> {
  return page.evaluate(() => new Promise<string>((resolve) => {
    // Browser types: this file is compiled without the DOM library.
    interface PageWorker { terminate(): void; addEventListener(type: 'error', listener: () => void): void }
    const env = (globalThis as unknown as { MonacoEnvironment: { getWorker(id: string, label: string): PageWorker } }).MonacoEnvironment;
    const worker = env.getWorker('e2e', 'editorWorkerService');
    const finish = (result: string): void => { worker.terminate(); resolve(result); };
    worker.addEventListener('error', () => finish('error'));
    setTimeout(() => finish('started'), 1_500);
  }));
}

/** Drags the inspector's left-edge grip by dx pixels. */
async function dragGrip(page: Page, dx: number): Promise<void> {
  const box = (await page.locator('[data-test="inspector-grip"]').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 100);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + dx, box.y + 100, { steps: 4 });
  await page.mouse.up();
}

describe.skipIf(!HAS_CHROMIUM)('browser host in Chromium', () => {
  let host: BrowserHost;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    host = await startBrowserHost();
    ({ page, pageErrors } = host);
  });

  afterAll(async () => {
    await host?.close();
  });

  it('boots rvos in a worker, shows the shell prompt and runs a command', { timeout: 90_000 }, async () => {
    const url = host.url;
    const loadStart = Date.now();
    await page.goto(url);
    const boot = page.locator('[data-test="boot"]');
    await boot.click();
    const clickedAt = Date.now();
    await waitForTerminal(page, (text) => text.includes('rvos> '), 60_000);
    const toPrompt = Date.now() - loadStart;
    const bootToPrompt = Date.now() - clickedAt;
    await page.locator('.xterm-helper-textarea').focus();
    await page.keyboard.type('echo hi');
    await page.keyboard.press('Enter');
    const text = await waitForTerminal(page, (t) => /rvos> echo hi\s*\nhi\s*\n.*rvos> /s.test(t), 20_000);
    expect(text).toMatch(/^hi\s*$/m);
    await checkInspector(page);
    await checkSource(page);
    const benchAt = Date.now();
    await page.keyboard.type('bench');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, (t) => /bench\s*\n[^]*\nrvos> $/m.test(t.trimEnd() + ' '), 40_000);
    const benchMs = Date.now() - benchAt;
    await page.waitForTimeout(300); // one more status event, so the speed readout is current
    const mips = await page.locator('[data-test="mips"]').textContent();
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'browser-host-bench.png') });
    expect(await page.locator('[data-test="state"]').textContent()).toMatch(/^running/);
    await page.locator('[data-test="pause"]').click();
    await page.locator('[data-test="state"]', { hasText: 'paused' }).waitFor({ timeout: 5_000 });
    await page.locator('[data-test="resume"]').click();
    await page.locator('[data-test="state"]', { hasText: 'running' }).waitFor({ timeout: 5_000 });
    await page.locator('[data-test="reset"]').click();
    const fresh = await waitForTerminal(page, (t) => t.includes('rvos> ') && !t.includes('echo hi'), 20_000);
    expect(fresh).toContain('Welcome to rvos');
    await page.keyboard.type('help');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, (t) => t.includes('list the commands'), 20_000);
    await page.screenshot({ path: join(RESULTS, 'browser-host-reset.png') });
    console.log(`browser host: page load to shell prompt ${toPrompt} ms (Boot click to prompt ${bootToPrompt} ms); bench ${benchMs} ms; speed: ${mips}`);
    expect(pageErrors).toEqual([]);
  });
});
