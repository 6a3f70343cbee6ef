// Forwards the VM host's MessagePort from main into the page (the documented
// Electron pattern: a port cannot cross contextBridge, so the preload posts it
// to its own window, to the page's own origin only, never '*').
import { VM_PORT_WINDOW_MESSAGE } from './workbench-api.ts';

/** The parts of the page's window the forwarder uses (the preload is compiled without the DOM library). */
export interface PortTargetWindow {
  readonly location: { readonly origin: string };
  postMessage(message: unknown, targetOrigin: string, transfer: unknown[]): void;
}

/** Returns the listener for main's VM_PORT_CHANNEL: posts the event's first port to target; ignores an event without one. */
export function vmPortForwarder(target: PortTargetWindow): (event: { ports: readonly unknown[] }) => void {
  return (event) => {
    const port = event.ports[0];
    if (port === undefined) return;
    target.postMessage({ type: VM_PORT_WINDOW_MESSAGE }, target.location.origin, [port]);
  };
}
