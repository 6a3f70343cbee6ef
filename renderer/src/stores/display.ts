// Display store: the guest framebuffer as the host streams it ('display-frame'
// events of dirty rectangles). Frames are queued and coalesced
// (support/display-frame-queue.ts) and painted on the attached surface (the
// display pane's canvas) once per animation frame; the store also holds the
// pane's scale mode, whether input is captured, and paint counters.

import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { DirtyRect, DisplayFrame, DisplayInputEvent } from '../../../emulator/host/protocol/messages.ts';
import type { HostClient } from '../host-client/host-client.ts';
import { DisplayFrameQueue } from '../support/display-frame-queue.ts';
import type { DisplayScaleMode } from '../support/display-scaling.ts';
import { animationFrameScheduler, type PaintScheduler } from '../support/paint-scheduler.ts';

/** Where frames are painted: the canvas (or, in tests, a plain RGBA buffer). */
export interface DisplaySurface {
  /** Sets the framebuffer size and clears it to black. */
  resize(width: number, height: number): void;
  /** Copies a validated rectangle's pixels in. */
  put(rect: DirtyRect): void;
}

/** The framebuffer size shown before the first frame (the machine's default display). */
export const DEFAULT_DISPLAY = { width: 1024, height: 768 } as const;

export const useDisplayStore = defineStore('display', () => {
  const width = ref<number>(DEFAULT_DISPLAY.width);
  const height = ref<number>(DEFAULT_DISPLAY.height);
  const scaleMode = ref<DisplayScaleMode>('fit');
  const captured = ref(false);
  /** Frames received, frames painted (coalesced ones included), and paints done. */
  const framesReceived = ref(0);
  const framesPainted = ref(0);
  const paints = ref(0);
  /** performance.now() of the first paint since the page loaded (null before). */
  const firstPaintAt = ref<number | null>(null);
  const queue = new DisplayFrameQueue();
  let surface: DisplaySurface | undefined;
  let schedule: PaintScheduler = animationFrameScheduler;
  let scheduled = false;
  let host: HostClient | undefined;

  function requestPaint(): void {
    if (surface === undefined || scheduled || !queue.pending) return;
    scheduled = true;
    schedule(paint);
  }

  /** Paints everything queued on the surface (normally called by the scheduler). */
  function paint(): void {
    scheduled = false;
    const pending = surface === undefined ? undefined : queue.take();
    if (pending === undefined || surface === undefined) return;
    if (pending.resized) {
      surface.resize(pending.width, pending.height);
      width.value = pending.width;
      height.value = pending.height;
    }
    for (const rect of pending.rects) surface.put(rect);
    framesPainted.value += pending.frames;
    paints.value++;
    firstPaintAt.value ??= performance.now();
  }

  /** A frame from the host: queued, painted at the next scheduled paint. */
  function receive(frame: DisplayFrame): void {
    queue.push(frame);
    framesReceived.value++;
    requestPaint();
  }

  /** Paints on `target` from now on, scheduled by `scheduler`; returns the function that detaches it. */
  function attach(target: DisplaySurface, scheduler: PaintScheduler = animationFrameScheduler): () => void {
    surface = target;
    schedule = scheduler;
    scheduled = false;
    target.resize(width.value, height.value);
    requestPaint();
    return () => {
      if (surface === target) surface = undefined;
    };
  }

  /** A new VM: drops queued frames and blanks the surface (same size until its first frame). */
  function clear(): void {
    queue.reset();
    surface?.resize(width.value, height.value);
  }

  /** Subscribes to `client`'s display frames and run state, and sends input to it (once: later calls do nothing). */
  function connect(client: HostClient): void {
    if (host !== undefined) return;
    host = client;
    client.on('display-frame', (event) => receive(event.frame));
    client.on('state', (event) => { if (event.status.state === 'booting') clear(); });
  }

  /** Sends a keyboard, pointer or wheel event to the guest (dropped before connect). */
  function sendInput(event: DisplayInputEvent): void {
    host?.displayInput(event);
  }

  return {
    width, height, scaleMode, captured, framesReceived, framesPainted, paints, firstPaintAt,
    rejectedRects: () => queue.rejectedRects, receive, paint, attach, clear, connect, sendInput,
  };
});
