// Electron main's guest source files: which folder the Source view edits (the
// checkout's fixtures/userland when unpackaged; a user workspace copy under
// userData, seeded from the bundled source listing, when packaged: never the
// app bundle), and the IPC commands that list and write them, validated.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isSourceListing, type SourceListing } from '../emulator/host/worker/source-listing.ts';
import { MAX_SOURCE_BYTES, isEditableSourcePath, parseSourceChange, type SourceChange } from '../emulator/host/userland-build/source-paths.ts';
import { listUserlandSources, writeUserlandSource } from '../emulator/host/worker/userland-files.ts';
import { defineIpcCommand, type IpcCommandTable } from './ipc-guard.ts';
import { startSourceWatcher, type SourceWatcherDeps } from './source-watcher.ts';

export interface SourceRootOptions {
  packaged: boolean;
  /** fixtures/userland of the checkout main runs from (unpackaged). */
  checkoutUserland: string;
  /** The source listing (rvos/sources.json) built into the app (packaged). */
  bundledListing: string;
  /** app.getPath('userData'). */
  userData: string;
  /** $RVOS_USERLAND_DIR, which overrides the others when set. */
  override?: string;
}

/** Returns the folder to edit; when packaged, creates userData/workspace and copies in any bundled source it lacks. Throws when the bundled listing is unreadable. */
export function sourceRoot(options: SourceRootOptions): string {
  if (options.override !== undefined && options.override !== '') return options.override;
  if (!options.packaged) return options.checkoutUserland;
  const workspace = join(options.userData, 'workspace');
  seedWorkspace(workspace, readBundledListing(options.bundledListing));
  return workspace;
}

function readBundledListing(path: string): SourceListing {
  const listing: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!isSourceListing(listing)) throw new Error(`${path}: not a source listing`);
  return listing;
}

/** Writes each listed file that is not yet in workspace (the user's edits are kept); refuses paths outside programs/, librvos/ and include/rvos/. */
export function seedWorkspace(workspace: string, listing: SourceListing): void {
  for (const file of listing.files) {
    if (!isEditableSourcePath(file.path) && !/^include\/rvos\/[A-Za-z0-9_-]+\.h$/.test(file.path)) continue;
    const target = join(workspace, file.path);
    if (existsSync(target)) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
}

export interface SourceFileService {
  readonly root: string;
  /** The listing of root; throws when it cannot be read. */
  list(): SourceListing;
  /** Writes a checked save request; throws (nothing written) when refused. */
  write(request: unknown): SourceChange;
}

/** The service over root; onWritten runs after each write (the watcher notes it as the workbench's own). */
export function sourceFileService(root: string, onWritten: (change: SourceChange) => void): SourceFileService {
  return {
    root,
    list: () => listUserlandSources(root),
    write(request) {
      const change = writeUserlandSource(root, request);
      onWritten(change);
      return change;
    },
  };
}

/** The renderer's commands: 'source-list' (no payload) and 'source-write' ({path, text} of an editable file, at most MAX_SOURCE_BYTES). */
export function sourceIpcCommands(service: SourceFileService): IpcCommandTable {
  return {
    'source-list': defineIpcCommand((payload) => (payload === undefined ? null : undefined), () => service.list()),
    'source-write': defineIpcCommand((payload) => {
      const change = parseSourceChange(payload);
      return typeof change === 'string' ? undefined : change;
    }, (change) => { service.write(change); return null; }, MAX_SOURCE_BYTES * 2 + 1024),
  };
}

/** Resolves the root, starts its watcher and returns the service and a close(); undefined (with a warning) when the root cannot be prepared. */
export function openSourceFiles(options: SourceRootOptions, deps: SourceWatcherDeps): { service: SourceFileService; close(): void } | undefined {
  let root: string;
  try {
    root = sourceRoot(options);
  } catch (error) {
    deps.warn(`no guest sources to edit: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  const watcher = startSourceWatcher(root, deps);
  return { service: sourceFileService(root, (change) => watcher?.noteWritten(change)), close: () => watcher?.close() };
}
