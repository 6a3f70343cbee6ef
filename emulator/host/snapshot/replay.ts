// Replays an input log (input-log.ts) on a VM in the state the log started
// from: runs the kernel on the run grid to exactly each input's step count,
// applies the input, and ends at the log's end step. Same start state and same
// log give the same state hash (DESIGN decision 3).

import type { Kernel } from '../../kernel/system/kernel.ts';
import { reloadInKernel } from '../hot-reload/kernel-reload.ts';
import type { DisplayInputEvent } from '../protocol/messages.ts';
import { fromBase64, type InputEvent, type InputLog } from './input-log.ts';
import { runOnGrid } from './run-grid.ts';

/** The replayed run did not follow the recording (different start state, or a nondeterminism bug). */
export class ReplayError extends Error {
  override readonly name = 'ReplayError';
}

export interface ReplayOptions {
  /** Applies a display input event (the machine's display devices); without it display events are refused. */
  display?: (kernel: Kernel, event: DisplayInputEvent) => void;
}

/**
 * Replays `log` on `kernel`, which must hold the state the log started from; returns the
 * host step count at the end (log.endStep). Throws ReplayError for an incomplete log or when the
 * VM stops before an input's step (it diverged); throws what kernel.run throws.
 */
export function replayInputLog(kernel: Kernel, log: InputLog, options: ReplayOptions = {}): number {
  if (!log.complete) throw new ReplayError('the input log is incomplete (its recorder dropped events)');
  let steps = log.startStep;
  for (const event of log.events) {
    steps = reach(kernel, steps, event.step);
    applyInput(kernel, event, options);
  }
  return reach(kernel, steps, log.endStep);
}

/** Applies one recorded input to `kernel` (what the host did when it recorded it). */
export function applyInput(kernel: Kernel, event: InputEvent, options: ReplayOptions = {}): void {
  switch (event.kind) {
    case 'console': kernel.pushConsoleInput(event.bytes); break;
    case 'time': kernel.advanceTimeTo(event.ticks); break;
    case 'cut': break;
    case 'reload': reloadInKernel(kernel, event.path, fromBase64(event.elf)); break;
    case 'display':
      if (options.display === undefined) throw new ReplayError(`step ${event.step}: a display input event, but this VM has no display`);
      options.display(kernel, event.event);
      break;
  }
}

function reach(kernel: Kernel, steps: number, target: number): number {
  if (target < steps) throw new ReplayError(`the log goes back from step ${steps} to ${target}`);
  const done = runOnGrid(kernel, steps, target);
  if (done.steps !== target) {
    throw new ReplayError(`replay diverged: the VM stopped (${done.last.reason}) at step ${done.steps}, the log's next mark is step ${target}`);
  }
  return done.steps;
}
