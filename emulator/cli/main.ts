// Entry point of the `rvos` command (bin/rvos.mjs runs it through tsx):
// dispatches to a subcommand, prints usage for help, and maps an unknown
// command to usage on stderr with exit code 2.

import { runBare, BARE_USAGE } from './commands/bare.ts';
import { EXIT_INTERNAL_ERROR, EXIT_USAGE, processIo, type CliIo } from './support/cli-io.ts';

const USAGE = `usage: rvos <command> [options]

commands:
  bare <file.elf>   run a bare-metal RISC-V ELF in M-mode (see rvos bare --help)
  cc <file>...      compile, assemble and link C/assembly for the machine (see rvos cc --help)
  boot              boot rvos to the shell on this terminal (see rvos boot --help)
  run <prog>        boot rvos and run one program (.c or .elf) in it (see rvos run --help)
  test              boot rvos and run the in-guest test suite ktest (see rvos test --help)
  bench             boot rvos and run the in-guest benchmarks (see rvos bench --help)
  snapshot          save, load or describe a VM snapshot file (see rvos snapshot --help)
  help              show this help

${BARE_USAGE}`;

type Command = (args: string[], io: CliIo) => Promise<number>;

const help: Command = async (_args, io) => {
  io.stdout(USAGE);
  return 0;
};

const COMMANDS = new Map<string, Command>([
  ['bare', runBare],
  ['cc', async (args, io) => (await import('./commands/cc.ts')).runCc(args, io)], // lazy: `bare` never loads the toolchain
  ['boot', async (args, io) => (await import('./commands/boot.ts')).runBoot(args, io)], // lazy: the kernel and toolchain load only when used
  ['run', async (args, io) => (await import('./commands/run.ts')).runRun(args, io)],
  ['test', async (args, io) => (await import('./commands/test.ts')).runTest(args, io)],
  ['bench', async (args, io) => (await import('./commands/bench.ts')).runBench(args, io)],
  ['snapshot', async (args, io) => (await import('./commands/snapshot.ts')).runSnapshot(args, io)],
  ['help', help],
  ['--help', help],
  ['-h', help],
]);

/** Runs the `rvos` command line `argv` (without node and script); returns the process exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : COMMANDS.get(name);
  if (command === undefined) {
    io.stderr(name === undefined ? USAGE : `rvos: unknown command '${name}'\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    io.stderr(`rvos: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_INTERNAL_ERROR;
  }
}
