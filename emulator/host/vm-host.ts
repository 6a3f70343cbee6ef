// The VM host: owns one Machine + Kernel, answers the protocol of
// emulator/host/protocol/messages.ts, and runs the kernel in short slices so
// the thread that hosts it (a Web Worker, a utility process, a test) never
// blocks. Guest sleeps are paced to wall-clock time; console output is
// batched per slice. No Node APIs: boot image and hart module come from deps.

import { createHartFromModule } from '../hart/hart.ts';
import type { BootImage } from '../kernel/context/kernel-context.ts';
import { introspect } from '../kernel/introspection/introspection.ts';
import { bootKernel } from '../kernel/system/boot.ts';
import type { Kernel, KernelRunResult } from '../kernel/system/kernel.ts';
import { Machine } from '../machine/machine.ts';
import type { DisplayInputEvent, HostIntrospection, HostMessage, HostRequest, MessageSink, RequestOp, RequestResults, RunState, RunStatus } from './protocol/messages.ts';
import { parseUiMessage } from './protocol/parse-ui-message.ts';
import { applyDisplayInput, DisplayBridge } from './display-bridge.ts';
import { IntrospectionFeed } from './introspection-feed.ts';
import { annotateFunctions, ProcessSymbols } from './process-symbols.ts';
import { SpeedMeter } from './speed-meter.ts';
import { HostSnapshots } from './snapshot/host-snapshots.ts';
import { toBase64, type InputLog } from './snapshot/input-log.ts';
import { HostHotReload } from './hot-reload/host-hot-reload.ts';
import type { SourceTree } from './userland-build/source-tree.ts';
import { gridBudget } from './snapshot/run-grid.ts';

/** Where the host gets what it cannot build itself (Node reads files, a worker fetches URLs). */
export interface VmHostDeps {
  loadBootImage(): Promise<BootImage>;
  loadHartModule(): Promise<WebAssembly.Module>;
  /** The userland sources 'source-save' builds from (absent: the host refuses saves). */
  loadSourceTree?(): Promise<SourceTree>;
}

export interface VmHostOptions {
  /** Wall-clock milliseconds of one run slice between event-loop turns (default 8). */
  sliceMs?: number;
  /** Minimum milliseconds between periodic 'state' events while running (default 250). */
  statusIntervalMs?: number;
}

const NS_PER_TICK = 100;
const TICKS_PER_MS = 10_000;

class RequestError extends Error {}

/** A VM host; feed it posted messages with receive() and it answers through `send`. */
export class VmHost {
  private state: RunState = 'off';
  private kernel: Kernel | undefined;
  private image: BootImage | undefined;
  /** Symbol maps of the booted image's programs (built lazily, kept across resets). */
  private symbols: ProcessSymbols | undefined;
  private module: WebAssembly.Module | undefined;
  private ramMib: number | undefined;
  private idle = false;
  private message = '';
  private steps = 0;
  private output: Uint8Array[] = [];
  private readonly speed = new SpeedMeter();
  private lastStatusAt = 0;
  private scheduled = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The deadline the guest sleeps until and the wall-clock time it is due. */
  private wait: { deadline: number; wallAt: number } | undefined;
  private readonly wake = new MessageChannel();
  /** Snapshot save/load, the console tail they carry, and the input log (snapshot/host-snapshots.ts). */
  private readonly snapshots = new HostSnapshots();
  /** Compile on save and hot reload (hot-reload/host-hot-reload.ts). */
  private readonly hotReload: HostHotReload;
  private readonly sliceMs: number;
  private readonly statusIntervalMs: number;
  /** Display frames out (throttled) and display input in (display-bridge.ts). */
  private readonly display: DisplayBridge;
  /** Capability-graph diffs while the UI is subscribed (introspection-feed.ts). */
  private readonly feed = new IntrospectionFeed({
    emit: (diff) => this.send({ kind: 'event', event: 'introspection-diff', diff }, []),
    take: () => (this.kernel === undefined ? undefined : this.introspect()),
  });

  constructor(private readonly send: MessageSink<HostMessage>, private readonly deps: VmHostDeps, options: VmHostOptions = {}) {
    this.sliceMs = options.sliceMs ?? 8;
    this.statusIntervalMs = options.statusIntervalMs ?? 250;
    this.display = new DisplayBridge(send);
    this.hotReload = new HostHotReload(deps.loadSourceTree?.bind(deps), (event) => send(event, []));
    // Node's MessagePort typings lack onmessage, which both Node and browsers implement.
    (this.wake.port1 as unknown as { onmessage: (() => void) | null }).onmessage = () => this.runSlice();
  }

  /** Handles one posted message; a malformed one gets an error reply (never a throw). */
  receive(data: unknown): void {
    const parsed = parseUiMessage(data);
    if (!parsed.ok) {
      if (parsed.id === undefined) this.send({ kind: 'event', event: 'error', message: parsed.error }, []);
      else this.send({ kind: 'response', id: parsed.id, ok: false, error: parsed.error }, []);
      return;
    }
    const message = parsed.message;
    if (message.kind === 'request') void this.answer(message);
    else if (message.kind === 'console-input') this.consoleInput(message.bytes);
    else this.displayInput(message.event);
  }

  /** The current run state and speed. */
  status(): RunStatus {
    const ticks = this.kernel?.now() ?? 0;
    return {
      state: this.state, idle: this.state === 'running' && this.idle, mips: round(this.speed.mips, 2),
      virtualTimeNs: ticks * NS_PER_TICK, steps: this.steps, message: this.message,
    };
  }

  /** The inputs applied since the last boot, reset or snapshot load, with the step counts they came at (snapshot/replay.ts replays them). */
  inputLog(): InputLog {
    return this.snapshots.inputLog(this.steps);
  }

  /** Stops running and releases the scheduling channel (the host is unusable afterwards). */
  dispose(): void {
    this.stop();
    this.display.restart(undefined);
    this.feed.dispose();
    this.kernel = undefined;
    this.state = 'off';
    this.wake.port1.close();
  }

  private async answer(request: HostRequest): Promise<void> {
    try {
      const result = await this.perform(request);
      this.send({ kind: 'response', id: request.id, op: request.op, ok: true, result } as HostMessage, []);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.send({ kind: 'response', id: request.id, ok: false, error: text }, []);
    }
  }

  private async perform(request: HostRequest): Promise<RequestResults[RequestOp]> {
    switch (request.op) {
      case 'boot': return this.boot(request.ramMib);
      case 'reset': return this.reset();
      case 'pause': return this.pause();
      case 'resume': return this.resume();
      case 'step': return this.step(request.instructions);
      case 'get-state': return this.status();
      case 'introspect': return this.introspect();
      case 'graph-subscribe': this.feed.subscribe(); return { subscribed: true };
      case 'graph-unsubscribe': this.feed.unsubscribe(); return { subscribed: false };
      case 'snapshot-save': return this.snapshots.save(this.booted(), this.steps, request.description);
      case 'snapshot-load': return this.loadSnapshot(request.bytes);
      case 'snapshot-info': return this.snapshots.info(request.bytes);
      case 'state-hash': return this.snapshots.hash(this.booted(), this.steps);
      case 'source-save': {
        const result = await this.hotReload.save(() => this.kernel, request.path, request.text, (path, elf) => {
          this.snapshots.record({ step: this.steps, kind: 'reload', path, elf: toBase64(elf) });
        });
        this.runNow();
        return result;
      }
    }
  }

  /** The kernel's snapshot with each user process's function (from the boot image's symbols). */
  private introspect(): HostIntrospection {
    const kernel = this.booted();
    const image = this.hotReload.programImage(kernel);
    if (this.symbols?.image !== image) this.symbols = new ProcessSymbols(image);
    return annotateFunctions(introspect(kernel), this.symbols);
  }

  private async boot(ramMib: number | undefined): Promise<RunStatus> {
    if (this.state !== 'off') throw new RequestError(`boot: the VM is ${this.state} (reset it instead)`);
    this.setState('booting', '');
    try {
      this.image ??= await this.deps.loadBootImage();
      this.module ??= await this.deps.loadHartModule();
      const module = this.module;
      const machine = await Machine.create({
        config: ramMib === undefined ? undefined : { ramSize: ramMib * 1024 * 1024 },
        consoleOutput: (bytes) => this.output.push(bytes),
        hartFactory: (options) => createHartFromModule(module, options),
      });
      this.kernel = bootKernel(machine, this.image);
      this.display.restart(this.kernel);
      this.feed.restart();
    } catch (error) {
      this.setState('failed', `boot failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
    this.ramMib = ramMib;
    this.steps = 0;
    this.snapshots.started(0);
    this.setState('running', '');
    this.schedule();
    return this.status();
  }

  private async reset(): Promise<RunStatus> {
    if (this.state === 'booting') throw new RequestError('reset: the VM is booting');
    this.stop();
    this.kernel = undefined;
    this.output = [];
    this.state = 'off';
    return this.boot(this.ramMib);
  }

  private pause(): RunStatus {
    if (this.state !== 'running') throw new RequestError(`pause: the VM is ${this.state}`);
    this.stop();
    this.setState('paused', '');
    return this.status();
  }

  private resume(): RunStatus {
    if (this.state !== 'paused') throw new RequestError(`resume: the VM is ${this.state}`);
    this.setState('running', '');
    this.schedule();
    return this.status();
  }

  private step(instructions: number): { steps: number; status: RunStatus } {
    if (this.state !== 'paused') throw new RequestError(`step: the VM must be paused (it is ${this.state})`);
    const result = this.stepOnGrid(this.booted(), instructions);
    this.flushOutput();
    this.display.update();
    if (result?.reason === 'exited') this.setState('halted', 'every user process has exited');
    else this.emitStatus();
    return { steps: result?.steps ?? 0, status: this.status() };
  }

  private consoleInput(bytes: Uint8Array): void {
    if (this.kernel === undefined || this.state === 'booting') return;
    this.snapshots.record({ step: this.steps, kind: 'console', bytes: [...bytes] });
    this.kernel.pushConsoleInput(bytes);
    this.runNow();
  }

  /** Runs the guest at once after input (a sleeper's wall-clock due time is kept in this.wait). */
  private runNow(): void {
    if (this.state !== 'running') return;
    this.cancelTimer();
    this.schedule();
  }

  /** Display input goes to the keyboard/tablet; the guest runs at once, as for console input. */
  private displayInput(event: DisplayInputEvent): void {
    if (this.kernel === undefined || this.state === 'booting') return;
    this.snapshots.record({ step: this.steps, kind: 'display', event });
    applyDisplayInput(this.kernel, event);
    this.runNow();
  }

  private booted(): Kernel {
    if (this.kernel === undefined) throw new RequestError(`the VM is ${this.state}`);
    return this.kernel;
  }

  private schedule(): void {
    if (this.scheduled || this.state !== 'running') return;
    this.scheduled = true;
    // Node (tests, the CLI, Electron's utility process): setImmediate lets I/O and thread-pool completions
    // (a snapshot's compression and hashing) run between slices, which back-to-back MessagePort messages starve.
    if (typeof setImmediate === 'function') setImmediate(() => this.runSlice());
    else this.wake.port2.postMessage(null);
  }

  /** One slice: kernel.run calls cut on the run grid (snapshot/run-grid.ts) until the slice's time is used or the guest stops being runnable. */
  private runSlice(): void {
    this.scheduled = false;
    const kernel = this.kernel;
    if (this.state !== 'running' || kernel === undefined) return;
    const until = performance.now() + this.sliceMs;
    let result: KernelRunResult | undefined;
    do result = this.runKernel(kernel, gridBudget(this.steps), false);
    while (result?.reason === 'limit' && performance.now() < until);
    this.flushOutput();
    this.display.update();
    if (result !== undefined) this.afterSlice(kernel, result);
    this.feed.notify();
    if (performance.now() - this.lastStatusAt >= this.statusIntervalMs) this.emitStatus();
  }

  /** kernel.run, timed for the speed meter; undefined (and state 'failed') when the kernel throws. */
  private runKernel(kernel: Kernel, steps: number, idleSkip: boolean): KernelRunResult | undefined {
    const start = performance.now();
    try {
      const result = kernel.run(steps, { idleSkip });
      this.steps += result.steps;
      this.speed.record(result.steps, performance.now() - start);
      return result;
    } catch (error) {
      this.flushOutput();
      this.stop();
      this.setState('failed', `kernel error: ${error instanceof Error ? error.message : String(error)}`);
      this.send({ kind: 'event', event: 'error', message: this.message }, []);
      return undefined;
    }
  }

  private afterSlice(kernel: Kernel, result: KernelRunResult): void {
    const wasIdle = this.idle;
    this.idle = result.reason !== 'limit';
    if (result.reason === 'limit') this.schedule();
    else if (result.reason === 'waiting' && result.deadline !== undefined) this.sleepUntil(kernel, result.deadline);
    else if (result.reason === 'exited') this.setState('halted', 'every user process has exited');
    // 'idle': wait for console input (consoleInput schedules the next slice).
    if (this.idle !== wasIdle) this.emitStatus();
  }

  /** Waits in wall-clock time until virtual `deadline` is due, then moves virtual time there and runs. */
  private sleepUntil(kernel: Kernel, deadline: number): void {
    if (this.wait?.deadline !== deadline) {
      this.wait = { deadline, wallAt: performance.now() + (deadline - kernel.now()) / TICKS_PER_MS };
    }
    const delay = Math.max(0, this.wait.wallAt - performance.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.wait = undefined;
      this.advanceTime(kernel, deadline);
      this.schedule();
    }, delay);
  }

  /** Virtual time moves to `deadline` (recorded in the input log: wall-clock pacing decided when). */
  private advanceTime(kernel: Kernel, deadline: number): void {
    this.snapshots.record({ step: this.steps, kind: 'time', ticks: deadline });
    kernel.advanceTimeTo(deadline);
  }

  /** A step request: grid-cut runs, a sleeper's deadline reached at once; the end is logged as a run boundary. */
  private stepOnGrid(kernel: Kernel, instructions: number): KernelRunResult | undefined {
    const target = this.steps + instructions;
    const start = this.steps;
    let result: KernelRunResult | undefined;
    do {
      result = this.runKernel(kernel, gridBudget(this.steps, target - this.steps), false);
      if (result?.reason === 'waiting' && result.deadline !== undefined) this.advanceTime(kernel, result.deadline);
    } while ((result?.reason === 'limit' || result?.reason === 'waiting') && this.steps < target);
    this.snapshots.record({ step: this.steps, kind: 'cut' });
    return result === undefined ? undefined : { ...result, steps: this.steps - start };
  }

  /** Verifies and restores a snapshot file off to the side, then swaps it in; a refused file changes nothing. */
  private async loadSnapshot(bytes: Uint8Array): Promise<RunStatus> {
    if (this.state === 'booting') throw new RequestError('snapshot-load: the VM is booting');
    const image = (this.image ??= await this.deps.loadBootImage());
    const module = (this.module ??= await this.deps.loadHartModule());
    const restored = await this.snapshots.load(bytes, this.kernel, {
      bootImage: image, hartFactory: (options) => createHartFromModule(module, options), consoleOutput: (out) => this.output.push(out),
    });
    if ((this.state as RunState) === 'booting') throw new RequestError('snapshot-load: the VM started booting meanwhile'); // state changes across the awaits
    const resume = this.state === 'running';
    this.stop();
    this.flushOutput();
    [this.kernel, this.steps, this.ramMib] = [restored.kernel, restored.steps, restored.info.machine.ramMib];
    this.snapshots.loaded(restored);
    this.display.restart(restored.kernel);
    this.feed.restart();
    this.setState(resume ? 'running' : 'paused', '');
    // After the response: the console output the snapshot carries (the UI clears its terminal on the response), then run on.
    setTimeout(() => {
      const tail = restored.console.slice();
      if (tail.length > 0) this.send({ kind: 'event', event: 'console-output', bytes: tail }, [tail.buffer]);
      this.schedule();
    }, 0);
    return this.status();
  }

  private stop(): void {
    this.cancelTimer();
    this.wait = undefined;
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private flushOutput(): void {
    if (this.output.length === 0) return;
    const bytes = concat(this.output);
    this.output = [];
    this.snapshots.output(bytes);
    this.send({ kind: 'event', event: 'console-output', bytes }, [bytes.buffer as ArrayBuffer]);
  }

  private setState(state: RunState, message: string): void {
    this.state = state;
    this.message = message;
    if (state !== 'running') this.idle = false;
    this.emitStatus();
  }

  private emitStatus(): void {
    this.feed.notify();
    this.lastStatusAt = performance.now();
    this.send({ kind: 'event', event: 'state', status: this.status() }, []);
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
