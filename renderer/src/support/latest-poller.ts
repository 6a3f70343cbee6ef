// Polls an async source at a fixed interval with never more than one request in
// flight (the next one is scheduled only after the previous settles), and can
// drop answers that belong to an older epoch (after a VM reset). No Vue, no
// host: the kernel-state store wires it to the introspect request.

export interface LatestPollerOptions<T> {
  /** Starts one request. */
  readonly fetch: () => Promise<T>;
  /** Delay between a settled request and the next one while started. */
  readonly intervalMs: number;
  readonly onResult: (value: T) => void;
  readonly onError: (error: unknown) => void;
}

export class LatestPoller<T> {
  private active = false;
  private inFlight = false;
  /** A refresh was asked for while a request was in flight: run one more when it settles. */
  private again = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private epoch = 0;

  constructor(private readonly options: LatestPollerOptions<T>) {}

  /** True between start() and stop(). */
  get running(): boolean {
    return this.active;
  }

  /** Polls now and then every intervalMs until stop(); no-op when already started. */
  start(): void {
    if (this.active) return;
    this.active = true;
    this.refresh();
  }

  /** Stops scheduling further requests (an answer already on its way is still delivered). */
  stop(): void {
    this.active = false;
    this.again = false;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** One request as soon as possible (right now, or after the one in flight settles). */
  refresh(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.inFlight) this.again = true;
    else void this.poll();
  }

  /** Stops and ignores any answer still on its way (the source it came from is gone). */
  discard(): void {
    this.stop();
    this.epoch++;
  }

  private async poll(): Promise<void> {
    const epoch = this.epoch;
    this.inFlight = true;
    try {
      const value = await this.options.fetch();
      if (epoch === this.epoch) this.options.onResult(value);
    } catch (error) {
      if (epoch === this.epoch) this.options.onError(error);
    } finally {
      this.inFlight = false;
      this.next();
    }
  }

  private next(): void {
    if (this.again) {
      this.again = false;
      void this.poll();
    } else if (this.active && this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.poll();
      }, this.options.intervalMs);
    }
  }
}
