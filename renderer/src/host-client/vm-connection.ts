// The one connection of this renderer to a VM host: in Electron, a MessagePort
// to the VM host's utility process that main hands over on request
// (electron-connection.ts); in the browser host, a module Web Worker running
// emulator/host/worker/vm-worker.ts. Created on first use.

import type { VmHostNotice } from '../../../preload/workbench-api.ts';
import { electronConnection } from './electron-connection.ts';
import { HostClient } from './host-client.ts';
import type { PortReceivingWindow } from './vm-port-receiver.ts';
import { workbenchApi } from './workbench-bridge.ts';

let client: HostClient | undefined;
const noticeListeners = new Set<(notice: VmHostNotice) => void>();

/** The shared client: over Electron's utility-process port when window.rvos exists, else a new VM worker. */
export function vmConnection(): HostClient {
  if (client !== undefined) return client;
  const api = workbenchApi();
  client = api === undefined
    ? workerConnection()
    : electronConnection(api, window as unknown as PortReceivingWindow<MessagePort>, (notice) => noticeListeners.forEach((listener) => listener(notice)));
  return client;
}

/** Calls listener when the VM host's process stopped (Electron only); returns the function that stops it. */
export function onVmHostNotice(listener: (notice: VmHostNotice) => void): () => void {
  noticeListeners.add(listener);
  return () => noticeListeners.delete(listener);
}

function workerConnection(): HostClient {
  const worker = new Worker(new URL('../../../emulator/host/worker/vm-worker.ts', import.meta.url), { type: 'module', name: 'rvos-vm' });
  const created = new HostClient(worker);
  worker.addEventListener('error', (event) => created.transportError(`VM worker failed: ${event.message || 'could not load'}`));
  return created;
}
