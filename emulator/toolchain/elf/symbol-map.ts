// Address -> symbol lookup over an ELF's symbol table, for traces, stop
// messages and debuggers: "which function holds this pc". Uses defined code and
// data symbols (FUNC, OBJECT, and assembler labels of type NOTYPE), skipping
// section/file symbols, local .L labels and RISC-V mapping symbols ($x, $d).

import { SHN_ABS, SHN_UNDEF, STB_GLOBAL, STT_FUNC, STT_NOTYPE, STT_OBJECT } from './elf-constants.ts';
import type { ElfFile, ElfSymbol } from './elf-file.ts';

export interface SymbolHit {
  symbol: ElfSymbol;
  /** pc - symbol.value */
  offset: bigint;
}

/** Rank for choosing among symbols at one address: functions, then globals, first. */
function rank(s: ElfSymbol): number {
  return (s.type === STT_FUNC ? 2 : 0) + (s.bind === STB_GLOBAL ? 1 : 0);
}

function isAddressSymbol(s: ElfSymbol): boolean {
  if (s.shndx === SHN_UNDEF || s.shndx === SHN_ABS || s.name === '') return false;
  if (s.name.startsWith('.L') || s.name.startsWith('$')) return false;
  return s.type === STT_FUNC || s.type === STT_OBJECT || s.type === STT_NOTYPE;
}

/** Sorted, de-duplicated address symbols with binary-search lookup. */
export class SymbolMap {
  private readonly sorted: ElfSymbol[];

  constructor(symbols: readonly ElfSymbol[]) {
    const byAddress = new Map<bigint, ElfSymbol>();
    for (const s of symbols.filter(isAddressSymbol)) {
      const seen = byAddress.get(s.value);
      if (seen === undefined || rank(s) > rank(seen)) byAddress.set(s.value, s);
    }
    this.sorted = [...byAddress.values()].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  }

  /** Returns a map of `elf`'s symbols. */
  static fromElf(elf: ElfFile): SymbolMap {
    return new SymbolMap(elf.symbols);
  }

  /**
   * Returns the symbol at or below `address` that covers it (within its size,
   * or any distance for a size-0 label), or undefined.
   */
  lookup(address: bigint): SymbolHit | undefined {
    let lo = 0;
    let hi = this.sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]!.value <= address) lo = mid + 1;
      else hi = mid - 1;
    }
    const symbol = this.sorted[hi];
    if (symbol === undefined) return undefined;
    const offset = address - symbol.value;
    return symbol.size === 0n || offset < symbol.size ? { symbol, offset } : undefined;
  }

  /** `name+0xoff` (or `name`) for `address`, or undefined when no symbol covers it. */
  describe(address: bigint): string | undefined {
    const hit = this.lookup(address);
    if (hit === undefined) return undefined;
    return hit.offset === 0n ? hit.symbol.name : `${hit.symbol.name}+0x${hit.offset.toString(16)}`;
  }
}
