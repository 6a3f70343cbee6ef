// One differential check: render a program, build it, run it on QEMU user
// mode and on our hart, compare the dumps. Used by differential.test.ts, the
// shrinker's predicate and the replay CLI.

import { readFileSync } from 'node:fs';
import { compareDumps, type Mismatch } from './dump-compare.ts';
import type { HartResult, ProgramRunner } from './hart-runner.ts';
import { renderProgram, type Program } from './program-model.ts';
import { findQemu, runOnQemu, type QemuResult, type QemuSignal } from './qemu-runner.ts';
import { buildElf, findBinutils, type Binutils } from './toolchain.ts';

export interface Oracle {
  readonly tools: Binutils;
  readonly qemu: string;
}

/** Returns the assembler/linker and QEMU when all are installed, else undefined (tests skip). */
export function findOracle(): Oracle | undefined {
  const tools = findBinutils();
  const qemu = findQemu();
  return tools !== undefined && qemu !== undefined ? { tools, qemu } : undefined;
}

export type Outcome =
  | { readonly status: 'match'; readonly retired: bigint }
  | { readonly status: 'mismatch'; readonly mismatch: Mismatch }
  /** The program itself is bad (does not build, or QEMU rejects it): a generator/shrinker problem. */
  | { readonly status: 'invalid'; readonly reason: string };

export interface Prepared {
  readonly elf: Uint8Array;
  /** QEMU's dump, or the signal that killed the program there. */
  readonly expected: QemuResult;
}

/** Returns the built ELF and QEMU's output for `program` (the part that runs in child processes). */
export async function prepare(oracle: Oracle, program: Program): Promise<Prepared | string> {
  try {
    const elfPath = await buildElf(oracle.tools, renderProgram(program));
    const expected = await runOnQemu(oracle.qemu, elfPath);
    return { elf: readFileSync(elfPath), expected };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Returns the outcome of running a prepared program on the hart and comparing with QEMU. */
export function judge(hart: ProgramRunner, prepared: Prepared | string): Outcome {
  if (typeof prepared === 'string') return { status: 'invalid', reason: prepared };
  const result = hart.run(prepared.elf);
  if (!(prepared.expected instanceof Uint8Array)) return judgeSignal(prepared.expected, result);
  if (!result.ok) return { status: 'mismatch', mismatch: { first: result.error, details: [result.error] } };
  const mismatch = compareDumps(prepared.expected, result.output);
  return mismatch === undefined ? { status: 'match', retired: result.retired } : { status: 'mismatch', mismatch };
}

/** mcause values that QEMU user mode turns into each signal. */
const SIGNAL_CAUSES: Record<string, readonly bigint[]> = {
  SIGILL: [2n], SIGTRAP: [3n], SIGBUS: [4n, 6n], SIGSEGV: [1n, 5n, 7n, 12n, 13n, 15n],
};

/** Returns 'match' when the hart took the trap QEMU turned into `sig`, at the same pc (SIGILL) or address. */
function judgeSignal(sig: QemuSignal, result: HartResult): Outcome {
  const where = `0x${sig.addr.toString(16)}`;
  const expected = `${sig.signal} at ${where}`;
  const fail = (actual: string): Outcome => {
    const line = `trap: expected ${expected} (qemu), actual ${actual} (hart)`;
    return { status: 'mismatch', mismatch: { first: line, details: [line] } };
  };
  if (result.ok) return fail('no trap, ran to exit');
  if (result.trap === undefined) return fail(result.error);
  const { cause, pc, tval } = result.trap;
  const causeOk = (SIGNAL_CAUSES[sig.signal] ?? []).includes(cause);
  const addrOk = sig.signal === 'SIGILL' || sig.signal === 'SIGTRAP' ? pc === sig.addr : tval === sig.addr;
  return causeOk && addrOk ? { status: 'match', retired: 0n } : fail(result.error);
}

/** Returns the outcome for one program: build, QEMU, hart, compare. */
export async function checkProgram(oracle: Oracle, hart: ProgramRunner, program: Program): Promise<Outcome> {
  return judge(hart, await prepare(oracle, program));
}
