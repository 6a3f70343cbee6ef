// Vite plugin of the browser host: serves the boot image (guest programs built
// by our toolchain on the Node side when the dev server starts) and the
// userland source tree (compile on save) to the VM worker in dev, and emits
// both as files in a build. The guest programs are
// compiled here because the toolchain's build cache uses node:fs.

import type { Plugin } from 'vite';
import { buildBootImage } from '../boot-image.ts';
import { diskSourceTree } from '../userland-build/disk-source-tree.ts';
import { BOOT_IMAGE_PATH, USERLAND_TREE_PATH } from './asset-paths.ts';
import { encodeBootImage } from './boot-image-codec.ts';
import { generatedAssetMiddleware } from './generated-asset.ts';
import { encodeUserlandTree } from './userland-tree-codec.ts';

/** The encoded boot image, built (from the toolchain cache when warm) on each call; throws GuestBuildError. */
export function bootImageFile(): Uint8Array {
  return encodeBootImage(buildBootImage());
}

/** The encoded userland source tree (with the runtime library) the worker compiles saves from; read fresh on each call. */
export function userlandTreeFile(): Uint8Array {
  return encodeUserlandTree(diskSourceTree());
}

/** bootImageFile() built once, when first asked for; a failed build is retried on the next call. */
function cachedBootImage(): () => Uint8Array {
  let bytes: Uint8Array | undefined;
  return () => (bytes ??= bootImageFile());
}

/** The plugin: `rvos/boot-image.bin` under the server root or in the build output. */
export function bootImagePlugin(): Plugin {
  return {
    name: 'rvos-boot-image',
    configureServer(server) {
      const bootImage = cachedBootImage();
      // Build at server start, before the first boot asks for it.
      server.httpServer?.once('listening', () => setTimeout(() => { try { bootImage(); } catch { /* reported when fetched */ } }, 0));
      server.middlewares.use(generatedAssetMiddleware(BOOT_IMAGE_PATH, 'application/octet-stream', bootImage));
      server.middlewares.use(generatedAssetMiddleware(USERLAND_TREE_PATH, 'application/octet-stream', userlandTreeFile));
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: BOOT_IMAGE_PATH.slice(1), source: bootImageFile() });
      this.emitFile({ type: 'asset', fileName: USERLAND_TREE_PATH.slice(1), source: userlandTreeFile() });
    },
  };
}
