// The VM host's utility process (design decision 7): forks it, connects the
// renderer to it with a MessageChannelMain (port1 to the utility process, port2
// to the renderer) so frames and console bytes never pass through main,
// restarts it after a crash and tells the renderer, and stops it on quit.
import { VM_CONNECT_MESSAGE } from '../emulator/host/node/utility-port.ts';
import type { VmHostNotice } from '../preload/workbench-api.ts';

/** The parts of Electron's UtilityProcess used here. */
export interface UtilityChild {
  postMessage(message: unknown, transfer?: unknown[]): void;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface VmHostProcessDeps {
  /** utilityProcess.fork of the VM host entry. */
  fork(): UtilityChild;
  /** new MessageChannelMain(). */
  createChannel(): { port1: unknown; port2: unknown };
  /** Posts the renderer's end of a new channel to the workbench window; false when there is no window. */
  postPortToRenderer(port: unknown): boolean;
  /** Tells the workbench window that the VM host stopped (and whether it was restarted). */
  notifyRenderer(notice: VmHostNotice): void;
  /** Wall-clock milliseconds (Date.now). */
  now(): number;
}

/** More crashes than this within RESTART_WINDOW_MS and the host stays down. */
export const MAX_RESTARTS = 3;
export const RESTART_WINDOW_MS = 60_000;

export class VmHostProcess {
  private child: UtilityChild | undefined;
  private stopping = false;
  /** Too many crashes: the host stays down until the app restarts. */
  private gaveUp = false;
  private crashes: number[] = [];

  constructor(private readonly deps: VmHostProcessDeps) {}

  /** Forks the utility process unless it runs already. */
  start(): void {
    if (this.child !== undefined || this.stopping || this.gaveUp) return;
    const child = this.deps.fork();
    this.child = child;
    child.on('exit', (code) => this.exited(child, code));
  }

  /** Gives the renderer a fresh channel to the VM host (starting it if needed); false when there is no window. */
  connect(): boolean {
    this.start();
    if (this.child === undefined) return false;
    const { port1, port2 } = this.deps.createChannel();
    if (!this.deps.postPortToRenderer(port2)) return false;
    this.child.postMessage({ type: VM_CONNECT_MESSAGE }, [port1]);
    return true;
  }

  /** Stops the utility process for good (app quit); later exits are not crashes. */
  stop(): void {
    this.stopping = true;
    const child = this.child;
    this.child = undefined;
    child?.kill();
  }

  private exited(child: UtilityChild, code: number): void {
    if (this.child !== child || this.stopping) return;
    this.child = undefined;
    const now = this.deps.now();
    this.crashes = [...this.crashes.filter((at) => now - at < RESTART_WINDOW_MS), now];
    if (this.crashes.length > MAX_RESTARTS) {
      this.gaveUp = true;
      this.deps.notifyRenderer({
        kind: 'failed', exitCode: code,
        message: `The VM host stopped (exit code ${code}) ${this.crashes.length} times within a minute and was not restarted. Restart the app.`,
      });
      return;
    }
    this.deps.notifyRenderer({
      kind: 'restarted', exitCode: code,
      message: `The VM host stopped unexpectedly (exit code ${code}) and was restarted; the VM is off. Boot it or restore a snapshot.`,
    });
    this.connect();
  }
}
