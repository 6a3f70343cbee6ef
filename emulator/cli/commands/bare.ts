// `rvos bare <file.elf>`: loads a bare-metal ELF at its link addresses, runs it
// in M-mode from its entry with the UART on stdout and stdin, and exits with the
// guest's HTIF exit code. --trace prints one line per instruction to stderr. Exit codes:
// guest code (0 = pass), 2 usage/file/ELF errors, 124 instruction limit,
// 125 machine stopped without an exit (halted in wfi, HTIF error, host trap), 70 internal.

import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { InstructionTracer } from '../../machine/instruction-tracer.ts';
import { Machine, type RunResult, type StepObserver } from '../../machine/machine.ts';
import { MAX_RAM_SIZE } from '../../machine/machine-config.ts';
import { disassemble } from '../../toolchain/disasm/disassemble.ts';
import { ElfError } from '../../toolchain/elf/elf-error.ts';
import type { ElfFile } from '../../toolchain/elf/elf-file.ts';
import { readElf } from '../../toolchain/elf/elf-reader.ts';
import { SymbolMap } from '../../toolchain/elf/symbol-map.ts';
import { HostInput } from '../support/host-input.ts';
import { parseCount } from '../support/session-options.ts';
import { EXIT_INSTRUCTION_LIMIT, EXIT_INTERNAL_ERROR, EXIT_MACHINE_STOPPED, EXIT_USAGE, type CliIo } from '../support/cli-io.ts';

export const BARE_USAGE = `usage: rvos bare <file.elf> [--max-instructions N] [--trace] [--ram-mib N]

Runs a bare-metal RV64GC ELF at its link addresses, in M-mode from its entry,
on a QEMU-virt-like machine: RAM at 0x80000000, CLINT, HTIF tohost/fromhost
symbols, a 16550 UART at 0x10000000 on stdout and stdin (its interrupt drives
mip.MEIP directly; there is no PLIC).

options:
  --max-instructions N  stop after N retired instructions (exit code 124; default: no limit)
  --trace               print each instruction to stderr: pc, word, disassembly, registers written
  --ram-mib N           RAM size in MiB (default 128)

exit codes: the guest's HTIF code (tohost=1 -> 0, odd v -> v>>1, above 255 -> 255),
  2 bad arguments or an unreadable/unloadable ELF, 124 instruction limit reached,
  125 the machine stopped without exiting (halted in wfi, HTIF error, host trap),
  70 internal error (e.g. the hart is not built: npm run build:hart).
`;

/** Instructions per run slice between event-loop turns (about 0.1-0.2 s of guest time). */
const RUN_SLICE = 20_000_000;
const TRACE_SLICE = 100_000;

interface BareOptions {
  file: string;
  maxInstructions: number | undefined;
  trace: boolean;
  ramMib: number;
}

/** Runs `rvos bare` with `args`; returns the exit code (see BARE_USAGE). */
export async function runBare(args: string[], io: CliIo): Promise<number> {
  const parsed = parseBareArgs(args);
  if (parsed === 'help') {
    io.stdout(BARE_USAGE);
    return 0;
  }
  if (typeof parsed === 'string') {
    io.stderr(`rvos bare: ${parsed}\n${BARE_USAGE.split('\n')[0]}\n(rvos bare --help for details)\n`);
    return EXIT_USAGE;
  }
  const loaded = await loadMachine(parsed, io);
  if (typeof loaded === 'number') return loaded;
  const { machine, symbols } = loaded;
  const observer = parsed.trace ? new InstructionTracer(machine.hart, (line) => io.stderr(`${line}\n`), disassemble) : undefined;
  const input = new HostInput(io.stdin, (bytes) => machine.uart.pushInput(bytes));
  try {
    return exitCodeOf(await runSliced(machine, input, parsed.maxInstructions, observer), symbols, io);
  } finally {
    input.close();
  }
}

/**
 * Runs in slices, returning to the event loop between them so stdin bytes
 * reach the UART; sleeps while the guest waits in wfi for UART input. Returns
 * the final result with the instruction count over all slices.
 */
async function runSliced(machine: Machine, input: HostInput, maxInstructions: number | undefined, observer: StepObserver | undefined): Promise<RunResult> {
  const limit = maxInstructions ?? Number.POSITIVE_INFINITY;
  const slice = observer ? TRACE_SLICE : RUN_SLICE;
  let total = 0;
  for (;;) {
    const result = machine.runUntilExit({ maxInstructions: Math.min(slice, limit - total), observer, inputOpen: input.open });
    total += result.instructions;
    if (result.reason === 'wfi-wait') await input.waitForInput();
    else if (result.reason === 'limit' && total < limit) await new Promise((resolve) => setImmediate(resolve));
    else return { ...result, instructions: total, message: result.reason === 'limit' ? `instruction limit of ${limit} reached` : result.message };
  }
}

/** Parsed options, 'help', or an error message for a usage error. */
function parseBareArgs(args: string[]): BareOptions | 'help' | string {
  let values, positionals;
  try {
    ({ values, positionals } = parseArgs({
      args, allowPositionals: true, strict: true,
      options: {
        'max-instructions': { type: 'string' },
        'ram-mib': { type: 'string' },
        trace: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (values.help) return 'help';
  if (positionals.length !== 1) return positionals.length === 0 ? 'missing the ELF file' : `expected one ELF file, got ${positionals.length} arguments`;
  const maxInstructions = values['max-instructions'] === undefined ? undefined : parseCount(values['max-instructions'], 1, Number.MAX_SAFE_INTEGER);
  if (Number.isNaN(maxInstructions)) return `--max-instructions must be a positive integer, got '${values['max-instructions']}'`;
  const ramMib = values['ram-mib'] === undefined ? 128 : parseCount(values['ram-mib'], 1, MAX_RAM_SIZE / (1024 * 1024));
  if (Number.isNaN(ramMib)) return `--ram-mib must be an integer from 1 to ${MAX_RAM_SIZE / (1024 * 1024)}, got '${values['ram-mib']}'`;
  return { file: positionals[0]!, maxInstructions, trace: values.trace, ramMib };
}

/** Reads and parses the ELF; prints the reason and returns undefined when it cannot. */
async function readProgram(file: string, io: CliIo): Promise<ElfFile | undefined> {
  try {
    return readElf(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof ElfError) io.stderr(`rvos bare: ${file}: ${error.message}\n`);
    else io.stderr(`rvos bare: cannot read '${file}': ${code === 'ENOENT' ? 'no such file' : String(error)}\n`);
    return undefined;
  }
}

/**
 * Builds the machine and loads the program. Returns it with the program's
 * symbols, or the exit code after printing why not (2 for the ELF, 70 when
 * the hart is not built).
 */
async function loadMachine(options: BareOptions, io: CliIo): Promise<{ machine: Machine; symbols: SymbolMap } | number> {
  const elf = await readProgram(options.file, io);
  if (elf === undefined) return EXIT_USAGE;
  let machine: Machine;
  try {
    machine = await Machine.create({ config: { ramSize: options.ramMib * 1024 * 1024 }, consoleOutput: (out) => io.stdout(out) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    io.stderr(`rvos bare: the hart is not built (${String((error as Error).message)}); run 'npm run build:hart'\n`);
    return EXIT_INTERNAL_ERROR;
  }
  try {
    machine.loadProgram(elf);
  } catch (error) {
    if (!(error instanceof ElfError)) throw error;
    io.stderr(`rvos bare: ${options.file}: ${error.message}\n`);
    return EXIT_USAGE;
  }
  return { machine, symbols: SymbolMap.fromElf(elf) };
}

function exitCodeOf(result: RunResult, symbols: SymbolMap, io: CliIo): number {
  const symbol = symbols.describe(result.pc);
  const where = `at pc 0x${result.pc.toString(16)}${symbol === undefined ? '' : ` <${symbol}>`} after ${result.instructions} instructions`;
  switch (result.reason) {
    case 'exit':
      if (result.exitCode <= 255) return result.exitCode;
      io.stderr(`rvos bare: guest exit code ${result.exitCode} does not fit in a process exit code; exiting with 255\n`);
      return 255;
    case 'limit':
      io.stderr(`rvos bare: stopped: ${result.message} (${where})\n`);
      return EXIT_INSTRUCTION_LIMIT;
    default:
      io.stderr(`rvos bare: stopped: ${result.message} (${where})\n`);
      return EXIT_MACHINE_STOPPED;
  }
}
