// `rvos boot`: boots rvos to the shell on the serial console, with the
// terminal as the console (raw mode on a TTY: the shell edits lines itself).
// Ends when the shell exits (its status is the exit code) or on Ctrl-].

import { QUIT_BYTE, runSession } from '../support/guest-session.ts';
import { parseSessionArgs, SESSION_OPTIONS_USAGE } from '../support/session-options.ts';
import { EXIT_USAGE, type CliIo } from '../support/cli-io.ts';
import { startWatchReload } from '../support/watch-reload.ts';

export const BOOT_USAGE = `usage: rvos boot [--watch] [--max-instructions N] [--ram-mib N]

Boots rvos (kernel, services, file server) to the shell on this terminal.
Type 'help' in the shell; 'exit' or Ctrl-] (0x${QUIT_BYTE.toString(16)}) leaves.

options:
  --watch               hot reload: rebuild a program when its source under fixtures/userland
                        changes and restart its running instances (a reload log line per save on stderr)
${SESSION_OPTIONS_USAGE}

exit codes: the shell's exit status, 124 instruction limit, 125 stopped, 70 internal error.
`;

/** Runs `rvos boot`; returns the exit code (see BOOT_USAGE). */
export async function runBoot(args: string[], io: CliIo): Promise<number> {
  const watch = args.includes('--watch');
  const o = parseSessionArgs(args.filter((a) => a !== '--watch'));
  if (o === 'help') {
    io.stdout(BOOT_USAGE);
    return 0;
  }
  if (typeof o === 'string' || o.rest.length > 0) {
    io.stderr(`rvos boot: ${typeof o === 'string' ? o : `unexpected argument '${o.rest[0]}'`}\n${BOOT_USAGE.split('\n')[0]}\n`);
    return EXIT_USAGE;
  }
  return runSession({
    command: 'rvos boot', start: [{ path: '/bin/shell', argv: ['shell'] }], waitFor: 'shell',
    maxInstructions: o.maxInstructions, ramMib: o.ramMib, interactive: true,
    onBoot: watch ? (kernel, wake) => startWatchReload(kernel, io, wake) : undefined,
  }, io);
}
