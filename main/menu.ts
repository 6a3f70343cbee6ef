// The native menu as plain data: File (snapshots, quit), VM (boot, pause,
// resume, reset) and View (zoom; reload and DevTools only in development).
// Clicks call send(command); main/index.ts forwards them to the focused window.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../preload/workbench-api.ts';

export interface MenuOptions {
  isDev: boolean;
  platform: string;
  send(command: MenuCommand): void;
}

/** Returns the menu template for Menu.buildFromTemplate. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const menus = [fileMenu(options), vmMenu(options), viewMenu(options)];
  return options.platform === 'darwin' ? [{ role: 'appMenu' }, ...menus] : menus;
}

// Accelerators avoid Ctrl+letter: the guest shell receives those as control codes.
function commandItem(label: string, accelerator: string, command: MenuCommand, options: MenuOptions): MenuItemConstructorOptions {
  return { label, accelerator, id: command, click: () => options.send(command) };
}

function fileMenu(options: MenuOptions): MenuItemConstructorOptions {
  return {
    label: 'File',
    submenu: [
      commandItem('Open Snapshot…', 'CmdOrCtrl+Shift+O', 'open-snapshot', options),
      commandItem('Save Snapshot…', 'CmdOrCtrl+Shift+S', 'save-snapshot', options),
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
}

function vmMenu(options: MenuOptions): MenuItemConstructorOptions {
  return {
    label: 'VM',
    submenu: [
      commandItem('Boot', 'F9', 'boot', options),
      commandItem('Pause', 'F6', 'pause', options),
      commandItem('Resume', 'F5', 'resume', options),
      { type: 'separator' },
      commandItem('Reset', 'CmdOrCtrl+Shift+R', 'reset', options),
    ],
  };
}

function viewMenu(options: MenuOptions): MenuItemConstructorOptions {
  const devItems: MenuItemConstructorOptions[] = options.isDev
    ? [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  return {
    label: 'View',
    submenu: [
      ...devItems,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
}
