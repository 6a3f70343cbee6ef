// The initrd packer (emulator/host/initrd.ts): the byte layout of abi/initrd.ts,
// parents added before children, round trip through parseInitrd, the rootfs
// tree, and refusal of bad input.

import { describe, expect, it } from 'vitest';
import { INITRD_HEADER_SIZE } from '../../../emulator/kernel/abi/initrd.ts';
import { FileKind } from '../../../emulator/kernel/abi/wire-tags.ts';
import { packInitrd, parseInitrd, rootfsEntries, type InitrdEntry } from '../../../emulator/host/initrd.ts';

const file = (path: string, text: string): InitrdEntry => ({ path, kind: 'file', data: new TextEncoder().encode(text) });

describe('packInitrd', () => {
  it('writes the header, then each entry padded to 8 bytes', () => {
    const image = packInitrd([file('/a', 'xyz')]);
    const view = new DataView(image.buffer);
    expect(new TextDecoder().decode(image.subarray(0, 8))).toBe('RVOSIRD1');
    expect(view.getUint32(8, true)).toBe(1);
    expect(view.getUint32(12, true)).toBe(image.length);
    expect(view.getUint32(INITRD_HEADER_SIZE, true)).toBe(2); // path length of "/a"
    expect(view.getUint32(INITRD_HEADER_SIZE + 4, true)).toBe(FileKind.File);
    expect(view.getBigUint64(INITRD_HEADER_SIZE + 8, true)).toBe(3n);
    expect(new TextDecoder().decode(image.subarray(32, 34))).toBe('/a');
    expect(new TextDecoder().decode(image.subarray(40, 43))).toBe('xyz');
    expect(image.length).toBe(48);
  });

  it('adds missing parent directories before their contents and round-trips', () => {
    const entries = parseInitrd(packInitrd([file('/bin/hello', 'ELF'), file('/etc/motd', 'hi\n'), file('/bin/a/b', '')]));
    expect(entries.map((e) => `${e.kind} ${e.path}`)).toEqual([
      'directory /bin', 'directory /etc', 'directory /bin/a', 'file /bin/hello', 'file /etc/motd', 'file /bin/a/b',
    ]);
    expect(new TextDecoder().decode(entries.find((e) => e.path === '/etc/motd')!.data)).toBe('hi\n');
  });

  it('refuses relative, empty-component and duplicate paths, and a file used as a directory', () => {
    expect(() => packInitrd([file('etc/motd', '')])).toThrow(RangeError);
    expect(() => packInitrd([file('/etc//motd', '')])).toThrow(RangeError);
    expect(() => packInitrd([file('/a', ''), file('/a', '')])).toThrow(/duplicate/);
    expect(() => packInitrd([file('/a', ''), file('/a/b', '')])).toThrow(/file and a directory/);
  });

  it('parseInitrd refuses a bad magic and truncated images', () => {
    const image = packInitrd([file('/a', 'data')]);
    expect(() => parseInitrd(image.slice(0, 20))).toThrow(RangeError);
    const bad = image.slice();
    bad[0] = 0x58;
    expect(() => parseInitrd(bad)).toThrow(/magic/);
  });
});

describe('rootfsEntries', () => {
  it('lists fixtures/rootfs with /etc/motd and the empty /tmp (placeholders skipped)', () => {
    const entries = rootfsEntries();
    const paths = entries.map((e) => e.path);
    expect(paths).toContain('/etc/motd');
    expect(paths).toContain('/README');
    expect(entries.find((e) => e.path === '/tmp')?.kind).toBe('directory');
    expect(paths.some((p) => p.endsWith('.keep'))).toBe(false);
  });
});
