// The boot image file format (emulator/host/worker/boot-image-codec.ts): the
// real boot image round-trips byte for byte; truncated or foreign files are refused.

import { describe, expect, it } from 'vitest';
import { buildBootImage } from '../../../../emulator/host/boot-image.ts';
import { decodeBootImage, encodeBootImage } from '../../../../emulator/host/worker/boot-image-codec.ts';

describe('boot image codec', () => {
  it('round-trips the real boot image', { timeout: 180_000 }, () => {
    const image = buildBootImage();
    const decoded = decodeBootImage(encodeBootImage(image));
    expect(decoded.programs.map((p) => p.path)).toEqual(image.programs.map((p) => p.path));
    decoded.programs.forEach((p, i) => expect(p.elf).toEqual(image.programs[i]!.elf));
    expect(decoded.initrd).toEqual(image.initrd);
  });

  it('round-trips an image without an initrd and with non-ASCII paths', () => {
    const image = { programs: [{ path: '/bin/é', elf: new Uint8Array([1, 2, 3]) }, { path: '/bin/empty', elf: new Uint8Array(0) }] };
    expect(decodeBootImage(encodeBootImage(image))).toEqual(image);
  });

  it('refuses a foreign file, another version and every truncation', () => {
    const bytes = encodeBootImage({ programs: [{ path: '/bin/x', elf: new Uint8Array([7, 8, 9]) }], initrd: new Uint8Array([5]) });
    expect(() => decodeBootImage(new TextEncoder().encode('\x7fELF....and more'))).toThrow('boot image: bad magic');
    const future = bytes.slice();
    future[4] = 2;
    expect(() => decodeBootImage(future)).toThrow('boot image: unsupported version 2');
    for (let n = 0; n < bytes.length; n++) expect(() => decodeBootImage(bytes.subarray(0, n))).toThrow('boot image: truncated');
  });
});
