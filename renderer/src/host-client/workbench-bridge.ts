// The preload's window.rvos (preload/workbench-api.ts) as the renderer sees
// it: present in Electron, absent in the browser host. Every Electron-only
// path of the renderer asks workbenchApi() first.
import type { IpcReply, WorkbenchApi } from '../../../preload/workbench-api.ts';

/** Returns window.rvos in Electron, undefined in the browser host. */
export function workbenchApi(): WorkbenchApi | undefined {
  return (globalThis as { rvos?: WorkbenchApi }).rvos;
}

/** Returns an IpcReply's value; throws its error text. */
export function replyValue(reply: IpcReply): unknown {
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
