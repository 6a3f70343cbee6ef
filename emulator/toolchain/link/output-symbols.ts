// The linked program's symbol list: defined locals (functions, objects and
// labels, without .L and $x/$d mapping labels), the chosen global definitions
// and the linker-provided symbols, with final addresses and sizes. It becomes
// the ELF .symtab (so tools can map pc -> function) and the link map.

import {
  SHN_ABS, SHN_COMMON, SHN_UNDEF, STB_GLOBAL, STB_LOCAL, STB_WEAK, STT_FUNC, STT_NOTYPE, STT_OBJECT,
} from '../elf/elf-constants.ts';
import type { ElfSymbol } from '../elf/elf-file.ts';
import type { ElfSymbolSpec } from '../elf/elf-writer.ts';
import type { InputObject } from './input-object.ts';
import type { ProvidedSymbol } from './linker-symbols.ts';
import { definedAddress } from './symbol-address.ts';
import type { SymbolTable } from './symbol-table.ts';

export interface LinkedSymbol {
  name: string;
  address: bigint;
  size: bigint;
  kind: 'func' | 'object' | 'notype';
  binding: 'local' | 'global' | 'weak';
  /** Defining input, or 'ld' for linker-provided symbols. */
  file: string;
}

const KIND = { [STT_FUNC]: 'func', [STT_OBJECT]: 'object' } as Readonly<Record<number, 'func' | 'object'>>;

function isListedLocal(object: InputObject, s: ElfSymbol): boolean {
  if (s.bind !== STB_LOCAL || s.name === '' || s.name.startsWith('.L') || s.name.startsWith('$')) return false;
  if (s.type !== STT_FUNC && s.type !== STT_OBJECT && s.type !== STT_NOTYPE) return false;
  return s.shndx !== SHN_UNDEF && s.shndx !== SHN_ABS && s.shndx !== SHN_COMMON && object.sections.has(s.shndx);
}

/** Returns every symbol of the output, sorted by address then name. */
export function collectSymbols(objects: readonly InputObject[], table: SymbolTable, provided: readonly ProvidedSymbol[]): LinkedSymbol[] {
  const list: LinkedSymbol[] = [];
  for (const object of objects) {
    for (const s of object.symbols) {
      if (!isListedLocal(object, s)) continue;
      list.push({ name: s.name, address: definedAddress(object, s), size: s.size, kind: KIND[s.type] ?? 'notype', binding: 'local', file: object.name });
    }
  }
  const providedNames = new Set(provided.map((p) => p.name));
  for (const g of table.globals.values()) {
    const def = g.definition;
    if (def === undefined) continue;
    if (def.object === undefined) {
      if (providedNames.has(g.name)) list.push({ name: g.name, address: def.address, size: 0n, kind: 'notype', binding: 'global', file: 'ld' });
      continue;
    }
    const s = def.symbol!;
    const address = def.common ? def.address : definedAddress(def.object, s);
    const size = def.common ? def.commonSize : s.size;
    const kind = def.common ? 'object' : KIND[s.type] ?? 'notype';
    list.push({ name: g.name, address, size, kind, binding: def.weak ? 'weak' : 'global', file: def.object.name });
  }
  return list.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The ELF writer's form of the symbol list. */
export function toElfSymbols(symbols: readonly LinkedSymbol[]): ElfSymbolSpec[] {
  const bind = { local: STB_LOCAL, global: STB_GLOBAL, weak: STB_WEAK } as const;
  const type = { func: STT_FUNC, object: STT_OBJECT, notype: STT_NOTYPE } as const;
  return symbols.map((s) => ({ name: s.name, value: s.address, size: s.size, type: type[s.kind], bind: bind[s.binding] }));
}
