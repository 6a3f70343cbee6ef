// Waiting on several endpoints at once (wait_many, and services that serve
// many clients): which endpoint is ready (a message queued, or its peer gone)
// and registering a waiter on all of them.

import type { IpcContext } from './channel-send.ts';

/** The index of the first live endpoint in `endpoints` with a queued message or a closed peer, or undefined. */
export function readyIndex(ipc: IpcContext, endpoints: readonly number[]): number | undefined {
  const i = endpoints.findIndex((id) => ipc.channels.live(id).queue.length > 0 || ipc.channels.peerClosed(id));
  return i < 0 ? undefined : i;
}

/** Registers `pid` as a receive waiter on every endpoint of `endpoints` (woken by the first message or peer close). */
export function watchEndpoints(ipc: IpcContext, endpoints: readonly number[], pid: number): void {
  for (const id of endpoints) ipc.channels.addRecvWaiter(id, pid);
}
