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
import type { HostIntrospection, HostMessage, HostRequest, MessageSink, RequestOp, RequestResults, RunState, RunStatus } from './protocol/messages.ts';
import { parseUiMessage } from './protocol/parse-ui-message.ts';
import { annotateFunctions, ProcessSymbols } from './process-symbols.ts';
import { SpeedMeter } from './speed-meter.ts';

/** Where the host gets what it cannot build itself (Node reads files, a worker fetches URLs). */
export interface VmHostDeps {
  loadBootImage(): Promise<BootImage>;
  loadHartModule(): Promise<WebAssembly.Module>;
}

export interface VmHostOptions {
  /** Wall-clock milliseconds of one run slice between event-loop turns (default 8). */
  sliceMs?: number;
  /** Minimum milliseconds between periodic 'state' events while running (default 250). */
  statusIntervalMs?: number;
}

const NS_PER_TICK = 100;
const TICKS_PER_MS = 10_000;
const MIN_CHUNK = 20_000;
const MAX_CHUNK = 2_000_000;
/** One kernel.run call aims at about this many milliseconds, so a slice ends near its budget. */
const CHUNK_MS = 2;

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
  private readonly sliceMs: number;
  private readonly statusIntervalMs: number;

  constructor(private readonly send: MessageSink<HostMessage>, private readonly deps: VmHostDeps, options: VmHostOptions = {}) {
    this.sliceMs = options.sliceMs ?? 8;
    this.statusIntervalMs = options.statusIntervalMs ?? 250;
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
    // display-input: no display device yet (the GPU service comes in a later issue).
  }

  /** The current run state and speed. */
  status(): RunStatus {
    const ticks = this.kernel?.now() ?? 0;
    return {
      state: this.state, idle: this.state === 'running' && this.idle, mips: round(this.speed.mips, 2),
      virtualTimeNs: ticks * NS_PER_TICK, steps: this.steps, message: this.message,
    };
  }

  /** Stops running and releases the scheduling channel (the host is unusable afterwards). */
  dispose(): void {
    this.stop();
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
      // Snapshots: the protocol is fixed; the host side lands with the snapshot work (issue 7).
      case 'snapshot-save': case 'snapshot-load': case 'snapshot-info': case 'state-hash':
        throw new RequestError(`${request.op}: snapshots are not available in this build`);
    }
  }

  /** The kernel's snapshot with each user process's function (from the boot image's symbols). */
  private introspect(): HostIntrospection {
    const kernel = this.booted();
    if (this.symbols?.image !== kernel.bootImage) this.symbols = new ProcessSymbols(kernel.bootImage);
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
    } catch (error) {
      this.setState('failed', `boot failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
    this.ramMib = ramMib;
    this.steps = 0;
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
    const result = this.runKernel(this.booted(), instructions, true);
    this.flushOutput();
    if (result?.reason === 'exited') this.setState('halted', 'every user process has exited');
    else this.emitStatus();
    return { steps: result?.steps ?? 0, status: this.status() };
  }

  private consoleInput(bytes: Uint8Array): void {
    if (this.kernel === undefined || this.state === 'booting') return;
    this.kernel.pushConsoleInput(bytes);
    if (this.state !== 'running') return;
    // Run now; a sleeper's wall-clock due time is kept in this.wait.
    this.cancelTimer();
    this.schedule();
  }

  private booted(): Kernel {
    if (this.kernel === undefined) throw new RequestError(`the VM is ${this.state}`);
    return this.kernel;
  }

  private schedule(): void {
    if (this.scheduled || this.state !== 'running') return;
    this.scheduled = true;
    this.wake.port2.postMessage(null);
  }

  /** One slice: kernel.run chunks until the slice's time is used or the guest stops being runnable. */
  private runSlice(): void {
    this.scheduled = false;
    const kernel = this.kernel;
    if (this.state !== 'running' || kernel === undefined) return;
    const until = performance.now() + this.sliceMs;
    let result: KernelRunResult | undefined;
    do result = this.runKernel(kernel, this.chunk(), false);
    while (result?.reason === 'limit' && performance.now() < until);
    this.flushOutput();
    if (result !== undefined) this.afterSlice(kernel, result);
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
      kernel.advanceTimeTo(deadline);
      this.schedule();
    }, delay);
  }

  /** Steps per kernel.run call: about CHUNK_MS at the measured speed. */
  private chunk(): number {
    const estimate = Math.round(this.speed.mips * 1000 * CHUNK_MS);
    return Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, estimate));
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
    this.send({ kind: 'event', event: 'console-output', bytes }, [bytes.buffer as ArrayBuffer]);
  }

  private setState(state: RunState, message: string): void {
    this.state = state;
    this.message = message;
    if (state !== 'running') this.idle = false;
    this.emitStatus();
  }

  private emitStatus(): void {
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
