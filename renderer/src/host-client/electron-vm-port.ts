// The Electron transport of the host client: the MessagePort main hands over
// (through the preload, vm-port-receiver.ts) to the VM host's utility process.
// Messages sent before a port arrives wait in a queue; a new port (after a
// utility-process restart or a reload) replaces the old one.
import type { UiMessage } from '../../../emulator/host/protocol/messages.ts';
import type { HostPort } from './host-client.ts';

/** The parts of a DOM MessagePort used here. */
export interface VmMessagePort {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  start(): void;
  postMessage(message: unknown): void;
  close(): void;
}

export class ElectronVmPort implements HostPort {
  private port: VmMessagePort | undefined;
  private queue: UiMessage[] = [];
  private readonly listeners: ((event: { data: unknown }) => void)[] = [];

  /** Uses port from now on (closing the previous one) and sends what waited in the queue. */
  attach(port: VmMessagePort): void {
    this.port?.close();
    this.port = port;
    port.addEventListener('message', (event) => {
      if (this.port === port) for (const listener of this.listeners) listener({ data: event.data });
    });
    port.start();
    const waiting = this.queue;
    this.queue = [];
    for (const message of waiting) port.postMessage(message);
  }

  /** Sends message; ArrayBuffers are copied (the far end is a MessagePortMain, which transfers ports only). */
  postMessage(message: UiMessage): void {
    if (this.port === undefined) this.queue.push(message);
    else this.port.postMessage(message);
  }

  addEventListener(_type: 'message', listener: (event: { data: unknown }) => void): void {
    this.listeners.push(listener);
  }
}
