// Edit-to-running latency of hot reload: a headless VmHost (the workbench's
// host, no UI) runs the 300-line bench program (programs/reloadbench.c); each
// round saves it with a new VERSION through 'source-save' and times save ->
// the new version's first console line ("reloadbench vN ready").

import { readFileSync } from 'node:fs';
import { ReloadHarness } from '../../tests/emulator/host/hot-reload/reload-harness.ts';

/** Where the program goes in the userland tree (a new program folder, created by the first save). */
const TREE_PATH = 'programs/reloadbench/reloadbench.c';
const SOURCE = readFileSync(new URL('./programs/reloadbench.c', import.meta.url), 'utf8');

export interface EditToRunning {
  /** Save -> first output line of the new version, per round (ms). */
  readonly latencies: number[];
  /** The build part of each round (ms, as the host reports it). */
  readonly builds: number[];
  readonly lines: number;
}

const version = (n: number): string => SOURCE.replace('#define VERSION "v0"', `#define VERSION "v${n}"`);

/** Boots, starts the program from the shell, then times `rounds` edits. */
export async function measureEditToRunning(rounds: number): Promise<EditToRunning> {
  const h = new ReloadHarness();
  try {
    await h.request('boot');
    await h.waitFor('rvos> ');
    await h.request('source-save', { path: TREE_PATH, text: version(0) });
    await startProgram(h);
    const latencies: number[] = [];
    const builds: number[] = [];
    for (let n = 1; n <= rounds; n++) {
      const at = h.console.length;
      const start = performance.now();
      const result = await h.request('source-save', { path: TREE_PATH, text: version(n) });
      if (result.reload?.programs[0]?.restarted.length !== 1) throw new Error(`round ${n}: the program was not restarted`);
      await h.waitFor(`reloadbench v${n} ready`, at, 10_000);
      latencies.push(performance.now() - start);
      builds.push(result.build.ms);
    }
    return { latencies, builds, lines: SOURCE.split('\n').length - 1 };
  } finally {
    h.host.dispose();
  }
}

/** Types the program's name until it runs (its /bin file is written by init in the background after the first save). */
async function startProgram(h: ReloadHarness): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const at = h.console.length;
    h.type('reloadbench\r');
    try {
      await h.waitFor('reloadbench v0 ready', at, 1000);
      return;
    } catch {
      await h.waitFor('rvos> ', at, 5000);
    }
  }
  throw new Error('reloadbench never started');
}
