// Electron main process: opens the one workbench window with secure defaults
// and refuses navigation and new windows. The VM host, menus and IPC arrive
// with the workbench issue (docs/architecture.md).
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { secureWebPreferences } from './window-options.ts';

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    title: 'rvos workbench',
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.mjs')),
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const devUrl = process.env['ELECTRON_RENDERER_URL'];
  if (devUrl) void window.loadURL(devUrl);
  else void window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
}

void app.whenReady().then(createWindow);
app.on('window-all-closed', () => app.quit());
