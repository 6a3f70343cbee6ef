// Watches a userland root for edits made by another editor: each changed
// editable source (source-paths.ts) is read and reported once its text settles,
// except texts the workbench itself just wrote (noteWritten). Node only.

import { watch, readFileSync, type FSWatcher } from 'node:fs';
import { join, sep } from 'node:path';
import { isEditableSourcePath, type SourceChange } from '../userland-build/source-paths.ts';

/** How long a file must stay quiet before its change is reported (editors write in steps). */
export const SETTLE_MS = 60;

export interface UserlandWatcher {
  /** Records text as the file's known content, so the watcher does not report the workbench's own write. */
  noteWritten(change: SourceChange): void;
  close(): void;
}

/** Starts watching root (recursively) and calls onChange for each external edit; throws when root cannot be watched. */
export function watchUserlandSources(root: string, onChange: (change: SourceChange) => void): UserlandWatcher {
  const known = new Map<string, string>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const report = (path: string): void => {
    timers.delete(path);
    let text: string;
    try {
      text = readFileSync(join(root, path), 'utf8');
    } catch {
      return; // deleted or renamed away: the listing shows it until the next load
    }
    if (known.get(path) === text) return;
    known.set(path, text);
    onChange({ path, text });
  };
  const watcher: FSWatcher = watch(root, { recursive: true }, (_event, filename) => {
    if (filename === null) return;
    const path = filename.split(sep).join('/');
    if (!isEditableSourcePath(path)) return;
    clearTimeout(timers.get(path));
    timers.set(path, setTimeout(() => report(path), SETTLE_MS));
  });
  return {
    noteWritten: (change) => known.set(change.path, change.text),
    close() {
      watcher.close();
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
