// "Which function is this process in": symbol maps of the boot image's user
// programs, built lazily per program and cached, for the VM host to annotate an
// introspection snapshot (the kernel itself carries no symbols). A process is
// matched to its program by name: init names a process after the last path
// component of its program ("shell" for /bin/shell).

import type { BootImage } from '../kernel/context/kernel-context.ts';
import type { IntrospectionSnapshot } from '../kernel/introspection/introspection-types.ts';
import { baseName } from '../kernel/services/init-spawn.ts';
import { readElf } from '../toolchain/elf/elf-reader.ts';
import { SymbolMap } from '../toolchain/elf/symbol-map.ts';
import type { HostIntrospection, HostProcessView } from './protocol/messages.ts';

/** Symbol maps of one boot image's programs, keyed by program path. */
export class ProcessSymbols {
  /** Program path -> its map, or null when its ELF does not parse. */
  private readonly maps = new Map<string, SymbolMap | null>();

  constructor(readonly image: BootImage) {}

  /**
   * Returns `func+0x1c` (or `func`) for `pc` ("0x…") in the program a process
   * named `name` runs; undefined when no single boot program has that name,
   * its ELF does not parse, or no symbol covers the pc.
   */
  describe(name: string, pc: string): string | undefined {
    const path = this.programPath(name);
    if (path === undefined || !/^0x[0-9a-f]+$/i.test(pc)) return undefined;
    return this.map(path)?.describe(BigInt(pc));
  }

  /** The path of the one boot program whose last component is `name`, else undefined. */
  private programPath(name: string): string | undefined {
    const matches = this.image.programs.filter((p) => baseName(p.path) === name);
    return matches.length === 1 ? matches[0]!.path : undefined;
  }

  private map(path: string): SymbolMap | undefined {
    if (!this.maps.has(path)) this.maps.set(path, buildMap(this.image, path));
    return this.maps.get(path) ?? undefined;
  }
}

function buildMap(image: BootImage, path: string): SymbolMap | null {
  const program = image.programs.find((p) => p.path === path);
  if (program === undefined) return null;
  try {
    return SymbolMap.fromElf(readElf(program.elf));
  } catch {
    return null; // a malformed ELF has no symbols to show; the kernel reports its load failure
  }
}

/** Returns `snapshot` with each user process's `function` set where its pc has a symbol. */
export function annotateFunctions(snapshot: IntrospectionSnapshot, symbols: ProcessSymbols): HostIntrospection {
  const processes = snapshot.processes.map((p): HostProcessView => {
    const fn = p.kind === 'user' && p.pc !== null ? symbols.describe(p.name, p.pc) : undefined;
    return fn === undefined ? p : { ...p, function: fn };
  });
  return { ...snapshot, processes };
}
