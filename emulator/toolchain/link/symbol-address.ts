// Final addresses of symbols after layout: a relocation's symbol index in one
// object resolves through the global table (globals and weaks) or the
// object's own sections (locals, section symbols). Also the display name of a
// relocation's target for diagnostics.

import { SHN_ABS, SHN_LORESERVE, SHN_UNDEF, STB_LOCAL, STB_WEAK, STT_SECTION } from '../elf/elf-constants.ts';
import type { ElfSymbol } from '../elf/elf-file.ts';
import type { InputObject } from './input-object.ts';
import { LinkError } from './link-diagnostics.ts';
import type { SymbolTable } from './symbol-table.ts';

/**
 * Returns the address of symbol `index` (1-based, 0 = none) of `object`.
 * Throws LinkError for an undefined non-weak symbol or a symbol in a section
 * that is not part of the image. An undefined weak symbol is 0.
 */
export function symbolAddress(table: SymbolTable, object: InputObject, index: number): bigint {
  if (index === 0) return 0n;
  const symbol = object.symbols[index - 1]!;
  if (symbol.bind !== STB_LOCAL && symbol.name !== '') {
    const def = table.globals.get(symbol.name)?.definition;
    if (def === undefined) {
      if (symbol.bind === STB_WEAK) return 0n;
      throw new LinkError(object.name, `undefined reference to '${symbol.name}'`);
    }
    return def.symbol === undefined || def.common || def.object === undefined ? def.address : definedAddress(def.object, def.symbol);
  }
  return definedAddress(object, symbol);
}

/** Address of a symbol defined in `object` (ABS value, or section address + value). */
export function definedAddress(object: InputObject, symbol: ElfSymbol): bigint {
  if (symbol.shndx === SHN_ABS) return symbol.value;
  if (symbol.shndx === SHN_UNDEF) return 0n;
  if (symbol.shndx >= SHN_LORESERVE) throw new LinkError(object.name, `symbol '${symbol.name}' has unsupported section index ${symbol.shndx}`);
  const section = object.sections.get(symbol.shndx);
  if (section === undefined) throw new LinkError(object.name, `symbol '${symbolName(object, symbol)}' is in section ${symbol.shndx}, which is not allocated in the image`);
  return section.address + symbol.value;
}

/** The name to show for a relocation target: the symbol's name, or its section's name for a section symbol. */
export function targetName(object: InputObject, index: number): string {
  const symbol = object.symbols[index - 1];
  return symbol === undefined ? '' : symbolName(object, symbol);
}

function symbolName(object: InputObject, symbol: ElfSymbol): string {
  if (symbol.type === STT_SECTION) return object.sections.get(symbol.shndx)?.name ?? `section ${symbol.shndx}`;
  return symbol.name;
}
