// Electron main process: registers the app:// protocol, guards every
// webContents (navigation, window.open, webview), IPC senders and session
// permissions, installs the native menu, runs the VM host in a utility process
// (vm-host-process.ts) and opens the one workbench window with its remembered bounds.
import { app, BrowserWindow, dialog, ipcMain, Menu, MessageChannelMain, screen, session, utilityProcess } from 'electron';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  IPC_INVOKE_CHANNEL, MENU_COMMAND_CHANNEL, SOURCE_CHANGED_CHANNEL, VM_HOST_NOTICE_CHANNEL, VM_PORT_CHANNEL, type MenuCommand,
} from '../preload/workbench-api.ts';
import { APP_ORIGIN, isAppUrl, trustedOrigin } from './app-origin.ts';
import { handleAppProtocol, registerAppScheme } from './app-protocol.ts';
import { workbenchIpcCommands } from './ipc-commands.ts';
import { createIpcDispatcher } from './ipc-guard.ts';
import { buildMenuTemplate } from './menu.ts';
import { guardWebContents } from './navigation-guard.ts';
import { applyPermissionPolicy } from './permissions.ts';
import type { SnapshotFileDeps } from './snapshot-files.ts';
import { openSourceFiles } from './source-files.ts';
import { VmHostProcess } from './vm-host-process.ts';
import { MIN_WINDOW_SIZE } from './window-state.ts';
import { keepWindowState, loadWindowState, nodeWindowStateStorage } from './window-state-keeper.ts';
import { secureWebPreferences } from './window-options.ts';

const devUrl = process.env['ELECTRON_RENDERER_URL'];
const origin = trustedOrigin(devUrl);
const isTrusted = (url: string): boolean => isAppUrl(url, origin);
let workbench: BrowserWindow | undefined;

const vmHost = new VmHostProcess({
  fork: () => utilityProcess.fork(join(import.meta.dirname, 'vm-utility.js'), [], { serviceName: 'rvos VM host' }),
  createChannel: () => new MessageChannelMain(),
  postPortToRenderer(port) {
    if (workbench === undefined || workbench.isDestroyed()) return false;
    workbench.webContents.postMessage(VM_PORT_CHANNEL, null, [port as Electron.MessagePortMain]);
    return true;
  },
  notifyRenderer: (notice) => workbench?.webContents.send(VM_HOST_NOTICE_CHANNEL, notice),
  now: () => Date.now(),
});

const snapshotFiles: SnapshotFileDeps = {
  showOpenDialog: (options) => (workbench ? dialog.showOpenDialog(workbench, options) : dialog.showOpenDialog(options)),
  showSaveDialog: (options) => (workbench ? dialog.showSaveDialog(workbench, options) : dialog.showSaveDialog(options)),
  fileSize: async (path) => (await stat(path)).size,
  readFile: async (path) => new Uint8Array(await readFile(path)),
  writeFile: (path, bytes) => writeFile(path, bytes),
};

function createWindow(): void {
  const userData = app.getPath('userData');
  const state = loadWindowState(userData, screen.getAllDisplays().map((display) => display.workArea), nodeWindowStateStorage);
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'rvos workbench',
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs')),
  });
  if (state.maximized) window.maximize();
  keepWindowState(window, userData, nodeWindowStateStorage, (error) => console.error('window state not saved:', error));
  window.on('closed', () => { if (workbench === window) workbench = undefined; });
  workbench = window;
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
  // The guest sources the Source view edits: the checkout's when unpackaged, a userData workspace copy when packaged.
  const sources = openSourceFiles({
    packaged: app.isPackaged, checkoutUserland: join(import.meta.dirname, '../../fixtures/userland'), userData: app.getPath('userData'),
    bundledListing: join(import.meta.dirname, '../renderer/rvos/sources.json'), override: process.env['RVOS_USERLAND_DIR'],
  }, { send: (change) => workbench?.webContents.send(SOURCE_CHANGED_CHANNEL, change), warn: (message) => console.warn(message) });
  app.on('quit', () => sources?.close());
  const commands = workbenchIpcCommands({ info, connectVm: () => vmHost.connect(), files: snapshotFiles, sources: sources?.service });
  ipcMain.handle(IPC_INVOKE_CHANNEL, createIpcDispatcher(commands, isTrusted));
  const template = buildMenuTemplate({ isDev: !app.isPackaged, platform: process.platform, send: sendMenuCommand });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

registerAppScheme();
app.on('web-contents-created', (_event, contents) => guardWebContents(contents, isTrusted));
void app.whenReady().then(() => {
  installMainServices();
  vmHost.start();
  createWindow();
});
app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => vmHost.stop());
