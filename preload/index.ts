// Preload: the typed bridge the renderer gets as window.rvos through
// contextBridge (preload/workbench-api.ts). Named methods only; no raw
// ipcRenderer reaches the renderer. Built as CommonJS: sandboxed preloads cannot be ESM.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  IPC_INVOKE_CHANNEL, MENU_COMMAND_CHANNEL, isMenuCommand, type IpcReply, type MenuCommand, type WorkbenchApi,
} from './workbench-api.ts';

const workbenchApi: WorkbenchApi = {
  host: 'electron',
  appInfo: () => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, { command: 'app-info' }) as Promise<IpcReply>,
  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    const forward = (_event: IpcRendererEvent, command: unknown): void => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, forward);
    return () => ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, forward);
  },
};

export type { WorkbenchApi };

contextBridge.exposeInMainWorld('rvos', workbenchApi);
