// The listing of guest C sources the browser host serves at SOURCES_PATH for the
// workbench's Source view: plain data (no Node APIs), shared by the Vite plugin
// that builds it (sources-plugin.ts) and the renderer's sources store.

/** One source file: `folder` is the program's name, or "librvos" for the library. */
export interface SourceFile {
  folder: string;
  name: string;
  text: string;
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
  return typeof file.folder === 'string' && typeof file.name === 'string' && typeof file.text === 'string';
}
