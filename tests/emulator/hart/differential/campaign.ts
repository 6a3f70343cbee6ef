// A differential campaign: programs for seeds derived from a base seed are
// built and run on QEMU a few at a time (child processes) while the hart runs
// them one by one; mismatches are shrunk and appended to the bug notes file.

import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkProgram, judge, prepare, type Oracle, type Outcome, type Prepared } from './differential.ts';
import type { ProgramRunner } from './hart-runner.ts';
import { deriveSeed } from './prng.ts';
import { countLines, renderItems, type Program } from './program-model.ts';
import { ALL_EXTENSIONS, DEFAULT_OPTIONS, generateProgram, type GeneratorOptions } from './program-generator.ts';
import { shrinkItems } from './shrink.ts';

/** Shared notes file of the checkout (the repository's .notes folder). */
export const BUG_NOTES = fileURLToPath(new URL('../../../../.notes/hart-bugs-differential.txt', import.meta.url));

export interface CampaignOptions {
  readonly baseSeed: number;
  readonly count: number;
  readonly generator: GeneratorOptions;
  /** Programs built/run on QEMU concurrently. */
  readonly jobs: number;
  /** Program of a seed; default: generateProgram(seed, generator). */
  readonly generate?: (seed: number) => Program;
}

export interface Failure {
  readonly seed: number;
  readonly outcome: Outcome;
}

export interface CampaignResult {
  readonly programs: number;
  readonly instructions: number;
  readonly retired: bigint;
  readonly failures: readonly Failure[];
}

/** Returns every seed's outcome summary; never throws for a failing program (it is recorded instead). */
export async function runCampaign(oracle: Oracle, hart: ProgramRunner, options: CampaignOptions): Promise<CampaignResult> {
  const programs: Program[] = [];
  const pending: Promise<Prepared | string>[] = [];
  const start = (i: number): void => {
    const seed = deriveSeed(options.baseSeed, i);
    programs[i] = options.generate === undefined ? generateProgram(seed, options.generator) : options.generate(seed);
    pending[i] = prepare(oracle, programs[i]);
  };
  for (let i = 0; i < Math.min(options.jobs, options.count); i++) start(i);
  let instructions = 0;
  let retired = 0n;
  const failures: Failure[] = [];
  for (let i = 0; i < options.count; i++) {
    const prepared = await pending[i];
    if (i + options.jobs < options.count) start(i + options.jobs);
    const outcome = judge(hart, prepared);
    instructions += countLines(programs[i].items);
    if (outcome.status === 'match') retired += outcome.retired;
    else failures.push({ seed: programs[i].seed, outcome });
  }
  return { programs: options.count, instructions, retired, failures };
}

export interface ShrunkReport {
  readonly seed: number;
  /** Shell command that replays the seed. */
  readonly replay: string;
  readonly asm: string;
  readonly itemsBefore: number;
  readonly outcome: Outcome;
  readonly tests: number;
}

/** Returns the shrunk program of a failing seed and its outcome; the outcome is 'match' only if the failure did not reproduce. */
export async function shrinkSeed(
  oracle: Oracle, hart: ProgramRunner, seed: number, generator: GeneratorOptions = DEFAULT_OPTIONS, maxTests = 600,
): Promise<ShrunkReport> {
  const replay = `${replayEnv(generator)}npx tsx tests/emulator/hart/differential/replay-seed.ts ${seed} --shrink`;
  return shrinkProgram(oracle, hart, generateProgram(seed, generator), replay, maxTests);
}

/** Returns `program` shrunk while it keeps failing (see shrinkSeed). */
export async function shrinkProgram(
  oracle: Oracle, hart: ProgramRunner, program: Program, replay: string, maxTests = 600,
): Promise<ShrunkReport> {
  let tests = 0;
  const original = await checkProgram(oracle, hart, program);
  const key = original.status === 'mismatch' ? failureKey(original.mismatch.details) : '';
  const fails = (strict: boolean) => async (items: Program['items']): Promise<boolean> => {
    tests++;
    const o = await checkProgram(oracle, hart, { ...program, items });
    return o.status === 'mismatch' && (!strict || o.mismatch.details.some((d) => d.startsWith(key)));
  };
  // First keep the original difference (no drift to another bug), then, inside
  // that chain, accept any difference: it is almost always the same root cause, nearer its origin.
  let items = program.items;
  if (key !== '') {
    items = await shrinkItems(items, fails(true), { maxTests: Math.ceil(maxTests * 0.7) });
    items = await shrinkItems(items, fails(false), { maxTests: Math.floor(maxTests * 0.3) });
  }
  const outcome = await checkProgram(oracle, hart, { ...program, items });
  return { seed: program.seed, replay, asm: renderItems(items), itemsBefore: program.items.length, outcome, tests };
}

/**
 * Returns what a shrunk program must keep failing on: a differing location
 * ("f3:", "scratch+16:"; the observation registers x29/x30 only when nothing
 * else differs), or the hart error up to its pc, so shrinking does not drift to another bug.
 */
function failureKey(details: readonly string[]): string {
  const located = details.filter((d) => /^(x\d+|f\d+|fcsr|scratch\+\d+|trap):/.test(d));
  if (located.length > 0) {
    const direct = located.find((d) => !/^x(29|30):/.test(d)) ?? located[0];
    return direct.slice(0, direct.indexOf(':') + 1);
  }
  const first = details[0] ?? '';
  const at = first.indexOf(' at pc');
  return at > 0 ? first.slice(0, at) : first;
}

/** Returns the text block describing one shrunk failure (for test output and the notes file). */
export function describeShrunk(report: ShrunkReport): string {
  const o = report.outcome;
  const detail = o.status === 'mismatch' ? o.mismatch.details.join('\n') : o.status === 'invalid' ? o.reason : 'did not reproduce';
  return [
    `seed ${report.seed}: shrunk from ${report.itemsBefore} items in ${report.tests} runs; replay with`,
    `  ${report.replay}`,
    'program (between the fixed prologue: x9=scratch, x2=scratch+2048, fcsr=0 and the dump epilogue; other registers start at 0):',
    report.asm,
    'expected (qemu-riscv64) vs actual (hart):',
    detail,
  ].join('\n');
}

function replayEnv(generator: GeneratorOptions): string {
  let env = '';
  if (generator.bodyItems !== DEFAULT_OPTIONS.bodyItems) env += `RVOS_DIFF_ITEMS=${generator.bodyItems} `;
  if (generator.extensions.join('') !== ALL_EXTENSIONS.join('')) env += `RVOS_DIFF_EXT=${generator.extensions.join('')} `;
  return env;
}

/** Appends the report to the shared bug notes unless the same shrunk program is already there. */
export function recordShrunk(report: ShrunkReport, file = BUG_NOTES): void {
  if (report.outcome.status !== 'mismatch') return;
  if (existsSync(file) && readFileSync(file, 'utf8').includes(report.asm)) return;
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `\n=== differential mismatch (${new Date().toISOString()})\n${describeShrunk(report)}\n`);
}
