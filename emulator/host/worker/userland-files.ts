// The guest sources on disk under one userland root (fixtures/userland, a
// temporary copy, or Electron's user workspace): the listing the Source view
// shows and the checked write of one editable file. Node only.

import { lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { USERLAND_DIR } from '../../toolchain/cc/driver/runtime-library.ts';
import type { SourceFile, SourceListing } from './source-listing.ts';
import { parseSourceChange, type SourceChange } from '../userland-build/source-paths.ts';

/** The root the browser host edits: $RVOS_USERLAND_DIR when set (the e2e tests' temporary copy), else the checkout's fixtures/userland. */
export function userlandRoot(): string {
  return process.env['RVOS_USERLAND_DIR'] ?? USERLAND_DIR;
}

function sourceNames(dir: string, extensions: readonly string[]): string[] {
  return readdirSync(dir).filter((name) => extensions.some((ext) => name.endsWith(ext))).sort();
}

function folderSources(root: string, folder: string, dirPath: string, readOnly: boolean, extensions: readonly string[]): SourceFile[] {
  return sourceNames(join(root, dirPath), extensions).map((name) => ({
    folder, name, path: `${dirPath}/${name}`, text: readFileSync(join(root, dirPath, name), 'utf8'), readOnly,
  }));
}

/** Every program's sources (programs by name), librvos's, then include/rvos's headers (read-only); throws when root cannot be read. */
export function listUserlandSources(root: string): SourceListing {
  const programs = readdirSync(join(root, 'programs'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return {
    files: [
      ...programs.flatMap((name) => folderSources(root, name, `programs/${name}`, false, ['.c', '.h'])),
      ...folderSources(root, 'librvos', 'librvos', false, ['.c', '.h', '.S']),
      ...folderSources(root, 'include/rvos', 'include/rvos', true, ['.h']),
    ],
  };
}

/**
 * Writes a save request's text over an existing editable file under root and
 * returns the change written; throws (nothing written) when the request is
 * malformed, names a non-editable path, escapes root, or the file is missing,
 * not a regular file or a symbolic link.
 */
export function writeUserlandSource(root: string, request: unknown): SourceChange {
  const change = parseSourceChange(request);
  if (typeof change === 'string') throw new Error(change);
  const absoluteRoot = resolve(root);
  const file = resolve(absoluteRoot, change.path);
  const inside = relative(absoluteRoot, file);
  if (inside.startsWith('..') || isAbsolute(inside)) throw new Error(`outside the userland folder: ${change.path}`);
  let isFile = false;
  try {
    isFile = lstatSync(file).isFile();
  } catch {
    throw new Error(`no such source file: ${change.path}`);
  }
  if (!isFile) throw new Error(`not a regular file: ${change.path}`);
  writeFileSync(file, change.text);
  return change;
}
