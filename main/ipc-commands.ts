// The commands the renderer may invoke through rvos:invoke, each with its
// payload parser: app info, a fresh VM host port, and snapshot files through
// main's dialogs. The guard in main/ipc-guard.ts checks sender and envelope first.
import type { AppInfo } from '../preload/workbench-api.ts';
import { defineIpcCommand, type IpcCommandTable } from './ipc-guard.ts';
import {
  MAX_SNAPSHOT_FILE_BYTES, openSnapshotFile, parseSnapshotWrite, writeSnapshotFile, type SnapshotFileDeps,
} from './snapshot-files.ts';
import { sourceIpcCommands, type SourceFileService } from './source-files.ts';

/** What the commands act on besides their payloads. */
export interface WorkbenchIpcContext {
  info: AppInfo;
  /** Posts a fresh VM host port to the renderer; false when there is no window. */
  connectVm(): boolean;
  files: SnapshotFileDeps;
  /** The guest source files the Source view edits (source-list, source-write); absent: no such commands. */
  sources?: SourceFileService;
}

/** Returns null (accepted) when there is no payload, undefined (rejected) for any payload. */
export function parseNoPayload(payload: unknown): null | undefined {
  return payload === undefined ? null : undefined;
}

/** Returns the command table for the running app. */
export function workbenchIpcCommands(context: WorkbenchIpcContext): IpcCommandTable {
  return {
    'app-info': defineIpcCommand(parseNoPayload, () => ({ ...context.info })),
    'vm-connect': defineIpcCommand(parseNoPayload, () => {
      if (!context.connectVm()) throw new Error('no workbench window to connect');
      return null;
    }),
    'snapshot-open': defineIpcCommand(parseNoPayload, () => openSnapshotFile(context.files)),
    'snapshot-write': defineIpcCommand(parseSnapshotWrite, (request) => writeSnapshotFile(context.files, request), MAX_SNAPSHOT_FILE_BYTES + 1024),
    ...(context.sources === undefined ? {} : sourceIpcCommands(context.sources)),
  };
}
