// Global symbol resolution across input objects: one entry per global or weak
// name with its chosen definition (strong beats common beats weak), who
// references it, and the duplicate-definition errors that arise. COMMON
// symbols merge to the largest size and alignment and are allocated in .bss.

import { SHN_COMMON, SHN_UNDEF, STB_LOCAL, STB_WEAK } from '../elf/elf-constants.ts';
import type { ElfSymbol } from '../elf/elf-file.ts';
import type { InputObject } from './input-object.ts';
import { LinkError } from './link-diagnostics.ts';

export interface Definition {
  /** The defining object, or undefined for a linker-provided symbol. */
  object: InputObject | undefined;
  /** The object's symbol entry (shared with the object: ALIGN handling may move it). */
  symbol: ElfSymbol | undefined;
  weak: boolean;
  common: boolean;
  /** Size and alignment of a COMMON symbol. */
  commonSize: bigint;
  commonAlign: bigint;
  /** Address of a COMMON or linker-provided symbol, set by the layout. */
  address: bigint;
}

export interface GlobalSymbol {
  name: string;
  definition: Definition | undefined;
  /** The first object with a non-weak undefined reference, if any. */
  strongReference: string | undefined;
}

/** The global symbols of a link, keyed by name. */
export class SymbolTable {
  readonly globals = new Map<string, GlobalSymbol>();
  /** COMMON definitions in the order they were first seen (their .bss order). */
  readonly commons: GlobalSymbol[] = [];

  /** Returns the entry for `name`, creating an undefined one. */
  entry(name: string): GlobalSymbol {
    let g = this.globals.get(name);
    if (g === undefined) {
      g = { name, definition: undefined, strongReference: undefined };
      this.globals.set(name, g);
    }
    return g;
  }

  /**
   * Adds the non-local symbols of `object`. Throws LinkError naming the object
   * for a second strong definition of a name ("multiple definition").
   */
  addObject(object: InputObject): void {
    for (const symbol of object.symbols) {
      if (symbol.bind === STB_LOCAL || symbol.name === '') continue;
      const g = this.entry(symbol.name);
      if (symbol.shndx === SHN_UNDEF) {
        if (symbol.bind !== STB_WEAK) g.strongReference ??= object.name;
      } else if (symbol.shndx === SHN_COMMON) {
        this.addCommon(g, object, symbol);
      } else {
        this.addDefinition(g, object, symbol);
      }
    }
  }

  private addDefinition(g: GlobalSymbol, object: InputObject, symbol: ElfSymbol): void {
    const weak = symbol.bind === STB_WEAK;
    const old = g.definition;
    const def: Definition = { object, symbol, weak, common: false, commonSize: 0n, commonAlign: 0n, address: 0n };
    if (old === undefined || (!weak && (old.weak || old.common))) {
      g.definition = def;
      if (old?.common) this.commons.splice(this.commons.indexOf(g), 1);
      return;
    }
    if (!weak && !old.weak && !old.common) {
      throw new LinkError(object.name, `multiple definition of '${g.name}': first defined in ${old.object?.name ?? 'the linker'}`);
    }
  }

  private addCommon(g: GlobalSymbol, object: InputObject, symbol: ElfSymbol): void {
    const old = g.definition;
    const align = symbol.value === 0n ? 1n : symbol.value;
    if (old !== undefined && old.common) {
      old.commonSize = symbol.size > old.commonSize ? symbol.size : old.commonSize;
      old.commonAlign = align > old.commonAlign ? align : old.commonAlign;
      return;
    }
    if (old !== undefined && !old.weak) return; // a real definition wins over COMMON
    if ((align & (align - 1n)) !== 0n || align > 1n << 20n) throw new LinkError(object.name, `COMMON symbol '${g.name}' has alignment ${align}, not a power of two up to 1 MiB`);
    if (symbol.size > 0x8000_0000n) throw new LinkError(object.name, `COMMON symbol '${g.name}' has size ${symbol.size}, larger than 2 GiB`);
    g.definition = { object, symbol, weak: false, common: true, commonSize: symbol.size, commonAlign: align, address: 0n };
    this.commons.push(g);
  }

  /** True when `name` is referenced (non-weak) and has no definition: an archive member defining it should be loaded. */
  wants(name: string): boolean {
    const g = this.globals.get(name);
    return g !== undefined && g.definition === undefined && g.strongReference !== undefined;
  }

  /** Defines `name` as a linker-provided symbol at `address` unless an input defines it; returns true if it did. */
  provide(name: string, address: bigint): boolean {
    const g = this.entry(name);
    if (g.definition !== undefined && g.definition.object !== undefined) return false;
    g.definition = { object: undefined, symbol: undefined, weak: false, common: false, commonSize: 0n, commonAlign: 0n, address };
    return true;
  }
}
