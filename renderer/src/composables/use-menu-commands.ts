// Performs the native menu's commands (main/menu.ts -> window.rvos.onMenuCommand)
// in Electron: VM boot/pause/resume/reset through the VM store, File > Open and
// Save Snapshot through the snapshots store. The browser host has no native
// menu; its toolbar offers the same actions.
import { onMounted, onUnmounted } from 'vue';
import type { MenuCommand } from '../../../preload/workbench-api.ts';
import { workbenchApi } from '../host-client/workbench-bridge.ts';

/** The store actions the menu commands call. */
export interface MenuCommandActions {
  boot(): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  reset(): Promise<void>;
  openSnapshot(): Promise<unknown>;
  saveSnapshot(): Promise<unknown>;
}

/** Runs command's action; resolves when it is done (actions report their own errors). */
export function runMenuCommand(command: MenuCommand, actions: MenuCommandActions): Promise<unknown> {
  switch (command) {
    case 'boot': return actions.boot();
    case 'pause': return actions.pause();
    case 'resume': return actions.resume();
    case 'reset': return actions.reset();
    case 'open-snapshot': return actions.openSnapshot();
    case 'save-snapshot': return actions.saveSnapshot();
  }
}

/** Listens to the native menu while the calling component is mounted (nothing in the browser host). */
export function useMenuCommands(actions: () => MenuCommandActions): void {
  let stop: (() => void) | undefined;
  onMounted(() => {
    stop = workbenchApi()?.onMenuCommand((command) => void runMenuCommand(command, actions()));
  });
  onUnmounted(() => stop?.());
}
