#!/usr/bin/env node
// `npm start`: opens the Electron workbench when the Electron binary is
// installed; otherwise serves the same renderer to a browser on localhost (the
// browser host, docs/architecture.md) and prints its URL.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { register } from 'tsx/esm/api';

const require = createRequire(import.meta.url);

function hasElectronBinary() {
  try {
    return existsSync(join(dirname(require.resolve('electron/package.json')), 'path.txt'));
  } catch {
    return false;
  }
}

async function startBrowserHost() {
  register();
  const { createServer } = await import('vite');
  const { rendererConfig } = await import('../renderer.vite.config.ts');
  const port = Number(process.env.RVOS_PORT ?? 5173);
  const server = await createServer({ ...rendererConfig(), server: { host: '127.0.0.1', port } });
  await server.listen();
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  console.log('Electron is not installed here; serving the workbench to a browser instead.');
  console.log(`Open ${url}`);
}

if (hasElectronBinary() && !process.argv.includes('--browser')) {
  const bin = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const child = spawn(process.execPath, [bin, 'dev'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  await startBrowserHost();
}
