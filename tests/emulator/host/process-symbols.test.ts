// The VM host's process symbols (emulator/host/process-symbols.ts) on the real
// boot image: a process named after its program gets "func+0x…" for a pc in
// that program; unknown, ambiguous or unparsable programs and bad pcs get none.

import { describe, expect, it } from 'vitest';
import { buildBootImage } from '../../../emulator/host/boot-image.ts';
import { ProcessSymbols } from '../../../emulator/host/process-symbols.ts';
import { findSymbol, readElf } from '../../../emulator/toolchain/elf/elf-reader.ts';

describe('ProcessSymbols', () => {
  const image = buildBootImage();
  const shellElf = image.programs.find((p) => p.path === '/bin/shell')!.elf;
  const main = findSymbol(readElf(shellElf), 'main')!;
  const at = (offset: bigint): string => `0x${(main.value + offset).toString(16)}`;

  it('describes a pc in the program a process is named after', () => {
    const symbols = new ProcessSymbols(image);
    expect(symbols.describe('shell', at(0n))).toBe('main');
    expect(symbols.describe('shell', at(4n))).toBe('main+0x4');
  });

  it('gives nothing for an unknown or ambiguous program, a malformed ELF or a bad pc', () => {
    const twice = { programs: [...image.programs, { path: '/opt/shell', elf: shellElf }, { path: '/bin/junk', elf: new Uint8Array(64) }] };
    const symbols = new ProcessSymbols(twice);
    expect(symbols.describe('shell', at(0n))).toBeUndefined();
    expect(symbols.describe('junk', '0x10000')).toBeUndefined();
    expect(new ProcessSymbols(image).describe('nonesuch', at(0n))).toBeUndefined();
    expect(new ProcessSymbols(image).describe('shell', 'main')).toBeUndefined();
  });
});
