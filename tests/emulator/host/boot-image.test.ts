// The boot image (emulator/host/boot-image.ts): every guest program as
// /bin/<name>, and an initrd holding the rootfs files and the same programs.

import { describe, expect, it } from 'vitest';
import { buildBootImage } from '../../../emulator/host/boot-image.ts';
import { parseInitrd } from '../../../emulator/host/initrd.ts';

describe('buildBootImage', () => {
  it('holds the programs and an initrd with /bin, /etc/motd and the same ELF bytes', { timeout: 180_000 }, () => {
    const image = buildBootImage();
    const paths = image.programs.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['/bin/fs', '/bin/shell', '/bin/hello', '/bin/ktest', '/bin/bench']));
    const entries = parseInitrd(image.initrd!);
    expect(entries.find((e) => e.path === '/etc/motd')?.kind).toBe('file');
    const fs = entries.find((e) => e.path === '/bin/fs')!;
    expect(fs.data).toEqual(image.programs.find((p) => p.path === '/bin/fs')!.elf);
  });
});
