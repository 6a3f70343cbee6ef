// The boot image as one binary file, so a worker can fetch it: "RVBI", version,
// program count, then each program (u16 path length, UTF-8 path, u32 ELF length,
// ELF bytes), then the initrd (u32 length, 0 = none). Little-endian throughout.

import type { BootImage } from '../../kernel/context/kernel-context.ts';

const MAGIC = 0x49425652; // "RVBI" read as a little-endian u32
const VERSION = 1;

/** The image encoded as described above. */
export function encodeBootImage(image: BootImage): Uint8Array {
  const encoder = new TextEncoder();
  const programs = image.programs.map((p) => ({ path: encoder.encode(p.path), elf: p.elf }));
  const initrd = image.initrd ?? new Uint8Array(0);
  const size = 12 + programs.reduce((n, p) => n + 6 + p.path.length + p.elf.length, 0) + 4 + initrd.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, programs.length, true);
  let at = 12;
  for (const p of programs) {
    view.setUint16(at, p.path.length, true);
    out.set(p.path, at + 2);
    at += 2 + p.path.length;
    view.setUint32(at, p.elf.length, true);
    out.set(p.elf, at + 4);
    at += 4 + p.elf.length;
  }
  view.setUint32(at, initrd.length, true);
  out.set(initrd, at + 4);
  return out;
}

/** The image in `bytes`; throws Error when the file is not a boot image or is truncated. */
export function decodeBootImage(bytes: Uint8Array): BootImage {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = (at: number, n: number): void => {
    if (at + n > bytes.length) throw new Error('boot image: truncated');
  };
  need(0, 12);
  if (view.getUint32(0, true) !== MAGIC) throw new Error('boot image: bad magic');
  if (view.getUint32(4, true) !== VERSION) throw new Error(`boot image: unsupported version ${view.getUint32(4, true)}`);
  const decoder = new TextDecoder();
  const programs = [];
  let at = 12;
  for (let i = view.getUint32(8, true); i > 0; i--) {
    need(at, 2);
    const pathLength = view.getUint16(at, true);
    need(at + 2, pathLength + 4);
    const path = decoder.decode(bytes.subarray(at + 2, at + 2 + pathLength));
    at += 2 + pathLength;
    const elfLength = view.getUint32(at, true);
    need(at + 4, elfLength);
    programs.push({ path, elf: bytes.slice(at + 4, at + 4 + elfLength) });
    at += 4 + elfLength;
  }
  need(at, 4);
  const initrdLength = view.getUint32(at, true);
  need(at + 4, initrdLength);
  const initrd = initrdLength === 0 ? undefined : bytes.slice(at + 4, at + 4 + initrdLength);
  return initrd === undefined ? { programs } : { programs, initrd };
}
