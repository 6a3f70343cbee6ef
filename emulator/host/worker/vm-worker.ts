// Web Worker entry of the browser host: one VmHost whose messages travel over
// the worker's postMessage (ArrayBuffers transferred). The boot image is fetched
// from the app's origin (boot-image-plugin.ts serves it), the hart's wasm from
// its asset URL; both start loading when the worker starts.

import { VmHost } from '../vm-host.ts';
import { BOOT_IMAGE_PATH, USERLAND_TREE_PATH } from './asset-paths.ts';
import { decodeBootImage } from './boot-image-codec.ts';
import { decodeUserlandTree } from './userland-tree-codec.ts';

/** The parts of DedicatedWorkerGlobalScope used here (the node-side tsconfig has no WebWorker lib). */
interface WorkerScope {
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  readonly location: { readonly href: string };
}

const scope = globalThis as unknown as WorkerScope;

/** The hart module, built by `npm run build:hart`; Vite serves it in dev and emits it in a build. */
const HART_WASM_URL = new URL('../../hart/build/hart.wasm', import.meta.url);

async function fetchBytes(url: URL): Promise<Uint8Array<ArrayBuffer>> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status} ${await response.text()}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** `load()` started now (so Boot finds it ready) and once more on each call after a failure. */
function prefetched<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined = load();
  pending.catch(() => { pending = undefined; });
  return () => (pending ??= load());
}

const host = new VmHost((message, transfer) => scope.postMessage(message, transfer), {
  loadBootImage: prefetched(async () => decodeBootImage(await fetchBytes(new URL(BOOT_IMAGE_PATH, scope.location.href)))),
  loadHartModule: prefetched(async () => WebAssembly.compile(await fetchBytes(HART_WASM_URL))),
  // Fetched on the first save only (it is the size of the sources plus libc.a).
  loadSourceTree: async () => decodeUserlandTree(await fetchBytes(new URL(USERLAND_TREE_PATH, scope.location.href))),
});

scope.onmessage = (event) => host.receive(event.data);
