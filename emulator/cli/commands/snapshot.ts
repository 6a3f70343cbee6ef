// `rvos snapshot save|load|info`: saves a VM booted to the shell prompt
// (optionally after typed commands and more steps) to a snapshot file, verifies
// and restores one and runs it on, or prints a file's header and sections. A
// refused file exits 2 with a message that says what is wrong.

import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { buildBootImage } from '../../host/boot-image.ts';
import { GuestBuildError } from '../../host/guest-programs.ts';
import { CONSOLE_TAIL_BYTES, machineSummary } from '../../host/snapshot/host-snapshots.ts';
import { concatBytes } from '../../host/snapshot/snapshot-compression.ts';
import { SnapshotError } from '../../host/snapshot/snapshot-error.ts';
import { readSection, verifySnapshotFile } from '../../host/snapshot/snapshot-reader.ts';
import { encodeInputLog, parseInputLog, type InputLog } from '../../host/snapshot/input-log.ts';
import { replayInputLog, ReplayError } from '../../host/snapshot/replay.ts';
import { applyDisplayInput } from '../../host/display-bridge.ts';
import { ConsoleText, scriptCommands, ShellSession, ShellSessionError } from '../../host/snapshot/shell-session.ts';
import { decodeVmSnapshot, describeVmSnapshot, encodeVmSnapshot } from '../../host/snapshot/vm-snapshot-file.ts';
import { vmStateHash } from '../../host/snapshot/state-hash.ts';
import { captureVm, restoreVm } from '../../host/snapshot/vm-state.ts';
import type { BootImage } from '../../kernel/context/kernel-context.ts';
import { bootSystem } from '../../kernel/system/boot.ts';
import type { Kernel } from '../../kernel/system/kernel.ts';
import { MAX_RAM_SIZE } from '../../machine/machine-config.ts';
import { EXIT_INSTRUCTION_LIMIT, EXIT_INTERNAL_ERROR, EXIT_MACHINE_STOPPED, EXIT_USAGE, type CliIo } from '../support/cli-io.ts';
import { parseCount } from '../support/session-options.ts';

export const SNAPSHOT_USAGE = `usage: rvos snapshot save <file> [--script "commands"] [--after N] [--ram-mib N] [--description TEXT] [--log <file>]
       rvos snapshot load <file> [--run N] [--ram-mib N] [--save <file>]
       rvos snapshot info <file> [--console]
       rvos snapshot replay <log> [--from <snapshot>] [--ram-mib N]

save  boots rvos to the shell prompt, types the --script commands (separated by
      ';' or newlines) one at a time, each to the next prompt, runs N more steps
      (--after; fewer if the guest then waits for input), and saves the VM.
load  verifies the file (checksum, format version, machine, every section),
      restores it into a fresh VM, runs N steps (--run, default 0; guest sleeps
      take no wall-clock time), prints the state hash; --save writes the VM
      again (an unchanged VM gives the same bytes: creation time and
      description are kept when nothing ran).
info  prints the header, the sections and the state hash; --console also
      prints the console output the snapshot carries.
replay  replays an input log (save --log writes the session's, from boot) on a
      fresh boot, or on --from <snapshot> when the log starts there, and prints
      the state hash: the same as the snapshot saved with that log.

options:
  --ram-mib N           save: RAM in MiB (default 128); load: refuse a snapshot of another size
  --max-instructions N  save: steps allowed to reach each prompt (default 2000000000, exit 124)

exit codes: 0 ok, 2 usage error or a refused/unreadable file, 124 step limit,
  125 the shell stopped (no prompt), 70 internal error.
`;

/** Steps allowed to reach each shell prompt by default. */
const PROMPT_STEPS = 2_000_000_000;
const MIB = 1024 * 1024;

type Values = Record<string, string | boolean | undefined>;
type Sub = (file: string, values: Values, io: CliIo) => Promise<number>;

const SUBCOMMANDS: Record<string, { run: Sub; options: Record<string, { type: 'string' | 'boolean' }> }> = {
  save: {
    run: save,
    options: { script: { type: 'string' }, after: { type: 'string' }, 'ram-mib': { type: 'string' }, description: { type: 'string' }, 'max-instructions': { type: 'string' }, log: { type: 'string' } },
  },
  load: { run: load, options: { run: { type: 'string' }, 'ram-mib': { type: 'string' }, save: { type: 'string' } } },
  info: { run: info, options: { console: { type: 'boolean' } } },
  replay: { run: replay, options: { from: { type: 'string' }, 'ram-mib': { type: 'string' } } },
};

/** Runs `rvos snapshot`; returns the exit code (see SNAPSHOT_USAGE). */
export async function runSnapshot(args: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = args;
  if (name === '-h' || name === '--help' || name === 'help') {
    io.stdout(SNAPSHOT_USAGE);
    return 0;
  }
  const sub = name === undefined ? undefined : SUBCOMMANDS[name];
  if (sub === undefined) return usage(io, name === undefined ? 'missing the subcommand (save, load, info or replay)' : `unknown subcommand '${name}'`);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, strict: true, options: { ...sub.options, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    return usage(io, error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help === true) {
    io.stdout(SNAPSHOT_USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 1) return usage(io, parsed.positionals.length === 0 ? `missing the ${name === 'replay' ? 'log' : 'snapshot'} file` : 'expected one file');
  try {
    return await sub.run(parsed.positionals[0]!, parsed.values, io);
  } catch (error) {
    if (error instanceof SnapshotError) return fail(io, `${parsed.positionals[0]}: ${error.message}`, EXIT_USAGE);
    if (error instanceof UsageError) return usage(io, error.message);
    if (error instanceof FileError) return fail(io, error.message, EXIT_USAGE);
    throw error;
  }
}

/** `save`: boot to the prompt, type the script, run --after steps, write the file. */
async function save(file: string, values: Values, io: CliIo): Promise<number> {
  const ramMib = count(values, 'ram-mib', 1, MAX_RAM_SIZE / MIB);
  const after = count(values, 'after', 0, Number.MAX_SAFE_INTEGER) ?? 0;
  const maxSteps = count(values, 'max-instructions', 1, Number.MAX_SAFE_INTEGER) ?? PROMPT_STEPS;
  const image = bootImage(io);
  if (image === undefined) return EXIT_INTERNAL_ERROR;
  const output = new ConsoleText();
  const kernel = await bootSystem(image, { machine: ramMib === undefined ? undefined : { ramSize: ramMib * MIB }, consoleOutput: (b) => output.push(b) });
  const session = new ShellSession(kernel, output);
  try {
    session.runToPrompt(maxSteps);
    for (const command of scriptCommands(stringValue(values, 'script') ?? '')) session.command(command, maxSteps);
  } catch (error) {
    if (!(error instanceof ShellSessionError)) throw error;
    return fail(io, error.message, error.reason === 'limit' ? EXIT_INSTRUCTION_LIMIT : EXIT_MACHINE_STOPPED);
  }
  if (after > 0) session.driver.run(after);
  const description = stringValue(values, 'description') ?? `rvos snapshot save${values['script'] === undefined ? '' : ` --script ${JSON.stringify(values['script'])}`}`;
  await writeSnapshot(file, kernel, session.driver.steps, output.bytes(), { createdAt: Date.now(), description }, io);
  const log = stringValue(values, 'log');
  if (log !== undefined) await writeFile(log, encodeInputLog({ ...session.driver.inputLog(), boot: { ramMib: machineSummary(kernel).ramMib } }));
  return 0;
}

/** `replay`: a fresh boot (or --from snapshot), the log replayed, the state hash printed. */
async function replay(file: string, values: Values, io: CliIo): Promise<number> {
  let ramMib = count(values, 'ram-mib', 1, MAX_RAM_SIZE / MIB);
  let log: InputLog;
  try {
    log = parseInputLog(new TextDecoder().decode(await readSnapshotFile(file)));
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return fail(io, `${file}: ${error.message}`, EXIT_USAGE);
  }
  const from = stringValue(values, 'from');
  if (from === undefined && log.boot !== undefined) {
    if (ramMib !== undefined && ramMib !== log.boot.ramMib) return fail(io, `${file}: the log starts at a boot with ${log.boot.ramMib} MiB RAM, not ${ramMib}`, EXIT_USAGE);
    ramMib = log.boot.ramMib;
  }
  const image = bootImage(io);
  if (image === undefined) return EXIT_INTERNAL_ERROR;
  const decoded = from === undefined ? undefined : await decodeVmSnapshot(await readSnapshotFile(from), ramMib === undefined ? undefined : { ramMib });
  const kernel = decoded === undefined
    ? await bootSystem(image, { machine: ramMib === undefined ? undefined : { ramSize: ramMib * MIB } })
    : await restoreVm(decoded.state, { bootImage: image });
  const start = decoded?.host.steps ?? 0;
  if (log.startStep !== start) return fail(io, `${file}: the log starts at step ${log.startStep}, the VM is at step ${start}`, EXIT_USAGE);
  try {
    replayInputLog(kernel, log, { display: (k, event) => { applyDisplayInput(k, event); } });
  } catch (error) {
    if (!(error instanceof ReplayError)) throw error;
    return fail(io, `${file}: ${error.message}`, EXIT_MACHINE_STOPPED);
  }
  io.stdout(`state hash ${await vmStateHash(kernel)} at step ${log.endStep}\n`);
  return 0;
}

/** `load`: verify, restore, run --run steps, print the state hash, optionally save again. */
async function load(file: string, values: Values, io: CliIo): Promise<number> {
  const ramMib = count(values, 'ram-mib', 1, MAX_RAM_SIZE / MIB);
  const run = count(values, 'run', 0, Number.MAX_SAFE_INTEGER) ?? 0;
  const bytes = await readSnapshotFile(file);
  const decoded = await decodeVmSnapshot(bytes, ramMib === undefined ? undefined : { ramMib });
  const image = bootImage(io);
  if (image === undefined) return EXIT_INTERNAL_ERROR;
  const output = new ConsoleText();
  const kernel = await restoreVm(decoded.state, { bootImage: image, consoleOutput: (b) => { io.stdout(b); output.push(b); } });
  const session = new ShellSession(kernel, output, decoded.host.steps);
  if (run > 0) session.driver.run(run);
  const hash = await vmStateHash(kernel);
  io.stdout(`state hash ${hash} at step ${session.driver.steps}\n`);
  const again = stringValue(values, 'save');
  if (again === undefined) return 0;
  const unchanged = session.driver.steps === decoded.host.steps;
  const header = unchanged ? { createdAt: decoded.header.createdAt, description: decoded.header.description } : { createdAt: Date.now(), description: `${decoded.header.description} (+${run} steps)` };
  const console = concatBytes([decoded.host.console, output.bytes()]);
  await writeSnapshot(again, kernel, session.driver.steps, console, header, io);
  return 0;
}

/** `info`: header, sections, state hash (and the console tail with --console). */
async function info(file: string, values: Values, io: CliIo): Promise<number> {
  const bytes = await readSnapshotFile(file);
  const i = await describeVmSnapshot(bytes);
  const verified = await verifySnapshotFile(bytes);
  const m = verified.header.machine;
  const lines = [
    `file         ${file} (${i.size} bytes)`, `format       ${i.formatVersion}`, `created      ${i.createdAt}`,
    `description  ${i.description}`,
    `machine      ${m.ramMib} MiB RAM, display ${m.display.width}x${m.display.height}, ${m.instructionsPerTick} instructions per timer tick`,
    `state hash   ${i.stateHash}`, 'sections     name        size      stored',
    ...i.sections.map((s) => `             ${s.name.padEnd(10)} ${String(s.size).padStart(9)} ${String(s.storedSize).padStart(9)}`),
  ];
  io.stdout(`${lines.join('\n')}\n`);
  const consoleEntry = verified.sections.find((s) => s.name === 'console');
  if (values['console'] === true && consoleEntry !== undefined) io.stdout(await readSection(verified, consoleEntry));
  return 0;
}

async function writeSnapshot(file: string, kernel: Kernel, steps: number, console: Uint8Array, header: { createdAt: number; description: string }, io: CliIo): Promise<void> {
  const tail = console.slice(-CONSOLE_TAIL_BYTES);
  const { bytes, info: i } = await encodeVmSnapshot(await captureVm(kernel), { steps, console: tail }, { ...header, machine: machineSummary(kernel) });
  await writeFile(file, bytes);
  io.stdout(`saved ${file}: ${i.size} bytes, format ${i.formatVersion}, state hash ${i.stateHash} at step ${steps}\n`);
}

async function readSnapshotFile(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    throw new FileError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function bootImage(io: CliIo): BootImage | undefined {
  try {
    return buildBootImage();
  } catch (error) {
    if (!(error instanceof GuestBuildError)) throw error;
    io.stderr(`rvos snapshot: ${error.message}\n`);
    return undefined;
  }
}

class UsageError extends Error {}
class FileError extends Error {}

function count(values: Values, name: string, min: number, max: number): number | undefined {
  const text = stringValue(values, name);
  if (text === undefined) return undefined;
  const n = parseCount(text, min, max);
  if (Number.isNaN(n)) throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got '${text}'`);
  return n;
}

function stringValue(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

function usage(io: CliIo, message: string): number {
  io.stderr(`rvos snapshot: ${message}\n${SNAPSHOT_USAGE.split('\n').slice(0, 4).join('\n')}\n(rvos snapshot --help for details)\n`);
  return EXIT_USAGE;
}

function fail(io: CliIo, message: string, code: number): number {
  io.stderr(`rvos snapshot: ${message}\n`);
  return code;
}
