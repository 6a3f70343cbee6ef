// A headless, deterministic shell session for `rvos snapshot save` and the
// snapshot tests: runs a booted (or restored) kernel until the shell's prompt
// waits for input, types commands one at a time, and keeps the console output.
// Built on GuestDriver, so the whole session is an input log from its start.

import type { Kernel } from '../../kernel/system/kernel.ts';
import { GuestDriver } from './guest-driver.ts';
import { concatBytes } from './snapshot-compression.ts';

/** The shell's prompt (fixtures/userland/programs/shell/shell.c). */
export const SHELL_PROMPT = 'rvos> ';

/** Why a session could not reach the prompt. */
export class ShellSessionError extends Error {
  override readonly name = 'ShellSessionError';

  constructor(readonly reason: 'limit' | 'stopped', message: string) {
    super(message);
  }
}

/** Console output as text and bytes: wire a machine's consoleOutput to push(). */
export class ConsoleText {
  text = '';
  private readonly chunks: Uint8Array[] = [];
  private readonly decoder = new TextDecoder();

  push(bytes: Uint8Array): void {
    this.chunks.push(bytes.slice());
    this.text += this.decoder.decode(bytes, { stream: true });
  }

  /** Everything pushed, as bytes. */
  bytes(): Uint8Array {
    return concatBytes(this.chunks);
  }
}

/** A driver over a kernel whose console output goes to `output`. */
export class ShellSession {
  readonly driver: GuestDriver;

  /** `kernel` at host step `steps`, its console wired to `output`. */
  constructor(kernel: Kernel, readonly output: ConsoleText, steps = 0) {
    this.driver = new GuestDriver(kernel, steps);
  }

  /** Console output so far. */
  get console(): string {
    return this.output.text;
  }

  /**
   * Runs until the guest waits for input with the prompt last on the console. Throws
   * ShellSessionError 'limit' after `maxSteps` steps, 'stopped' when it waits without a prompt or exits.
   */
  runToPrompt(maxSteps: number): void {
    const stop = this.driver.run(maxSteps);
    if (stop === 'limit') throw new ShellSessionError('limit', `no shell prompt within ${maxSteps} steps`);
    if (stop === 'exited') throw new ShellSessionError('stopped', 'every user process exited before the shell prompt');
    if (!this.console.endsWith(SHELL_PROMPT)) throw new ShellSessionError('stopped', `the VM waits for input without a shell prompt; console ends with ${JSON.stringify(this.console.slice(-80))}`);
  }

  /** Types `command` and Enter, then runs to the next prompt (see runToPrompt). */
  command(command: string, maxSteps: number): void {
    this.driver.type(`${command}\r`);
    this.runToPrompt(maxSteps);
  }
}

/** The commands of a --script text: split at newlines and ';', trimmed, empty ones dropped. */
export function scriptCommands(script: string): string[] {
  return script.split(/[\n;]/).map((c) => c.trim()).filter((c) => c !== '');
}
