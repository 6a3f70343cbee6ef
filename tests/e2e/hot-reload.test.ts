// End to end in Debian's Chromium against the browser host: edit a guest
// program in the Source view's Monaco editor (find, type, dirty tab), save with
// Ctrl+S, run it from the shell and see the new output; a broken edit shows a
// marker and a problems entry and leaves the VM as it was; an edit made by
// another editor reaches the open editor and the reload log; F12 jumps to a
// librvos definition. Works on a temporary copy of fixtures/userland
// (RVOS_USERLAND_DIR), never on the checkout. Skips without Chromium.

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERLAND_DIR } from '../../emulator/toolchain/cc/driver/runtime-library.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { HAS_CHROMIUM, resultPath, startBrowserHost, waitForTerminal, type BrowserHost } from './support/browser-host.ts';

const HELLO = 'programs/hello/hello.c';
const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Finds `text` with Monaco's find widget (Ctrl+F) and leaves it selected in the editor. */
async function findInEditor(page: Page, text: string): Promise<void> {
  await page.locator('[data-test="source-editor"]').click({ position: { x: 200, y: 10 } });
  await page.keyboard.press(`${MOD}+F`);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

/** Runs a shell command and waits for the terminal to show `expected` after it. */
async function runInShell(page: Page, command: string, expected: string): Promise<string> {
  await page.locator('[data-test="tab-terminal"]').click();
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
  return waitForTerminal(page, (t) => t.lastIndexOf(expected) > t.lastIndexOf(`rvos> ${command}`) && t.lastIndexOf(`rvos> ${command}`) >= 0, 30_000);
}

const entries = (page: Page): Promise<number> => page.locator('[data-test="reload-entry"]').count();

describe.skipIf(!HAS_CHROMIUM)('hot reload in the browser host', () => {
  let host: BrowserHost;
  let page: Page;
  let root: string;
  const previousRoot = process.env['RVOS_USERLAND_DIR'];

  beforeAll(async () => {
    root = makeTempDir('rvos-userland-');
    cpSync(USERLAND_DIR, root, { recursive: true });
    process.env['RVOS_USERLAND_DIR'] = root;
    host = await startBrowserHost({ width: 1300, height: 900 });
    page = host.page;
  });

  afterAll(async () => {
    await host?.close();
    if (previousRoot === undefined) delete process.env['RVOS_USERLAND_DIR'];
    else process.env['RVOS_USERLAND_DIR'] = previousRoot;
  });

  it('saves an edit from Monaco, rebuilds, and the shell runs the new program', { timeout: 150_000 }, async () => {
    const checkoutHello = readFileSync(join(USERLAND_DIR, HELLO), 'utf8');
    await page.goto(host.url);
    await page.locator('[data-test="boot"]').click();
    await waitForTerminal(page, (text) => text.includes('rvos> '), 60_000);
    await runInShell(page, 'hello', 'Hello from rvos!');

    await page.locator('[data-test="tab-source"]').click();
    const source = page.locator('[data-test="source"]');
    await source.locator('[data-test="source-file-hello/hello.c"]').click({ timeout: 15_000 });
    await expect.poll(() => source.getAttribute('data-selected')).toBe('hello/hello.c');
    await findInEditor(page, 'from rvos!');
    await page.keyboard.type('from hot reload!');
    const tab = source.locator('[data-test="source-tab-hello/hello.c"]');
    await expect.poll(() => tab.getAttribute('data-dirty')).toBe('true');
    const savedAt = Date.now();
    await page.keyboard.press(`${MOD}+S`);
    await expect.poll(() => entries(page), { timeout: 30_000 }).toBe(1);
    const saveMs = Date.now() - savedAt;
    expect(await tab.getAttribute('data-dirty')).toBe('false');
    expect(readFileSync(join(root, HELLO), 'utf8')).toContain('Hello from hot reload!');
    expect(readFileSync(join(USERLAND_DIR, HELLO), 'utf8')).toBe(checkoutHello);
    const logLine = await page.locator('[data-test="reload-entry"]').first().textContent();
    expect(logLine).toMatch(/hello\.c: rebuilt .*hello/);
    await page.screenshot({ path: resultPath('hot-reload-saved.png') });
    await runInShell(page, 'hello', 'Hello from hot reload!');
    await page.screenshot({ path: resultPath('hot-reload-terminal.png') });
    console.log(`hot reload: Ctrl+S to reload log ${saveMs} ms; log: ${logLine}`);

    // A broken edit: a marker, a problems entry, and the VM keeps the last good build.
    await page.locator('[data-test="tab-source"]').click();
    await findInEditor(page, 'return 0;');
    await page.keyboard.type('return 0 oops;');
    await page.keyboard.press(`${MOD}+S`);
    const problem = source.locator('[data-test="problem"]').first();
    await problem.waitFor({ timeout: 30_000 });
    expect(await problem.textContent()).toContain('programs/hello/hello.c:');
    await source.locator('.squiggly-error').first().waitFor({ timeout: 5_000 });
    await problem.click();
    await page.screenshot({ path: resultPath('hot-reload-problem.png') });
    expect(await page.locator('[data-test="reload-entry"]').first().textContent()).toMatch(/failed/);
    await runInShell(page, 'hello', 'Hello from hot reload!');

    // Fixed by another editor: the watcher refreshes the unmodified editor and rebuilds.
    await page.locator('[data-test="tab-source"]').click();
    const before = await entries(page);
    writeFileSync(join(root, HELLO), checkoutHello.replace('Hello from rvos!', 'Hello from outside!'));
    await expect.poll(() => entries(page), { timeout: 30_000 }).toBe(before + 1);
    const lines = source.locator('.view-lines');
    await expect.poll(() => lines.evaluate((el) => (el.textContent ?? '').replace(/\u00a0/g, ' ')), { timeout: 10_000 }).toContain('Hello from outside!');
    expect(await source.locator('[data-test="problem"]').count()).toBe(0);
    await runInShell(page, 'hello', 'Hello from outside!');

    // Go to definition: F12 on rvos_getpid opens librvos.
    await page.locator('[data-test="tab-source"]').click();
    await findInEditor(page, 'rvos_getpid');
    await page.keyboard.press('F12');
    await expect.poll(() => source.getAttribute('data-selected'), { timeout: 10_000 }).toMatch(/^librvos\//);
    await page.screenshot({ path: resultPath('hot-reload-definition.png') });
    expect(host.pageErrors).toEqual([]);
  });
});
