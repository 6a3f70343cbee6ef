// When the display paints: at the next animation frame, so frames arriving
// between two screen refreshes are painted together, with a timer as a
// fallback because browsers stop animation frames in hidden pages (the queue
// must still drain).

/** Runs `paint` once, soon; never synchronously. */
export type PaintScheduler = (paint: () => void) => void;

/** Paints held back by a page without animation frames run after this long. */
const FALLBACK_MS = 250;

interface AnimationFrameGlobals {
  requestAnimationFrame?: (callback: () => void) => number;
  cancelAnimationFrame?: (handle: number) => void;
}

/** Schedules with requestAnimationFrame plus a FALLBACK_MS timer, whichever fires first (a timer alone where there are no animation frames). */
export const animationFrameScheduler: PaintScheduler = (paint) => {
  const frames = globalThis as AnimationFrameGlobals;
  let done = false;
  // Both callbacks run asynchronously, after `timer` and `frame` are set.
  const run = (): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    if (frame !== undefined) frames.cancelAnimationFrame?.(frame);
    paint();
  };
  const timer = setTimeout(run, FALLBACK_MS);
  const frame = frames.requestAnimationFrame?.(run);
};
