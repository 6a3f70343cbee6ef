// `rvos run <prog.c|prog.elf> [args...]`: boots rvos and runs one program in
// it (a C file is compiled for the rvos target first, with the project's own
// toolchain). The program's console output goes to stdout, stdin to its
// console, and its exit status becomes the command's exit code.

import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseCcArgs } from '../../toolchain/cc/driver/cc-options.ts';
import { runDriver } from '../../toolchain/cc/driver/driver.ts';
import { ElfError } from '../../toolchain/elf/elf-error.ts';
import { readElf } from '../../toolchain/elf/elf-reader.ts';
import { runSession } from '../support/guest-session.ts';
import { parseSessionArgs, SESSION_OPTIONS_USAGE } from '../support/session-options.ts';
import { EXIT_USAGE, type CliIo } from '../support/cli-io.ts';

export const RUN_USAGE = `usage: rvos run [--max-instructions N] [--ram-mib N] <prog.c|prog.elf> [args...]

Boots rvos and runs one program as /bin/<name> with the arguments given (a .c
file is compiled with 'rvos cc --target=rvos' first). Its console output goes
to stdout and stdin to its console.

options:
${SESSION_OPTIONS_USAGE}

exit codes: the program's exit status (killed or faulted: 128 + 9 or 11),
  1 the C file does not compile, 2 usage or unreadable file,
  124 instruction limit, 125 stopped, 70 internal error.
`;

/** Runs `rvos run`; returns the exit code (see RUN_USAGE). */
export async function runRun(args: string[], io: CliIo): Promise<number> {
  const o = parseSessionArgs(args);
  if (o === 'help') {
    io.stdout(RUN_USAGE);
    return 0;
  }
  if (typeof o === 'string' || o.rest.length === 0) {
    io.stderr(`rvos run: ${typeof o === 'string' ? o : 'missing the program'}\n${RUN_USAGE.split('\n')[0]}\n`);
    return EXIT_USAGE;
  }
  const [file, ...guestArgs] = o.rest as [string, ...string[]];
  const name = basename(file).replace(/\.(c|elf)$/, '');
  const elf = file.endsWith('.c') ? await compile(file, io) : await readElfFile(file, io);
  if (typeof elf === 'number') return elf;
  return runSession({
    command: 'rvos run', start: [{ path: `/bin/${name}`, argv: [name, ...guestArgs] }], waitFor: name,
    extraPrograms: [{ path: `/bin/${name}`, elf }], maxInstructions: o.maxInstructions, ramMib: o.ramMib,
  }, io);
}

/** Compiles a C file for rvos; returns the ELF or the exit code after the diagnostics went to stderr. */
async function compile(file: string, io: CliIo): Promise<Uint8Array | number> {
  const dir = mkdtempSync(join(tmpdir(), 'rvos-run-'));
  try {
    const out = join(dir, 'program.elf');
    const options = parseCcArgs(['--target=rvos', file, '-o', out]);
    if (typeof options !== 'object') return EXIT_USAGE;
    const code = await runDriver(options, { stdout: (d) => io.stdout(d), stderr: (d) => io.stderr(d) });
    return code === 0 ? new Uint8Array(await readFile(out)) : code;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads and checks an ELF file; returns its bytes or EXIT_USAGE after saying why it is unusable. */
async function readElfFile(file: string, io: CliIo): Promise<Uint8Array | number> {
  try {
    const bytes = new Uint8Array(await readFile(file));
    readElf(bytes);
    return bytes;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof ElfError) io.stderr(`rvos run: ${file}: ${error.message}\n`);
    else io.stderr(`rvos run: cannot read '${file}': ${code === 'ENOENT' ? 'no such file' : String(error)}\n`);
    return EXIT_USAGE;
  }
}
