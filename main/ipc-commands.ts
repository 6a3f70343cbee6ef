// The commands the renderer may invoke through rvos:invoke, each with its
// payload parser. Main-side work (dialogs, snapshot files) is added here; the
// guard in main/ipc-guard.ts checks sender and envelope first.
import type { AppInfo } from '../preload/workbench-api.ts';
import { defineIpcCommand, type IpcCommandTable } from './ipc-guard.ts';

/** Returns null (accepted) when there is no payload, undefined (rejected) for any payload. */
export function parseNoPayload(payload: unknown): null | undefined {
  return payload === undefined ? null : undefined;
}

/** Returns the command table for the running app. */
export function workbenchIpcCommands(info: AppInfo): IpcCommandTable {
  return {
    'app-info': defineIpcCommand(parseNoPayload, () => ({ ...info })),
  };
}
