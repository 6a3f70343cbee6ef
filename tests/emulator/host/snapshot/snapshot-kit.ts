// Shared setup of the VM state tests: a boot image of the programs they use
// (fs, shell, hello, ktest; built once, cached by the toolchain), booting a
// VM that records its console, and ktest's argv.

import { encodeArgv } from '../../../../emulator/cli/support/guest-session.ts';
import { buildGuestProgram } from '../../../../emulator/host/guest-programs.ts';
import { packInitrd, rootfsEntries } from '../../../../emulator/host/initrd.ts';
import type { BootImage } from '../../../../emulator/kernel/context/kernel-context.ts';
import { bootSystem, type BootStart } from '../../../../emulator/kernel/system/boot.ts';
import type { Kernel } from '../../../../emulator/kernel/system/kernel.ts';

let image: BootImage | undefined;

/** The test boot image: fs, shell, hello and ktest, with an initrd of the root file system and them. */
export function testBootImage(): BootImage {
  if (image !== undefined) return image;
  const programs = ['fs', 'shell', 'hello', 'ktest'].map((name) => buildGuestProgram(name));
  const initrd = packInitrd([...rootfsEntries(), ...programs.map((p) => ({ path: p.path, kind: 'file' as const, data: p.elf }))]);
  image = { programs: programs.map((p) => ({ path: p.path, elf: p.elf })), initrd };
  return image;
}

export interface TestVm {
  kernel: Kernel;
  /** Everything the VM wrote to its console so far. */
  console(): string;
}

/** Boots the test image (default: fs and the shell) with a recorded console. */
export async function bootTestVm(start?: (string | BootStart)[]): Promise<TestVm> {
  const chunks: string[] = [];
  const decoder = new TextDecoder();
  const kernel = await bootSystem(testBootImage(), { start, consoleOutput: (b) => chunks.push(decoder.decode(b)) });
  return { kernel, console: () => chunks.join('') };
}

/** Boot entries running ktest with `filters` (test-name substrings) after the file server. */
export function ktestStart(filters: readonly string[]): (string | BootStart)[] {
  return ['/bin/fs', { path: '/bin/ktest', argv: encodeArgv(['/bin/ktest', ...filters]) }];
}
