// Receives the VM host's MessagePort that the preload posts into the page
// (preload/vm-port-forwarder.ts): only from this window itself, from its own
// origin, with the expected message type and exactly one port.
import { VM_PORT_WINDOW_MESSAGE } from '../../../preload/workbench-api.ts';

/** The parts of a window message event checked here. */
export interface PortMessageEvent<P> {
  readonly source: unknown;
  readonly origin: string;
  readonly data: unknown;
  readonly ports: readonly P[];
}

/** The parts of the window used here. */
export interface PortReceivingWindow<P> {
  readonly location: { readonly origin: string };
  addEventListener(type: 'message', listener: (event: PortMessageEvent<P>) => void): void;
}

/** Calls onPort with each VM host port the preload forwards; ignores every other message. */
export function listenForVmPorts<P>(target: PortReceivingWindow<P>, onPort: (port: P) => void): void {
  target.addEventListener('message', (event) => {
    if (event.source !== target || event.origin !== target.location.origin) return;
    const data = event.data as { type?: unknown } | null;
    if (data?.type !== VM_PORT_WINDOW_MESSAGE || event.ports.length !== 1) return;
    onPort(event.ports[0]!);
  });
}
