// Preload: the typed bridge the renderer gets as window.rvos through
// contextBridge (preload/workbench-api.ts). Named methods only; no raw
// ipcRenderer reaches the renderer. The VM host's port is forwarded to the
// page by vm-port-forwarder.ts. Built as CommonJS: sandboxed preloads cannot be ESM.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isSourceChange, type SourceChange } from '../emulator/host/userland-build/source-paths.ts';
import { vmPortForwarder, type PortTargetWindow } from './vm-port-forwarder.ts';
import {
  IPC_INVOKE_CHANNEL, MENU_COMMAND_CHANNEL, SOURCE_CHANGED_CHANNEL, VM_HOST_NOTICE_CHANNEL, VM_PORT_CHANNEL, isMenuCommand, isVmHostNotice,
  type IpcReply, type IpcRequest, type MenuCommand, type VmHostNotice, type WorkbenchApi,
} from './workbench-api.ts';

function invoke(request: IpcRequest): Promise<IpcReply> {
  return ipcRenderer.invoke(IPC_INVOKE_CHANNEL, request) as Promise<IpcReply>;
}

/** Subscribes listener to channel's first argument when accept says it has the right shape. */
function subscribe<T>(channel: string, accept: (value: unknown) => value is T, listener: (value: T) => void): () => void {
  const forward = (_event: IpcRendererEvent, value: unknown): void => {
    if (accept(value)) listener(value);
  };
  ipcRenderer.on(channel, forward);
  return () => ipcRenderer.removeListener(channel, forward);
}

const workbenchApi: WorkbenchApi = {
  host: 'electron',
  appInfo: () => invoke({ command: 'app-info' }),
  onMenuCommand: (listener: (command: MenuCommand) => void) => subscribe(MENU_COMMAND_CHANNEL, isMenuCommand, listener),
  connectVm: () => invoke({ command: 'vm-connect' }),
  onVmHostNotice: (listener: (notice: VmHostNotice) => void) => subscribe(VM_HOST_NOTICE_CHANNEL, isVmHostNotice, listener),
  openSnapshotFile: () => invoke({ command: 'snapshot-open' }),
  saveSnapshotFile: (name: string, bytes: Uint8Array) => invoke({ command: 'snapshot-write', payload: { name, bytes } }),
  listSources: () => invoke({ command: 'source-list' }),
  writeSource: (change: SourceChange) => invoke({ command: 'source-write', payload: { path: change.path, text: change.text } }),
  onSourceChanged: (listener: (change: SourceChange) => void) => subscribe(SOURCE_CHANGED_CHANNEL, isSourceChange, listener),
};

export type { WorkbenchApi };

ipcRenderer.on(VM_PORT_CHANNEL, vmPortForwarder(globalThis as unknown as PortTargetWindow));
contextBridge.exposeInMainWorld('rvos', workbenchApi);
