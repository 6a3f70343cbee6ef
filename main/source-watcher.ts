// Electron main's watcher of the edited source folder (main/source-files.ts):
// edits another editor makes there go to the renderer on SOURCE_CHANGED_CHANNEL,
// which refreshes the Source view and asks the VM host to rebuild and reload.
// The workbench's own writes are noted and not echoed back.

import type { SourceChange } from '../emulator/host/userland-build/source-paths.ts';
import { watchUserlandSources, type UserlandWatcher } from '../emulator/host/worker/userland-watcher.ts';

export interface SourceWatcherDeps {
  /** Sends a change to the workbench window (no-op without one). */
  send(change: SourceChange): void;
  /** Reports a watcher that could not start (the Source view still saves; external edits are not followed). */
  warn(message: string): void;
}

/** Starts watching root; returns the watcher (noteWritten, close), or undefined when root cannot be watched. */
export function startSourceWatcher(root: string, deps: SourceWatcherDeps): UserlandWatcher | undefined {
  try {
    return watchUserlandSources(root, deps.send);
  } catch (error) {
    deps.warn(`not watching ${root}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
