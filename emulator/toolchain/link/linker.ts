// The static linker's entry point (what `rvos cc` and tests call; no CLI here):
// relocatable RISC-V objects and `ar` archives in, an ET_EXEC ELF, its symbol
// map and diagnostics out. Stages: load and resolve (pulling archive members),
// R_RISCV_ALIGN padding, layout, linker symbols, relocation, ELF writing.

import { EF_RISCV_RVC, PF_R, PF_W, PF_X } from '../elf/elf-constants.ts';
import { ElfError } from '../elf/elf-error.ts';
import { writeElf, type ElfSegmentSpec } from '../elf/elf-writer.ts';
import { applyAlignRelocations } from './align-relaxation.ts';
import { loadInputs, type LinkInput } from './input-loader.ts';
import type { InputObject } from './input-object.ts';
import { layoutImage, segmentBytes, type Layout } from './layout.ts';
import { guard, LinkDiagnostics, LinkError, hexOf, type LinkDiagnostic } from './link-diagnostics.ts';
import { PROVIDED_NAMES, provideLinkerSymbols } from './linker-symbols.ts';
import { collectSymbols, toElfSymbols, type LinkedSymbol } from './output-symbols.ts';
import { relocateAll } from './relocate.ts';
import { symbolAddress } from './symbol-address.ts';
import { SymbolTable } from './symbol-table.ts';

export type { LinkInput } from './input-loader.ts';
export type { LinkDiagnostic } from './link-diagnostics.ts';
export type { LinkedSymbol } from './output-symbols.ts';
export { formatLinkDiagnostics } from './link-diagnostics.ts';
export { formatLinkMap } from './link-map.ts';

/** Default text base for --target=bare: the start of RAM on QEMU virt and our machine. */
export const DEFAULT_TEXT_BASE = 0x8000_0000n;
/** Default stack reserved after .bss (between __stack_bottom and __stack_top). */
export const DEFAULT_STACK_SIZE = 0x1_0000n;

export interface LinkOptions {
  /** Entry symbol (default `_start`); when missing, a warning and the start of .text. */
  entry?: string;
  /** Address of the first text byte (default 0x8000_0000). */
  textBase?: bigint;
  /** Bytes of stack reserved after .bss, 16-byte aligned (default 64 KiB; 0 = none, and no __stack_* symbols). */
  stackSize?: bigint;
  /**
   * End of the memory the program may use. When set, the linker provides a
   * heap from the stack top to here (__heap_start, __heap_end) and refuses an
   * image that ends beyond it.
   */
  heapEnd?: bigint;
}

export interface OutputSectionInfo {
  name: string;
  address: bigint;
  size: bigint;
}

export interface LinkResult {
  /** The executable; undefined when there were errors. */
  elf: Uint8Array | undefined;
  entry: bigint;
  /** Every symbol of the output with address and size, sorted by address. */
  map: LinkedSymbol[];
  sections: OutputSectionInfo[];
  diagnostics: LinkDiagnostic[];
}

/**
 * Links `inputs` (ET_REL objects and archives, in order) into a static
 * executable. Never throws: every problem (unreadable input, undefined or
 * duplicate symbol, relocation out of range or unsupported) is a diagnostic,
 * and `elf` is undefined when any of them is an error.
 */
export function link(inputs: readonly LinkInput[], options: LinkOptions = {}): LinkResult {
  const diags = new LinkDiagnostics();
  const failed: LinkResult = { elf: undefined, entry: 0n, map: [], sections: [], diagnostics: diags.items };
  try {
    return guard(diags, 'ld', () => linkStages(inputs, options, diags)) ?? failed;
  } catch (error) {
    // A bug in the linker, not in the inputs; still keep the never-throws contract.
    diags.error('ld', `internal linker error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return failed;
  }
}

function linkStages(inputs: readonly LinkInput[], options: LinkOptions, diags: LinkDiagnostics): LinkResult {
  const failed: LinkResult = { elf: undefined, entry: 0n, map: [], sections: [], diagnostics: diags.items };
  const textBase = options.textBase ?? DEFAULT_TEXT_BASE;
  const stackSize = options.stackSize ?? DEFAULT_STACK_SIZE;
  if (textBase < 0n || textBase >= 1n << 64n || stackSize < 0n) throw new LinkError('ld', `bad textBase ${hexOf(textBase)} or stackSize ${hexOf(stackSize)}`);
  const table = new SymbolTable();
  const objects = loadInputs(inputs, table, diags);
  if (objects.length === 0 && !diags.hasErrors()) diags.error('ld', 'no input objects');
  reportUndefined(table, stackSize, options.heapEnd !== undefined, diags);
  checkFloatAbi(objects, diags);
  if (diags.hasErrors()) return failed;
  for (const object of objects) guard(diags, object.name, () => applyAlignRelocations(object));
  if (diags.hasErrors()) return failed;
  const layout = layoutImage(objects, table, textBase, stackSize);
  if (options.heapEnd !== undefined && layout.rwEnd > options.heapEnd) {
    diags.error('ld', `program too large: it ends at ${hexOf(layout.rwEnd)}, beyond the end of memory ${hexOf(options.heapEnd)}`);
    return failed;
  }
  const provided = provideLinkerSymbols(table, layout, stackSize, options.heapEnd);
  relocateAll(objects, table, diags);
  const entry = entryAddress(objects, table, options.entry ?? '_start', layout, diags);
  if (diags.hasErrors()) return failed;
  const map = collectSymbols(objects, table, provided);
  const flags = objects.reduce((f, o) => f | (o.flags & EF_RISCV_RVC), objects[0]?.flags ?? 0);
  const elf = writeOutput(layout, entry, map, flags);
  return { elf, entry, map, sections: layout.sections.map(({ name, address, size }) => ({ name, address, size })), diagnostics: diags.items };
}

/** One error per symbol that is referenced (not weakly) and defined nowhere. */
function reportUndefined(table: SymbolTable, stackSize: bigint, heap: boolean, diags: LinkDiagnostics): void {
  for (const g of table.globals.values()) {
    if (g.definition !== undefined || g.strongReference === undefined) continue;
    const unavailable = (g.name.includes('stack') && stackSize === 0n) || (g.name.includes('heap') && !heap);
    if (PROVIDED_NAMES.has(g.name) && !unavailable) continue;
    diags.error(g.strongReference, `undefined reference to '${g.name}'`);
  }
}

/** The float ABI bits of e_flags (soft, single, double, quad) must agree across objects. */
function checkFloatAbi(objects: readonly InputObject[], diags: LinkDiagnostics): void {
  const abi = (o: InputObject): number => o.flags & 0x6;
  const first = objects[0];
  for (const o of objects) {
    if (first !== undefined && abi(o) !== abi(first)) {
      diags.error(o.name, `float ABI (e_flags ${hexOf(o.flags)}) differs from ${first.name} (e_flags ${hexOf(first.flags)}); objects must use the same -mabi`);
    }
  }
}

function entryAddress(objects: readonly InputObject[], table: SymbolTable, name: string, layout: Layout, diags: LinkDiagnostics): bigint {
  const def = table.globals.get(name)?.definition;
  if (def !== undefined && def.object !== undefined && def.symbol !== undefined) {
    const index = def.object.symbols.indexOf(def.symbol) + 1;
    return symbolAddress(table, def.object, index);
  }
  if (def !== undefined) return def.address;
  const local = objects.flatMap((o) => o.symbols.map((s, i) => ({ o, s, i }))).find((x) => x.s.name === name && x.s.shndx !== 0);
  if (local !== undefined) return symbolAddress(table, local.o, local.i + 1);
  diags.warning('ld', `cannot find entry symbol '${name}'; defaulting to ${hexOf(layout.rxStart)}`);
  return layout.rxStart;
}

function writeOutput(layout: Layout, entry: bigint, map: LinkedSymbol[], flags: number): Uint8Array {
  const segments: ElfSegmentSpec[] = [];
  if (layout.rxEnd > layout.rxStart) {
    segments.push({ vaddr: layout.rxStart, data: segmentBytes(layout, layout.rxStart, layout.rxEnd), flags: PF_R | PF_X, name: '.text' });
  }
  if (layout.rwEnd > layout.rwStart) {
    const data = segmentBytes(layout, layout.rwStart, layout.rwFileEnd);
    segments.push({ vaddr: layout.rwStart, data, memsz: layout.rwEnd - layout.rwStart, flags: PF_R | PF_W, name: data.length > 0 ? '.data' : '.bss' });
  }
  try {
    return writeElf({ entry, segments, symbols: toElfSymbols(map), flags });
  } catch (error) {
    if (error instanceof ElfError) throw new LinkError('ld', error.message);
    throw error;
  }
}
