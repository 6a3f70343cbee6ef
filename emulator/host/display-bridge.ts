// The VM host's side of the display: takes the display device's dirty
// rectangles (RGBA8) after run slices and sends them as 'display-frame' events
// (pixels transferred), at most one per FRAME_INTERVAL_MS (a timer sends a
// frame that is still due when the guest goes quiet); and applies the UI's
// display input to the keyboard and tablet devices, waking the kernel's services.

import { wakeInputWaiters } from '../kernel/services/input-service.ts';
import type { Kernel } from '../kernel/system/kernel.ts';
import type { DisplayFrame, DisplayInputEvent, HostMessage, MessageSink } from './protocol/messages.ts';

/** Minimum milliseconds between two 'display-frame' events (about 60 per second). */
export const FRAME_INTERVAL_MS = 16;

/**
 * Queues `event` on the machine's keyboard or tablet and wakes the services waiting for it.
 * Returns false when the device refused it (bad key code, zero wheel delta, queue full: counted there).
 */
export function applyDisplayInput(kernel: Kernel, event: DisplayInputEvent): boolean {
  const { keyboard, tablet } = kernel.machine;
  let queued: boolean;
  switch (event.type) {
    case 'key': queued = keyboard.pushKey(event.code, event.down); break;
    case 'pointer': queued = tablet.pushPointer(event.x, event.y, event.buttons); break;
    case 'wheel': queued = tablet.pushWheel(event.delta); break;
  }
  wakeInputWaiters(kernel, event.type === 'key' ? keyboard : tablet);
  return queued;
}

export class DisplayBridge {
  private lastFrameAt = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private kernel: Kernel | undefined;

  constructor(private readonly send: MessageSink<HostMessage>) {}

  /** Starts over with `kernel` (boot, reset): its first frame (the whole screen) goes out without waiting. */
  restart(kernel: Kernel | undefined): void {
    this.cancel();
    this.kernel = kernel;
    this.lastFrameAt = Number.NEGATIVE_INFINITY;
  }

  /** Sends the pending frame now if the interval allows, else arms a timer for when it does. */
  update(): void {
    const display = this.kernel?.machine.display;
    if (display === undefined || !display.hasFrame()) return;
    const wait = this.lastFrameAt + FRAME_INTERVAL_MS - performance.now();
    if (wait <= 0) {
      // Due now: a worker's timer often fires late under load, so do not wait for an armed one.
      this.cancel();
      this.emit();
    } else if (this.timer === undefined) this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update(); // a timer may fire early (Node measures from its cached loop time): check again
    }, Math.ceil(wait));
  }

  /** Stops the timer (the host is disposed or the VM replaced). */
  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private emit(): void {
    const frame: DisplayFrame | undefined = this.kernel?.machine.display.takeFrame();
    if (frame === undefined) return;
    this.lastFrameAt = performance.now();
    this.send({ kind: 'event', event: 'display-frame', frame }, frame.rects.map((r) => r.pixels));
  }
}
