// Feeds a host byte stream (the CLI's stdin) to the guest console. Bytes are
// delivered only from event-loop turns, i.e. between run slices, so the guest
// sees input at instruction-count boundaries; `waitForInput` lets a run loop
// sleep while the guest waits in wfi for the UART.

/** A readable host stream delivering its bytes to `deliver` until closed or ended. */
export class HostInput {
  private ended: boolean;
  private wake: (() => void) | undefined;
  private readonly onData = (chunk: Buffer | string): void => {
    this.deliver(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk));
    this.notify();
  };
  private readonly onEnd = (): void => {
    this.ended = true;
    this.notify();
  };

  constructor(private readonly stream: NodeJS.ReadableStream | undefined, private readonly deliver: (bytes: Uint8Array) => void) {
    this.ended = stream === undefined;
    stream?.on('data', this.onData);
    stream?.on('end', this.onEnd);
    stream?.on('error', this.onEnd);
  }

  /** True while more input may still come. */
  get open(): boolean {
    return !this.ended;
  }

  /** Resolves when the next chunk arrives or the stream ends (at once if it has ended). */
  waitForInput(): Promise<void> {
    if (this.ended) return Promise.resolve();
    return new Promise((resolve) => { this.wake = resolve; });
  }

  /** Ends a waitForInput without input (the host changed the guest, e.g. a hot reload started a process). */
  poke(): void {
    this.notify();
  }

  /** Stops reading so the process can exit. */
  close(): void {
    this.ended = true;
    this.stream?.removeListener('data', this.onData);
    this.stream?.removeListener('end', this.onEnd);
    this.stream?.removeListener('error', this.onEnd);
    this.stream?.pause();
    if (this.stream !== undefined && 'destroy' in this.stream && typeof this.stream.destroy === 'function') this.stream.destroy();
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
