// `rvos boot --watch`'s reloader (emulator/cli/support/watch-reload.ts) on a
// real kernel: an edit written to a watched folder (a temporary copy, so the
// real fixtures stay untouched) restarts the running greeter with the new
// version and prints one reload-log line; a broken edit prints its diagnostics.

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReloadLog, startWatchReload } from '../../../../emulator/cli/support/watch-reload.ts';
import { encodeArgv } from '../../../../emulator/cli/support/guest-session.ts';
import { buildBootImage } from '../../../../emulator/host/boot-image.ts';
import { bootSystem } from '../../../../emulator/kernel/system/boot.ts';
import { USERLAND_DIR } from '../../../../emulator/toolchain/cc/driver/runtime-library.ts';
import { makeTempDir } from '../../../support/temp-dir.ts';

const GREETER = 'programs/greeter/greeter.c';

describe('rvos boot --watch', () => {
  it('hot-reloads a saved source into the running kernel and logs it', { timeout: 60_000 }, async () => {
    const root = makeTempDir('rvos-watch-');
    cpSync(join(USERLAND_DIR, 'programs/greeter'), join(root, 'programs/greeter'), { recursive: true });
    let out = '';
    let err = '';
    const decoder = new TextDecoder();
    const kernel = await bootSystem(buildBootImage(), {
      consoleOutput: (bytes) => { out += decoder.decode(bytes, { stream: true }); },
      start: ['/bin/fs', { path: '/bin/greet', argv: encodeArgv(['greet']) }],
    });
    const io = { stdout: () => {}, stderr: (text: string) => { err += text; }, stdin: undefined };
    const stop = startWatchReload(kernel, io, () => {}, root);
    const runUntil = async (done: () => boolean): Promise<void> => {
      const deadline = Date.now() + 20_000;
      while (!done()) {
        if (Date.now() > deadline) throw new Error(`timed out; console:\n${out}\nstderr:\n${err}`);
        const r = kernel.run(2_000_000);
        if (r.reason === 'waiting' && r.deadline !== undefined) kernel.advanceTimeTo(r.deadline);
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    try {
      await runUntil(() => out.includes('greeter v1: hello #2'));
      const source = readFileSync(join(USERLAND_DIR, GREETER), 'utf8');
      writeFileSync(join(root, GREETER), source.replace('"greeter v1"', '"greeter v2"'));
      await runUntil(() => out.includes('greeter v2: hello #'));
      expect(err).toMatch(/^reload: programs\/greeter\/greeter\.c: rebuilt greeter in [\d.]+ ms; installed \/bin\/greeter; restarted greeter \(pid \d+ -> \d+\); re-registered greeter/m);
      expect(out).toContain('greet: peer closed, reconnecting');
      writeFileSync(join(root, GREETER), source.replace('#define MAX_CLIENTS 8', '#define MAX_CLIENTS 8\nint broken = ;'));
      await runUntil(() => err.includes('build failed'));
      expect(err).toMatch(/build failed in [\d.]+ ms; nothing changed\n {2}programs\/greeter\/greeter\.c:\d+:\d+: error: /);
    } finally {
      stop();
    }
  });

  it('formats a build without changes', () => {
    expect(formatReloadLog('librvos/wire.c', { build: { ok: true, programs: ['a', 'b'], diagnostics: [], ms: 12 }, reload: { programs: [], ms: 0 } }))
      .toBe('reload: librvos/wire.c: rebuilt a, b in 12 ms; installed nothing (unchanged) (0 ms)\n');
  });
});
