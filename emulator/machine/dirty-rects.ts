// Rectangles of the display: the overflow-safe bounds check of a flushed
// rectangle, and the pending dirty set, coalesced (a rectangle another covers
// is dropped; past MAX_DIRTY_RECTS the set becomes its bounding rectangle).
// Plain data, so the display device can save and restore it.

/** A rectangle in framebuffer pixels. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Most rectangles kept pending; one more turns the set into its bounding rectangle. */
export const MAX_DIRTY_RECTS = 8;

/** Why a rectangle was refused: zero width or height, or not inside the framebuffer (or not whole numbers). */
export type RectError = 'empty' | 'out-of-range';

/**
 * Checks `r` against a `width` x `height` framebuffer without any addition that
 * could overflow: undefined when it lies inside, else why not.
 */
export function checkRect(r: Rect, width: number, height: number): RectError | undefined {
  const values = [r.x, r.y, r.width, r.height];
  if (!values.every((v) => Number.isSafeInteger(v) && v >= 0)) return 'out-of-range';
  if (r.width === 0 || r.height === 0) return 'empty';
  if (r.x >= width || r.y >= height || r.width > width - r.x || r.height > height - r.y) return 'out-of-range';
  return undefined;
}

/** True when `outer` covers all of `inner`. */
export function covers(outer: Rect, inner: Rect): boolean {
  return outer.x <= inner.x && outer.y <= inner.y
    && outer.x + outer.width >= inner.x + inner.width && outer.y + outer.height >= inner.y + inner.height;
}

/** The smallest rectangle covering every one of `rects` (at least one). */
export function boundingRect(rects: readonly Rect[]): Rect {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = 0;
  let y1 = 0;
  for (const r of rects) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * The dirty set after adding `r` (a checked rectangle) to `rects`: unchanged when one
 * of them covers `r`; rectangles `r` covers are dropped; more than MAX_DIRTY_RECTS
 * become their bounding rectangle. Returns a new array.
 */
export function addDirty(rects: readonly Rect[], r: Rect): Rect[] {
  if (rects.some((d) => covers(d, r))) return rects.slice();
  const next = [...rects.filter((d) => !covers(r, d)), { x: r.x, y: r.y, width: r.width, height: r.height }];
  return next.length > MAX_DIRTY_RECTS ? [boundingRect(next)] : next;
}
