// Test double for Electron's MessagePortMain: a Node worker_threads MessagePort
// shaped as emulator/host/node/utility-port.ts's PortMainLike (listeners get
// {data}), for the utility-process VM host tests in Node.
import type { MessagePort } from 'node:worker_threads';
import type { PortMainLike } from '../../emulator/host/node/utility-port.ts';

/** Returns port as a PortMainLike; closing it closes port. */
export function asPortMain(port: MessagePort): PortMainLike {
  return {
    on: (event: 'message' | 'close', listener: (event: { data: unknown }) => void) =>
      port.on(event, event === 'message' ? (data: unknown) => listener({ data }) : listener),
    postMessage: (message) => port.postMessage(message),
    start: () => port.start(),
    close: () => port.close(),
  };
}
