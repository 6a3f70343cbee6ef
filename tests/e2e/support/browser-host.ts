// Shared harness of the browser-host end-to-end tests: the renderer's Vite dev
// server started in-process, Debian's Chromium launched through playwright-core
// (tests skip when it is absent), page errors collected, and helpers that read
// the xterm terminal and type shell commands.

import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type PluginOption, type ViteDevServer } from 'vite';
import { rendererConfig } from '../../../renderer.vite.config.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const RESULTS = join(import.meta.dirname, '../../../test-results');
/** True when the browser the e2e tests drive is installed. */
export const HAS_CHROMIUM = existsSync(CHROMIUM);

export interface BrowserHost {
  readonly server: ViteDevServer;
  readonly browser: Browser;
  readonly page: Page;
  /** The dev server's URL. */
  readonly url: string;
  /** Uncaught page errors and console errors, in order. */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

export interface BrowserHostOptions {
  /** The page's viewport (default 1100 x 700). */
  readonly viewport?: Viewport;
  /** Vite plugins placed before the renderer's own (e.g. fixtureBootImagePlugin). */
  readonly plugins?: readonly PluginOption[];
}

/** Starts the dev server and Chromium with one page (`what`: options, or just the viewport); rejects when either fails to start. */
export async function startBrowserHost(what: BrowserHostOptions | Viewport = {}): Promise<BrowserHost> {
  const options: BrowserHostOptions = 'width' in what ? { viewport: what } : what;
  const config = rendererConfig();
  const plugins = [...(options.plugins ?? []), ...(config.plugins ?? [])];
  // No file watching: sources edited during a run must not reload the page (and its VM) mid-test.
  const server = await createServer({ ...config, plugins, logLevel: 'warn', server: { host: '127.0.0.1', port: 0, strictPort: false, watch: null } });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('the Vite dev server has no local URL');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-background-networking'] });
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1100, height: 700 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') pageErrors.push(message.text()); });
  const close = async (): Promise<void> => {
    await browser.close();
    await server.close();
  };
  return { server, browser, page, url, pageErrors, close };
}

/** The text the xterm DOM renderer shows (rows joined by newlines). */
export function terminalText(page: Page): Promise<string> {
  return page.locator('.xterm-rows').evaluate((rows) => [...rows.children].map((row) => row.textContent ?? '').join('\n'));
}

/** Waits until the terminal's text satisfies `predicate`; returns that text, or throws with what it shows after `ms`. */
export async function waitForTerminal(page: Page, predicate: (text: string) => boolean, ms: number): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const text = await terminalText(page);
    if (predicate(text)) return text;
    if (Date.now() > deadline) throw new Error(`terminal did not show what was expected; it shows:\n${text}`);
    await page.waitForTimeout(100);
  }
}

/** The path of screenshot `name` under test-results/ (the folder is created). */
export function resultPath(name: string): string {
  mkdirSync(RESULTS, { recursive: true });
  return join(RESULTS, name);
}
