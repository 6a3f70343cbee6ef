// Keeps the window state file (userData/window-state.json) up to date: saves
// the window's normal bounds and maximized flag after it moves or resizes
// (debounced) and at once when it closes; loads it at startup (window-state.ts).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { restoreWindowState, serializeWindowState, type Rect, type WindowState } from './window-state.ts';

export const WINDOW_STATE_FILE = 'window-state.json';
export const SAVE_DELAY_MS = 500;

/** The parts of BrowserWindow the keeper uses. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
}

/** Reading and writing the state file (node:fs); read returns undefined when there is none. */
export interface WindowStateStorage {
  read(path: string): string | undefined;
  write(path: string, text: string): void;
}

/** Returns the state to open with from userDataDir's file, validated against workAreas. */
export function loadWindowState(userDataDir: string, workAreas: readonly Rect[], storage: WindowStateStorage): WindowState {
  return restoreWindowState(storage.read(join(userDataDir, WINDOW_STATE_FILE)), workAreas);
}

/** Saves window's state SAVE_DELAY_MS after its last move/resize and on close; write errors are reported to onError. */
export function keepWindowState(
  window: TrackedWindow, userDataDir: string, storage: WindowStateStorage, onError: (error: unknown) => void = () => {},
): void {
  const path = join(userDataDir, WINDOW_STATE_FILE);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    try {
      storage.write(path, serializeWindowState(window.getNormalBounds(), window.isMaximized()));
    } catch (error) {
      onError(error);
    }
  };
  const later = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, later);
  window.on('close', save);
}

/** Storage on the real file system: a missing or unreadable file reads as undefined; writes go through a temporary file and a rename. */
export const nodeWindowStateStorage: WindowStateStorage = {
  read(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  write(path, text) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(`${path}.tmp`, text);
    renameSync(`${path}.tmp`, path);
  },
};
