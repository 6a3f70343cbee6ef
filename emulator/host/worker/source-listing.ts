// The listing of guest C sources the browser host serves at SOURCES_PATH (and
// Electron main returns) for the workbench's Source view: plain data (no Node
// APIs), shared by the code that builds it (userland-files.ts) and the renderer.

/** One source file: `folder` is the program's name, "librvos" or "include/rvos"; `path` is relative to fixtures/userland. */
export interface SourceFile {
  folder: string;
  name: string;
  path: string;
  text: string;
  /** Shown but not editable (the shared headers under include/). */
  readOnly: boolean;
}

export interface SourceListing {
  files: SourceFile[];
}

/** The file's id in the listing and the view ("shell/shell.c"). */
export function sourceFileId(file: Pick<SourceFile, 'folder' | 'name'>): string {
  return `${file.folder}/${file.name}`;
}

/** True when `value` has the shape of a SourceListing (the fetched JSON is checked, not trusted). */
export function isSourceListing(value: unknown): value is SourceListing {
  if (typeof value !== 'object' || value === null) return false;
  const files = (value as { files?: unknown }).files;
  return Array.isArray(files) && files.every(isSourceFile);
}

function isSourceFile(value: unknown): value is SourceFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Record<string, unknown>;
  return typeof file.folder === 'string' && typeof file.name === 'string' && typeof file.path === 'string'
    && typeof file.text === 'string' && typeof file.readOnly === 'boolean';
}
