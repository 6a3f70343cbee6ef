// The display pane's scaling: the canvas's on-screen scale for a scale mode
// (1x, 2x, fit to pane) and the mapping of a pointer position on the scaled
// canvas back to absolute framebuffer pixels for 'display-input'.

export type DisplayScaleMode = '1x' | '2x' | 'fit';

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** The factor the framebuffer is drawn at: 1 or 2, or for 'fit' the largest that fits the pane (a fraction when it is smaller); 1 for empty sizes. */
export function displayScale(mode: DisplayScaleMode, framebuffer: Size, pane: Size): number {
  if (mode === '1x') return 1;
  if (mode === '2x') return 2;
  if (framebuffer.width <= 0 || framebuffer.height <= 0 || pane.width <= 0 || pane.height <= 0) return 1;
  return Math.min(pane.width / framebuffer.width, pane.height / framebuffer.height);
}

/**
 * The framebuffer pixel under a pointer at (`offsetX`, `offsetY`) CSS pixels from
 * the canvas's top-left corner, the canvas being shown at `shown` CSS size:
 * clamped into the framebuffer (a pointer dragged outside stays on the edge).
 */
export function framebufferPoint(offsetX: number, offsetY: number, shown: Size, framebuffer: Size): { x: number; y: number } {
  const axis = (offset: number, shownSize: number, size: number): number => {
    if (shownSize <= 0 || size <= 0) return 0;
    return Math.min(size - 1, Math.max(0, Math.floor((offset * size) / shownSize)));
  };
  return { x: axis(offsetX, shown.width, framebuffer.width), y: axis(offsetY, shown.height, framebuffer.height) };
}
