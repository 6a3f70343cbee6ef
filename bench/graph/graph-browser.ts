// The capability graph's figures in Chromium against the browser host: time
// from typing a program's name in the shell to its node in the graph, from the
// host's diff to the frame that shows it, and the frame rate of the real graph
// view holding a synthetic 64-process, 64-channel system that keeps changing
// (screenshot: test-results/capability-graph-64.png).

import type { Page } from 'playwright-core';
import type { IntrospectionDiff } from '../../emulator/host/protocol/introspection-diff.ts';
import type { GraphTestHook } from '../../renderer/src/graph/graph-test-hook.ts';
import { resultPath, startBrowserHost, waitForTerminal } from '../../tests/e2e/support/browser-host.ts';
import { syntheticFullDiff, syntheticStepDiff } from './synthetic-graph.ts';

export interface GraphBrowserFigures {
  readonly spawnToNodeMs: readonly number[];
  readonly diffToFrameMs: readonly number[];
  readonly fps: number;
  readonly fpsSeconds: number;
  readonly nodes: number;
  readonly edges: number;
}

/** This file is compiled without the DOM library: the page's window as the graph hook sees it. */
type GraphWindow = { __rvosGraph?: GraphTestHook };
const SPAWNS = 5;

async function shells(page: Page): Promise<string[]> {
  return page.evaluate(() => ((globalThis as unknown as GraphWindow).__rvosGraph?.nodes() ?? []).filter((n) => n.label.startsWith('shell ')).map((n) => n.id));
}

async function type(page: Page, line: string): Promise<number> {
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  const at = Date.now();
  await page.keyboard.press('Enter');
  return at;
}

/** Spawns and exits a child shell SPAWNS times; returns spawn-to-node and diff-to-frame milliseconds. */
async function spawnLatency(page: Page): Promise<{ spawn: number[]; frame: number[] }> {
  const spawn: number[] = [];
  const frame: number[] = [];
  for (let i = 0; i < SPAWNS; i++) {
    const at = await type(page, 'shell');
    await page.waitForFunction(() => ((globalThis as unknown as GraphWindow).__rvosGraph?.nodes() ?? []).filter((n) => n.label.startsWith('shell ')).length === 2, null, { polling: 'raf', timeout: 10_000 });
    spawn.push(Date.now() - at);
    const draw = await page.evaluate(() => (globalThis as unknown as GraphWindow).__rvosGraph!.draws().at(-1)!);
    frame.push(draw.drawnAt - draw.sentAt);
    await type(page, 'exit');
    await page.waitForFunction(() => ((globalThis as unknown as GraphWindow).__rvosGraph?.nodes() ?? []).filter((n) => n.label.startsWith('shell ')).length === 1, null, { polling: 'raf', timeout: 10_000 });
  }
  return { spawn, frame };
}

/** Feeds the synthetic system, then a changing diff every 150 ms while counting animation frames for `seconds`. */
async function frameRate(page: Page, seconds: number): Promise<{ fps: number; nodes: number; edges: number }> {
  const steps = Array.from({ length: Math.ceil((seconds * 1000) / 150) }, (_, i) => syntheticStepDiff(i + 2, 64, 64, 6));
  // tsx (esbuild keepNames) wraps named functions in __name(), which the page does not have.
  await page.evaluate('globalThis.__name = (f) => f');
  return page.evaluate(async ({ full, steps, ms }: { full: IntrospectionDiff; steps: IntrospectionDiff[]; ms: number }) => {
    const hook = (globalThis as unknown as GraphWindow).__rvosGraph!;
    hook.receive(full);
    const raf = (globalThis as unknown as { requestAnimationFrame(cb: () => void): void }).requestAnimationFrame;
    await new Promise<void>((resolve) => { raf(() => raf(() => resolve())); });
    let next = 0;
    const timer = setInterval(() => { if (next < steps.length) hook.receive(steps[next++]!); }, 150);
    let frames = 0;
    const start = performance.now();
    await new Promise<void>((resolve) => {
      const tick = (): void => { frames++; if (performance.now() - start < ms) raf(tick); else resolve(); };
      raf(tick);
    });
    clearInterval(timer);
    return { fps: frames / ((performance.now() - start) / 1000), nodes: hook.nodes().length, edges: hook.edges().length };
  }, { full: syntheticFullDiff(64, 64), steps, ms: seconds * 1000 });
}

/** Boots rvos in Chromium, opens the graph and measures; rejects when a step times out. */
export async function measureGraphInBrowser(fpsSeconds: number): Promise<GraphBrowserFigures> {
  const host = await startBrowserHost({ width: 1400, height: 1000 });
  try {
    const page = host.page;
    await page.goto(host.url);
    await page.locator('[data-test="boot"]').click();
    await waitForTerminal(page, (text) => text.includes('rvos> '), 60_000);
    await page.locator('[data-test="tab-graph"]').click();
    await page.waitForFunction(() => ((globalThis as unknown as GraphWindow).__rvosGraph?.nodes() ?? []).length > 4, null, { timeout: 15_000 });
    await page.locator('[data-test="tab-terminal"]').click();
    if ((await shells(page)).length !== 1) throw new Error('graph bench: expected one shell node');
    const { spawn, frame } = await spawnLatency(page);
    await page.locator('[data-test="pause"]').click(); // the VM's diffs would mix into the synthetic system
    await page.locator('[data-test="tab-graph"]').click();
    const fps = await frameRate(page, fpsSeconds);
    await page.locator('[data-test="graph-fit"]').click();
    await page.locator('[data-test="graph"]').screenshot({ path: resultPath('capability-graph-64.png') });
    return { spawnToNodeMs: spawn, diffToFrameMs: frame, fpsSeconds, ...fps };
  } finally {
    await host.close();
  }
}
