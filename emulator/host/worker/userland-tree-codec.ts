// The userland SourceTree as one binary file, so the worker can build on save:
// "RVUT", version, crt0.o and libc.a (u32 length + bytes each), file count,
// then each file (u16 path length, UTF-8 relative path, u32 length, UTF-8
// text). Little-endian. The decoded tree is rooted at VIRTUAL_USERLAND_ROOT.

import { makeSourceTree, VIRTUAL_USERLAND_ROOT, type SourceTree } from '../userland-build/source-tree.ts';

const MAGIC = 0x54555652; // "RVUT" read as a little-endian u32
const VERSION = 1;

/** The tree's files and runtime encoded as described above. */
export function encodeUserlandTree(tree: SourceTree): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const u32 = (n: number): void => { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, n, true); parts.push(b); };
  const blob = (bytes: Uint8Array): void => { u32(bytes.length); parts.push(bytes); };
  u32(MAGIC);
  u32(VERSION);
  blob(tree.runtime.crt0);
  blob(tree.runtime.libc);
  u32(tree.files.size);
  for (const [path, text] of tree.files) {
    const name = encoder.encode(path);
    parts.push(Uint8Array.of(name.length & 0xff, name.length >> 8), name);
    blob(encoder.encode(text));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** The tree in `bytes`; throws Error when it is not a userland tree file or is truncated. */
export function decodeUserlandTree(bytes: Uint8Array): SourceTree {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder();
  let at = 0;
  const take = (n: number): Uint8Array => {
    if (at + n > bytes.length) throw new Error('userland tree: truncated');
    at += n;
    return bytes.subarray(at - n, at);
  };
  const u32 = (): number => { take(4); return view.getUint32(at - 4, true); };
  if (u32() !== MAGIC) throw new Error('userland tree: bad magic');
  const version = u32();
  if (version !== VERSION) throw new Error(`userland tree: unsupported version ${version}`);
  const crt0 = take(u32()).slice();
  const libc = take(u32()).slice();
  const files: [string, string][] = [];
  for (let i = u32(); i > 0; i--) {
    const name = take(2);
    const path = decoder.decode(take(name[0]! | (name[1]! << 8)));
    files.push([path, decoder.decode(take(u32()))]);
  }
  return makeSourceTree(VIRTUAL_USERLAND_ROOT, files, { crt0, libc });
}
