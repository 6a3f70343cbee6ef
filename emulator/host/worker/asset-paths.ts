// The URL path the browser host serves the worker's boot image under (built on
// the Node side by boot-image-plugin.ts). The hart's wasm is a Vite asset URL.

/** The encoded boot image (boot-image-codec.ts), relative to the app's origin. */
export const BOOT_IMAGE_PATH = '/rvos/boot-image.bin';

/** The JSON listing of the guest program sources (source-listing.ts), relative to the app's origin. */
export const SOURCES_PATH = '/rvos/sources.json';

/** The userland source tree and runtime library for compile on save (userland-tree-codec.ts), relative to the app's origin. */
export const USERLAND_TREE_PATH = '/rvos/userland.bin';
