// The contract between main, preload and renderer: IPC channel names, the menu
// commands main sends, the reply shape of every invoke, and the typed API the
// preload exposes as window.rvos. Pure data and types, no Electron import.
export const IPC_INVOKE_CHANNEL = 'rvos:invoke';
export const MENU_COMMAND_CHANNEL = 'rvos:menu-command';

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

export interface WorkbenchApi {
  readonly host: 'electron';
  /** Resolves with the app's name, version and platform. */
  appInfo(): Promise<IpcReply>;
  /** Calls listener for each menu command; returns a function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
