// The file name a snapshot is saved under, shared by main (the save dialog's
// suggestion) and the renderer (the browser host's download): no directories,
// no control or reserved characters, the .rvsnap extension. Pure.

export const SNAPSHOT_EXTENSION = 'rvsnap';
export const MAX_SNAPSHOT_NAME_LENGTH = 120;

/** Returns name reduced to a safe file name ending in .rvsnap ("snapshot.rvsnap" when nothing is left). */
export function snapshotFileName(name: string): string {
  const stem = name.replace(/\.rvsnap$/i, '').replace(/[^A-Za-z0-9 ._()-]+/g, '-').replace(/^[.\s-]+|[.\s]+$/g, '');
  return `${stem === '' ? 'snapshot' : stem.slice(0, MAX_SNAPSHOT_NAME_LENGTH)}.${SNAPSHOT_EXTENSION}`;
}
