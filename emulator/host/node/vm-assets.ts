// What the utility-process VM host loads from disk: the encoded boot image, the
// hart's wasm and the userland source tree (for hot reload), all written next
// to the bundled entry at build time (vm-assets-plugin.ts), read with node:fs.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { VmHostDeps } from '../vm-host.ts';
import { decodeBootImage } from '../worker/boot-image-codec.ts';
import { decodeUserlandTree } from '../worker/userland-tree-codec.ts';

/** The asset files, relative to the bundled utility entry's folder. */
export const VM_ASSET_FILES = {
  bootImage: 'vm-assets/boot-image.bin', hartWasm: 'vm-assets/hart.wasm', userlandTree: 'vm-assets/userland.bin',
} as const;

/** Returns VmHostDeps reading the assets under dir; each load rejects when its file is missing or malformed. */
export function fileHostDeps(dir: string): VmHostDeps {
  return {
    loadBootImage: async () => decodeBootImage(new Uint8Array(await readFile(join(dir, VM_ASSET_FILES.bootImage)))),
    loadHartModule: async () => WebAssembly.compile(new Uint8Array(await readFile(join(dir, VM_ASSET_FILES.hartWasm)))),
    loadSourceTree: async () => decodeUserlandTree(new Uint8Array(await readFile(join(dir, VM_ASSET_FILES.userlandTree)))),
  };
}
