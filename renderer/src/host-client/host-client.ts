// The renderer's side of the VM host protocol (emulator/host/protocol/messages.ts):
// typed requests that resolve with their responses, console and display input,
// and event listeners, over any postMessage port (a Web Worker today, a
// MessagePort from Electron's utility process later).

import type {
  DisplayInputEvent, HostEvent, HostMessage, RequestOp, RequestParams, RequestResults, UiMessage,
} from '../../../emulator/host/protocol/messages.ts';

/** What the client needs of a transport: Worker and MessagePort (browser or Node) both fit. */
export interface HostPort {
  postMessage(message: UiMessage, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

type EventName = HostEvent['event'];
type EventOf<E extends EventName> = Extract<HostEvent, { event: E }>;
type Listener = (event: HostEvent) => void;

/** A request the host refused or could not do; `message` is the host's reason. */
export class HostRequestError extends Error {}

export class HostClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  private readonly listeners = new Map<EventName, Set<Listener>>();

  constructor(private readonly port: HostPort) {
    port.addEventListener('message', (event) => this.dispatch(event.data as HostMessage));
  }

  /** Sends request `op`; resolves with its result, rejects with HostRequestError. */
  request<Op extends RequestOp>(op: Op, params?: RequestParams[Op]): Promise<RequestResults[Op]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      this.port.postMessage({ kind: 'request', id, op, ...params } as UiMessage, []);
    });
  }

  /** Sends console input bytes (transferred: the caller must not reuse `bytes`). */
  consoleInput(bytes: Uint8Array<ArrayBuffer>): void {
    this.port.postMessage({ kind: 'console-input', bytes }, [bytes.buffer]);
  }

  /** The transport broke (e.g. the worker failed to load): fails every pending request and reports an 'error' event. */
  transportError(message: string): void {
    for (const waiter of this.pending.values()) waiter.reject(new HostRequestError(message));
    this.pending.clear();
    this.dispatch({ kind: 'event', event: 'error', message });
  }

  displayInput(event: DisplayInputEvent): void {
    this.port.postMessage({ kind: 'display-input', event }, []);
  }

  /** Calls `listener` for each `event` the host sends; returns the function that stops it. */
  on<E extends EventName>(event: E, listener: (message: EventOf<E>) => void): () => void {
    const set = this.listeners.get(event) ?? new Set<Listener>();
    this.listeners.set(event, set);
    set.add(listener as Listener);
    return () => set.delete(listener as Listener);
  }

  private dispatch(message: HostMessage): void {
    if (message.kind === 'event') {
      this.listeners.get(message.event)?.forEach((listener) => listener(message));
      return;
    }
    const waiter = this.pending.get(message.id);
    this.pending.delete(message.id);
    if (message.ok) waiter?.resolve(message.result);
    else waiter?.reject(new HostRequestError(message.error));
  }
}
