// Entry point of the `rvos` command (bin/rvos.mjs runs it through tsx):
// dispatches to a subcommand, prints usage for help, and maps an unknown
// command to usage on stderr with exit code 2.

import { runBare, BARE_USAGE } from './commands/bare.ts';
import { EXIT_INTERNAL_ERROR, EXIT_USAGE, processIo, type CliIo } from './support/cli-io.ts';

const USAGE = `usage: rvos <command> [options]

commands:
  bare <file.elf>   run a bare-metal RISC-V ELF in M-mode (see rvos bare --help)
  cc <file>...      compile, assemble and link C/assembly for the machine (see rvos cc --help)
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
