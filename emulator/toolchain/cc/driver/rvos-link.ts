// Links an executable for rvos user processes: code from 0x10000 (the user
// link address; the page at 0 stays unmapped so null pointers fault), text and
// data in separate segments (W^X), no stack or heap in the image: the kernel
// maps the stack, and the heap grows with SYS_MMAP (platform/rvos).

import { formatLinkDiagnostics, link, type LinkInput } from '../../link/linker.ts';
import type { StepResult } from './compile-input.ts';

export const RVOS_TEXT_BASE = 0x1_0000n;

/** Links `inputs` in order for rvos; returns the ELF bytes, or undefined with the linker's diagnostics. */
export function linkRvos(inputs: readonly LinkInput[]): StepResult<Uint8Array> {
  const r = link(inputs, { textBase: RVOS_TEXT_BASE, stackSize: 0n });
  return { value: r.elf, messages: r.diagnostics.length === 0 ? '' : `${formatLinkDiagnostics(r.diagnostics)}\n` };
}
