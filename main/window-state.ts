// The workbench window's remembered bounds and maximized flag: parsed from the
// saved JSON and checked against the screens' work areas now attached, so a
// window saved on a monitor that is gone never opens off-screen. Pure data.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the window opens: x/y absent means "centered by the system". */
export interface WindowState {
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { bounds: { width: 1280, height: 800 }, maximized: false };
export const MIN_WINDOW_SIZE = { width: 640, height: 400 };
/** How much of the window's top strip (the title bar) must lie on one work area to keep its position. */
const VISIBLE_STRIP = { width: 120, height: 40 };

/** Returns the state to open with: the saved one made valid for workAreas, or the default for unreadable JSON. */
export function restoreWindowState(json: string | undefined, workAreas: readonly Rect[]): WindowState {
  const saved = parseWindowState(json);
  if (saved === undefined) return DEFAULT_WINDOW_STATE;
  const largest = largestArea(workAreas);
  const width = clamp(saved.bounds.width, MIN_WINDOW_SIZE.width, largest?.width ?? saved.bounds.width);
  const height = clamp(saved.bounds.height, MIN_WINDOW_SIZE.height, largest?.height ?? saved.bounds.height);
  const { x, y } = saved.bounds;
  const placed = x !== undefined && y !== undefined && workAreas.some((area) => titleBarVisible({ x, y, width, height }, area));
  return { bounds: placed ? { x, y, width, height } : { width, height }, maximized: saved.maximized };
}

/** Returns the saved state when json has the right shape with finite integers, else undefined. */
export function parseWindowState(json: string | undefined): WindowState | undefined {
  if (json === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { bounds, maximized } = value as { bounds?: unknown; maximized?: unknown };
  if (typeof maximized !== 'boolean' || typeof bounds !== 'object' || bounds === null) return undefined;
  const { x, y, width, height } = bounds as Partial<Record<keyof Rect, unknown>>;
  if (!isInt(width) || !isInt(height)) return undefined;
  const positioned = isInt(x) && isInt(y);
  return { bounds: positioned ? { x, y, width, height } : { width, height }, maximized };
}

/** Returns the JSON saved for a window with these normal (unmaximized) bounds. */
export function serializeWindowState(bounds: Rect, maximized: boolean): string {
  return JSON.stringify({ bounds: { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height }, maximized });
}

function titleBarVisible(window: Rect, area: Rect): boolean {
  const overlapX = Math.min(window.x + window.width, area.x + area.width) - Math.max(window.x, area.x);
  const overlapY = Math.min(window.y + VISIBLE_STRIP.height, area.y + area.height) - Math.max(window.y, area.y);
  return overlapX >= Math.min(VISIBLE_STRIP.width, window.width) && overlapY >= VISIBLE_STRIP.height;
}

function largestArea(areas: readonly Rect[]): Rect | undefined {
  return areas.reduce<Rect | undefined>((best, area) => (best === undefined || area.width * area.height > best.width * best.height ? area : best), undefined);
}

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}
