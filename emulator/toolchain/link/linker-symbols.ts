// Symbols the linker provides from the layout, each only when no input
// defines it (GNU ld's PROVIDE): __global_pointer$, the text/data/bss bounds
// (_etext, _edata, __bss_start, _end and their aliases), the stack bounds and,
// when the caller gives the end of memory, the heap bounds.

import type { Layout } from './layout.ts';
import type { SymbolTable } from './symbol-table.ts';

/** The gp value psABI code expects: .sdata start + 0x800, so gp-relative 12-bit offsets cover 4 KiB of small data. */
export const GP_OFFSET = 0x800n;

export interface ProvidedSymbol {
  name: string;
  value: bigint;
}

/** The linker-provided symbols and their values for `layout` (whether or not an input overrides them). */
export function linkerSymbolValues(layout: Layout, stackSize: bigint, heapEnd?: bigint): ProvidedSymbol[] {
  const section = (name: string): { start: bigint; end: bigint } => {
    const s = layout.sections.find((x) => x.name === name)!;
    return { start: s.address, end: s.address + s.size };
  };
  const text = section('.text');
  const list: [string[], bigint][] = [
    [['__global_pointer$'], section('.sdata').start + GP_OFFSET],
    [['_etext', 'etext', '__etext'], text.end],
    [['_edata', 'edata'], layout.rwFileEnd],
    [['__bss_start'], section('.sbss').start],
    [['__bss_end'], layout.bssEnd],
    [['_end', 'end'], layout.bssEnd],
  ];
  if (stackSize > 0n) {
    list.push([['__stack_bottom'], layout.rwEnd - stackSize]);
    list.push([['__stack_top', '_stack_top'], layout.rwEnd]);
  }
  if (heapEnd !== undefined) {
    list.push([['__heap_start'], layout.rwEnd]);
    list.push([['__heap_end'], heapEnd]);
  }
  return list.flatMap(([names, value]) => names.map((name) => ({ name, value })));
}

/** Defines each provided symbol no input defines; returns those that were defined. */
export function provideLinkerSymbols(table: SymbolTable, layout: Layout, stackSize: bigint, heapEnd?: bigint): ProvidedSymbol[] {
  return linkerSymbolValues(layout, stackSize, heapEnd).filter((s) => table.provide(s.name, s.value));
}

/** Names the linker can provide, so references to them are not reported as undefined before layout. */
export const PROVIDED_NAMES: ReadonlySet<string> = new Set([
  '__global_pointer$', '_etext', 'etext', '__etext', '_edata', 'edata', '__bss_start',
  '__bss_end', '_end', 'end', '__stack_bottom', '__stack_top', '_stack_top', '__heap_start', '__heap_end',
]);
