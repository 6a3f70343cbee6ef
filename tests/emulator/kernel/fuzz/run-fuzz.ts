// `npm run fuzz -- --minutes N [--seed S] [--check-every-call]`: the syscall fuzzer for long runs.
// Runs generated programs until the time is up, prints progress and the
// totals (syscalls per minute); for each failure its seed, what failed, the
// program reduced to a few calls and a regression test case to paste into
// tests/emulator/kernel/fuzz/regressions.test.ts. `--replay S` replays one seed.
// Exit status 1 when anything failed.

import { runCampaign, replaySeed } from './campaign.ts';
import { formatRegression, describeCall } from './fuzz-program.ts';
import { generateProgram } from './generator.ts';
import { reduceProgram } from './reducer.ts';
import type { CampaignFailure } from './campaign.ts';
import type { FuzzMachineOptions } from './executor.ts';

interface Options {
  minutes: number;
  seed: number;
  replay: number | undefined;
  reduce: boolean;
  checkEveryCall: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { minutes: 1, seed: Date.now() % 1_000_000_000, replay: undefined, reduce: true, checkEveryCall: false };
  for (let i = 0; i < argv.length; i++) {
    const value = () => Number(argv[++i]);
    switch (argv[i]) {
      case '--minutes': options.minutes = value(); break;
      case '--seed': options.seed = value(); break;
      case '--replay': options.replay = value(); break;
      case '--no-reduce': options.reduce = false; break;
      case '--check-every-call': options.checkEveryCall = true; break;
      default: throw new Error(`usage: npm run fuzz -- [--minutes N] [--seed S] [--replay SEED] [--no-reduce] [--check-every-call] (unknown ${argv[i]})`);
    }
  }
  return options;
}

async function report(failure: CampaignFailure, reduce: boolean, machine: FuzzMachineOptions): Promise<void> {
  console.log(`\nFAILURE at seed ${failure.seed} (replay: npm run fuzz -- --replay ${failure.seed})`);
  for (const f of failure.failures.slice(0, 10)) console.log(`  ${f.split('\n').slice(0, 6).join('\n    ')}`);
  if (!reduce) return;
  const reduced = await reduceProgram(generateProgram(failure.seed), machine);
  if (reduced.failure === undefined) {
    console.log('  (does not reproduce alone on a fresh kernel: it depends on earlier programs of the run)');
    return;
  }
  console.log(`  reduced to ${reduced.program.calls.length} calls:`);
  for (const c of reduced.program.calls) console.log(`    ${describeCall(c)}`);
  console.log('  regression test:\n' + formatRegression(reduced.program, reduced.failure));
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const machine: FuzzMachineOptions = { checkEveryCall: options.checkEveryCall };
  if (options.replay !== undefined) {
    const failures = await replaySeed(options.replay, machine);
    if (failures.length === 0) console.log(`seed ${options.replay}: clean`);
    else await report({ seed: options.replay, failures }, options.reduce, machine);
    process.exitCode = failures.length === 0 ? 0 : 1;
    return;
  }
  const end = Date.now() + options.minutes * 60_000;
  console.log(`fuzzing for ${options.minutes} min from seed ${options.seed}`);
  const found: CampaignFailure[] = [];
  let [seed, programs, calls, syscalls, ms] = [options.seed, 0, 0, 0, 0];
  while (Date.now() < end) {
    const r = await runCampaign({ firstSeed: seed, machine, until: Math.min(end, Date.now() + 15_000), onFailure: (f) => { found.push(f); console.log(`failure at seed ${f.seed}: ${f.failures[0]!.split('\n')[0]}`); } });
    [seed, programs, calls, syscalls, ms] = [r.nextSeed, programs + r.programs, calls + r.calls, syscalls + r.syscalls, ms + r.ms];
    console.log(`${programs} programs, ${syscalls} syscalls (${calls} direct), ${Math.round(syscalls / (ms / 60_000))}/min, ${found.length} failing`);
  }
  for (const f of found) await report(f, options.reduce, machine);
  console.log(`\ndone: ${programs} programs (seeds ${options.seed}..${seed - 1}), ${syscalls} syscalls in ${(ms / 1000).toFixed(1)} s, ${Math.round(syscalls / (ms / 60_000))} syscalls/min, ${found.length} failing programs`);
  process.exitCode = found.length === 0 ? 0 : 1;
}

await main();
