// Vite configuration of the renderer (Vue 3 workbench UI), shared by the
// Electron build (electron.vite.config.ts) and the browser host that
// `npm start` serves when the Electron binary is absent (bin/start.mjs).
import vue from '@vitejs/plugin-vue';
import { resolve } from 'node:path';
import type { UserConfig } from 'vite';
import { bootImagePlugin } from './emulator/host/worker/boot-image-plugin.ts';
import { sourcesPlugin } from './emulator/host/worker/sources-plugin.ts';

export const rendererRoot = resolve(import.meta.dirname, 'renderer');

export function rendererConfig(): UserConfig {
  return {
    root: rendererRoot,
    plugins: [vue(), bootImagePlugin(), sourcesPlugin()],
    worker: { format: 'es' },
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      emptyOutDir: true,
      // electron-vite otherwise looks for src/renderer/index.html.
      rollupOptions: { input: resolve(rendererRoot, 'index.html') },
    },
    server: { host: '127.0.0.1', strictPort: false },
  };
}
