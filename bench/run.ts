// The benchmark runner (`npm run bench`): runs every registered section and
// prints its tables. Sections live in their own folders under bench/ and are
// registered in SECTIONS below. Usage: tsx bench/run.ts [section-name ...] [--quick]

import type { BenchSection } from './support/bench-section.ts';
import { formatTable } from './support/format-table.ts';
import { ccSection } from './cc/cc-section.ts';
import { hartSection } from './hart/hart-section.ts';
import { kernelSection } from './kernel/kernel-section.ts';
import { graphSection } from './graph/graph-section.ts';
import { uiSection } from './ui/ui-section.ts';
import { hotReloadSection } from './hot-reload/hot-reload-section.ts';

/** Every benchmark section, in print order. Later sections (snapshots, display) register here. */
const SECTIONS: readonly BenchSection[] = [hartSection, ccSection, kernelSection, graphSection, uiSection, hotReloadSection];

async function main(argv: readonly string[]): Promise<void> {
  const quick = argv.includes('--quick');
  const wanted = argv.filter((a) => !a.startsWith('--'));
  const sections = SECTIONS.filter((s) => wanted.length === 0 || wanted.includes(s.name));
  if (sections.length === 0) throw new Error(`no such section: ${wanted.join(', ')} (have: ${SECTIONS.map((s) => s.name).join(', ')})`);
  const options = { targetSeconds: quick ? 0.3 : 1.5 };
  for (const section of sections) {
    for (const table of await section.run(options)) console.log(`${formatTable(table).join('\n')}\n`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
