// Measures the VM host's emulation speed: steps executed per wall-clock time
// spent executing (not waiting), averaged over windows of about a second (or
// a quarter second of execution, whichever ends first).

const WINDOW_MS = 1000;
/** A window shorter than this (in busy milliseconds) is too noisy to report. */
const MIN_BUSY_MS = 5;
/** A window ends early once it holds this much execution time. */
const FULL_BUSY_MS = 250;

export class SpeedMeter {
  private windowStart: number;
  private steps = 0;
  private busyMs = 0;
  private current = 0;

  constructor(private readonly clock: () => number = () => performance.now()) {
    this.windowStart = clock();
  }

  /** Million steps per second of the last complete window (0 before one). */
  get mips(): number { return this.current; }

  /** Adds a run of `steps` that took `ms` of wall-clock time. */
  record(steps: number, ms: number): void {
    this.steps += steps;
    this.busyMs += ms;
    const now = this.clock();
    if (now - this.windowStart < WINDOW_MS && this.busyMs < FULL_BUSY_MS) return;
    if (this.busyMs >= MIN_BUSY_MS) this.current = this.steps / this.busyMs / 1000;
    this.windowStart = now;
    this.steps = 0;
    this.busyMs = 0;
  }
}
