// Builds the ISA conformance programs (src/*.S and the generated ones) with
// riscv64-unknown-elf-gcc into a content-addressed cache, runs them on the
// bare-metal Machine until HTIF tohost, and explains a failing check number
// by the source line that made it. Also runs the same sources under
// qemu-riscv64 (built with -DQEMU_USER) to check the tests themselves.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Machine } from '../../../../emulator/machine/machine.ts';
import { readElf } from '../../../../emulator/toolchain/elf/elf-reader.ts';

const here = dirname(fileURLToPath(import.meta.url));
const includeDir = join(here, 'include');
const linkerScript = join(includeDir, 'link.ld');
const cacheDir = join(tmpdir(), 'rvos-isa-cache');

/** True when the bare-metal cross compiler is on PATH. */
export const hasCrossGcc = spawnSync('riscv64-unknown-elf-gcc', ['--version']).status === 0;
/** True when qemu-riscv64 (user mode) is on PATH. */
export const hasQemuUser = spawnSync('qemu-riscv64', ['--version']).status === 0;

export type March = 'rv64g' | 'rv64gc';
/**
 * Where the checks run: M-mode bare metal, U-mode without paging (like
 * riscv-tests' -p environment), U-mode under Sv39 paging set up by the program
 * (like the -v environment), or qemu-riscv64 user mode.
 */
export type TestEnv = 'machine' | 'user-bare' | 'user-vm' | 'qemu';
const ENV_DEFINES: Record<TestEnv, string[]> = {
  'machine': [], 'user-bare': ['-DUSER_BARE'], 'user-vm': ['-DUSER_VM'], 'qemu': ['-DQEMU_USER'],
};
/** Test-name label of each environment. */
export const ENV_LABELS: Record<TestEnv, string> = {
  'machine': 'M-mode', 'user-bare': 'U-mode bare', 'user-vm': 'U-mode Sv39', 'qemu': 'qemu-riscv64',
};

/** One program to build: a file stem and its assembly text. */
export interface IsaSource {
  readonly name: string;
  readonly text: string;
}

/** Reads a hand-written program from src/. */
export function sourceFile(name: string): IsaSource {
  return { name, text: readFileSync(join(here, 'src', `${name}.S`), 'utf8') };
}

function headerHash(): string {
  const h = createHash('sha256');
  for (const f of ['test-macros.h', 'link.ld']) h.update(readFileSync(join(includeDir, f)));
  return h.digest('hex');
}

/**
 * Returns the path of the ELF built from `source` for `march` and `env`
 * (cached by content hash); throws with the compiler's message when it does not build.
 */
export function buildProgram(source: IsaSource, march: March, env: TestEnv = 'machine'): string {
  const key = createHash('sha256').update(headerHash()).update(march).update(env).update(source.text).digest('hex').slice(0, 16);
  const dir = join(cacheDir, key);
  const elf = join(dir, `${source.name}.elf`);
  if (existsSync(elf)) return elf;
  mkdirSync(dir, { recursive: true });
  // per-process names: concurrent test workers may build the same program
  const src = join(dir, `${source.name}.${process.pid}.S`);
  writeFileSync(src, source.text);
  const tmp = `${elf}.${process.pid}.tmp`;
  const result = spawnSync('riscv64-unknown-elf-gcc', [
    `-march=${march}`, '-mabi=lp64d', '-nostdlib', '-nostartfiles', '-static', '-mcmodel=medany',
    '-Wl,--no-warn-rwx-segments', '-I', includeDir, '-T', linkerScript,
    ...ENV_DEFINES[env], '-o', tmp, src,
  ], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`building ${source.name} (${march}) failed:\n${result.stderr}`);
  renameSync(tmp, elf);
  return elf;
}

/** Outcome of one program: passed, or the failing check number with an explanation. */
export interface IsaOutcome {
  readonly passed: boolean;
  readonly failedCheck: number;
  readonly message: string;
  readonly instructions: number;
}

const MCAUSE = 0x342, MEPC = 0x341, MTVAL = 0x343;

/** Runs the ELF at `elfPath` on a fresh Machine; returns the outcome (never throws for a guest failure). */
export async function runOnMachine(elfPath: string, source: IsaSource, maxInstructions = 50_000_000): Promise<IsaOutcome> {
  const machine = await Machine.create({ config: { ramSize: 16 * 1024 * 1024 } });
  machine.loadProgram(readElf(new Uint8Array(readFileSync(elfPath))));
  const run = machine.runUntilExit({ maxInstructions });
  if (run.reason === 'exit' && run.exitCode === 0) return { passed: true, failedCheck: 0, message: 'pass', instructions: run.instructions };
  const hart = machine.hart;
  const hex = (v: bigint): string => '0x' + BigInt.asUintN(64, v).toString(16);
  const traps = `mcause ${hex(hart.getCsr(MCAUSE))} mepc ${hex(hart.getCsr(MEPC))} mtval ${hex(hart.getCsr(MTVAL))}`;
  if (run.reason !== 'exit') {
    return { passed: false, failedCheck: -1, message: `${run.message} at pc ${hex(run.pc)} (${traps})`, instructions: run.instructions };
  }
  const n = run.exitCode;
  return { passed: false, failedCheck: n, message: `check ${n} failed: ${explainCheck(source.text, n)} [last trap: ${traps}]`, instructions: run.instructions };
}

/** Runs the QEMU_USER build under qemu-riscv64; returns the outcome. */
export function runOnQemu(elfPath: string, source: IsaSource): IsaOutcome {
  const r = spawnSync('qemu-riscv64', [elfPath], { timeout: 60_000 });
  if (r.status === 0) return { passed: true, failedCheck: 0, message: 'pass', instructions: 0 };
  const err = r.stderr;
  const n = err.length >= 8 ? Number(err.readBigInt64LE(0)) : -1;
  return { passed: false, failedCheck: n, message: `qemu: status ${r.status} signal ${r.signal}; check ${n}: ${explainCheck(source.text, n)}`, instructions: 0 };
}

/** The source line(s) that define check `n` (hand-written numbering or generated group*1000+index). */
export function explainCheck(text: string, n: number): string {
  const lines = text.split('\n');
  const direct = lines.find((l) => new RegExp(`^\\s*[A-Z_0-9]+\\(${n},`).test(l) || new RegExp(`TESTNUM, ${n}\\b`).test(l));
  if (direct !== undefined) return direct.trim();
  const base = Math.floor(n / 1000) * 1000;
  const at = lines.findIndex((l) => l.includes(`check ${base}+i:`));
  if (at < 0) return '(no source line found)';
  const table = lines.slice(at, at + 6).map((l) => /la s2, (\S+)/.exec(l)?.[1]).find((t) => t !== undefined);
  const start = lines.indexOf(`${table}:`);
  const entry = start < 0 ? undefined : lines[start + 1 + (n - base)];
  return `${lines[at].trim()} entry ${n - base}: [a, b, c, expected, fflags] = ${entry?.replace('.dword', '').trim() ?? '?'}`;
}
