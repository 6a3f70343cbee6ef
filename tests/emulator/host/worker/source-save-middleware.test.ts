// The browser host's save endpoint over a real HTTP server on a temporary copy
// of fixtures/userland: a valid save writes the file and reports it; traversal,
// absolute paths, include/ headers, missing files, other extensions, symbolic
// links, oversized texts, other methods, non-JSON bodies and cross-origin
// requests are refused with nothing written.

import { cpSync, readFileSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SOURCE_BYTES, SOURCE_SAVE_PATH, type SourceChange } from '../../../../emulator/host/userland-build/source-paths.ts';
import { sourceSaveMiddleware } from '../../../../emulator/host/worker/source-save-middleware.ts';
import { USERLAND_DIR } from '../../../../emulator/toolchain/cc/driver/runtime-library.ts';
import { makeTempDir } from '../../../support/temp-dir.ts';

describe('sourceSaveMiddleware', () => {
  const root = makeTempDir('rvos-save-');
  const written: SourceChange[] = [];
  let server: Server;
  let url: string;

  beforeAll(async () => {
    cpSync(join(USERLAND_DIR, 'programs'), join(root, 'programs'), { recursive: true });
    cpSync(join(USERLAND_DIR, 'librvos'), join(root, 'librvos'), { recursive: true });
    cpSync(join(USERLAND_DIR, 'include'), join(root, 'include'), { recursive: true });
    symlinkSync(join(root, 'programs/hello/hello.c'), join(root, 'programs/hello/link.c'));
    const middleware = sourceSaveMiddleware(() => root, (change) => written.push(change));
    server = createServer((req, res) => middleware(req, res, () => { res.statusCode = 404; res.end(); }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${SOURCE_SAVE_PATH}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('writes an existing program or librvos source and reports the change', async () => {
    const response = await post({ path: 'programs/hello/hello.c', text: 'int main(void) { return 3; }\n' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(readFileSync(join(root, 'programs/hello/hello.c'), 'utf8')).toBe('int main(void) { return 3; }\n');
    expect((await post({ path: 'librvos/wire.c', text: '/* wire */\n' })).status).toBe(200);
    expect(written.map((c) => c.path)).toEqual(['programs/hello/hello.c', 'librvos/wire.c']);
  });

  it.each([
    ['programs/../../escape.c'], ['programs/hello/../../../etc/passwd.c'], ['../fixtures/userland/librvos/wire.c'],
    ['/etc/passwd.c'], ['librvos/./wire.c'], ['programs/hello\\hello.c'], ['include/rvos/abi.h'], ['programs/hello/new.c'],
    ['programs/hello/hello.txt'], ['crt0/crt0.S'], ['programs/hello/link.c'], [''],
  ])('refuses %j and writes nothing', async (path) => {
    const before = written.length;
    const response = await post({ path, text: 'x' });
    expect(response.status).toBe(400);
    expect(String((await response.json() as { error: string }).error)).not.toBe('');
    expect(written.length).toBe(before);
    expect(readFileSync(join(root, 'include/rvos/abi.h'), 'utf8')).toBe(readFileSync(join(USERLAND_DIR, 'include/rvos/abi.h'), 'utf8'));
  });

  it('refuses malformed, oversized, non-JSON, non-POST and cross-origin requests', async () => {
    expect((await post({ path: 'programs/hello/hello.c' })).status).toBe(400);
    expect((await post({ path: 'programs/hello/hello.c', text: 'x'.repeat(MAX_SOURCE_BYTES + 1) })).status).toBe(400);
    expect((await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"path":' })).status).toBe(400);
    expect((await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: 'x'.repeat(MAX_SOURCE_BYTES * 7) })).status).toBe(413);
    expect((await fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(415);
    expect((await fetch(url)).status).toBe(405);
    expect((await post({ path: 'programs/hello/hello.c', text: 'evil' }, { Origin: 'http://evil.example' })).status).toBe(403);
    expect(readFileSync(join(root, 'programs/hello/hello.c'), 'utf8')).toBe('int main(void) { return 3; }\n');
  });
});
