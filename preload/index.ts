// Preload: the typed bridge the renderer gets through contextBridge. For now it
// exposes only the workbench version; the VM API arrives with the workbench issue.
import { contextBridge } from 'electron';

const workbenchApi = {
  host: 'electron' as const,
};

export type WorkbenchApi = typeof workbenchApi;

contextBridge.exposeInMainWorld('rvos', workbenchApi);
