// The CLI's connection to the outside world (stdin, stdout, stderr), passed to
// every command so tests can run commands in-process and capture what they print.

export interface CliIo {
  stdout(data: string | Uint8Array): void;
  stderr(data: string | Uint8Array): void;
  /** Guest console input; undefined means none (input is closed from the start). */
  readonly stdin?: NodeJS.ReadableStream;
}

/** The real process streams. */
export const processIo: CliIo = {
  stdout: (data) => { process.stdout.write(data); },
  stderr: (data) => { process.stderr.write(data); },
  get stdin() { return process.stdin; },
};

/** Exit codes shared by the commands (besides a guest's own exit code). */
export const EXIT_USAGE = 2;
export const EXIT_INSTRUCTION_LIMIT = 124;
export const EXIT_MACHINE_STOPPED = 125;
export const EXIT_INTERNAL_ERROR = 70;
