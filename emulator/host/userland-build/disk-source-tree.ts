// The SourceTree of fixtures/userland read from disk (Node only): include/,
// librvos/ and the program folders, with the runtime library (crt0.o, libc.a)
// from the toolchain's cache. The Node build, the CLI's --watch and the tests
// use it; the worker gets the same tree through userland-tree-codec.ts.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { C_COMPILER } from '../../toolchain/cc/driver/c-compiler.ts';
import { nodeFileSystem } from '../../toolchain/cc/driver/file-system.ts';
import { defaultCacheDir, runtimeLibrary, USERLAND_DIR, USERLAND_INCLUDE } from '../../toolchain/cc/driver/runtime-library.ts';
import { makeSourceTree, type RuntimeObjects, type SourceTree } from './source-tree.ts';

/** The sources under `dir` (recursively) whose name passes `keep`, as [path relative to USERLAND_DIR, text]. */
function readSources(dir: string, keep: (name: string) => boolean): [string, string][] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e): [string, string][] => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return readSources(path, keep);
    return keep(e.name) ? [[relative(USERLAND_DIR, path), readFileSync(path, 'utf8')]] : [];
  });
}

/** The rvos runtime library from the cache in `cacheDir` (built when cold); throws Error with the diagnostics when it does not build. */
export function rvosRuntime(cacheDir?: string): RuntimeObjects {
  const ctx = { fs: nodeFileSystem(), includePaths: [USERLAND_INCLUDE], defines: [], undefines: [], target: 'rvos' as const, compiler: C_COMPILER };
  const r = runtimeLibrary(ctx, defaultCacheDir(cacheDir));
  if (r.value === undefined) throw new Error(r.messages);
  return { crt0: r.value.crt0, libc: r.value.libc };
}

/**
 * The tree of fixtures/userland as on disk: include/ and librvos/ always, and `programs` (default all).
 * Throws when the folders cannot be read or the runtime library does not build.
 */
export function diskSourceTree(programs?: readonly string[], runtime: RuntimeObjects = rvosRuntime()): SourceTree {
  const source = (name: string): boolean => /\.[chS]$/.test(name);
  const files = [
    ...readSources(join(USERLAND_DIR, 'include'), source),
    ...readSources(join(USERLAND_DIR, 'librvos'), source),
    ...(programs ?? readdirSync(join(USERLAND_DIR, 'programs'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name))
      .flatMap((name) => readSources(join(USERLAND_DIR, 'programs', name), (f) => /\.[ch]$/.test(f))),
  ];
  return makeSourceTree(USERLAND_DIR, files, runtime);
}
