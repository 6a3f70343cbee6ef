// `npm run bench` section "graph": the live capability graph's figures (issue 9):
// what the host's diff feed costs the VM (target < 5 % of its speed), latency
// from a spawn in the shell to its node on screen and from the host's diff to
// the frame, and the frame rate with 64 processes and 64 channels. The browser
// part needs Debian's Chromium and is skipped without it.

import { HAS_CHROMIUM } from '../../tests/e2e/support/browser-host.ts';
import type { BenchOptions, BenchSection, BenchTable } from '../support/bench-section.ts';
import { measureFeedCost, type FeedCost } from './feed-cost.ts';
import { measureGraphInBrowser, type GraphBrowserFigures } from './graph-browser.ts';

const COST_TARGET_PERCENT = 5;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? NaN;
}

function feedTable(cost: FeedCost, rounds: number): BenchTable {
  return {
    title: 'capability graph feed: VM speed running the guest `bench` program',
    headers: ['feed', 'MIPS per CPU second (best run)', 'diffs sent'],
    rows: [['off', cost.offMips.toFixed(1), '0'], ['on (subscribed)', cost.onMips.toFixed(1), String(cost.diffs)]],
    notes: [
      `best of ${rounds} alternating runs each; difference ${cost.costPercent.toFixed(1)} % (noisy on a shared machine)`,
      `one emission (snapshot + diff) takes ${cost.emissionMs.toFixed(2)} ms, at most one per 150 ms: bound ${cost.boundPercent.toFixed(2)} % of the VM's time`,
      `target < ${COST_TARGET_PERCENT} %: ${cost.boundPercent < COST_TARGET_PERCENT ? 'met' : 'MISSED'}`,
    ],
  };
}

function browserTable(f: GraphBrowserFigures): BenchTable {
  return {
    title: 'capability graph in Chromium (browser host)',
    headers: ['figure', 'value'],
    rows: [
      ['spawn (Enter on `shell`) to its node in the graph, median ms', median(f.spawnToNodeMs).toFixed(0)],
      ['host diff sent to the frame showing it, median ms', median(f.diffToFrameMs).toFixed(1)],
      [`frame rate with ${f.nodes} nodes, ${f.edges} edges, a diff every 150 ms, fps`, f.fps.toFixed(1)],
    ],
    notes: [
      `spawns: ${f.spawnToNodeMs.join(', ')} ms; diff to frame: ${f.diffToFrameMs.map((v) => v.toFixed(0)).join(', ')} ms (the feed throttles to one diff per 150 ms)`,
      `frame rate over ${f.fpsSeconds} s of a synthetic 64-process, 64-channel system fed into the real view, 6 animated sends per diff`,
    ],
  };
}

export const graphSection: BenchSection = {
  name: 'graph',
  async run(options: BenchOptions): Promise<BenchTable[]> {
    const rounds = options.targetSeconds < 1 ? 2 : 4;
    const tables = [feedTable(await measureFeedCost(rounds), rounds)];
    if (!HAS_CHROMIUM) {
      tables.push({ title: 'capability graph in Chromium', headers: ['figure'], rows: [], notes: ['skipped: /usr/bin/chromium is absent'] });
      return tables;
    }
    tables.push(browserTable(await measureGraphInBrowser(options.targetSeconds < 1 ? 2 : 4)));
    return tables;
  },
};
