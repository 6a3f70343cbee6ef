// The userland sources a build compiles from, as plain data with no Node APIs
// (the browser worker holds one): the text of every file under fixtures/userland's
// include/, librvos/ and programs/ by relative path, plus the prebuilt runtime
// (crt0.o, libc.a with librvos inside) the programs link against.

/** crt0.o and libc.a for --target=rvos (librvos is a member set of libc.a). */
export interface RuntimeObjects {
  readonly crt0: Uint8Array;
  readonly libc: Uint8Array;
}

export interface SourceTree {
  /** The directory the relative paths are under (real on Node, "/userland" in the worker); diagnostics use it. */
  readonly root: string;
  /** Relative path ("programs/hello/hello.c", "librvos/wire.c", "include/rvos/rvos.h") -> text. */
  readonly files: Map<string, string>;
  readonly runtime: RuntimeObjects;
  /** Set once a librvos or include file was edited: builds then recompile librvos into libc.a. */
  runtimeEdited: boolean;
  /** Bumped on every header edit (the object cache keys on it). */
  headerRevision: number;
}

/** The virtual root the worker's tree uses. */
export const VIRTUAL_USERLAND_ROOT = '/userland';

/** A tree over `files` (relative path -> text). */
export function makeSourceTree(root: string, files: Iterable<[string, string]>, runtime: RuntimeObjects): SourceTree {
  return { root, files: new Map(files), runtime, runtimeEdited: false, headerRevision: 0 };
}

/** Program names (folders under programs/), sorted. */
export function treeProgramNames(tree: SourceTree): string[] {
  const names = new Set<string>();
  for (const path of tree.files.keys()) {
    const m = /^programs\/([^/]+)\/[^/]+$/.exec(path);
    if (m !== null) names.add(m[1]!);
  }
  return [...names].sort();
}

/** The .c and .h files of program `name` (relative paths, sorted). */
export function programSourcePaths(tree: SourceTree, name: string): string[] {
  const prefix = `programs/${name}/`;
  return [...tree.files.keys()].filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/') && /\.[ch]$/.test(p)).sort();
}

/** librvos's .c and .S files (relative paths, sorted). */
export function librvosSourcePaths(tree: SourceTree): string[] {
  return [...tree.files.keys()].filter((p) => /^librvos\/[^/]+\.[cS]$/.test(p)).sort();
}

/** The programs an edit of `path` rebuilds: its program, or all of them for librvos and include files; [] for anything else. */
export function programsAffectedBy(tree: SourceTree, path: string): string[] {
  const m = /^programs\/([^/]+)\/[^/]+$/.exec(path);
  if (m !== null) return [m[1]!];
  return path.startsWith('librvos/') || path.startsWith('include/') ? treeProgramNames(tree) : [];
}

/** Records `text` as the current version of `path` (later builds use it). */
export function setSource(tree: SourceTree, path: string, text: string): void {
  tree.files.set(path, text);
  if (path.endsWith('.h')) tree.headerRevision++;
  if (path.startsWith('librvos/') || path.startsWith('include/')) tree.runtimeEdited = true;
}
