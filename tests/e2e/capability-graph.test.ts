// End to end in Chromium against the browser host: boots rvos, opens the Graph
// tab and sees init, console, fs and shell drawn with their channels; runs a
// child `shell` from the shell and sees its node appear, `exit` and sees it go;
// checks hover details, filters, search, pause, SVG/PNG export and the warning
// colour (a synthetic inconsistent endpoint) and a reset; saves capability-graph*.png.

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphTestElement, GraphTestHook } from '../../renderer/src/graph/graph-test-hook.ts';
import { HAS_CHROMIUM, resultPath, startBrowserHost, waitForTerminal, type BrowserHost } from './support/browser-host.ts';

/** This file is compiled without the DOM library: the page's window as the graph hook sees it. */
type GraphWindow = { __rvosGraph?: GraphTestHook };

function graphNodes(page: Page): Promise<GraphTestElement[]> {
  return page.evaluate(() => (globalThis as unknown as GraphWindow).__rvosGraph?.nodes() ?? []);
}

function graphEdges(page: Page): Promise<GraphTestElement[]> {
  return page.evaluate(() => (globalThis as unknown as GraphWindow).__rvosGraph?.edges() ?? []);
}

const named = (nodes: GraphTestElement[], name: string): GraphTestElement[] => nodes.filter((n) => n.label.split(/[ (]/)[0] === name);

async function typeCommand(page: Page, command: string): Promise<number> {
  await page.locator('[data-test="tab-terminal"]').click();
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(command);
  const at = Date.now();
  await page.keyboard.press('Enter');
  return at;
}

describe.skipIf(!HAS_CHROMIUM)('capability graph in Chromium', () => {
  let host: BrowserHost;
  beforeAll(async () => { host = await startBrowserHost({ width: 1400, height: 1000 }); });
  afterAll(async () => { await host?.close(); });

  it('draws the booted system, follows a spawn and an exit, and exports', { timeout: 120_000 }, async () => {
    const page = host.page;
    await page.goto(host.url);
    await page.locator('[data-test="boot"]').click();
    await waitForTerminal(page, (text) => text.includes('rvos> '), 60_000);
    await dragDisplayUp(page);
    await page.locator('[data-test="tab-graph"]').click();
    await expect.poll(async () => (await graphNodes(page)).length, { timeout: 15_000 }).toBeGreaterThan(4);
    const nodes = await graphNodes(page);
    for (const name of ['init', 'console', 'fs', 'shell']) expect(named(nodes, name).length, name).toBe(1);
    const shell = named(nodes, 'shell')[0]!.id;
    const consoleNode = named(nodes, 'console')[0]!.id;
    const edges = await graphEdges(page);
    expect(edges.some((e) => e.kind === 'channel' && [e.source, e.target].includes(shell) && [e.source, e.target].includes(consoleNode))).toBe(true);
    expect(edges.filter((e) => e.kind === 'channel').length).toBeGreaterThan(4);
    expect(nodes.filter((n) => n.warn)).toEqual([]);
    await page.screenshot({ path: resultPath('capability-graph.png') });
    await hoverBetween(page, shell, consoleNode);
    await expect.poll(() => page.locator('[data-test="graph-channel-end"]').count()).toBe(2);
    expect(await page.locator('[data-test="graph-details"]').textContent()).toMatch(/held by shell \d+[^]*held by console \d+|held by console \d+[^]*held by shell \d+/);
    await page.mouse.move(5, 5);

    const typedAt = await typeCommand(page, 'shell');
    await page.waitForFunction(() => ((globalThis as unknown as GraphWindow).__rvosGraph?.nodes() ?? []).filter((n) => n.label.startsWith('shell ')).length === 2, null, { polling: 'raf', timeout: 10_000 });
    const spawnToNodeMs = Date.now() - typedAt;
    await page.locator('[data-test="tab-graph"]').click();
    const child = named(await graphNodes(page), 'shell').find((n) => n.id !== shell)!;
    expect((await graphEdges(page)).some((e) => e.source === child.id || e.target === child.id)).toBe(true);
    await hoverNode(page, child.id);
    await expect.poll(() => page.locator('[data-test="graph-handles"]').textContent()).toContain('channel');
    await page.screenshot({ path: resultPath('capability-graph-spawn.png') });

    await typeCommand(page, 'exit');
    await page.waitForFunction((id) => !((globalThis as unknown as GraphWindow).__rvosGraph?.nodes() ?? []).some((n) => n.id === id), child.id, { polling: 'raf', timeout: 10_000 });
    await page.locator('[data-test="tab-graph"]').click();
    const draws = await page.evaluate(() => (globalThis as unknown as GraphWindow).__rvosGraph?.draws() ?? []);
    const latencies = draws.map((d) => d.drawnAt - d.sentAt).filter((ms) => ms >= 0);
    expect(latencies.length).toBeGreaterThan(0);

    await checkFilters(page, shell);
    await checkExports(page);
    await checkWarning(page, shell);
    await page.locator('[data-test="reset"]').click(); // a new VM: its full diff replaces the whole graph
    await expect.poll(async () => (await graphNodes(page)).some((n) => n.id === 'ep:2001'), { timeout: 20_000 }).toBe(false);
    await expect.poll(async () => named(await graphNodes(page), 'shell').length, { timeout: 20_000 }).toBe(1);
    console.log(`capability graph: spawn to node ${spawnToNodeMs} ms; host diff to drawn frame median ${median(latencies).toFixed(1)} ms (${latencies.length} diffs)`);
    expect(host.pageErrors).toEqual([]);
  });
});

/** Makes the display pane small so the graph tab gets most of the height. */
async function dragDisplayUp(page: Page): Promise<void> {
  const grip = page.locator('[data-test="display-grip"]');
  if (await grip.count() === 0) return;
  const box = (await grip.boundingBox())!;
  await page.mouse.move(box.x + 50, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 50, 120, { steps: 4 });
  await page.mouse.up();
}

/** Where node `id` is on the page. */
async function pagePosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  const canvas = (await page.locator('[data-test="graph-canvas"]').boundingBox())!;
  const at = await page.evaluate((nodeId) => (globalThis as unknown as GraphWindow).__rvosGraph?.rendered(nodeId), id);
  if (at === undefined) throw new Error(`node ${id} is not drawn`);
  return { x: canvas.x + at.x, y: canvas.y + at.y };
}

/** Moves the mouse over node `id`. */
async function hoverNode(page: Page, id: string): Promise<void> {
  const at = await pagePosition(page, id);
  await page.mouse.move(at.x, at.y);
}

/** Moves the mouse to the middle of the straight edge between nodes `a` and `b`. */
async function hoverBetween(page: Page, a: string, b: string): Promise<void> {
  const [p, q] = [await pagePosition(page, a), await pagePosition(page, b)];
  await page.mouse.move((p.x + q.x) / 2, (p.y + q.y) / 2);
}

async function checkFilters(page: Page, shell: string): Promise<void> {
  await page.locator('[data-test="graph-hide-services"]').check();
  const hidden = (await graphNodes(page)).filter((n) => n.hidden);
  expect(hidden.some((n) => n.kind === 'service')).toBe(true);
  expect(hidden.every((n) => n.kind !== 'process')).toBe(true);
  await page.locator('[data-test="graph-hide-services"]').uncheck();
  await page.locator('[data-test="graph-focus"]').selectOption(shell.slice(2));
  const focused = (await graphNodes(page)).filter((n) => !n.hidden);
  expect(focused.length).toBeLessThan((await graphNodes(page)).length);
  expect(focused.map((n) => n.id)).toContain(shell);
  await page.locator('[data-test="graph-focus"]').selectOption('');
  await page.locator('[data-test="graph-search"]').fill('fs');
  await expect.poll(async () => (await graphNodes(page)).filter((n) => n.matched).map((n) => n.label)).toEqual([expect.stringMatching(/^fs /)]);
  await page.locator('[data-test="graph-search"]').fill('');
  await page.locator('[data-test="graph-pause"]').click();
  await expect.poll(() => page.locator('[data-test="graph-pause"]').textContent()).toBe('resume graph');
  await page.locator('[data-test="graph-pause"]').click();
}

async function checkExports(page: Page): Promise<void> {
  const [svg] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="graph-svg"]').click()]);
  const svgText = readFileSync((await svg.path())!, 'utf8');
  expect(svgText).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svgText).toContain('>shell ');
  const [png] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="graph-png"]').click()]);
  const bytes = readFileSync((await png.path())!);
  expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
}

/** Feeds an endpoint whose refs do not add up, held by the shell: drawn in the warning colour. */
async function checkWarning(page: Page, shell: string): Promise<void> {
  const pid = Number(shell.slice(2));
  await page.evaluate((holder) => {
    const hook = (globalThis as unknown as GraphWindow).__rvosGraph!;
    const endpoint = {
      id: 2001, peer: 2000, peerAlive: false, label: null, refs: 3, holders: [{ pid: holder, handle: 99 }], services: [], queuedRefs: 0,
      unaccountedRefs: 2, queueDepth: 0, queuedTags: [], recvWaiters: [], sendWaiters: [],
    };
    hook.receive({
      seq: 9999, full: false, sentAt: performance.timeOrigin + performance.now(), time: { ns: 0, instructions: 0 },
      processes: { upsert: [], remove: [] }, endpoints: { upsert: [endpoint], remove: [] }, shm: { upsert: [], remove: [] }, ipc: { total: 0, recent: [] },
    });
  }, pid);
  await expect.poll(async () => (await graphNodes(page)).find((n) => n.id === 'ep:2001')?.warn).toBe(true);
  await expect.poll(() => page.locator('[data-test="graph-warnings"]').textContent()).toContain('ep:2001');
  await page.waitForTimeout(200);
  await page.screenshot({ path: resultPath('capability-graph-warning.png') });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}
