// The keyboard and the tablet (absolute pointer + wheel): bounded queues of
// events the host feeds between run slices and the kernel's kbd and mouse
// services drain. A full queue drops the new event and counts it. Each queue
// also lists the kernel tasks to wake when an event arrives. Plain data.

/** Events a device queue holds; a further event is dropped (and counted). */
export const INPUT_QUEUE_MAX = 256;
/** Largest Linux evdev key code (KEY_MAX). */
export const KEY_CODE_MAX = 0x2ff;
/** Button bits of a pointer event: left, right, middle. */
export const POINTER_BUTTONS = 0b111;
/** Largest wheel movement of one event, in notches (either direction). */
export const WHEEL_DELTA_MAX = 120;

/** A key press or release: a Linux evdev KEY_* code. */
export interface KeyEvent {
  readonly code: number;
  readonly down: boolean;
}

/** A tablet event: absolute position in framebuffer pixels, buttons after it, wheel notches (0 for motion/buttons). */
export interface PointerEvent {
  readonly x: number;
  readonly y: number;
  readonly buttons: number;
  readonly wheel: number;
}

/** A device queue's state to snapshot. */
export interface InputQueueState<E> {
  readonly events: readonly E[];
  readonly dropped: number;
  readonly waiters: readonly number[];
}

/** A bounded FIFO of events with a drop counter and the kernel tasks to wake. */
export class InputQueue<E> {
  events: E[] = [];
  /** Events refused because the queue was full. */
  dropped = 0;
  /** Kernel task ids (pids) to wake when an event arrives; the kernel adds and takes them. */
  readonly waiters: number[] = [];

  /** Appends `event`; false (and counted in `dropped`) when the queue is full. */
  push(event: E): boolean {
    if (this.events.length >= INPUT_QUEUE_MAX) {
      this.dropped++;
      return false;
    }
    this.events.push(event);
    return true;
  }

  /** The oldest event, left in place. */
  peek(): E | undefined {
    return this.events[0];
  }

  /** Removes and returns the oldest event. */
  shift(): E | undefined {
    return this.events.shift();
  }

  get length(): number {
    return this.events.length;
  }

  saveState(): InputQueueState<E> {
    return { events: this.events.map((e) => ({ ...e })), dropped: this.dropped, waiters: this.waiters.slice() };
  }

  /** Restores saveState() output (RangeError when it holds more than INPUT_QUEUE_MAX events). */
  loadState(state: InputQueueState<E>): void {
    if (state.events.length > INPUT_QUEUE_MAX) throw new RangeError('input queue: too many events in state');
    this.events = state.events.map((e) => ({ ...e }));
    this.dropped = state.dropped;
    this.waiters.splice(0, this.waiters.length, ...state.waiters);
  }
}

/** The keyboard: key events by evdev code. */
export class KeyboardDevice extends InputQueue<KeyEvent> {
  /** Queues a press (`down`) or release of evdev key `code`; false for a code that is not an integer 0..KEY_CODE_MAX, or a full queue. */
  pushKey(code: number, down: boolean): boolean {
    if (!Number.isInteger(code) || code < 0 || code > KEY_CODE_MAX) return false;
    return this.push({ code, down });
  }
}

/** The state of a tablet: its queue plus the last position and buttons. */
export interface TabletState extends InputQueueState<PointerEvent> {
  readonly x: number;
  readonly y: number;
  readonly buttons: number;
}

/** The tablet: absolute pointer over a width x height framebuffer, and a wheel. */
export class TabletDevice extends InputQueue<PointerEvent> {
  private x = 0;
  private y = 0;
  private buttons = 0;

  constructor(readonly width: number, readonly height: number) {
    super();
  }

  /**
   * Queues a pointer event at (x, y) clamped into the framebuffer with `buttons` (bits 0-2).
   * Motion with unchanged buttons replaces a queued motion at the tail (only the latest position
   * matters). False for non-finite coordinates or a full queue.
   */
  pushPointer(x: number, y: number, buttons: number): boolean {
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(buttons)) return false;
    this.x = clamp(Math.round(x), 0, this.width - 1);
    this.y = clamp(Math.round(y), 0, this.height - 1);
    this.buttons = Math.trunc(buttons) & POINTER_BUTTONS;
    const event: PointerEvent = { x: this.x, y: this.y, buttons: this.buttons, wheel: 0 };
    // A queued pure motion (same buttons as the event before it) is replaced by a newer one with
    // the same buttons; a press or release keeps its own position.
    const n = this.events.length;
    const last = this.events[n - 1];
    const before = this.events[n - 2];
    if (last !== undefined && before !== undefined && last.wheel === 0 && before.buttons === last.buttons && last.buttons === event.buttons) {
      this.events[n - 1] = event;
      return true;
    }
    return this.push(event);
  }

  /** Queues `delta` wheel notches (+ = up) at the current position, clamped to +-WHEEL_DELTA_MAX; false for 0, non-integers or a full queue. */
  pushWheel(delta: number): boolean {
    if (!Number.isInteger(delta) || delta === 0) return false;
    return this.push({ x: this.x, y: this.y, buttons: this.buttons, wheel: clamp(delta, -WHEEL_DELTA_MAX, WHEEL_DELTA_MAX) });
  }

  override saveState(): TabletState {
    return { ...super.saveState(), x: this.x, y: this.y, buttons: this.buttons };
  }

  override loadState(state: TabletState): void {
    super.loadState(state);
    this.x = clamp(state.x, 0, this.width - 1);
    this.y = clamp(state.y, 0, this.height - 1);
    this.buttons = state.buttons & POINTER_BUTTONS;
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
