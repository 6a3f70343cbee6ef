// Go-to-definition for the Source view without a language server: a small
// scanner finds function definitions and declarations, #define macros and
// struct/enum/union/typedef names in the guest C sources; lookups search the
// program's own folder first, then librvos, then include/rvos. Pure.

import { sourceFileId, type SourceFile } from '../../../emulator/host/worker/source-listing.ts';

export type DefinitionKind = 'function' | 'declaration' | 'macro' | 'type';

/** Where a name is defined: the file's id ("hello/hello.c"), 1-based line and column of the name. */
export interface Definition {
  name: string;
  fileId: string;
  folder: string;
  line: number;
  column: number;
  kind: DefinitionKind;
}

const FUNCTION_HEAD = /^(?:[A-Za-z_][\w \t*]*?[ \t*])?([A-Za-z_]\w*)[ \t]*\(/gm;
const MACRO = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)/gm;
const TAGGED = /^(?:typedef[ \t]+)?(?:struct|enum|union)[ \t]+([A-Za-z_]\w*)[ \t]*\{/gm;
const TYPEDEF_END = /\}[ \t]*([A-Za-z_]\w*)[ \t]*;/gm;
const TYPEDEF_SIMPLE = /^typedef[^;{}]*?\b([A-Za-z_]\w*)[ \t]*;/gm;
const NOT_FUNCTIONS = new Set(['if', 'while', 'for', 'switch', 'return', 'sizeof']);

/** Returns text with comments blanked (newlines kept), so positions stay the same. */
export function blankComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (comment) => comment.replace(/[^\n]/g, ' '));
}

function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

/** Returns the definitions in one file's text (function bodies: 'function', prototypes: 'declaration'). */
export function scanDefinitions(file: Pick<SourceFile, 'folder' | 'name' | 'text'>): Definition[] {
  const text = blankComments(file.text);
  const found: Definition[] = [];
  const add = (match: RegExpExecArray, kind: DefinitionKind): void => {
    const name = match[1]!;
    const { line, column } = position(text, match.index + match[0].lastIndexOf(name, match[0].length - 1));
    found.push({ name, fileId: sourceFileId(file), folder: file.folder, line, column, kind });
  };
  for (const match of text.matchAll(FUNCTION_HEAD)) {
    if (NOT_FUNCTIONS.has(match[1]!) || match[0].startsWith('typedef')) continue;
    const rest = text.slice(match.index + match[0].length);
    const end = rest.search(/[;{]/);
    if (end >= 0) add(match, rest[end] === '{' ? 'function' : 'declaration');
  }
  for (const pattern of [MACRO, TAGGED, TYPEDEF_END, TYPEDEF_SIMPLE]) {
    for (const match of text.matchAll(pattern)) add(match, pattern === MACRO ? 'macro' : 'type');
  }
  return found;
}

const KIND_RANK: Record<DefinitionKind, number> = { function: 0, macro: 0, type: 0, declaration: 1 };

/** Definitions of every file, looked up by name from a file's point of view. */
export class DefinitionIndex {
  private readonly byName = new Map<string, Definition[]>();

  constructor(files: readonly Pick<SourceFile, 'folder' | 'name' | 'text'>[]) {
    for (const file of files) {
      for (const definition of scanDefinitions(file)) this.byName.set(definition.name, [...(this.byName.get(definition.name) ?? []), definition]);
    }
  }

  /** Returns the best definition of name seen from file fromId in folder fromFolder (same file, same folder, librvos, include/rvos; bodies before prototypes), or undefined. */
  lookup(name: string, fromId: string, fromFolder: string): Definition | undefined {
    const scope = (d: Definition): number => (d.fileId === fromId ? 0 : d.folder === fromFolder ? 1 : d.folder === 'librvos' ? 2 : d.folder.startsWith('include') ? 3 : -1);
    const candidates = (this.byName.get(name) ?? []).filter((d) => scope(d) >= 0);
    candidates.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || scope(a) - scope(b));
    return candidates[0];
  }
}
