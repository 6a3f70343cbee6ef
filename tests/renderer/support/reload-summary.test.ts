// Reload log entries from save results: what was rebuilt, build and reload
// times, restarted instances and re-registered services, failed builds.

import { describe, expect, it } from 'vitest';
import { describeReload, reloadLogEntry } from '../../../renderer/src/support/reload-summary.ts';

const at = new Date(2026, 0, 2, 9, 8, 7);

describe('reloadLogEntry and describeReload', () => {
  it('describes a reload that restarted a service', () => {
    const entry = reloadLogEntry({
      path: 'programs/fs/tree.c',
      build: { ok: true, programs: ['fs'], diagnostics: [{ path: 'programs/fs/tree.c', line: 1, column: 1, severity: 'warning', message: 'w' }], ms: 41.6 },
      reload: { programs: [{ name: 'fs', binPath: '/bin/fs', restarted: [{ oldPid: 8, newPid: 12 }], reRegistered: ['fs'] }], ms: 2.2 },
    }, at);
    expect(entry).toMatchObject({ at: '09:08:07', ok: true, programs: ['fs'], restarted: ['fs 8→12'], reRegistered: ['fs'], errors: 0, warnings: 1 });
    expect(describeReload(entry)).toBe('tree.c: rebuilt fs in 42 ms, reloaded in 2 ms, restarted fs 8→12, re-registered fs');
  });

  it('says a failed build left the VM unchanged', () => {
    const entry = reloadLogEntry({
      path: 'librvos/wire.c',
      build: { ok: false, programs: ['hello', 'shell'], diagnostics: [{ path: 'librvos/wire.c', line: 3, column: 1, severity: 'error', message: 'e' }], ms: 12 },
    }, at);
    expect(entry.reloadMs).toBeUndefined();
    expect(describeReload(entry)).toBe('wire.c: build of hello, shell failed in 12 ms (1 error); VM unchanged');
  });
});
