// The initial ramdisk (layout: emulator/kernel/abi/initrd.ts): packs the root
// file system (fixtures/rootfs) and the compiled programs (/bin/<name>) into
// the image init hands to the file server, and reads an image back (tests,
// tools). Directories come before their contents; parents are added as needed.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INITRD_ENTRY_HEADER_SIZE, INITRD_HEADER_SIZE, INITRD_MAGIC } from '../kernel/abi/initrd.ts';
import { FileKind } from '../kernel/abi/wire-tags.ts';
import { REPO_ROOT } from '../toolchain/cc/driver/runtime-library.ts';

/** The root file system's source tree. */
export const ROOTFS_DIR = join(REPO_ROOT, 'fixtures/rootfs');

export interface InitrdEntry {
  /** Absolute path ("/etc/motd"). */
  path: string;
  kind: 'file' | 'directory';
  /** File contents (empty for directories). */
  data: Uint8Array;
}

/** Placeholder files that only make git keep an empty directory; not packed. */
const PLACEHOLDER = '.keep';

/** Every directory and file under `dir` as entries with absolute paths, sorted. */
export function rootfsEntries(dir: string = ROOTFS_DIR, prefix = ''): InitrdEntry[] {
  const entries: InitrdEntry[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = `${prefix}/${e.name}`;
    if (e.isDirectory()) {
      entries.push({ path, kind: 'directory', data: new Uint8Array(0) });
      entries.push(...rootfsEntries(join(dir, e.name), path));
    } else if (e.isFile() && e.name !== PLACEHOLDER) {
      entries.push({ path, kind: 'file', data: new Uint8Array(readFileSync(join(dir, e.name))) });
    }
  }
  return entries;
}

/** The entries with every missing parent directory added, parents first; throws on a bad or duplicate path. */
function withParents(entries: readonly InitrdEntry[]): InitrdEntry[] {
  const byPath = new Map<string, InitrdEntry>();
  for (const entry of entries) {
    if (!/^(\/[^/\0]+)+$/.test(entry.path)) throw new RangeError(`initrd: bad path '${entry.path}'`);
    if (byPath.has(entry.path)) throw new RangeError(`initrd: duplicate path '${entry.path}'`);
    byPath.set(entry.path, entry);
    for (let at = entry.path.lastIndexOf('/'); at > 0; at = entry.path.lastIndexOf('/', at - 1)) {
      const parent = entry.path.slice(0, at);
      const existing = byPath.get(parent);
      if (existing?.kind === 'file') throw new RangeError(`initrd: '${parent}' is a file and a directory`);
      if (existing === undefined) byPath.set(parent, { path: parent, kind: 'directory', data: new Uint8Array(0) });
    }
  }
  const depth = (p: string): number => p.split('/').length;
  return [...byPath.values()].sort((a, b) => depth(a.path) - depth(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const pad8 = (n: number): number => (n + 7) & ~7;

/** The initrd image of `entries` (parents added); throws RangeError on a bad/duplicate path or an image over 4 GiB. */
export function packInitrd(entries: readonly InitrdEntry[]): Uint8Array {
  const all = withParents(entries);
  const encoded = all.map((e) => ({ e, path: new TextEncoder().encode(e.path) }));
  const size = encoded.reduce((n, { e, path }) => n + INITRD_ENTRY_HEADER_SIZE + pad8(path.length) + pad8(e.data.length), INITRD_HEADER_SIZE);
  if (size > 0xffff_ffff) throw new RangeError(`initrd: image of ${size} bytes is too large`);
  const image = new Uint8Array(size);
  const view = new DataView(image.buffer);
  image.set(new TextEncoder().encode(INITRD_MAGIC), 0);
  view.setUint32(8, all.length, true);
  view.setUint32(12, size, true);
  let at = INITRD_HEADER_SIZE;
  for (const { e, path } of encoded) {
    view.setUint32(at, path.length, true);
    view.setUint32(at + 4, e.kind === 'file' ? FileKind.File : FileKind.Directory, true);
    view.setBigUint64(at + 8, BigInt(e.data.length), true);
    at += INITRD_ENTRY_HEADER_SIZE;
    image.set(path, at);
    at += pad8(path.length);
    image.set(e.data, at);
    at += pad8(e.data.length);
  }
  return image;
}

/** The entries of an initrd image in order; throws RangeError when it is malformed. */
export function parseInitrd(image: Uint8Array): InitrdEntry[] {
  const view = new DataView(image.buffer, image.byteOffset, image.byteLength);
  if (image.length < INITRD_HEADER_SIZE || new TextDecoder().decode(image.subarray(0, 8)) !== INITRD_MAGIC) throw new RangeError('initrd: bad magic');
  const count = view.getUint32(8, true);
  const size = view.getUint32(12, true);
  if (size > image.length) throw new RangeError('initrd: length beyond the image');
  const entries: InitrdEntry[] = [];
  let at = INITRD_HEADER_SIZE;
  for (let i = 0; i < count; i++) {
    if (at + INITRD_ENTRY_HEADER_SIZE > size) throw new RangeError('initrd: truncated entry header');
    const pathLength = view.getUint32(at, true);
    const kind = view.getUint32(at + 4, true);
    const dataLength = Number(view.getBigUint64(at + 8, true));
    at += INITRD_ENTRY_HEADER_SIZE;
    if (at + pad8(pathLength) + pad8(dataLength) > size) throw new RangeError('initrd: truncated entry');
    if (kind !== FileKind.File && kind !== FileKind.Directory) throw new RangeError(`initrd: bad kind ${kind}`);
    const path = new TextDecoder().decode(image.subarray(at, at + pathLength));
    at += pad8(pathLength);
    entries.push({ path, kind: kind === FileKind.File ? 'file' : 'directory', data: image.slice(at, at + dataLength) });
    at += pad8(dataLength);
  }
  return entries;
}
