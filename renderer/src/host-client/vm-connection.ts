// The one connection of this renderer to a VM host: in the browser host, a
// module Web Worker running emulator/host/worker/vm-worker.ts, created on first use.

import { HostClient } from './host-client.ts';

let client: HostClient | undefined;

/** The shared client, spawning the VM worker the first time. */
export function vmConnection(): HostClient {
  if (client !== undefined) return client;
  const worker = new Worker(new URL('../../../emulator/host/worker/vm-worker.ts', import.meta.url), { type: 'module', name: 'rvos-vm' });
  const created = new HostClient(worker);
  worker.addEventListener('error', (event) => created.transportError(`VM worker failed: ${event.message || 'could not load'}`));
  client = created;
  return created;
}
