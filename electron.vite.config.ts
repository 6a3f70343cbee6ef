// electron-vite configuration: one section per process (main, preload,
// renderer). The renderer section is shared with the browser host. The main
// section also bundles the VM host's utility-process entry and its assets.
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { vmAssetsPlugin } from './emulator/host/node/vm-assets-plugin.ts';
import { rendererConfig } from './renderer.vite.config.ts';

export default defineConfig({
  main: {
    plugins: [vmAssetsPlugin()],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'main/index.ts'),
          // Forked by main/vm-host-process.ts as out/main/vm-utility.js.
          'vm-utility': resolve(import.meta.dirname, 'emulator/host/node/utility-entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // CommonJS: a sandboxed preload cannot be an ES module (main loads index.cjs).
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig(),
});
