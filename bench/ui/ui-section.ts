// `npm run bench` section "ui": the browser host in Debian's Chromium
// (playwright-core): time from `npm start` to the first painted display frame,
// and the display pane's frame rates while a guest draws without pause
// (issue 5 target: 60 fps at 1024x768 with dirty rectangles). Prints a note
// and measures nothing when /usr/bin/chromium is missing.

import { availableParallelism, loadavg } from 'node:os';
import { HAS_CHROMIUM, CHROMIUM } from '../../tests/e2e/support/browser-host.ts';
import type { BenchOptions, BenchSection, BenchTable } from '../support/bench-section.ts';
import { fixed } from '../support/format-table.ts';
import { measureFrameRates, type FrameRates } from './display-frame-rate.ts';
import { measureStartToFirstFrame, type StartTimes } from './start-to-first-frame.ts';

const FPS_TARGET = 60;

function startTable(t: StartTimes): BenchTable {
  return {
    title: 'browser host: npm start to first painted frame (ms)',
    headers: ['step', 'ms since start'],
    rows: [
      ['server up (URL printed, boot image built)', fixed(t.serverMs, 0)],
      ['page loaded in Chromium', fixed(t.pageLoadedMs, 0)],
      ['first display frame painted (after the Boot click)', fixed(t.firstFrameMs, 0)],
    ],
    notes: [`Boot click to first painted frame: ${fixed(t.bootToFrameMs, 0)} ms; start = node bin/start.mjs --browser (what npm start runs without Electron)`],
  };
}

function rateRow(r: FrameRates): string[] {
  const what = r.mode === 'box' ? 'bouncing 96x96 box (dirty rects)' : 'full 1024x768 repaint per step';
  return [what, fixed(r.uiFps, 1), fixed(r.framesReceivedPerS, 1), fixed(r.framesPaintedPerS, 1), fixed(r.paintsPerS, 1), fixed(r.guestFlushesPerS, 1)];
}

function rateTable(rates: readonly FrameRates[]): BenchTable {
  const box = rates.find((r) => r.mode === 'box');
  return {
    title: 'display pane while the guest draws continuously (per second)',
    headers: ['guest drawing', 'UI fps (rAF)', 'frames in', 'frames painted', 'paints', 'guest flushes'],
    rows: rates.map(rateRow),
    notes: [
      `${fixed(rates[0]?.seconds ?? 0, 1)} s windows at 1x scale; frames in = 'display-frame' events (the host sends at most ~60/s, coalescing flushes)`,
      `UI target ${FPS_TARGET} fps with dirty rectangles: ${box !== undefined && box.uiFps >= FPS_TARGET * 0.95 ? 'met' : 'MISSED'} (${fixed(box?.uiFps ?? 0, 1)} fps);`
        + ` the picture changed ${fixed(box?.paintsPerS ?? 0, 1)} times/s (bounded by the frames the host sent)`,
      `host load average during the run: ${loadavg().map((l) => l.toFixed(1)).join(', ')} (1, 5, 15 min) on ${availableParallelism()} cores`,
    ],
  };
}

export const uiSection: BenchSection = {
  name: 'ui',
  async run(options: BenchOptions): Promise<BenchTable[]> {
    if (!HAS_CHROMIUM) {
      console.log(`ui: skipped, ${CHROMIUM} is not installed`);
      return [];
    }
    const start = await measureStartToFirstFrame();
    const rates = await measureFrameRates(Math.max(2, options.targetSeconds * 2));
    return [startTable(start), rateTable(rates)];
  },
};
