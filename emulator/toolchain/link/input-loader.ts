// Loads the link's inputs: every object file, then archive members only when
// they define a symbol that is still undefined, repeated over all archives
// until nothing changes (all archives behave as one --start-group). Problems
// become diagnostics naming the input; a bad input is skipped, not fatal.

import { isArchive } from '../archive/archive-format.ts';
import { readArchive, type Archive } from '../archive/archive-reader.ts';
import { SHN_UNDEF, STB_LOCAL } from '../elf/elf-constants.ts';
import { readElf } from '../elf/elf-reader.ts';
import { readInputObject, type InputObject } from './input-object.ts';
import { guard, LinkError, type LinkDiagnostics } from './link-diagnostics.ts';
import type { SymbolTable } from './symbol-table.ts';

/** One input: bytes with a display name (file name), or bare bytes (named input#N). */
export type LinkInput = Uint8Array | { name: string; bytes: Uint8Array };

interface LoadedArchive {
  name: string;
  archive: Archive;
  /** symbol name -> member indices defining it */
  index: Map<string, number[]>;
  loaded: Set<number>;
}

/**
 * Reads all inputs into `symbols`; returns the loaded objects in link order
 * (objects in input order, then archive members in the order they were pulled).
 * Reports unreadable inputs and duplicate definitions into `diags`.
 */
export function loadInputs(inputs: readonly LinkInput[], symbols: SymbolTable, diags: LinkDiagnostics): InputObject[] {
  const objects: InputObject[] = [];
  const archives: LoadedArchive[] = [];
  inputs.forEach((input, i) => {
    const { name, bytes } = input instanceof Uint8Array ? { name: `input#${i}`, bytes: input } : input;
    if (isArchive(bytes)) {
      const archive = guard(diags, name, () => openArchive(name, bytes));
      if (archive !== undefined) archives.push(archive);
      return;
    }
    const object = guard(diags, name, () => readInputObject(name, bytes));
    if (object !== undefined) addObject(object, objects, symbols, diags);
  });
  pullMembers(archives, objects, symbols, diags);
  return objects;
}

function addObject(object: InputObject, objects: InputObject[], symbols: SymbolTable, diags: LinkDiagnostics): void {
  objects.push(object);
  guard(diags, object.name, () => symbols.addObject(object));
}

function pullMembers(archives: LoadedArchive[], objects: InputObject[], symbols: SymbolTable, diags: LinkDiagnostics): void {
  for (let changed = true; changed;) {
    changed = false;
    for (const a of archives) {
      for (const [name, members] of a.index) {
        if (!symbols.wants(name)) continue;
        const member = members.find((m) => !a.loaded.has(m));
        if (member === undefined) continue;
        a.loaded.add(member);
        changed = true;
        const m = a.archive.members[member]!;
        const memberName = `${a.name}(${m.name})`;
        const object = guard(diags, memberName, () => readInputObject(memberName, m.data));
        if (object !== undefined) addObject(object, objects, symbols, diags);
      }
    }
  }
}

function openArchive(name: string, bytes: Uint8Array): LoadedArchive {
  let archive: Archive;
  try {
    archive = readArchive(bytes);
  } catch (error) {
    throw new LinkError(name, error instanceof Error ? error.message : String(error));
  }
  const index = new Map<string, number[]>();
  const add = (symbol: string, member: number): void => {
    const list = index.get(symbol) ?? [];
    if (!list.includes(member)) list.push(member);
    index.set(symbol, list);
  };
  if (archive.symbols !== undefined) archive.symbols.forEach((s) => add(s.name, s.member));
  else archive.members.forEach((m, i) => definedNames(m.data).forEach((s) => add(s, i)));
  return { name, archive, index, loaded: new Set() };
}

/** Defined non-local symbol names of a member without an archive index ([] when it is not an object). */
function definedNames(data: Uint8Array): string[] {
  try {
    return readElf(data).symbols.filter((s) => s.bind !== STB_LOCAL && s.shndx !== SHN_UNDEF && s.name !== '').map((s) => s.name);
  } catch {
    return [];
  }
}
