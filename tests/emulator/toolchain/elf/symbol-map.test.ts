// SymbolMap: pc -> enclosing symbol with offset, preference among aliases,
// size limits, and filtering of labels that are not code/data symbols; plus a
// check against gcc output (skipped without the cross compiler).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHN_ABS, SHN_UNDEF, STB_GLOBAL, STB_LOCAL, STT_FILE, STT_FUNC, STT_NOTYPE, STT_OBJECT, STT_SECTION } from '../../../../emulator/toolchain/elf/elf-constants.ts';
import type { ElfSymbol } from '../../../../emulator/toolchain/elf/elf-file.ts';
import { readElf } from '../../../../emulator/toolchain/elf/elf-reader.ts';
import { SymbolMap } from '../../../../emulator/toolchain/elf/symbol-map.ts';
import { buildBare, hasCrossGcc } from './cross-gcc.ts';

const sym = (name: string, value: bigint, size = 0n, type = STT_FUNC, bind = STB_GLOBAL, shndx = 1): ElfSymbol => ({ name, value, size, type, bind, shndx });

describe('SymbolMap', () => {
  const map = new SymbolMap([
    sym('main', 0x1000n, 0x20n),
    sym('local_alias', 0x1000n, 0n, STT_NOTYPE, STB_LOCAL),
    sym('label', 0x1040n, 0n, STT_NOTYPE, STB_LOCAL),
    sym('table', 0x2000n, 0x10n, STT_OBJECT),
    sym('.L42', 0x1010n, 0n, STT_NOTYPE, STB_LOCAL),
    sym('$x', 0x1000n, 0n, STT_NOTYPE, STB_LOCAL),
    sym('', 0x1000n, 0n, STT_SECTION, STB_LOCAL),
    sym('m.c', 0n, 0n, STT_FILE, STB_LOCAL, SHN_ABS),
    sym('undefined', 0x1004n, 0n, STT_FUNC, STB_GLOBAL, SHN_UNDEF),
  ]);

  it('finds the enclosing symbol and offset, preferring a global function among aliases', () => {
    expect(map.describe(0x1000n)).toBe('main');
    expect(map.describe(0x1012n)).toBe('main+0x12');
    expect(map.describe(0x2008n)).toBe('table+0x8');
  });

  it('stops at a sized symbol\'s end but lets size-0 labels cover what follows', () => {
    expect(map.lookup(0x1020n)).toBeUndefined();
    expect(map.describe(0x1044n)).toBe('label+0x4');
    expect(map.describe(0x2010n)).toBeUndefined();
    expect(map.describe(0xfffn)).toBeUndefined();
  });

  it.skipIf(!hasCrossGcc)('names gcc-compiled functions', () => {
    const path = buildBare('int twice(int x) { return 2 * x; }\nvoid _start(void) { for (;;) twice(3); }\n', 'f.c');
    const elf = readElf(readFileSync(path));
    const symbols = SymbolMap.fromElf(elf);
    const twice = elf.symbols.find((s) => s.name === 'twice')!;
    expect(symbols.describe(twice.value + 2n)).toBe('twice+0x2');
    expect(symbols.describe(elf.header.entry)).toBe('_start');
  });
});
