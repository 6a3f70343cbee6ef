// Tests of the remembered window state against fake screen work areas: a
// valid state is kept, one from a monitor that is gone is re-centred, sizes are
// clamped, malformed JSON falls back to the default, and the keeper saves
// debounced on move/resize, at once on close, through a temporary file.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_WINDOW_STATE, MIN_WINDOW_SIZE, parseWindowState, restoreWindowState, serializeWindowState, type Rect,
} from '../../main/window-state.ts';
import {
  keepWindowState, loadWindowState, nodeWindowStateStorage, SAVE_DELAY_MS, WINDOW_STATE_FILE, type TrackedWindow,
} from '../../main/window-state-keeper.ts';

const laptop: Rect = { x: 0, y: 25, width: 1440, height: 875 };
const rightMonitor: Rect = { x: 1440, y: 0, width: 2560, height: 1440 };

function saved(bounds: Partial<Rect>, maximized = false): string {
  return JSON.stringify({ bounds, maximized });
}

describe('restoreWindowState', () => {
  it('keeps a window that lies on a work area, maximized flag included', () => {
    expect(restoreWindowState(saved({ x: 2000, y: 100, width: 1200, height: 900 }, true), [laptop, rightMonitor]))
      .toEqual({ bounds: { x: 2000, y: 100, width: 1200, height: 900 }, maximized: true });
  });

  it('re-centres a window whose monitor is gone and clamps its size to the largest work area', () => {
    expect(restoreWindowState(saved({ x: 2000, y: 100, width: 2400, height: 1300 }), [laptop]))
      .toEqual({ bounds: { width: 1440, height: 875 }, maximized: false });
  });

  it('re-centres a window whose title bar is above or left of every work area', () => {
    expect(restoreWindowState(saved({ x: 100, y: -30, width: 800, height: 600 }), [laptop]).bounds).toEqual({ width: 800, height: 600 });
    expect(restoreWindowState(saved({ x: -750, y: 100, width: 800, height: 600 }), [laptop]).bounds).toEqual({ width: 800, height: 600 });
    expect(restoreWindowState(saved({ x: -600, y: 100, width: 800, height: 600 }), [laptop]).bounds).toEqual({ x: -600, y: 100, width: 800, height: 600 });
  });

  it('raises a tiny window to the minimum size', () => {
    expect(restoreWindowState(saved({ x: 10, y: 40, width: 5, height: 5 }), [laptop]).bounds)
      .toEqual({ x: 10, y: 40, ...MIN_WINDOW_SIZE });
  });

  it('falls back to the default for a missing, malformed or wrongly typed file', () => {
    for (const json of [undefined, '', '{', 'null', '[]', saved({ width: 800 }), saved({ width: 800.5, height: 600 }),
      JSON.stringify({ bounds: { width: 800, height: 600 }, maximized: 'yes' }), saved({ width: Number.MAX_VALUE, height: 600 })]) {
      expect(restoreWindowState(json, [laptop])).toEqual(DEFAULT_WINDOW_STATE);
    }
  });

  it('drops a position that is only half given and round-trips what it serialises', () => {
    expect(parseWindowState(saved({ x: 10, width: 800, height: 600 }))).toEqual({ bounds: { width: 800, height: 600 }, maximized: false });
    const bounds = { x: 1, y: 2, width: 900, height: 700 };
    expect(parseWindowState(serializeWindowState(bounds, true))).toEqual({ bounds, maximized: true });
  });
});

class FakeWindow implements TrackedWindow {
  private readonly listeners = new Map<string, () => void>();
  bounds: Rect = { x: 10, y: 40, width: 1000, height: 700 };
  maximized = false;
  on(event: string, listener: () => void): void { this.listeners.set(event, listener); }
  emit(event: string): void { this.listeners.get(event)?.(); }
  getNormalBounds(): Rect { return { ...this.bounds }; }
  isMaximized(): boolean { return this.maximized; }
}

describe('keepWindowState', () => {
  let dir: string | undefined;
  afterEach(() => {
    vi.useRealTimers();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('saves once after the last move or resize, and at once on close', () => {
    vi.useFakeTimers();
    const write = vi.fn();
    const window = new FakeWindow();
    keepWindowState(window, '/user-data', { read: () => undefined, write });
    window.emit('move');
    vi.advanceTimersByTime(SAVE_DELAY_MS - 1);
    window.bounds = { ...window.bounds, width: 1100 };
    window.emit('resize');
    vi.advanceTimersByTime(SAVE_DELAY_MS - 1);
    expect(write).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(write.mock.calls).toEqual([[join('/user-data', WINDOW_STATE_FILE), serializeWindowState(window.bounds, false)]]);
    window.maximized = true;
    window.emit('maximize');
    window.emit('close');
    expect(write).toHaveBeenCalledTimes(2);
    expect(JSON.parse(write.mock.calls[1]![1] as string)).toEqual({ bounds: window.bounds, maximized: true });
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(write).toHaveBeenCalledTimes(2); // the pending save was folded into the close
  });

  it('reports a failed write instead of throwing', () => {
    const onError = vi.fn();
    const window = new FakeWindow();
    keepWindowState(window, '/user-data', { read: () => undefined, write: () => { throw new Error('disk full'); } }, onError);
    window.emit('close');
    expect(onError).toHaveBeenCalledWith(new Error('disk full'));
  });

  it('writes and reads the real file in the user data folder', () => {
    dir = mkdtempSync(join(tmpdir(), 'rvos-window-state-'));
    const userData = join(dir, 'user');
    expect(loadWindowState(userData, [laptop], nodeWindowStateStorage)).toEqual(DEFAULT_WINDOW_STATE);
    const window = new FakeWindow();
    keepWindowState(window, userData, nodeWindowStateStorage);
    window.emit('close');
    expect(JSON.parse(readFileSync(join(userData, WINDOW_STATE_FILE), 'utf8'))).toEqual({ bounds: window.bounds, maximized: false });
    expect(loadWindowState(userData, [laptop], nodeWindowStateStorage)).toEqual({ bounds: window.bounds, maximized: false });
  });
});
