// Which guest source files the workbench may write, and the checked shape of a
// save request: shared by the browser host's save middleware, Electron main's
// file service and the renderer. Plain data, no Node APIs.

/** The dev server's save endpoint (POST {path, text}). */
export const SOURCE_SAVE_PATH = '/rvos/source-save';
/** The dev server's custom WebSocket event carrying a SourceChange after an external edit. */
export const SOURCE_CHANGED_EVENT = 'rvos:source-changed';
/** Largest source text a save accepts, in UTF-8 bytes. */
export const MAX_SOURCE_BYTES = 256 * 1024;

/** A source file's path relative to fixtures/userland ("programs/hello/hello.c") and its text. */
export interface SourceChange {
  path: string;
  text: string;
}

// programs/<name>/<file> or librvos/<file>; include/ stays read-only (headers
// shared by every program; include/rvos/abi.h is generated from the kernel ABI).
const EDITABLE_PATH = /^(programs\/[A-Za-z0-9_-]+|librvos)\/[A-Za-z0-9_-][A-Za-z0-9_.-]*\.(c|h|S)$/;

/** True when path names a file the workbench may write: a program's or librvos's .c/.h/.S, no traversal. */
export function isEditableSourcePath(path: string): boolean {
  return EDITABLE_PATH.test(path) && !path.split('/').some((segment) => segment === '..' || segment === '.');
}

/** Returns the request when value is a valid save of an editable path, else an error text (why it was refused). */
export function parseSourceChange(value: unknown): SourceChange | string {
  if (typeof value !== 'object' || value === null) return 'not an object';
  const { path, text } = value as Record<string, unknown>;
  if (typeof path !== 'string' || typeof text !== 'string') return 'path and text must be strings';
  if (!isEditableSourcePath(path)) return `not an editable source path: ${path}`;
  if (new TextEncoder().encode(text).length > MAX_SOURCE_BYTES) return `source larger than ${MAX_SOURCE_BYTES} bytes`;
  return { path, text };
}

/** True when value is a valid SourceChange (parseSourceChange accepts it). */
export function isSourceChange(value: unknown): value is SourceChange {
  return typeof parseSourceChange(value) !== 'string';
}
