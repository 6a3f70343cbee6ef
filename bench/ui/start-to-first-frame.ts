// Measures the time from `npm start` (what it runs: `node bin/start.mjs
// --browser`, the browser host on a free port) to the first frame painted on
// the display canvas in Chromium: server up, page loaded, Boot clicked, the
// host's first frame put on the canvas.

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../../tests/e2e/support/browser-host.ts';
import { displayCounter } from '../../tests/e2e/support/display-page.ts';

const ROOT = join(import.meta.dirname, '../..');

/** Milliseconds from the start command to each step. */
export interface StartTimes {
  readonly serverMs: number;
  readonly pageLoadedMs: number;
  readonly firstFrameMs: number;
  /** From the Boot click to the first painted frame. */
  readonly bootToFrameMs: number;
}

/** Starts `node bin/start.mjs --browser`; resolves with the child and the URL it prints. */
function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/start.mjs'), '--browser'], { cwd: ROOT, env: { ...process.env, RVOS_PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Open (http\S+)/.exec(output)?.[1];
      if (url !== undefined) resolve({ child, url });
    });
    child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.on('exit', (code) => reject(new Error(`bin/start.mjs exited (${code}) before serving:\n${output}`)));
  });
}

/** One measured start; rejects when the server, the page or the boot fails (60 s limit on the first frame). */
export async function measureStartToFirstFrame(): Promise<StartTimes> {
  const start = performance.now();
  const { child, url } = await startServer();
  const serverMs = performance.now() - start;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(url);
    const pageLoadedMs = performance.now() - start;
    const boot = page.locator('[data-test="boot"]');
    await boot.waitFor();
    const clickedAt = performance.now();
    await boot.click();
    await page.waitForFunction(() => Number((globalThis as unknown as { document: { querySelector(s: string): { dataset: Record<string, string> } | null } })
      .document.querySelector('[data-test="display"]')?.dataset.framesPainted ?? 0) > 0, undefined, { timeout: 60_000, polling: 'raf' });
    const now = performance.now();
    if (await displayCounter(page, 'framesPainted') < 1) throw new Error('no frame was painted');
    return { serverMs, pageLoadedMs, firstFrameMs: now - start, bootToFrameMs: now - clickedAt };
  } finally {
    await browser.close();
    child.kill();
  }
}
