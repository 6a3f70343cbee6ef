// The shape shared by `rvos test` and `rvos bench`: parse the session options,
// then boot rvos and run one guest program from /bin with the remaining
// arguments, exiting with its status.

import { runSession } from './guest-session.ts';
import { parseSessionArgs } from './session-options.ts';
import { EXIT_USAGE, type CliIo } from './cli-io.ts';

/** Runs `rvos <command>` for boot program /bin/<program>; returns the exit code (usage errors: 2). */
export async function runProgramCommand(command: string, program: string, usage: string, args: string[], io: CliIo): Promise<number> {
  const o = parseSessionArgs(args);
  if (o === 'help') {
    io.stdout(usage);
    return 0;
  }
  if (typeof o === 'string') {
    io.stderr(`rvos ${command}: ${o}\n${usage.split('\n')[0]}\n`);
    return EXIT_USAGE;
  }
  return runSession({
    command: `rvos ${command}`, start: [{ path: `/bin/${program}`, argv: [program, ...o.rest] }], waitFor: program,
    maxInstructions: o.maxInstructions, ramMib: o.ramMib,
  }, io);
}
