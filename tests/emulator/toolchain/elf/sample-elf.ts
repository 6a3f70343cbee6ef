// Test helper: a small valid ELF built by the writer (code + data/bss segments,
// three symbols), the base input of the round-trip and malformed-input tests.

import { PF_R, PF_W, PF_X, STB_LOCAL, STT_FUNC, STT_OBJECT } from '../../../../emulator/toolchain/elf/elf-constants.ts';
import { writeElf } from '../../../../emulator/toolchain/elf/elf-writer.ts';

export const sampleCode = Uint8Array.from([0x13, 0x05, 0x10, 0x00, 0x6f, 0x00, 0x00, 0x00]); // li a0,1; j .
const data = Uint8Array.from([1, 2, 3, 4, 5]);

export function sampleElf(): Uint8Array {
  return writeElf({
    entry: 0x8000_0000n,
    segments: [
      { vaddr: 0x8000_0000n, data: sampleCode, flags: PF_R | PF_X },
      { vaddr: 0x8000_1000n, data, memsz: 0x100n, flags: PF_R | PF_W },
    ],
    symbols: [
      { name: '_start', value: 0x8000_0000n, size: 8n, type: STT_FUNC },
      { name: 'tohost', value: 0x8000_1000n, size: 8n, type: STT_OBJECT },
      { name: 'local_thing', value: 0x8000_1004n, bind: STB_LOCAL },
    ],
  });
}

