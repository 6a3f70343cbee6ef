// `rvos cc`: the compiler driver of the project's own toolchain (preprocess,
// compile, assemble, link for the emulated machine). Parses the command line
// and runs the driver (emulator/toolchain/cc/driver/driver.ts). Exit codes:
// 0 success, 1 compile/assemble/link errors, 2 usage errors.

import { CC_USAGE, parseCcArgs } from '../../toolchain/cc/driver/cc-options.ts';
import { runDriver } from '../../toolchain/cc/driver/driver.ts';
import { EXIT_USAGE, type CliIo } from '../support/cli-io.ts';

export { CC_USAGE } from '../../toolchain/cc/driver/cc-options.ts';

/** Runs `rvos cc` with `args`; returns the exit code (see CC_USAGE). */
export async function runCc(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCcArgs(args);
  if (parsed === 'help') {
    io.stdout(CC_USAGE);
    return 0;
  }
  if (typeof parsed === 'string') {
    io.stderr(`rvos cc: error: ${parsed}\n${CC_USAGE.split('\n')[0]}\n(rvos cc --help for details)\n`);
    return EXIT_USAGE;
  }
  return runDriver(parsed, io);
}
