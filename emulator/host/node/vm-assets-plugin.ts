// Vite plugin of the Electron main build (electron.vite.config.ts): emits the
// utility-process VM host's assets (vm-assets.ts) next to the bundle: the boot
// image, built by our toolchain on the Node side, the hart's wasm and the
// userland source tree hot reload builds from.

import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { bootImageFile, userlandTreeFile } from '../worker/boot-image-plugin.ts';
import { VM_ASSET_FILES } from './vm-assets.ts';

const HART_WASM = new URL('../../hart/build/hart.wasm', import.meta.url);

/** The plugin; the build fails when a guest program does not compile or hart.wasm is not built. */
export function vmAssetsPlugin(): Plugin {
  return {
    name: 'rvos-vm-assets',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: VM_ASSET_FILES.bootImage, source: bootImageFile() });
      this.emitFile({ type: 'asset', fileName: VM_ASSET_FILES.hartWasm, source: readFileSync(HART_WASM) });
      this.emitFile({ type: 'asset', fileName: VM_ASSET_FILES.userlandTree, source: userlandTreeFile() });
    },
  };
}
