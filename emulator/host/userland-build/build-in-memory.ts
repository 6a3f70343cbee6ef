// The one build of a guest program, with no Node APIs: compiles a program's C
// files from a SourceTree with our toolchain and links crt0 + objects + libc.a
// for rvos. After a librvos or include edit, librvos is recompiled into libc.a.
// Objects are cached by content (file text, header revision, -O level).

import { readArchive } from '../../toolchain/archive/archive-reader.ts';
import { writeArchive } from '../../toolchain/archive/archive-writer.ts';
import { C_COMPILER } from '../../toolchain/cc/driver/c-compiler.ts';
import { compileToObject, type SourceContext } from '../../toolchain/cc/driver/compile-input.ts';
import { linkRvos } from '../../toolchain/cc/driver/rvos-link.ts';
import type { FileSystem } from '../../toolchain/cc/preprocess/preprocess.ts';
import type { SourceDiagnostic } from '../protocol/hot-reload-types.ts';
import { librvosSourcePaths, programSourcePaths, type SourceTree } from './source-tree.ts';
import { parseDiagnostics } from './parse-diagnostics.ts';

export interface InMemoryBuild {
  /** The linked ELF, or undefined when there were errors. */
  readonly elf: Uint8Array | undefined;
  /** The messages as the CLI prints them (paths under tree.root). */
  readonly messages: string;
  /** The same messages as data, paths relative to the tree. */
  readonly diagnostics: SourceDiagnostic[];
}

/** Compiled objects by content key, and the last rebuilt libc.a; keep one per tree for fast rebuilds. */
export class BuildCache {
  readonly objects = new Map<string, { value: Uint8Array | undefined; messages: string }>();
  libc: { key: string; bytes: Uint8Array | undefined; messages: string } | undefined;
}

function treeFileSystem(tree: SourceTree): FileSystem {
  const prefix = `${tree.root}/`;
  return { read: (path) => (path.startsWith(prefix) ? tree.files.get(path.slice(prefix.length)) : undefined) };
}

function context(tree: SourceTree, includePaths: string[], optimize: 0 | 1): SourceContext {
  return { fs: treeFileSystem(tree), includePaths, defines: [], undefines: [], target: 'rvos', compiler: C_COMPILER, optimize };
}

/** One source (relative path) to an object, from the cache when its text, the headers and the options are unchanged. */
function compileCached(tree: SourceTree, cache: BuildCache, path: string, ctx: SourceContext): { value: Uint8Array | undefined; messages: string } {
  const key = `O${ctx.optimize ?? 0}|h${tree.headerRevision}|${ctx.includePaths.join(':')}|${path}|${tree.files.get(path) ?? ''}`;
  const hit = cache.objects.get(key);
  if (hit !== undefined) return hit;
  const result = compileToObject(`${tree.root}/${path}`, path.endsWith('.S') ? 'asm-cpp' : 'c', ctx);
  const entry = { value: result.value, messages: result.messages };
  cache.objects.set(key, entry);
  return entry;
}

/** libc.a as prebuilt, or (after a librvos/include edit) with every librvos member recompiled from the tree. */
function runtimeLibc(tree: SourceTree, cache: BuildCache): { bytes: Uint8Array | undefined; messages: string } {
  if (!tree.runtimeEdited) return { bytes: tree.runtime.libc, messages: '' };
  const ctx = context(tree, [`${tree.root}/include`], 0);
  const sources = librvosSourcePaths(tree);
  const compiled = sources.map((path) => ({ name: path.slice('librvos/'.length).replace(/\.[cS]$/, '.o'), ...compileCached(tree, cache, path, ctx) }));
  const key = `h${tree.headerRevision}|${sources.map((p) => `${p}\0${tree.files.get(p) ?? ''}`).join('\0')}`;
  if (cache.libc?.key === key) return cache.libc;
  const messages = compiled.map((c) => c.messages).join('');
  let bytes: Uint8Array | undefined;
  if (compiled.every((c) => c.value !== undefined)) {
    const fresh = new Map(compiled.map((c) => [c.name, c.value!]));
    const members = readArchive(tree.runtime.libc).members.map((m) => ({ name: m.name, data: fresh.get(m.name) ?? m.data }));
    for (const [name, data] of fresh) if (!members.some((m) => m.name === name)) members.push({ name, data });
    bytes = writeArchive(members);
  }
  cache.libc = { key, bytes, messages };
  return cache.libc;
}

/**
 * Builds program `name` of `tree` at -O`optimize`. Never throws for bad sources: errors come back
 * as `elf` undefined with the diagnostics (compiler, runtime library and linker messages).
 */
export function buildProgramInMemory(tree: SourceTree, name: string, optimize: 0 | 1 = 0, cache = new BuildCache()): InMemoryBuild {
  const sources = programSourcePaths(tree, name);
  if (sources.length === 0) {
    const messages = `programs/${name}: error: no such program\n`;
    return { elf: undefined, messages, diagnostics: parseDiagnostics(messages, tree.root, `programs/${name}`) };
  }
  const ctx = context(tree, [`${tree.root}/programs/${name}`, `${tree.root}/include`], optimize);
  const objects = sources.filter((p) => p.endsWith('.c')).map((path) => ({ name: `${tree.root}/${path}`, ...compileCached(tree, cache, path, ctx) }));
  const libc = runtimeLibc(tree, cache);
  let messages = libc.messages + objects.map((o) => o.messages).join('');
  let elf: Uint8Array | undefined;
  if (libc.bytes !== undefined && objects.every((o) => o.value !== undefined)) {
    const linked = linkRvos([
      { name: 'crt0.o', bytes: tree.runtime.crt0 },
      ...objects.map((o) => ({ name: o.name, bytes: o.value! })),
      { name: 'libc.a', bytes: libc.bytes },
    ]);
    messages += linked.messages;
    elf = linked.value;
  }
  const main = sources.find((p) => p.endsWith(`/${name}.c`)) ?? sources[0]!;
  return { elf, messages, diagnostics: parseDiagnostics(messages, tree.root, main) };
}
