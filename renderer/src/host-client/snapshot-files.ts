// Snapshot files for the user: in Electron through main's open/save dialogs
// (window.rvos, main/snapshot-files.ts), in the browser host as a download and
// a file input. Both resolve undefined when the user cancels.
import { snapshotFileName, SNAPSHOT_EXTENSION } from '../../../preload/snapshot-file-name.ts';
import type { SnapshotFileOpened, SnapshotFileSaved } from '../../../preload/workbench-api.ts';
import type { PickedSnapshotFile } from '../support/snapshot-record.ts';
import { replyValue, workbenchApi } from './workbench-bridge.ts';

/** Saves bytes under a name derived from name; returns the file name, or undefined when canceled. Rejects when writing fails. */
export async function saveSnapshotFile(name: string, bytes: Uint8Array): Promise<string | undefined> {
  const api = workbenchApi();
  if (api === undefined) return download(snapshotFileName(name), bytes);
  const saved = replyValue(await api.saveSnapshotFile(name, bytes)) as SnapshotFileSaved;
  return saved.canceled ? undefined : saved.name;
}

/** Lets the user pick a snapshot file; returns its name and bytes, or undefined when canceled. Rejects when reading fails. */
export async function openSnapshotFile(): Promise<PickedSnapshotFile | undefined> {
  const api = workbenchApi();
  if (api === undefined) return pickFile();
  const opened = replyValue(await api.openSnapshotFile()) as SnapshotFileOpened;
  return opened.canceled ? undefined : { name: opened.name, bytes: opened.bytes };
}

function download(fileName: string, bytes: Uint8Array): string {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return fileName;
}

function pickFile(): Promise<PickedSnapshotFile | undefined> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = `.${SNAPSHOT_EXTENSION},application/octet-stream`;
    input.addEventListener('cancel', () => resolve(undefined));
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file === undefined) return resolve(undefined);
      file.arrayBuffer().then((buffer) => resolve({ name: file.name, bytes: new Uint8Array(buffer) }), reject);
    });
    input.click();
  });
}
