// The VM host as Electron's utility process serves it: one VmHost whose messages
// go to the renderer over the latest MessagePortMain that main handed over
// (a renderer reload or a new window gets a fresh port; the VM keeps running).
// Each new port first gets a 'state' event so the UI shows the VM as it is.

import { VmHost, type VmHostDeps, type VmHostOptions } from '../vm-host.ts';
import { isVmConnectMessage, type ParentPortLike, type PortMainLike } from './utility-port.ts';

/**
 * Returns the VmHost serving parent's ports. Messages on a replaced port are
 * ignored; ArrayBuffers are copied, not transferred (MessagePortMain transfers ports only).
 */
export function serveVmHost(parent: ParentPortLike, deps: VmHostDeps, options: VmHostOptions = {}): VmHost {
  let current: PortMainLike | undefined;
  const host = new VmHost((message) => current?.postMessage(message), deps, options);
  parent.on('message', (event) => {
    const port = event.ports[0];
    if (!isVmConnectMessage(event.data) || port === undefined) return;
    current?.close();
    current = port;
    port.on('message', (message) => { if (current === port) host.receive(message.data); });
    port.on('close', () => { if (current === port) current = undefined; });
    port.start();
    port.postMessage({ kind: 'event', event: 'state', status: host.status() });
  });
  return host;
}
