// The VM host's snapshot side (protocol ops snapshot-save, -load, -info and
// state-hash): captures between run slices, writes and reads files through
// vm-snapshot-file.ts, restores into a fresh Kernel before the host swaps it in,
// keeps the console tail that travels in a snapshot, and records the input log.

import type { HartFactory } from '../../machine/machine.ts';
import type { BootImage } from '../../kernel/context/kernel-context.ts';
import type { Kernel } from '../../kernel/system/kernel.ts';
import type { SnapshotInfo, SnapshotSaved, StateHash } from '../protocol/messages.ts';
import { InputRecorder, type InputEvent, type InputLog } from './input-log.ts';
import { concatBytes } from './snapshot-compression.ts';
import { SnapshotError } from './snapshot-error.ts';
import type { MachineSummary } from './snapshot-file-format.ts';
import { decodeVmSnapshot, describeVmSnapshot, encodeVmSnapshot, machineOf } from './vm-snapshot-file.ts';
import { vmStateHash } from './state-hash.ts';
import { captureVm, restoreVm } from './vm-state.ts';

/** Console output kept for the next snapshot (the UI shows it after a load). */
export const CONSOLE_TAIL_BYTES = 64 * 1024;

/** What a restore needs besides the file. */
export interface RestoreNeeds {
  readonly bootImage: BootImage;
  readonly hartFactory: HartFactory;
  readonly consoleOutput: (bytes: Uint8Array) => void;
}

/** A VM restored from a file, not yet swapped in. */
export interface RestoredVm {
  readonly kernel: Kernel;
  /** Host steps since boot at the snapshot. */
  readonly steps: number;
  /** The console output the snapshot carries. */
  readonly console: Uint8Array;
  readonly info: SnapshotInfo;
}

/** The machine summary of `kernel`'s machine. */
export function machineSummary(kernel: Kernel): MachineSummary {
  return machineOf(kernel.machine.config);
}

/** Snapshot state of one VM host. */
export class HostSnapshots {
  private readonly recorder = new InputRecorder();
  private tail: Uint8Array[] = [];
  private tailBytes = 0;
  /** The file the VM was loaded from, while nothing has run or been input since. */
  private origin: { createdAt: number; description: string; steps: number } | undefined;

  /** A new VM at host step `steps` (boot, reset): a new input log, no console tail. */
  started(steps: number): void {
    this.recorder.restart(steps);
    this.origin = undefined;
    this.tail = [];
    this.tailBytes = 0;
  }

  /** Console output the host sends to the UI (copied: the host transfers its buffer). */
  output(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.tail.push(bytes.slice());
    this.tailBytes += bytes.length;
    while (this.tailBytes - this.tail[0]!.length >= CONSOLE_TAIL_BYTES) this.tailBytes -= this.tail.shift()!.length;
  }

  /** Records an input the host applied (see input-log.ts). */
  record(event: InputEvent): void {
    this.recorder.record(event);
  }

  /** The inputs since the last boot, reset or load, up to host step `steps`. */
  inputLog(steps: number): InputLog {
    return this.recorder.log(steps);
  }

  /**
   * Saves `kernel` (captured synchronously, before the first await, so call it between run
   * slices) as a snapshot file. A VM loaded from a file that has not run or taken input since
   * keeps that file's creation time and description (save, load, save gives the same bytes).
   */
  async save(kernel: Kernel, steps: number, description: string | undefined): Promise<SnapshotSaved> {
    const capturing = captureVm(kernel);
    const console = concatBytes(this.tail).slice(-CONSOLE_TAIL_BYTES);
    const unchanged = this.origin !== undefined && this.origin.steps === steps && this.recorder.empty && description === undefined;
    const header = unchanged
      ? { createdAt: this.origin!.createdAt, description: this.origin!.description }
      : { createdAt: Date.now(), description: description ?? '' };
    return encodeVmSnapshot(await capturing, { steps, console }, { ...header, machine: machineSummary(kernel) });
  }

  /**
   * Verifies `file` completely and restores it into a fresh Kernel; the running VM (`current`)
   * is not touched. The snapshot's machine must equal `current`'s. Throws SnapshotError.
   */
  async load(file: Uint8Array, current: Kernel | undefined, needs: RestoreNeeds): Promise<RestoredVm> {
    const decoded = await decodeVmSnapshot(file, current === undefined ? undefined : machineSummary(current));
    let kernel: Kernel;
    try {
      kernel = await restoreVm(decoded.state, needs);
    } catch (error) {
      throw new SnapshotError('section', `cannot restore the VM: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { kernel, steps: decoded.host.steps, console: decoded.host.console, info: decoded.info };
  }

  /** After the host swapped in `restored`: its console tail, a new input log, and the file as origin. */
  loaded(restored: RestoredVm): void {
    this.started(restored.steps);
    if (restored.console.length > 0) this.output(restored.console);
    this.origin = { createdAt: Date.parse(restored.info.createdAt), description: restored.info.description, steps: restored.steps };
  }

  /** The header and sections of `file` (see describeVmSnapshot). */
  info(file: Uint8Array): Promise<SnapshotInfo> {
    return describeVmSnapshot(file);
  }

  /** The state hash of `kernel` with the host's step count. */
  async hash(kernel: Kernel, steps: number): Promise<StateHash> {
    return { hash: await vmStateHash(kernel), steps };
  }
}
