// Keyboard, pointer and wheel input of the display pane. A click on the
// display captures input (the click itself is not forwarded); while captured,
// keys go to the guest as evdev key events (the browser never acts on them),
// pointer positions as absolute framebuffer pixels with the buttons bitmask,
// the wheel as notches. Ctrl+Alt+G or leaving the pane (focus lost) releases
// input and lifts the keys and buttons still down in the guest.

import type { Ref } from 'vue';
import type { DisplayInputEvent } from '../../../emulator/host/protocol/messages.ts';
import { useDisplayStore } from '../stores/display.ts';
import { DisplayKeyTracker, isReleaseCombo } from '../support/display-key-tracker.ts';
import { framebufferPoint } from '../support/display-scaling.ts';
import { WheelNotches } from '../support/wheel-notches.ts';

/** DOM MouseEvent.buttons bits 0-2 (primary, secondary, auxiliary) are the protocol's left, right, middle. */
const BUTTON_BITS = 0b111;

export interface DisplayInputHandlers {
  readonly onPointerDown: (event: PointerEvent) => void;
  readonly onPointerMove: (event: PointerEvent) => void;
  readonly onPointerUp: (event: PointerEvent) => void;
  readonly onWheel: (event: WheelEvent) => void;
  readonly onKeyDown: (event: KeyboardEvent) => void;
  readonly onKeyUp: (event: KeyboardEvent) => void;
  readonly onContextMenu: (event: MouseEvent) => void;
  readonly onFocusOut: () => void;
  /** Releases captured input (no-op when not captured). */
  readonly release: () => void;
}

/** Input handlers for a display whose pixels are `canvas` and whose keyboard focus is `focusTarget` (focusable). */
export function useDisplayInput(canvas: Ref<HTMLCanvasElement | null>, focusTarget: Ref<HTMLElement | null>): DisplayInputHandlers {
  const display = useDisplayStore();
  const keys = new DisplayKeyTracker();
  const wheel = new WheelNotches();
  let last: { x: number; y: number; buttons: number } | undefined;

  function send(event: DisplayInputEvent): void {
    display.sendInput(event);
  }

  function sendPointer(event: MouseEvent): void {
    if (canvas.value === null) return;
    const box = canvas.value.getBoundingClientRect();
    const point = framebufferPoint(event.clientX - box.left, event.clientY - box.top, box, { width: display.width, height: display.height });
    const buttons = event.buttons & BUTTON_BITS;
    if (last !== undefined && last.x === point.x && last.y === point.y && last.buttons === buttons) return;
    last = { ...point, buttons };
    send({ type: 'pointer', ...last });
  }

  function capture(): void {
    display.captured = true;
    focusTarget.value?.focus({ preventScroll: true });
  }

  function release(): void {
    if (!display.captured) return;
    display.captured = false;
    keys.releaseAll().forEach(send);
    if (last !== undefined && last.buttons !== 0) send({ type: 'pointer', x: last.x, y: last.y, buttons: 0 });
    last = undefined;
    wheel.reset();
  }

  return {
    onPointerDown(event) {
      event.preventDefault();
      if (!display.captured) {
        capture();
        return;
      }
      focusTarget.value?.focus({ preventScroll: true });
      (event.currentTarget as Element).setPointerCapture(event.pointerId);
      sendPointer(event);
    },
    onPointerMove(event) {
      if (display.captured) sendPointer(event);
    },
    onPointerUp(event) {
      if (display.captured) sendPointer(event);
    },
    onWheel(event) {
      if (!display.captured) return;
      event.preventDefault();
      const notches = wheel.add(event.deltaY, event.deltaMode);
      if (notches !== 0) send({ type: 'wheel', delta: notches });
    },
    onKeyDown(event) {
      if (!display.captured) return;
      event.preventDefault();
      event.stopPropagation();
      if (isReleaseCombo(event)) {
        release();
        return;
      }
      const key = keys.translate(event, true);
      if (key !== undefined) send(key);
    },
    onKeyUp(event) {
      if (!display.captured) return;
      event.preventDefault();
      event.stopPropagation();
      const key = keys.translate(event, false);
      if (key !== undefined) send(key);
    },
    onContextMenu(event) {
      if (display.captured) event.preventDefault();
    },
    onFocusOut: release,
    release,
  };
}
