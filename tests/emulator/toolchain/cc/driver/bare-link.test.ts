// Tests of the bare-layout link: the heap symbols the libc platform layer needs
// (provided by the linker: __heap_start at the stack top, __heap_end at 16 MiB past the text base),
// the 1 MiB stack, and the -nostdlib single link without heap symbols.

import { describe, expect, it } from 'vitest';
import { assembleToElf } from '../../../../../emulator/toolchain/asm/assembler.ts';
import { BARE_MEMORY_END, BARE_STACK_SIZE, linkBare } from '../../../../../emulator/toolchain/cc/driver/bare-link.ts';
import { readElf } from '../../../../../emulator/toolchain/elf/elf-reader.ts';

function object(source: string): { name: string; bytes: Uint8Array } {
  const r = assembleToElf(source, 'test.s');
  expect(r.diagnostics).toEqual([]);
  return { name: 'test.o', bytes: r.bytes! };
}

const USES_HEAP = `.globl _start
_start:
    la a0, __heap_start
    la a1, __heap_end
    la sp, __stack_top
    j _start
    .bss
buffer: .zero 5000
`;

function symbol(elf: Uint8Array, name: string): bigint | undefined {
  return readElf(elf).symbols.find((s) => s.name === name)?.value;
}

describe('linkBare', () => {
  it('defines the heap from the stack top to 16 MiB past the text base', () => {
    const r = linkBare([object(USES_HEAP)], true);
    expect(r.messages).toBe('');
    const elf = r.value!;
    const stackTop = symbol(elf, '__stack_top')!;
    expect(symbol(elf, '__heap_start')).toBe(stackTop);
    expect(symbol(elf, '__heap_end')).toBe(BARE_MEMORY_END);
    expect(stackTop - symbol(elf, '__stack_bottom')!).toBe(BARE_STACK_SIZE);
    expect(symbol(elf, '__stack_bottom')!).toBeGreaterThanOrEqual(symbol(elf, '__bss_end')!);
  });

  it('links once without heap symbols for -nostdlib, so a reference to them is an error', () => {
    const r = linkBare([object(USES_HEAP)], false);
    expect(r.value).toBeUndefined();
    expect(r.messages).toContain("undefined reference to '__heap_start'");
  });

  it('rejects a program that does not fit below the heap end', () => {
    const r = linkBare([object('.globl _start\n_start: j _start\n.bss\n.zero 0x1000000\n')], true);
    expect(r.value).toBeUndefined();
    expect(r.messages).toMatch(/program too large: it ends at 0x[0-9a-f]+, beyond the end of memory 0x81000000/);
  });
});
