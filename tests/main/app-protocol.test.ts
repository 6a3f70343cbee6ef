// Tests of the app:// protocol: the request handler serves real files from a
// temp root with MIME type, CSP and nosniff on every response, refuses
// traversal and other methods; registration goes to Electron's protocol API.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { makeTempDir } from '../support/temp-dir.ts';

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => electron);

const { createAppRequestHandler, handleAppProtocol, registerAppScheme } = await import('../../main/app-protocol.ts');
const { appContentSecurityPolicy } = await import('../../main/content-security-policy.ts');

let root = '';
let outside = '';
beforeAll(() => {
  const base = makeTempDir('rvos-app-protocol-');
  root = join(base, 'renderer');
  outside = join(base, 'secret.txt');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><p>app</p>');
  writeFileSync(join(root, 'assets', 'hart.wasm'), new Uint8Array([0, 0x61, 0x73, 0x6d]));
  writeFileSync(outside, 'top secret');
});

function get(url: string, method = 'GET'): Promise<Response> {
  return createAppRequestHandler(root, readFile)(new Request(url, { method }));
}

describe('app:// request handler', () => {
  it('serves index.html for / with its MIME type, the CSP and nosniff', async () => {
    const response = await get('app://workbench/');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html><p>app</p>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(appContentSecurityPolicy());
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves wasm as application/wasm, byte for byte', async () => {
    const response = await get('app://workbench/assets/hart.wasm');
    expect(response.headers.get('content-type')).toBe('application/wasm');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0, 0x61, 0x73, 0x6d]);
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://workbench/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('refuses traversal and never reads outside the root', async () => {
    // Request (like Chromium) may normalise "%2e%2e" and "/../" away before the
    // handler sees the URL; whatever arrives, no read may leave the root.
    const read = vi.fn((path: string): Promise<Uint8Array> => readFile(path));
    const urls = [
      'app://workbench/%2e%2e/secret.txt', 'app://workbench/..%5csecret.txt', 'app://workbench/a/../../secret.txt',
      'app://workbench/..\\secret.txt', 'app://other/secret.txt', 'app://workbench/%2e%2e%2fsecret.txt',
    ];
    for (const url of urls) {
      const response = await createAppRequestHandler(root, read)(new Request(url));
      expect([403, 404], url).toContain(response.status);
      expect(response.headers.get('content-security-policy')).toBe(appContentSecurityPolicy());
      expect(await response.text()).not.toContain('top secret');
    }
    for (const [path] of read.mock.calls) expect(String(path).startsWith(root + sep)).toBe(true);
    const foreign = await createAppRequestHandler(root, read)(new Request('app://other/index.html'));
    expect(foreign.status).toBe(403);
  });

  it('answers 404 for a missing file and 405 for POST, both with the CSP', async () => {
    const missing = await get('app://workbench/nope.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(appContentSecurityPolicy());
    const post = await get('app://workbench/index.html', 'POST');
    expect(post.status).toBe(405);
  });
});

describe('app:// registration', () => {
  it('registers app as a standard secure scheme and installs the handler on it', async () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    handleAppProtocol(root);
    const [scheme, handler] = electron.protocol.handle.mock.calls[0] as [string, (request: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    expect(await (await handler(new Request('app://workbench/index.html'))).text()).toContain('app');
  });
});
