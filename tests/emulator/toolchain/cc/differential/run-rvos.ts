// Test helper for differential tests: compiles one C program with the rvos C
// compiler at a given -O level (the runtime, crt0 + libc, built once by our
// compiler at -O0), links it for the bare machine and runs it on our hart.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Machine } from '../../../../../emulator/machine/machine.ts';
import { compileC } from '../../../../../emulator/toolchain/cc/driver/compile-c.ts';
import { linkBare } from '../../../../../emulator/toolchain/cc/driver/bare-link.ts';
import { readElf } from '../../../../../emulator/toolchain/elf/elf-reader.ts';
import { buildRuntime, root, type GuestRun } from '../codegen/rvos-cc-build.ts';

const include = join(root, 'fixtures/userland/include');

const readRepoFile = (path: string): string | undefined => {
  try {
    return readFileSync(path.startsWith('/') ? path : join(root, path), 'utf8');
  } catch {
    return undefined;
  }
};

/** Compiles `source` (as `name`) at -O`level` and links it; returns the ELF or throws with the diagnostics. */
export function buildRvos(source: string, name: string, level: 0 | 1): Uint8Array {
  const r = compileC(name, { fs: { read: (p) => (p === name ? source : readRepoFile(p)) }, includePaths: [include], optimize: level });
  if (!r.object) {
    const errors = r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`);
    throw new Error(`rvos cc -O${level} failed for ${name}:\n${errors.join('\n')}`);
  }
  const [crt0, ...libc] = buildRuntime().inputs;
  const linked = linkBare([crt0, { name, bytes: r.object }, ...libc], true);
  if (!linked.value) throw new Error(`link failed for ${name}:\n${linked.messages}`);
  return linked.value;
}

/** Builds with buildRvos and runs on a fresh machine with `input` on the UART; returns output, exit code and stop reason. */
export async function runRvos(source: string, name: string, level: 0 | 1, input = '', maxInstructions = 4_000_000_000): Promise<GuestRun> {
  const elf = buildRvos(source, name, level);
  const chunks: Uint8Array[] = [];
  const machine = await Machine.create({ consoleOutput: (bytes) => chunks.push(bytes.slice()) });
  machine.loadProgram(readElf(elf));
  if (input !== '') machine.uart.pushInput(new TextEncoder().encode(input));
  const result = machine.runUntilExit({ maxInstructions });
  return { stdout: Buffer.concat(chunks).toString('latin1'), exitCode: result.exitCode, reason: result.reason, instructions: result.instructions };
}
