// Turns DOM wheel deltas (pixels, lines or pages) into whole wheel notches for
// 'display-input' (+ = up), keeping the remainder so smooth-scrolling
// touchpads add up to notches instead of being lost.

/** DOM WheelEvent.deltaMode values. */
const DOM_DELTA_PIXEL = 0;
const DOM_DELTA_LINE = 1;
/** Chromium and Firefox report one mouse-wheel notch as about 100 px or 3 lines. */
const PIXELS_PER_NOTCH = 100;
const LINES_PER_NOTCH = 3;

export class WheelNotches {
  private remainder = 0;

  /** Adds a wheel event's vertical delta; returns the whole notches it completes (positive = up, 0 when none yet). */
  add(deltaY: number, deltaMode: number): number {
    const perNotch = deltaMode === DOM_DELTA_PIXEL ? PIXELS_PER_NOTCH : deltaMode === DOM_DELTA_LINE ? LINES_PER_NOTCH : 1;
    this.remainder -= deltaY / perNotch; // DOM: positive deltaY scrolls down
    const notches = Math.trunc(this.remainder);
    this.remainder -= notches;
    return notches;
  }

  /** Forgets a partial notch (on release of the input). */
  reset(): void {
    this.remainder = 0;
  }
}
