// The node file system behind the preprocessor's FileSystem interface
// ({ read(path) }): reads UTF-8 text, caches each file for the run, and
// answers undefined for anything that cannot be read (missing, a directory).

import { readFileSync } from 'node:fs';
import type { FileSystem } from '../preprocess/preprocess.ts';

/** Returns a FileSystem reading real files (relative paths from the current directory), with a per-instance cache. */
export function nodeFileSystem(): FileSystem {
  const cache = new Map<string, string | undefined>();
  return {
    read(path: string): string | undefined {
      if (cache.has(path)) return cache.get(path);
      let text: string | undefined;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        text = undefined;
      }
      cache.set(path, text);
      return text;
    },
  };
}
