// End to end in Chromium: the renderer's Electron paths without the binary. An init script plays
// main and the preload (a fake window.rvos whose connectVm posts a MessagePort into the page as
// preload/vm-port-forwarder.ts does, bridged to the VM worker). Checks: the renderer uses that
// port, menu commands boot and save/open snapshots, a VM host notice shows the crash banner.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, resultPath, startBrowserHost, waitForTerminal, type BrowserHost } from './support/browser-host.ts';

const WORKER_URL = `/@fs${new URL('../../emulator/host/worker/vm-worker.ts', import.meta.url).pathname}?worker_file&type=module`;

/** Runs in the page before its scripts: the fake window.rvos and the test's handles on it (globalThis.__rvosTest). */
function installFakeElectron(workerUrl: string): void {
  type Listener = (value: unknown) => void;
  const test = { menu: undefined as Listener | undefined, notice: undefined as Listener | undefined, connects: 0, saved: [] as { name: string; bytes: Uint8Array }[], crash: () => {} };
  let worker: { terminate(): void; postMessage(message: unknown): void; onmessage: ((event: { data: unknown }) => void) | null } | undefined;
  const scope = globalThis as unknown as Record<string, unknown> & { location: { origin: string }; postMessage(message: unknown, origin: string, transfer: unknown[]): void };
  const WorkerClass = scope['Worker'] as new (url: string, options: { type: string }) => NonNullable<typeof worker>;
  const reply = (value: unknown): Promise<{ ok: true; value: unknown }> => Promise.resolve({ ok: true, value });
  const rvos = {
    host: 'electron',
    appInfo: () => reply({ name: 'rvos-workbench', version: 'test', platform: 'linux' }),
    onMenuCommand: (listener: Listener) => { test.menu = listener; return () => {}; },
    onVmHostNotice: (listener: Listener) => { test.notice = listener; return () => {}; },
    saveSnapshotFile: (name: string, bytes: Uint8Array) => { test.saved.push({ name, bytes }); return reply({ canceled: false, name: `${name}.rvsnap` }); },
    openSnapshotFile: () => reply(test.saved.length === 0 ? { canceled: true } : { canceled: false, name: 'from-disk.rvsnap', bytes: test.saved.at(-1)!.bytes }),
    connectVm: () => {
      test.connects++;
      worker?.terminate();
      const host = new WorkerClass(workerUrl, { type: 'module' });
      worker = host;
      // The page's DOM MessageChannel (this file is compiled with Node's types).
      type PagePort = { onmessage: ((event: { data: unknown }) => void) | null; postMessage(message: unknown): void };
      const { port1, port2 } = new MessageChannel() as unknown as { port1: PagePort; port2: PagePort };
      port2.onmessage = (event) => host.postMessage(event.data);
      host.onmessage = (event) => port2.postMessage(event.data);
      scope.postMessage({ type: 'rvos:vm-port' }, scope.location.origin, [port1]);
      return reply(null);
    },
  };
  test.crash = () => {
    worker?.terminate();
    test.notice?.({ kind: 'restarted', exitCode: 139, message: 'The VM host stopped unexpectedly (exit code 139) and was restarted; the VM is off. Boot it or restore a snapshot.' });
    void rvos.connectVm();
  };
  scope['rvos'] = rvos;
  scope['__rvosTest'] = test;
}

/** Calls globalThis.__rvosTest.menu(command) in the page, as main's menu click would, once the renderer listens. */
async function menu(page: Page, command: string): Promise<void> {
  await page.waitForFunction(() => (globalThis as unknown as { __rvosTest: { menu?: unknown } }).__rvosTest.menu !== undefined, undefined, { timeout: 10_000 });
  await page.evaluate((name) => { (globalThis as unknown as { __rvosTest: { menu(command: string): void } }).__rvosTest.menu(name); }, command);
}

async function typeCommand(page: Page, command: string): Promise<void> {
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

describe.skipIf(!HAS_CHROMIUM)('the renderer as Electron runs it (main and preload faked in the page)', () => {
  let host: BrowserHost;
  let page: Page;
  const workers: string[] = [];

  beforeAll(async () => {
    host = await startBrowserHost({ viewport: { width: 1200, height: 800 } });
    page = host.page;
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.addInitScript(installFakeElectron, WORKER_URL);
  });

  afterAll(async () => {
    await host?.close();
  });

  it('talks to the VM host over the forwarded port and boots from the VM menu', { timeout: 90_000 }, async () => {
    await page.goto(host.url);
    await menu(page, 'boot');
    await waitForTerminal(page, (text) => text.includes('rvos> '), 60_000);
    await typeCommand(page, 'echo port');
    await waitForTerminal(page, (text) => /^port\s*$/m.test(text), 20_000);
    expect(await page.evaluate(() => (globalThis as unknown as { __rvosTest: { connects: number } }).__rvosTest.connects)).toBe(1);
    expect(workers.filter((url) => url.includes('vm-worker')).length).toBe(1); // the fake's; the renderer spawned none
  });

  it('saves and opens snapshots from the File menu through the (fake) dialogs', { timeout: 60_000 }, async () => {
    await menu(page, 'save-snapshot');
    const saved = (): Promise<[string, number][]> => page.evaluate(() => (globalThis as unknown as { __rvosTest: { saved: { name: string; bytes: Uint8Array }[] } })
      .__rvosTest.saved.map((file): [string, number] => [file.name, file.bytes.length]));
    await expect.poll(async () => (await saved()).length, { timeout: 30_000 }).toBe(1);
    const [[name, size]] = await saved() as [[string, number]];
    expect(name).toMatch(/^Snapshot \d\d:\d\d:\d\d$/);
    expect(size).toBeGreaterThan(1000);
    await page.locator('[data-test="tab-snapshots"]').click();
    await menu(page, 'open-snapshot');
    await expect.poll(() => page.locator('[data-test="snapshots-notice"]').textContent(), { timeout: 30_000 })
      .toBe('Restored from-disk; state hash matches the snapshot');
    expect(await page.locator('[data-test="snapshot"]').count()).toBe(2);
  });

  it('shows the crash banner, fails nothing silently, and boots the restarted host', { timeout: 90_000 }, async () => {
    await page.locator('[data-test="tab-terminal"]').click();
    await page.evaluate(() => { (globalThis as unknown as { __rvosTest: { crash(): void } }).__rvosTest.crash(); });
    const banner = page.locator('[data-test="vm-host-banner"]');
    await banner.waitFor({ timeout: 5_000 });
    expect(await banner.textContent()).toContain('exit code 139');
    await page.screenshot({ path: resultPath('electron-renderer-crash-banner.png') });
    await menu(page, 'reset'); // the stale 'running' status allows Reset; the new host boots a fresh VM
    await waitForTerminal(page, (text) => text.includes('rvos> ') && !text.includes('echo port'), 60_000);
    await banner.locator('button').click();
    expect(await banner.count()).toBe(0);
    expect(host.pageErrors).toEqual([]);
  });
});
