// Hot reloads are inputs (DESIGN decision 3): a VmHost session that edits a
// program through 'source-save' records the reload in its input log, and the
// log replayed on a fresh boot reaches the same state hash.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBootImage } from '../../../../emulator/host/boot-image.ts';
import { applyDisplayInput } from '../../../../emulator/host/display-bridge.ts';
import { parseInputLog, encodeInputLog } from '../../../../emulator/host/snapshot/input-log.ts';
import { replayInputLog } from '../../../../emulator/host/snapshot/replay.ts';
import { vmStateHash } from '../../../../emulator/host/snapshot/state-hash.ts';
import { bootSystem } from '../../../../emulator/kernel/system/boot.ts';
import { USERLAND_DIR } from '../../../../emulator/toolchain/cc/driver/runtime-library.ts';
import { ReloadHarness } from './reload-harness.ts';

const HELLO = 'programs/hello/hello.c';

describe('hot reload in the input log', () => {
  it('records the reload and a replay on a fresh boot gives the same state hash', { timeout: 120_000 }, async () => {
    const h = new ReloadHarness();
    try {
      await h.request('boot');
      await h.waitFor('rvos> ');
      const original = readFileSync(join(USERLAND_DIR, HELLO), 'utf8');
      const edited = original.replace(/printf\("([^"]*)/, 'printf("replayed edit: $1');
      expect(edited).not.toBe(original);
      const result = await h.request('source-save', { path: HELLO, text: edited });
      expect(result.build.ok).toBe(true);
      const at = h.console.length;
      h.type('hello\r');
      await h.waitFor('replayed edit: ', at);
      await h.waitFor('rvos> ', at);
      await h.request('pause');
      const { hash } = await h.request('state-hash');
      const log = parseInputLog(encodeInputLog(h.host.inputLog()));
      expect(log.events.filter((e) => e.kind === 'reload').map((e) => e.kind === 'reload' && e.path)).toEqual(['/bin/hello']);

      const kernel = await bootSystem(buildBootImage(), { machine: { ramSize: (log.boot?.ramMib ?? 128) * 1024 * 1024 } });
      replayInputLog(kernel, log, { display: applyDisplayInput });
      expect(await vmStateHash(kernel)).toBe(hash);
    } finally {
      h.host.dispose();
    }
  });
});
