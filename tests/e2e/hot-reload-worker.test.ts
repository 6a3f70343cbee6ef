// Compile on save inside the browser host's VM worker (emulator/host/worker/
// vm-worker.ts) in Debian's Chromium: the worker fetches the userland tree
// asset, builds with no Node APIs, reports a broken edit's diagnostics, and
// hot-reloads hello so the shell runs the new version. Skipped without Chromium.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, startBrowserHost, type BrowserHost } from './support/browser-host.ts';

const WORKER = new URL('../../emulator/host/worker/vm-worker.ts', import.meta.url).pathname;

/** The page's Worker, as far as used here (the node-side tsconfig has no DOM lib). */
interface PageWorker {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}
type WorkerConstructor = new (url: string, options: { type: 'module' }) => PageWorker;

describe.skipIf(!HAS_CHROMIUM)('hot reload in the browser worker', () => {
  let host: BrowserHost;
  beforeAll(async () => {
    host = await startBrowserHost();
    await host.page.goto(host.url);
  }, 120_000);
  afterAll(async () => host?.close());

  it('builds on save in the worker, reports diagnostics, and runs the new version', { timeout: 120_000 }, async () => {
    const result = await host.page.evaluate(async (workerPath) => {
      const PageWorkerClass = (globalThis as unknown as { Worker: WorkerConstructor }).Worker;
      const worker = new PageWorkerClass(`/@fs${workerPath}`, { type: 'module' });
      let console = '';
      const pending = new Map<number, (value: unknown) => void>();
      worker.onmessage = (event) => {
        const m = event.data as { kind: string; id?: number; event?: string; bytes?: Uint8Array };
        if (m.kind === 'response') pending.get(m.id!)?.(m);
        else if (m.event === 'console-output') console += new TextDecoder().decode(m.bytes);
      };
      let id = 1;
      const request = (op: string, params: Record<string, unknown> = {}): Promise<unknown> => new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ kind: 'request', id: id++, op, ...params });
      });
      const waitFor = async (text: string, from = 0): Promise<void> => {
        const deadline = Date.now() + 60_000;
        while (!console.includes(text, from)) {
          if (Date.now() > deadline) throw new Error(`timed out waiting for ${text}: ${console}`);
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      await request('boot');
      await waitFor('rvos> ');
      const source = 'int main(void) {\n  puts("hello from the worker build");\n  return 0;\n}\n';
      const broken = await request('source-save', { path: 'programs/hello/hello.c', text: '#include <stdio.h>\nint main(void) { return nope; }\n' });
      const good = await request('source-save', { path: 'programs/hello/hello.c', text: `#include <stdio.h>\n${source}` });
      // init writes /bin/hello into the file server in the background: run it until the new version answers.
      for (let attempt = 0; attempt < 20 && !console.includes('hello from the worker build'); attempt++) {
        await new Promise((r) => setTimeout(r, 200));
        const at = console.length;
        worker.postMessage({ kind: 'console-input', bytes: new TextEncoder().encode('hello\r') });
        await waitFor('rvos> ', at);
      }
      await waitFor('hello from the worker build');
      worker.terminate();
      return { broken, good };
    }, WORKER);
    expect(result.broken).toMatchObject({ ok: true, result: { build: { ok: false, diagnostics: [{ path: 'programs/hello/hello.c', line: 2, column: 25, severity: 'error' }] } } });
    expect(result.good).toMatchObject({ ok: true, result: { build: { ok: true, programs: ['hello'] }, reload: { programs: [{ name: 'hello', binPath: '/bin/hello', restarted: [] }] } } });
    expect(host.pageErrors).toEqual([]);
  });
});
