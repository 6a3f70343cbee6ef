// The contract between main, preload and renderer: IPC channel names, the menu
// commands main sends, the reply shape of every invoke, and the typed API the
// preload exposes as window.rvos. Pure data and types, no Electron import.
import type { SourceChange } from '../emulator/host/userland-build/source-paths.ts';
export const IPC_INVOKE_CHANNEL = 'rvos:invoke';
export const MENU_COMMAND_CHANNEL = 'rvos:menu-command';
/** main -> preload: the renderer's MessagePort to the VM host's utility process (webContents.postMessage). */
export const VM_PORT_CHANNEL = 'rvos:vm-port';
/** main -> preload: a VmHostNotice when the VM host's utility process stopped. */
export const VM_HOST_NOTICE_CHANNEL = 'rvos:vm-host-notice';
/** preload -> main world: window.postMessage data that carries the VM host port as its one transferred port. */
export const VM_PORT_WINDOW_MESSAGE = 'rvos:vm-port';
/** main -> preload: a SourceChange when another editor changed a guest source (main/source-watcher.ts). */
export const SOURCE_CHANGED_CHANNEL = 'rvos:source-changed';

export const MENU_COMMANDS = ['open-snapshot', 'save-snapshot', 'boot', 'pause', 'resume', 'reset'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Returns true when value is one of MENU_COMMANDS. */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** What every rvos:invoke answers: a value, or an error text (main never throws at the renderer). */
export type IpcReply = { ok: true; value: unknown } | { ok: false; error: string };

/** The envelope the preload sends on rvos:invoke. */
export interface IpcRequest {
  command: string;
  payload?: unknown;
}

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
}

/** The VM host's utility process stopped: 'restarted' (a fresh, powered-off VM) or 'failed' (stays down). */
export interface VmHostNotice {
  kind: 'restarted' | 'failed';
  exitCode: number;
  message: string;
}

/** Returns true when value has VmHostNotice's shape. */
export function isVmHostNotice(value: unknown): value is VmHostNotice {
  if (typeof value !== 'object' || value === null) return false;
  const notice = value as Partial<VmHostNotice>;
  return (notice.kind === 'restarted' || notice.kind === 'failed') && typeof notice.exitCode === 'number' && typeof notice.message === 'string';
}

/** The value of a successful snapshot-open: the chosen file's name and bytes, or canceled. */
export type SnapshotFileOpened = { canceled: true } | { canceled: false; name: string; bytes: Uint8Array };

/** The value of a successful snapshot-write: the file name written, or canceled. */
export type SnapshotFileSaved = { canceled: true } | { canceled: false; name: string };

export interface WorkbenchApi {
  readonly host: 'electron';
  /** Resolves with the app's name, version and platform. */
  appInfo(): Promise<IpcReply>;
  /** Calls listener for each menu command; returns a function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Asks main for a fresh VM host port; it arrives as a window 'message' (VM_PORT_WINDOW_MESSAGE). */
  connectVm(): Promise<IpcReply>;
  /** Calls listener when the VM host's utility process stopped; returns a function that stops listening. */
  onVmHostNotice(listener: (notice: VmHostNotice) => void): () => void;
  /** Shows the open dialog and reads the chosen snapshot file (value: SnapshotFileOpened). */
  openSnapshotFile(): Promise<IpcReply>;
  /** Shows the save dialog (suggesting `name`) and writes bytes to the chosen file (value: SnapshotFileSaved). */
  saveSnapshotFile(name: string, bytes: Uint8Array): Promise<IpcReply>;
  /** Lists the guest sources main edits (value: SourceListing). */
  listSources(): Promise<IpcReply>;
  /** Writes one guest source (value: null). */
  writeSource(change: SourceChange): Promise<IpcReply>;
  /** Calls listener when another editor changed a guest source; returns a function that stops listening. */
  onSourceChanged(listener: (change: SourceChange) => void): () => void;
}
