// Finding #include files: the abstract file system the workbench supplies
// (files may live in memory), the "..." and <...> search orders, and POSIX-style
// path joining without node:path so this runs in any JavaScript host.

/** Read access to source files; returns undefined when the file does not exist. */
export interface FileSystem {
  read(path: string): string | undefined;
}

export interface SearchPaths {
  /** -iquote directories: searched only for "..." includes, after the includer's directory. */
  readonly quote: readonly string[];
  /** -I directories, then system directories: searched for both forms. */
  readonly angle: readonly string[];
}

export interface ResolvedInclude {
  path: string;
  text: string;
  /** Index in the combined search list where it was found (-1 = the includer's directory), for #include_next. */
  index: number;
}

/** Returns the directory part of a path ('' for a bare file name). */
export function dirName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : i === 0 ? '/' : path.slice(0, i);
}

/** Returns `dir/name` normalized (`.` and `x/..` removed); absolute names are returned normalized as they are. */
export function joinPath(dir: string, name: string): string {
  const full = name.startsWith('/') || dir === '' ? name : `${dir}/${name}`;
  const abs = full.startsWith('/');
  const out: string[] = [];
  for (const part of full.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out.at(-1) !== '..') out.pop();
    else if (part !== '..' || !abs) out.push(part);
  }
  return (abs ? '/' : '') + out.join('/');
}

/**
 * Looks a header up: for "..." first the includer's directory, then the quote
 * paths, then the angle paths; for <...> only the angle paths. With `after`
 * (#include_next) the search starts after that index. Returns undefined when not found.
 */
export function resolveInclude(
  name: string,
  quoted: boolean,
  includer: string,
  paths: SearchPaths,
  fs: FileSystem,
  after?: number,
): ResolvedInclude | undefined {
  const list = quoted ? [...paths.quote, ...paths.angle] : paths.angle;
  const offset = quoted ? 0 : paths.quote.length;
  const tryPath = (path: string, index: number): ResolvedInclude | undefined => {
    const text = fs.read(path);
    return text === undefined ? undefined : { path, text, index };
  };
  if (name.startsWith('/')) return tryPath(joinPath('', name), -1);
  if (quoted && after === undefined) {
    const r = tryPath(joinPath(dirName(includer), name), -1);
    if (r !== undefined) return r;
  }
  for (let i = 0; i < list.length; i++) {
    const index = i + (quoted ? 0 : offset);
    if (after !== undefined && index <= after) continue;
    const r = tryPath(joinPath(list[i], name), index);
    if (r !== undefined) return r;
  }
  return undefined;
}

/** A FileSystem over an in-memory map of path -> contents (for tests and the workbench). */
export function memoryFileSystem(files: Record<string, string>): FileSystem {
  const map = new Map(Object.entries(files).map(([k, v]) => [joinPath('', k), v]));
  return { read: (path) => map.get(joinPath('', path)) };
}
