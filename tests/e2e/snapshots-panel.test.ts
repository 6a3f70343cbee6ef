// End to end in Chromium against the browser host, the Snapshots tab: take (thumbnail, size, time),
// restore (matching state hash, the terminal back to the snapshot's output), keep across a reload
// and restore into the new VM, export/import, delete, toolbar save/open, and a refused file shown
// in the host's words; screenshots under test-results/.

import { copyFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, resultPath, startBrowserHost, waitForTerminal, type BrowserHost } from './support/browser-host.ts';

async function typeCommand(page: Page, command: string): Promise<void> {
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}


describe.skipIf(!HAS_CHROMIUM)('snapshots panel in the browser host', () => {
  let host: BrowserHost;
  let page: Page;

  beforeAll(async () => {
    host = await startBrowserHost({ viewport: { width: 1200, height: 800 } });
    page = host.page;
  });

  afterAll(async () => {
    await host?.close();
  });

  it('shows an empty panel, then a snapshot taken of the booted VM', { timeout: 90_000 }, async () => {
    await page.goto(host.url);
    await page.locator('[data-test="tab-snapshots"]').click();
    const panel = page.locator('[data-test="snapshots"]');
    await panel.locator('[data-test="snapshots-empty"]').waitFor({ timeout: 10_000 });
    expect(await panel.locator('[data-test="snapshot-take"]').isDisabled()).toBe(true); // nothing to snapshot before boot
    await page.locator('[data-test="boot"]').click();
    await page.locator('[data-test="tab-terminal"]').click();
    await waitForTerminal(page, (text) => text.includes('rvos> '), 60_000);
    await typeCommand(page, 'echo before');
    await waitForTerminal(page, (text) => /^before\s*$/m.test(text), 20_000);
    await page.locator('[data-test="tab-snapshots"]').click();
    await panel.locator('[data-test="snapshot-take"]').click();
    await expect.poll(() => panel.locator('[data-test="snapshot"]').count(), { timeout: 30_000 }).toBe(1);
    await page.screenshot({ path: resultPath('snapshots-taken.png') });
    expect(await panel.locator('[data-test="snapshots-error"]').count()).toBe(0);
    const entry = panel.locator('[data-test="snapshot"]').first();
    expect(await entry.locator('[data-test="snapshot-size"]').textContent()).toMatch(/^\d+(\.\d)? (KiB|MiB)$/);
    expect(await entry.locator('[data-test="snapshot-time"]').textContent()).toMatch(/\d{2}:\d{2}:\d{2}/);
    expect(await entry.locator('img').getAttribute('src')).toMatch(/^data:image\/png;base64,/); // the display's thumbnail
    expect(await panel.locator('[data-test="state-hash"]').textContent()).toMatch(/State hash [0-9a-f]{16} at [\d,]+ steps/);
  });

  it('restores the snapshot, keeps it across a reload, exports, imports and deletes', { timeout: 120_000 }, async () => {
    const panel = page.locator('[data-test="snapshots"]');
    const entry = panel.locator('[data-test="snapshot"]').first();
    const savedHash = await entry.locator('.wb-snapshots-item__hash').getAttribute('title');
    await page.locator('[data-test="tab-terminal"]').click();
    await typeCommand(page, 'echo after');
    await waitForTerminal(page, (text) => /^after\s*$/m.test(text), 20_000);
    await page.locator('[data-test="tab-snapshots"]').click();
    await entry.locator('[data-test="snapshot-restore"]').click();
    await expect.poll(() => panel.locator('[data-test="snapshots-notice"]').textContent(), { timeout: 30_000 })
      .toMatch(/^Restored .*; state hash matches the snapshot$/);
    expect(await panel.locator('[data-test="state-hash"] code').getAttribute('title')).toBe(savedHash);
    await page.screenshot({ path: resultPath('snapshots-restored.png') });
    await page.locator('[data-test="tab-terminal"]').click();
    // The terminal starts over with the console output the snapshot holds: "before", not "after".
    await waitForTerminal(page, (text) => /^before\s*$/m.test(text) && !/^after\s*$/m.test(text), 10_000);
    await typeCommand(page, 'echo restored');
    await waitForTerminal(page, (text) => /^restored\s*$/m.test(text), 20_000); // the restored VM runs
    await page.screenshot({ path: resultPath('snapshots-restored-terminal.png') });

    // A reload starts a new VM host (VM off); the snapshot is still kept and restores into it, paused.
    await page.reload();
    await page.locator('[data-test="tab-snapshots"]').click();
    await expect.poll(() => panel.locator('[data-test="snapshot"]').count(), { timeout: 10_000 }).toBe(1);
    await panel.locator('[data-test="snapshot-restore"]').click();
    await expect.poll(() => panel.locator('[data-test="snapshots-notice"]').textContent(), { timeout: 30_000 }).toMatch(/state hash matches the snapshot$/);
    await page.locator('[data-test="state"]', { hasText: 'paused' }).waitFor({ timeout: 5_000 });
    await page.locator('[data-test="resume"]').click();
    await page.locator('[data-test="tab-terminal"]').click();
    await typeCommand(page, 'echo reloaded');
    await waitForTerminal(page, (text) => /^reloaded\s*$/m.test(text), 20_000);
    await page.locator('[data-test="tab-snapshots"]').click();

    const [download] = await Promise.all([page.waitForEvent('download'), panel.locator('[data-test="snapshot-export"]').first().click()]);
    expect(download.suggestedFilename()).toMatch(/^Snapshot \d{2}-\d{2}-\d{2}\.rvsnap$/);
    const file = resultPath('snapshots-export.rvsnap');
    await download.saveAs(file);
    copyFileSync(file, resultPath('imported.rvsnap'));
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), panel.locator('[data-test="snapshot-import"]').click()]);
    await chooser.setFiles(resultPath('imported.rvsnap'));
    await expect.poll(() => panel.locator('[data-test="snapshot"]').count(), { timeout: 10_000 }).toBe(2);
    const imported = panel.locator('[data-test="snapshot"]').first();
    expect(await imported.locator('[data-test="snapshot-name"]').textContent()).toBe('imported');
    expect(await imported.locator('[data-test="snapshot-placeholder"]').isVisible()).toBe(true);
    expect(await imported.locator('.wb-snapshots-item__hash').getAttribute('title')).toBe(savedHash);
    await page.screenshot({ path: resultPath('snapshots-imported.png') });
    await imported.locator('[data-test="snapshot-delete"]').click();
    await expect.poll(() => panel.locator('[data-test="snapshot"]').count()).toBe(1);

    // The toolbar's Save snapshot… and Open snapshot… (File menu actions in Electron).
    const [saved] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="save-snapshot"]').click()]);
    expect(saved.suggestedFilename()).toMatch(/\.rvsnap$/);
    await expect.poll(() => panel.locator('[data-test="snapshot"]').count()).toBe(2);
    const [opener] = await Promise.all([page.waitForEvent('filechooser'), page.locator('[data-test="open-snapshot"]').click()]);
    await opener.setFiles(resultPath('imported.rvsnap'));
    await expect.poll(() => panel.locator('[data-test="snapshots-notice"]').textContent(), { timeout: 30_000 })
      .toBe('Restored imported; state hash matches the snapshot');
    expect(await panel.locator('[data-test="snapshot"]').count()).toBe(3);

    // A file that is not a snapshot: refused by the host, its words shown plainly, nothing kept.
    writeFileSync(resultPath('not-a-snapshot.rvsnap'), 'hello, not a snapshot');
    const [junk] = await Promise.all([page.waitForEvent('filechooser'), panel.locator('[data-test="snapshot-import"]').click()]);
    await junk.setFiles(resultPath('not-a-snapshot.rvsnap'));
    const error = panel.locator('[data-test="snapshots-error"]');
    await error.waitFor({ timeout: 10_000 });
    console.log(`snapshots panel: a junk file is refused with: ${await error.textContent()}`);
    expect(await error.textContent()).toMatch(/snapshot/i);
    expect(await panel.locator('[data-test="snapshot"]').count()).toBe(3);
    await page.screenshot({ path: resultPath('snapshots-refused.png') });
    expect(host.pageErrors).toEqual([]);
  });
});
