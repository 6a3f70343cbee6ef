// `npm run bench` section "hot-reload": edit-to-running latency of the
// workbench's compile-on-save and hot reload for a 300-line C program
// (issue 8 target: under 300 ms), as median, min and max over several edits.

import type { BenchOptions, BenchSection, BenchTable } from '../support/bench-section.ts';
import { fixed } from '../support/format-table.ts';
import { measureEditToRunning } from './edit-to-running.ts';

const TARGET_MS = 300;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const hotReloadSection: BenchSection = {
  name: 'hot-reload',
  async run(options: BenchOptions): Promise<BenchTable[]> {
    const rounds = options.targetSeconds < 1 ? 3 : 9;
    const r = await measureEditToRunning(rounds);
    const row = (what: string, values: readonly number[]): string[] => [what, fixed(median(values), 1), fixed(Math.min(...values), 1), fixed(Math.max(...values), 1)];
    return [{
      title: `hot reload: edit to running, ${r.lines}-line program (ms, ${rounds} edits)`,
      headers: ['part', 'median', 'min', 'max'],
      rows: [row('save -> first output of the new version', r.latencies), row('of which build (compile + link)', r.builds)],
      notes: [`target: under ${TARGET_MS} ms (median ${median(r.latencies) < TARGET_MS ? 'meets it' : 'MISSES it'}); headless VmHost, the same path as the workbench's save`],
    }];
  },
};
