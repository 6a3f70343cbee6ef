// The snapshots store's real dependencies in the app (WbApp.vue provides them
// at startup, adding what to do after a restore): the VM connection, IndexedDB,
// the display thumbnail and the snapshot files of the host (Electron dialogs or
// browser download/file input).

import { captureDisplayThumbnail } from '../support/display-thumbnail.ts';
import { openSnapshotDb } from '../support/snapshot-db.ts';
import type { SnapshotDeps } from '../support/snapshot-record.ts';
import { openSnapshotFile, saveSnapshotFile } from './snapshot-files.ts';
import { vmConnection } from './vm-connection.ts';

/** Returns the dependencies of the running app. */
export function appSnapshotDeps(): Omit<SnapshotDeps, 'restored'> {
  return {
    host: vmConnection, db: openSnapshotDb(), thumbnail: () => captureDisplayThumbnail(),
    saveFile: saveSnapshotFile, openFile: openSnapshotFile, now: () => new Date(),
  };
}
