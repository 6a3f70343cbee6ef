// `rvos bench`: boots rvos and runs the in-guest benchmarks (/bin/bench: IPC
// round trip, syscall cost, spawn, SHM throughput). `rvos bench save` stores
// the results in the guest file system, `rvos bench check` compares with them.

import { runProgramCommand } from '../support/program-command.ts';
import { SESSION_OPTIONS_USAGE } from '../support/session-options.ts';
import type { CliIo } from '../support/cli-io.ts';

export const BENCH_USAGE = `usage: rvos bench [--max-instructions N] [--ram-mib N] [bench arguments...]

Boots rvos and runs the in-guest benchmarks (/bin/bench); arguments go to
bench (see 'bench help' in the shell).

options:
${SESSION_OPTIONS_USAGE}
`;

/** Runs `rvos bench`; returns the exit code (see BENCH_USAGE). */
export function runBench(args: string[], io: CliIo): Promise<number> {
  return runProgramCommand('bench', 'bench', BENCH_USAGE, args, io);
}
