// Drives a kernel headless and deterministically for the snapshot CLI and the
// record/replay tests: grid-cut runs (run-grid.ts), guest sleeps reached at
// once by moving virtual time, typed console input, waiting for a prompt; every
// input is recorded, so the run can be replayed from the same start state.

import type { Kernel, KernelRunResult } from '../../kernel/system/kernel.ts';
import { InputRecorder, type InputEvent, type InputLog } from './input-log.ts';
import { applyInput } from './replay.ts';
import { runOnGrid } from './run-grid.ts';

/** Why a drive stopped: the guest waits for console input, no user process is left, or the step limit came. */
export type DriveStop = 'idle' | 'exited' | 'limit';

/** A kernel, the host step count it is at, and the inputs applied since the driver started. */
export class GuestDriver {
  private readonly recorder = new InputRecorder();

  /** `steps`: the host step count `kernel` is at (0 after boot). */
  constructor(readonly kernel: Kernel, private at = 0) {
    this.recorder.restart(at);
  }

  /** Host steps since boot. */
  get steps(): number {
    return this.at;
  }

  /** Runs at most `count` steps; a sleeping guest gets its deadline at once. Stops early when the guest waits for input or exits. */
  run(count: number): DriveStop {
    const target = this.at + count;
    for (;;) {
      const done = runOnGrid(this.kernel, this.at, target);
      this.at = done.steps;
      const last: KernelRunResult = done.last;
      if (this.at >= target) {
        this.cut(); // a boundary off the grid: the replay must end a run here too
        return 'limit';
      }
      if (last.reason === 'waiting' && last.deadline !== undefined) this.apply({ step: this.at, kind: 'time', ticks: last.deadline });
      else if (last.reason === 'idle' || last.reason === 'exited') return last.reason;
    }
  }

  /** Types `text` on the console (recorded). */
  type(text: string): void {
    this.apply({ step: this.at, kind: 'console', bytes: [...new TextEncoder().encode(text)] });
  }

  /** Marks a run boundary (what a host's step request leaves), recorded so a replay cuts there too. */
  cut(): void {
    this.apply({ step: this.at, kind: 'cut' });
  }

  /** The inputs applied since the driver started, up to now. */
  inputLog(): InputLog {
    return this.recorder.log(this.at);
  }

  private apply(event: InputEvent): void {
    this.recorder.record(event);
    applyInput(this.kernel, event);
  }
}
