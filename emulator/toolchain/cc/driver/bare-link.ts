// Links an executable for the bare machine with the layout of
// fixtures/userland/platform/bare/link.ld: code at 0x80000000, a 1 MiB stack
// after .bss (__stack_top), and a heap (__heap_start, __heap_end, provided by
// the linker) from the stack top up to 16 MiB past the text base.

import { formatLinkDiagnostics, link, type LinkInput, type LinkResult } from '../../link/linker.ts';
import type { StepResult } from './compile-input.ts';

export const BARE_TEXT_BASE = 0x8000_0000n;
export const BARE_STACK_SIZE = 0x10_0000n;
/** The heap ends here (link.ld: 16 MiB of RAM are enough); the image must end below it. */
export const BARE_MEMORY_END = BARE_TEXT_BASE + 0x100_0000n;

function linkMessages(r: LinkResult): string {
  return r.diagnostics.length === 0 ? '' : `${formatLinkDiagnostics(r.diagnostics)}\n`;
}

/**
 * Links `inputs` in order for the bare machine; returns the ELF bytes, or
 * undefined with the linker's diagnostics. With `heap` (linking with libc),
 * the linker provides __heap_start/__heap_end and refuses an image that does
 * not fit below BARE_MEMORY_END.
 */
export function linkBare(inputs: readonly LinkInput[], heap: boolean): StepResult<Uint8Array> {
  const r = link(inputs, {
    textBase: BARE_TEXT_BASE,
    stackSize: BARE_STACK_SIZE,
    ...(heap ? { heapEnd: BARE_MEMORY_END } : {}),
  });
  return { value: r.elf, messages: linkMessages(r) };
}
