// The hart benchmark section: MIPS on the four workloads (compute, memory,
// branchy, compressed compute), the same programs under qemu-riscv64 where it
// is installed, and the host-trap syscall round-trip cost.

import { RAM_BASE } from '../../emulator/machine/memory-map.ts';
import type { BenchOptions, BenchSection, BenchTable } from '../support/bench-section.ts';
import { count, fixed } from '../support/format-table.ts';
import { guestElf, USER_BASE } from './guest-image.ts';
import { runOnHart, type HartRunResult } from './hart-runner.ts';
import { haveQemu, timeUnderQemu } from './qemu-user.ts';
import { exitOnly, syscallLoop, WORKLOADS, type Workload } from './workloads.ts';

const PROBE_ITERATIONS = 200_000;
/** QEMU runs are stretched to at least this long so its start-up cost is small against them. */
const QEMU_MIN_SECONDS = 0.5;

interface Measured {
  readonly iterations: number;
  readonly run: HartRunResult;
  /** Instructions per iteration and fixed overhead, from the probe and the main run. */
  readonly perIteration: number;
  readonly fixedCost: number;
}

/** Returns a loop count expected to run for `targetSeconds`, scaled from a run of `iterations`. */
function scaled(iterations: number, seconds: number, targetSeconds: number): number {
  return Math.min(2 ** 31 - 1, Math.max(2 * iterations, Math.round((iterations * targetSeconds) / Math.max(seconds, 1e-3))));
}

/**
 * Runs a short probe, then runs sized for `targetSeconds` (re-sized while the
 * first ones come out short: wasm tiers up during the probe); returns the last
 * run and the linear instruction model (probe vs last run).
 */
async function measure(build: (iterations: number) => Uint8Array, targetSeconds: number): Promise<Measured> {
  const probe = await runOnHart(guestElf(build(PROBE_ITERATIONS), RAM_BASE));
  let iterations = PROBE_ITERATIONS;
  let run = probe;
  for (let attempt = 0; attempt < 3 && (attempt === 0 || run.seconds < 0.7 * targetSeconds); attempt++) {
    iterations = scaled(iterations, run.seconds, targetSeconds);
    run = await runOnHart(guestElf(build(iterations), RAM_BASE));
  }
  const perIteration = Number(run.instructions - probe.instructions) / (iterations - PROBE_ITERATIONS);
  return { iterations, run, perIteration, fixedCost: Number(run.instructions) - perIteration * iterations };
}

function mips(instructions: number, seconds: number): number {
  return instructions / seconds / 1e6;
}

interface QemuResult {
  readonly seconds: number;
  readonly mips: number;
  readonly instructions: number;
  /** QEMU's exit status for the hart's exact run agrees with the hart's (same checksum). */
  readonly agrees: boolean;
}

/**
 * Returns QEMU's MIPS on the workload (start-up subtracted): first the hart's
 * exact run (also checking its exit status), then stretched runs until start-up is small against it.
 */
function qemuMips(build: (iterations: number) => Uint8Array, m: Measured, startup: number): QemuResult {
  let iterations = m.iterations;
  const same = timeUnderQemu(guestElf(build(iterations), USER_BASE));
  let gross = same.seconds;
  for (let attempt = 0; attempt < 3 && gross - startup < QEMU_MIN_SECONDS && iterations < 2 ** 31 - 1; attempt++) {
    // Scale on the gross time (start-up included): never overshoots.
    iterations = Math.min(iterations * 50, scaled(iterations, gross, QEMU_MIN_SECONDS * 1.2));
    gross = timeUnderQemu(guestElf(build(iterations), USER_BASE)).seconds;
  }
  const seconds = gross - startup;
  const instructions = m.fixedCost + m.perIteration * iterations;
  return { seconds, mips: mips(instructions, seconds), instructions, agrees: same.exitStatus === m.run.exitStatus };
}

async function workloadRow(w: Workload, options: BenchOptions, qemuStartup: number | undefined): Promise<string[]> {
  const m = await measure(w.build, options.targetSeconds);
  const ours = mips(Number(m.run.instructions), m.run.seconds);
  const row = [w.name, count(m.run.instructions), fixed(m.run.seconds, 3), fixed(ours, 1)];
  if (qemuStartup === undefined) return row;
  const q = qemuMips(w.build, m, qemuStartup);
  const check = q.agrees ? 'same' : 'DIFFERENT';
  return [...row, count(Math.round(q.instructions)), fixed(q.seconds, 3), fixed(q.mips, 1), `${fixed(q.mips / ours, 1)}x`, check];
}

async function workloadTable(options: BenchOptions): Promise<BenchTable> {
  const qemu = haveQemu();
  const startup = qemu ? timeUnderQemu(guestElf(exitOnly(), USER_BASE), 5).seconds : undefined;
  const rows: string[][] = [];
  for (const w of WORKLOADS) rows.push(await workloadRow(w, options, startup));
  const headers = ['workload', 'instructions', 'seconds', 'MIPS'];
  if (qemu) headers.push('qemu instr.', 'qemu s', 'qemu MIPS', 'qemu/hart', 'checksum');
  const notes = WORKLOADS.map((w) => `${w.name}: ${w.description}`);
  notes.push(qemu
    ? `qemu-riscv64 user mode: median of 3 runs minus start-up (${fixed((startup ?? 0) * 1000, 1)} ms, exit-only program); runs stretched to >= ${QEMU_MIN_SECONDS} s, instructions from the hart's exact per-iteration count`
    : 'qemu-riscv64 not installed: comparison skipped');
  if (qemu) notes.push('checksum: exit status (a0 & 0xff) of the identical program under QEMU vs on the hart');
  return { title: 'Hart speed (U-mode, host-trap mode, code built by emulator/toolchain/isa/encode.ts)', headers, rows, notes };
}

async function syscallRow(spacing: number, options: BenchOptions, qemu: boolean, startup: number): Promise<string[]> {
  const build = (n: number): Uint8Array => syscallLoop(n, spacing);
  const m = await measure(build, options.targetSeconds / 2);
  const ns = (m.run.seconds * 1e9) / m.run.syscalls;
  const row = [String(spacing), count(m.run.syscalls), count(m.run.instructions), fixed(m.run.seconds, 3), fixed(ns, 0)];
  if (!qemu) return row;
  const q = qemuMips(build, m, startup);
  const qemuSyscalls = (q.instructions - m.fixedCost) / m.perIteration;
  return [...row, fixed((q.seconds * 1e9) / qemuSyscalls, 0)];
}

async function syscallTable(options: BenchOptions): Promise<BenchTable> {
  const qemu = haveQemu();
  const startup = qemu ? timeUnderQemu(guestElf(exitOnly(), USER_BASE), 5).seconds : 0;
  const rows: string[][] = [];
  for (const spacing of [3, 100]) rows.push(await syscallRow(spacing, options, qemu, startup));
  const headers = ['instr/ecall', 'ecalls', 'instructions', 'seconds', 'ns/round trip'];
  if (qemu) headers.push('qemu ns/ecall');
  return {
    title: 'Host-trap syscall round trip (ecall -> HostTrap -> JS handler -> run again)',
    headers,
    rows,
    notes: ['ns/round trip includes the loop instructions between ecalls; qemu column: the same program, qemu answering ENOSYS'],
  };
}

export const hartSection: BenchSection = {
  name: 'hart',
  async run(options) {
    return [await workloadTable(options), await syscallTable(options)];
  },
};
