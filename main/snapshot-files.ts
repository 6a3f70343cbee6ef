// Snapshot files in Electron: main shows the open/save dialog and reads or
// writes the file itself, so a path only ever comes from a dialog the user
// answered, never from the renderer. Sizes are bounded; names are sanitised.
import { basename } from 'node:path';
import { MAX_SNAPSHOT_NAME_LENGTH, SNAPSHOT_EXTENSION, snapshotFileName } from '../preload/snapshot-file-name.ts';
import type { SnapshotFileOpened, SnapshotFileSaved } from '../preload/workbench-api.ts';

/** The largest snapshot file read or written (a 1 GiB-RAM VM compresses far below this). */
export const MAX_SNAPSHOT_FILE_BYTES = 512 * 1024 * 1024;
const FILTERS = [{ name: 'rvos snapshot', extensions: [SNAPSHOT_EXTENSION] }];

/** The dialogs and file access snapshot files need (Electron's dialog, node:fs/promises). */
export interface SnapshotFileDeps {
  showOpenDialog(options: { filters: typeof FILTERS; properties: ['openFile'] }): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: { filters: typeof FILTERS; defaultPath: string }): Promise<{ canceled: boolean; filePath?: string }>;
  fileSize(path: string): Promise<number>;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
}

/** The snapshot-write payload: a suggested file name and the file's bytes. */
export interface SnapshotWriteRequest {
  name: string;
  bytes: Uint8Array;
}

/** Returns the payload when it is {name: non-empty string <= 120, bytes: Uint8Array <= MAX}, else undefined. */
export function parseSnapshotWrite(payload: unknown): SnapshotWriteRequest | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { name, bytes } = payload as Partial<SnapshotWriteRequest>;
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_SNAPSHOT_NAME_LENGTH) return undefined;
  if (!(bytes instanceof Uint8Array) || bytes.length > MAX_SNAPSHOT_FILE_BYTES) return undefined;
  return { name, bytes };
}

/** Shows the open dialog; resolves with the file's name and bytes, or canceled. Rejects when the file is too large or unreadable. */
export async function openSnapshotFile(deps: SnapshotFileDeps): Promise<SnapshotFileOpened> {
  const choice = await deps.showOpenDialog({ filters: FILTERS, properties: ['openFile'] });
  const path = choice.filePaths[0];
  if (choice.canceled || path === undefined) return { canceled: true };
  const size = await deps.fileSize(path);
  if (size > MAX_SNAPSHOT_FILE_BYTES) throw new Error(`${basename(path)} is ${size} bytes; snapshots above ${MAX_SNAPSHOT_FILE_BYTES} bytes are refused`);
  return { canceled: false, name: basename(path), bytes: await deps.readFile(path) };
}

/** Shows the save dialog suggesting request.name; writes the bytes to the chosen file, or resolves canceled. */
export async function writeSnapshotFile(deps: SnapshotFileDeps, request: SnapshotWriteRequest): Promise<SnapshotFileSaved> {
  const choice = await deps.showSaveDialog({ filters: FILTERS, defaultPath: snapshotFileName(request.name) });
  if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return { canceled: true };
  await deps.writeFile(choice.filePath, request.bytes);
  return { canceled: false, name: basename(choice.filePath) };
}
