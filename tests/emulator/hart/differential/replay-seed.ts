// CLI: replay (and optionally shrink) one differential-test seed.
//   npx tsx tests/emulator/hart/differential/replay-seed.ts <seed> [--fuzz] [--shrink] [--record] [--asm] [--ext imac]
//   <seed>    the program seed printed by the test (decimal or 0x hex)
//   --fuzz    the seed comes from encoding-fuzz.test.ts (raw instruction words), not differential.test.ts
//   --asm     print the full generated assembly    --shrink  delta-debug a mismatch and print the small program
//   --record  append the shrunk mismatch to .notes/hart-bugs-differential.txt    --ext  extensions (default imafc)
// RVOS_DIFF_ITEMS and RVOS_DIFF_EXT apply as in the test (settings.ts), so a seed replays the same program.

import { describeShrunk, recordShrunk, shrinkProgram } from './campaign.ts';
import { checkProgram, findOracle } from './differential.ts';
import { generateFuzzProgram } from './encoding-fuzz.ts';
import { HartRunner } from './hart-runner.ts';
import { renderProgram } from './program-model.ts';
import { ALL_EXTENSIONS, generateProgram, type Extension } from './program-generator.ts';
import { parseSeed, settingsFromEnv } from './settings.ts';

async function main(args: readonly string[]): Promise<number> {
  const seedText = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--ext');
  if (seedText === undefined) {
    console.error('usage: replay-seed.ts <seed> [--fuzz] [--shrink] [--record] [--asm] [--ext imafc]');
    return 2;
  }
  const extIndex = args.indexOf('--ext');
  const fromEnv = settingsFromEnv().generator;
  const extensions: readonly Extension[] = extIndex < 0 ? fromEnv.extensions
    : ALL_EXTENSIONS.filter((e) => (args[extIndex + 1] ?? '').includes(e));
  const oracle = findOracle();
  if (oracle === undefined) {
    console.error('needs riscv64 binutils and qemu-riscv64 on PATH');
    return 2;
  }
  const seed = parseSeed(seedText);
  const program = args.includes('--fuzz') ? generateFuzzProgram(seed) : generateProgram(seed, { ...fromEnv, extensions });
  if (args.includes('--asm')) console.log(renderProgram(program));
  const hart = await HartRunner.create();
  const outcome = await checkProgram(oracle, hart, program);
  if (outcome.status === 'match') {
    console.log(`seed ${seed}: match (${outcome.retired === 0n ? 'both stopped on the same trap' : `${outcome.retired} instructions retired`})`);
    return 0;
  }
  console.log(`seed ${seed}: ${outcome.status === 'mismatch' ? outcome.mismatch.details.join('\n') : outcome.reason}`);
  if (outcome.status === 'mismatch' && args.includes('--shrink')) {
    const replay = `npx tsx tests/emulator/hart/differential/replay-seed.ts ${args.join(' ')}`;
    const report = await shrinkProgram(oracle, hart, program, replay);
    console.log(describeShrunk(report));
    if (args.includes('--record')) recordShrunk(report);
  }
  return 1;
}

process.exitCode = await main(process.argv.slice(2));
