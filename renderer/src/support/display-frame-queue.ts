// The display frames received since the last paint, coalesced: rectangles a
// later one covers completely are dropped, and a frame of a new size discards
// everything before it (the canvas is resized and repainted). Plain data, no
// DOM: the display store drains it once per animation frame.

import type { DirtyRect, DisplayFrame } from '../../../emulator/host/protocol/messages.ts';

/** What one paint has to do: resize first when `resized`, then put `rects` in order. */
export interface PendingPaint {
  readonly width: number;
  readonly height: number;
  readonly resized: boolean;
  readonly rects: readonly DirtyRect[];
  /** Frames this paint coalesces. */
  readonly frames: number;
}

/** True when `outer` covers all of `inner`. */
function covers(outer: DirtyRect, inner: DirtyRect): boolean {
  return outer.x <= inner.x && outer.y <= inner.y
    && outer.x + outer.width >= inner.x + inner.width && outer.y + outer.height >= inner.y + inner.height;
}

/** True when the rectangle lies inside a `width` x `height` framebuffer and carries exactly its RGBA8 bytes. */
export function isValidRect(rect: DirtyRect, width: number, height: number): boolean {
  const whole = (n: number): boolean => Number.isInteger(n) && n >= 0;
  return whole(rect.x) && whole(rect.y) && whole(rect.width) && whole(rect.height) && rect.width > 0 && rect.height > 0
    && rect.x + rect.width <= width && rect.y + rect.height <= height
    && rect.pixels.byteLength === rect.width * rect.height * 4;
}

export class DisplayFrameQueue {
  private width = 0;
  private height = 0;
  private resized = false;
  private rects: DirtyRect[] = [];
  private frames = 0;
  /** Rectangles refused because they did not fit their frame (counted, never painted). */
  rejectedRects = 0;

  /** The framebuffer size of the latest frame (0 x 0 before any). */
  get size(): { width: number; height: number } {
    return { width: this.width, height: this.height };
  }

  /** Adds a frame; its rectangles are painted after the ones already queued. */
  push(frame: DisplayFrame): void {
    if (frame.width !== this.width || frame.height !== this.height) {
      this.width = frame.width;
      this.height = frame.height;
      this.resized = true;
      this.rects = [];
    }
    for (const rect of frame.rects) {
      if (!isValidRect(rect, this.width, this.height)) {
        this.rejectedRects++;
        continue;
      }
      this.rects = this.rects.filter((queued) => !covers(rect, queued));
      this.rects.push(rect);
    }
    this.frames++;
  }

  /** True when frames arrived since the last take(). */
  get pending(): boolean {
    return this.frames > 0;
  }

  /** The coalesced paint of everything since the last take(), or undefined when nothing arrived; empties the queue. */
  take(): PendingPaint | undefined {
    if (this.frames === 0) return undefined;
    const paint: PendingPaint = { width: this.width, height: this.height, resized: this.resized, rects: this.rects, frames: this.frames };
    this.rects = [];
    this.resized = false;
    this.frames = 0;
    return paint;
  }

  /** Forgets everything, the size too (a new VM): the next frame counts as resized. */
  reset(): void {
    this.width = 0;
    this.height = 0;
    this.resized = false;
    this.rects = [];
    this.frames = 0;
  }
}
