#!/usr/bin/env node
// Fetches the Electron binary for `npm start` (electron's own install script,
// which npm 11 does not run for dependencies by default). A failed download is
// not an error: without the binary, `npm start` serves the same UI to a browser.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function electronDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

const dir = electronDir();
if (!dir) process.exit(0);
if (existsSync(join(dir, 'path.txt'))) process.exit(0);
if (process.env.CI || process.env.RVOS_SKIP_ELECTRON_DOWNLOAD) {
  console.log('electron: binary download skipped (CI); `npm start` will use the browser host');
  process.exit(0);
}
const result = spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'pipe', timeout: 120_000 });
if (result.status === 0 && existsSync(join(dir, 'path.txt'))) {
  console.log('electron: binary installed');
} else {
  console.log('electron: binary not available (download failed); `npm start` will use the browser host');
}
