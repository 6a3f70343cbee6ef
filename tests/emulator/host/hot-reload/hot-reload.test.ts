// Hot reload end to end (emulator/host/hot-reload): boots rvos headless in a
// VmHost, runs the greet/greeter demo, changes sources through 'source-save',
// and checks the new version runs, other processes keep their pids, clients
// get peer-closed and reconnect, a broken edit changes nothing, and nothing leaks.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERLAND_DIR } from '../../../../emulator/toolchain/cc/driver/runtime-library.ts';
import { buildProgramInMemory } from '../../../../emulator/host/userland-build/build-in-memory.ts';
import { diskSourceTree } from '../../../../emulator/host/userland-build/disk-source-tree.ts';
import { setSource } from '../../../../emulator/host/userland-build/source-tree.ts';
import { readElf } from '../../../../emulator/toolchain/elf/elf-reader.ts';
import { SymbolMap } from '../../../../emulator/toolchain/elf/symbol-map.ts';
import { objectCounts, ReloadHarness } from './reload-harness.ts';

const GREETER = 'programs/greeter/greeter.c';
const GREET = 'programs/greet/greet.c';
const original = (path: string): string => readFileSync(join(USERLAND_DIR, path), 'utf8');
const GREETER_V2 = original(GREETER).replace('"greeter v1"', '"greeter v2"');

/** The greeter v2 binary (what the reload installs). */
function greeterV2(): Uint8Array {
  const tree = diskSourceTree(['greeter']);
  setSource(tree, GREETER, GREETER_V2);
  return buildProgramInMemory(tree, 'greeter').elf!;
}

/** Polls `read` until it equals `expected` (or returns the last value after `ms`). */
async function settle<T>(read: () => Promise<T>, expected: T, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (JSON.stringify(value) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

describe('hot reload', () => {
  let h: ReloadHarness;
  beforeAll(async () => {
    h = new ReloadHarness();
    await h.request('boot');
    await h.waitFor('rvos> ');
    h.type('greet 1000\r');
    await h.waitFor('greeter v1: hello #3');
  }, 180_000);
  afterAll(() => h.host.dispose());

  it('restarts a changed service: new clients reach the new version, the old client gets peer-closed and reconnects, other pids stay', { timeout: 60_000 }, async () => {
    const pids = { shell: await h.pidOf('shell'), fs: await h.pidOf('fs'), greet: await h.pidOf('greet'), greeter: await h.pidOf('greeter') };
    const snapBefore = await h.request('introspect');
    const before = objectCounts(snapBefore, ['greeter', 'fs']);
    const at = h.console.length;
    const result = await h.request('source-save', { path: GREETER, text: GREETER_V2 });
    expect(result.build).toMatchObject({ ok: true, programs: ['greeter'], diagnostics: [] });
    expect(result.reload?.programs).toEqual([{ name: 'greeter', binPath: '/bin/greeter', restarted: [{ oldPid: pids.greeter, newPid: expect.any(Number) }], reRegistered: ['greeter'] }]);
    await h.waitFor('greet: peer closed, reconnecting', at);
    await h.waitFor('greeter v2: hello #', at);
    expect(h.console.slice(at)).not.toContain('greeter v1');
    expect(await h.pidOf('greeter')).toBe(result.reload!.programs[0]!.restarted[0]!.newPid);
    expect({ shell: await h.pidOf('shell'), fs: await h.pidOf('fs'), greet: await h.pidOf('greet') }).toEqual({ shell: pids.shell, fs: pids.fs, greet: pids.greet });
    // The old instance's frames, handles and channels are gone; init's write to fs has ended.
    expect(await settle(async () => objectCounts(await h.request('introspect'), ['greeter', 'fs']), before)).toEqual(before);
    // fs now owns the new /bin/greeter's buffer (the old one was borrowed from the initrd): its size rounded up to a power of two.
    const fsFrames = (snap: typeof snapBefore): number => snap.frames.perProcess.find((f) => f.pid === pids.fs)!.frames;
    const grown = fsFrames(await h.request('introspect')) - fsFrames(snapBefore);
    const bufferPages = 2 ** Math.ceil(Math.log2(greeterV2().length)) / 4096;
    expect(grown).toBeGreaterThanOrEqual(bufferPages);
    expect(grown).toBeLessThanOrEqual(bufferPages + 2); // + page-table pages
    expect(h.reloads.at(-1)).toMatchObject({ path: GREETER, build: { ok: true } });
  });

  it('reports a broken edit with line and column and leaves the running version untouched', { timeout: 30_000 }, async () => {
    const pid = await h.pidOf('greeter');
    const text = original(GREETER).replace('"greeter v1"', '"greeter v3"').replace('static size_t count;', 'static size_t count = ;');
    const line = text.split('\n').findIndex((l) => l.includes('count = ;')) + 1;
    const result = await h.request('source-save', { path: GREETER, text });
    expect(result.build.ok).toBe(false);
    expect(result.reload).toBeUndefined();
    expect(result.build.diagnostics).toContainEqual({ path: GREETER, line, column: 'static size_t count = '.length + 1, severity: 'error', message: expect.any(String) });
    const at = h.console.length;
    await h.waitFor('greeter v2: hello #', at);
    expect(await h.pidOf('greeter')).toBe(pid);
    expect(h.console.slice(at)).not.toContain('greeter v3');
    // Fixing the edit back to what runs builds the same binary: nothing is restarted.
    const fixed = await h.request('source-save', { path: GREETER, text: GREETER_V2 });
    expect(fixed).toMatchObject({ build: { ok: true }, reload: { programs: [] } });
    expect(await h.pidOf('greeter')).toBe(pid);
  });

  let clientRestartAt = 0;
  it('restarts a changed client with its arguments and stdio', { timeout: 30_000 }, async () => {
    const greeter = await h.pidOf('greeter');
    const old = await h.pidOf('greet');
    const at = h.console.length;
    clientRestartAt = at;
    const result = await h.request('source-save', { path: GREET, text: original(GREET).replace('printf("%s\\n", line);', 'printf("[new] %s\\n", line);') });
    expect(result.reload?.programs[0]?.restarted).toEqual([{ oldPid: old, newPid: expect.any(Number) }]);
    await h.waitFor('greet: asking 1000 times', at);
    await h.waitFor('[new] greeter v2: hello #1', at);
    expect(await h.pidOf('greeter')).toBe(greeter);
  });

  it('has written the new binary into the file server\'s /bin (later starts load it)', { timeout: 30_000 }, async () => {
    const size = greeterV2().length;
    await h.waitFor('rvos> ', clientRestartAt); // the shell's wait for the old greet ended
    const at = h.console.length;
    h.type('ls /bin\r');
    await h.waitFor(/greeter\n[^]*rvos> /, at);
    expect(h.console.slice(at)).toMatch(new RegExp(`\\b${size}  greeter\n`));
    expect(h.console).not.toContain('cannot write');
  });

  it('names the function a reloaded process is in from the new binary\'s symbols', async () => {
    const greeter = (await h.request('introspect')).processes.find((p) => p.name === 'greeter' && p.state !== 'zombie')!;
    expect(greeter.function).toBe(SymbolMap.fromElf(readElf(greeterV2())).describe(BigInt(greeter.pc!)));
    expect(greeter.function).toEqual(expect.any(String));
  });

  it('rebuilds every program after a librvos edit and restarts none whose binary did not change', { timeout: 60_000 }, async () => {
    const path = 'librvos/wire.c';
    const result = await h.request('source-save', { path, text: `${original(path)}\n/* edited */\n` });
    expect(result.build.ok).toBe(true);
    expect(result.build.programs).toEqual(expect.arrayContaining(['fs', 'greet', 'greeter', 'hello', 'shell']));
    expect(result.reload?.programs).toEqual([]);
  });

  it('writes the newest image when saves follow each other faster than init writes', { timeout: 30_000 }, async () => {
    const long = original(GREETER).replace('"greeter v1"', `"greeter v4 ${'x'.repeat(3000)}"`);
    const short = original(GREETER).replace('"greeter v1"', '"greeter v5"');
    await h.request('source-save', { path: GREETER, text: long });
    const last = await h.request('source-save', { path: GREETER, text: short });
    expect(last.reload?.programs[0]?.restarted).toHaveLength(1);
    const tree = diskSourceTree(['greeter']);
    setSource(tree, GREETER, short);
    const size = buildProgramInMemory(tree, 'greeter').elf!.length;
    const at = h.console.length;
    let listing = '';
    for (let attempt = 0; attempt < 20 && !listing.includes(`${size}  greeter`); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100)); // init writes /bin/greeter in the background
      const from = h.console.length;
      h.type('ls /bin\r');
      await h.waitFor(/greeter\n[^]*rvos> /, from);
      listing = h.console.slice(from);
    }
    expect(listing).toMatch(new RegExp(`\\b${size}  greeter\n`));
    await h.waitFor('greeter v5: hello #', at);
  });

  it('keeps the kernel snapshot-able mid-reload, and the restored VM runs on (init\'s reload state is plain data)', { timeout: 30_000 }, async () => {
    await h.request('source-save', { path: GREETER, text: original(GREETER).replace('"greeter v1"', '"greeter v6"') });
    const saved = await h.request('snapshot-save', { description: 'during a hot reload' });
    expect(saved.info.description).toBe('during a hot reload');
    await h.waitFor('greeter v6: hello #');
    await h.request('snapshot-load', { bytes: saved.bytes });
    const at = h.console.length;
    await h.waitFor(/greeter v6: hello #\d+\n/, at); // the restored VM goes on with the reloaded greeter
  });

  it('refuses a path outside the editable sources', async () => {
    await expect(h.request('source-save', { path: '../../package.json', text: '' })).rejects.toThrow(/not an editable userland source/);
    await expect(h.request('source-save', { path: 'programs/x/../../y.c', text: '' })).rejects.toThrow(/not an editable/);
  });
});
