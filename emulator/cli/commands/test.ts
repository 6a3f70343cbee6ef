// `rvos test`: boots rvos and runs ktest, the in-guest test harness (each test
// checks SYS_MEMINFO before and after for leaks). Exit code 0 only when every
// test passed; ktest's output goes to stdout.

import { runProgramCommand } from '../support/program-command.ts';
import { SESSION_OPTIONS_USAGE } from '../support/session-options.ts';
import type { CliIo } from '../support/cli-io.ts';

export const TEST_USAGE = `usage: rvos test [--max-instructions N] [--ram-mib N] [ktest arguments...]

Boots rvos and runs the in-guest test suite (/bin/ktest); arguments go to
ktest (e.g. a test-name filter).

options:
${SESSION_OPTIONS_USAGE}

exit codes: 0 every test passed, ktest's non-zero status otherwise, 124/125/70 as rvos run.
`;

/** Runs `rvos test`; returns the exit code (see TEST_USAGE). */
export function runTest(args: string[], io: CliIo): Promise<number> {
  return runProgramCommand('test', 'ktest', TEST_USAGE, args, io);
}
