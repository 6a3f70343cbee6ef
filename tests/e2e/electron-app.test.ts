// End to end in Electron (playwright-core's _electron) where its binary is installed, else skipped:
// builds with electron-vite, opens the window, checks the security settings (web preferences, no
// Node in the page, window.rvos named methods, CSP, navigation refused), boots rvos through the
// utility-process VM host to the shell prompt; saves test-results/electron-app.png.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultPath, waitForTerminal } from './support/browser-host.ts';

const ROOT = join(import.meta.dirname, '../..');

/** The Electron binary's path, or undefined when it was never downloaded. */
function electronBinary(): string | undefined {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined; // electron/index.js throws when path.txt is missing
  }
}

const ELECTRON = electronBinary();

describe.skipIf(ELECTRON === undefined)('the Electron app', () => {
  let app: ElectronApplication;
  let window: Page;
  let userData: string;

  beforeAll(async () => {
    const { build } = await import('electron-vite');
    await build({ root: ROOT, logLevel: 'warn' });
    userData = mkdtempSync(join(tmpdir(), 'rvos-electron-e2e-'));
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'ELECTRON_RENDERER_URL')) as Record<string, string>;
    const sandboxArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : []; // Chromium refuses its sandbox as root (CI containers)
    app = await _electron.launch({
      executablePath: ELECTRON!,
      args: [...sandboxArgs, `--user-data-dir=${userData}`, join(ROOT, 'out/main/index.js')],
      env,
    });
    window = await app.firstWindow();
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    if (userData !== undefined) rmSync(userData, { recursive: true, force: true });
  });

  it('opens the workbench window over app:// with the secure web preferences', async () => {
    await window.waitForLoadState('domcontentloaded');
    expect(window.url()).toBe('app://workbench/index.html');
    expect(await window.title()).toBe('rvos workbench');
    // getLastWebPreferences is Electron's own (used by its test suite) but missing from electron.d.ts.
    const preferences = await app.evaluate(({ BrowserWindow }) =>
      (BrowserWindow.getAllWindows()[0]!.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences());
    expect(preferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true });
  });

  it('gives the page no Node, only window.rvos\'s named methods, and a strict CSP', async () => {
    const page = await window.evaluate(() => {
      const scope = globalThis as unknown as Record<string, unknown>;
      return { require: typeof scope['require'], process: typeof scope['process'], rvos: Object.keys(scope['rvos'] as object).sort() };
    });
    expect(page).toEqual({
      require: 'undefined', process: 'undefined',
      rvos: ['appInfo', 'connectVm', 'host', 'onMenuCommand', 'onVmHostNotice', 'openSnapshotFile', 'saveSnapshotFile'],
    });
    const csp = await window.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'));
    expect(csp).toContain("default-src 'self'");
  });

  it('refuses navigation away from the app', async () => {
    await window.evaluate(() => { (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/'; });
    await window.waitForTimeout(500);
    expect(window.url()).toBe('app://workbench/index.html');
  });

  it('boots rvos in the utility process and shows the shell prompt', { timeout: 90_000 }, async () => {
    await window.locator('[data-test="boot"]').click();
    await waitForTerminal(window, (text) => text.includes('rvos> '), 60_000);
    const utility = await app.evaluate(({ app: electronApp }) =>
      electronApp.getAppMetrics().filter((metric) => metric.type === 'Utility').map((metric) => metric.name ?? ''));
    expect(utility).toContain('rvos VM host');
    await window.screenshot({ path: resultPath('electron-app.png') });
  });
});
