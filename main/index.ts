// Electron main process: registers the app:// protocol, guards every
// webContents (navigation, window.open, webview), IPC senders and session
// permissions, installs the native menu and opens the one workbench window.
import { app, BrowserWindow, ipcMain, Menu, session } from 'electron';
import { join } from 'node:path';
import { IPC_INVOKE_CHANNEL, MENU_COMMAND_CHANNEL, type MenuCommand } from '../preload/workbench-api.ts';
import { APP_ORIGIN, isAppUrl, trustedOrigin } from './app-origin.ts';
import { handleAppProtocol, registerAppScheme } from './app-protocol.ts';
import { workbenchIpcCommands } from './ipc-commands.ts';
import { createIpcDispatcher } from './ipc-guard.ts';
import { buildMenuTemplate } from './menu.ts';
import { guardWebContents } from './navigation-guard.ts';
import { applyPermissionPolicy } from './permissions.ts';
import { secureWebPreferences } from './window-options.ts';

const devUrl = process.env['ELECTRON_RENDERER_URL'];
const origin = trustedOrigin(devUrl);
const isTrusted = (url: string): boolean => isAppUrl(url, origin);

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    title: 'rvos workbench',
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs')),
  });
  void window.loadURL(devUrl ? devUrl : `${APP_ORIGIN}/index.html`);
}

function sendMenuCommand(command: MenuCommand): void {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  window?.webContents.send(MENU_COMMAND_CHANNEL, command);
}

function installMainServices(): void {
  handleAppProtocol(join(import.meta.dirname, '../renderer'));
  applyPermissionPolicy(session.defaultSession, isTrusted);
  const info = { name: app.getName(), version: app.getVersion(), platform: process.platform };
  ipcMain.handle(IPC_INVOKE_CHANNEL, createIpcDispatcher(workbenchIpcCommands(info), isTrusted));
  const template = buildMenuTemplate({ isDev: !app.isPackaged, platform: process.platform, send: sendMenuCommand });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

registerAppScheme();
app.on('web-contents-created', (_event, contents) => guardWebContents(contents, isTrusted));
void app.whenReady().then(() => {
  installMainServices();
  createWindow();
});
app.on('window-all-closed', () => app.quit());
