// The snapshot container format with synthetic sections: round trip (stored and
// deflated), the header's fields, section checksums, bounded decompression (a
// zip bomb), and refusals of crafted files whose whole-file checksum is right.

import { describe, expect, it } from 'vitest';
import { deflateRaw } from '../../../../emulator/host/snapshot/snapshot-compression.ts';
import { SnapshotError } from '../../../../emulator/host/snapshot/snapshot-error.ts';
import { Compression, ENTRY, HEADER } from '../../../../emulator/host/snapshot/snapshot-file-format.ts';
import { readAllSections, readSection, verifySnapshotFile } from '../../../../emulator/host/snapshot/snapshot-reader.ts';
import { writeSnapshotFile, type SnapshotContent } from '../../../../emulator/host/snapshot/snapshot-writer.ts';
import { resealed } from './snapshot-test-kit.ts';

const MACHINE = { ramMib: 16, instructionsPerTick: 10, display: { width: 0, height: 0 } };

function content(sections: SnapshotContent['sections']): SnapshotContent {
  return { createdAt: Date.UTC(2026, 10, 24, 8, 0, 0), description: 'tëst ✓', machine: MACHINE, sections };
}

async function refusal(file: Uint8Array): Promise<SnapshotError> {
  try {
    await readAllSections(await verifySnapshotFile(file));
  } catch (error) {
    if (error instanceof SnapshotError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('snapshot file format', () => {
  const ram = new Uint8Array(200_000).map((_, i) => (i % 4096 < 100 ? i & 0xff : 0));
  const sections = [
    { name: 'meta', bytes: new TextEncoder().encode('{"a":1}'), compression: Compression.None },
    { name: 'ram', bytes: ram },
    { name: 'empty', bytes: new Uint8Array(0) },
  ];

  it('round-trips header and sections, compressing by default', async () => {
    const file = await writeSnapshotFile(content(sections));
    expect(file.length).toBeLessThan(ram.length / 10);
    const verified = await verifySnapshotFile(file);
    expect(verified.header).toMatchObject({ major: 1, minor: 0, fileSize: file.length, createdAt: Date.UTC(2026, 10, 24, 8), description: 'tëst ✓', machine: MACHINE });
    expect(verified.sections.map((s) => [s.name, s.size, s.compression])).toEqual([['meta', 7, 0], ['ram', 200_000, 1], ['empty', 0, 1]]);
    const read = await readAllSections(verified);
    expect(read.get('ram')).toEqual(ram);
    expect(new TextDecoder().decode(read.get('meta'))).toBe('{"a":1}');
    expect(read.get('empty')).toEqual(new Uint8Array(0));
    expect(await writeSnapshotFile(content(sections))).toEqual(file);
  });

  it('refuses a section that inflates beyond its declared size (zip bomb) without inflating it all', async () => {
    const bomb = await deflateRaw(new Uint8Array(16 * 1024 * 1024));
    const file = await writeSnapshotFile(content([{ name: 'ram', bytes: new Uint8Array(1000) }]));
    // Replace the section's stored bytes with the bomb, keeping the declared size of 1000.
    const verified = await verifySnapshotFile(file);
    const forged = { ...verified, sections: [{ ...verified.sections[0]!, storedSize: bomb.length, offset: 0 }], file: bomb };
    await expect(readSection(forged, forged.sections[0]!)).rejects.toThrow(/inflates beyond its declared 1000 bytes/);
  });

  it('refuses a section whose bytes fail their own checksum', async () => {
    const file = await writeSnapshotFile(content([{ name: 'meta', bytes: new Uint8Array([1, 2, 3]), compression: Compression.None }]));
    const at = (await verifySnapshotFile(file)).sections[0]!.offset;
    const error = await refusal(await resealed(file, (_v, b) => { b[at] ^= 1; }));
    expect(error.code).toBe('section');
    expect(error.message).toBe("section 'meta' fails its checksum");
  });

  it('refuses crafted header fields even when the checksum matches', async () => {
    const file = await writeSnapshotFile(content(sections));
    const table = HEADER.size + 16; // description 'tëst ✓' is 9 bytes, padded to 16
    const cases: [string, (v: DataView, b: Uint8Array) => void, string, RegExp][] = [
      ['magic', (_v, b) => { b[0] = 0x58; }, 'not-a-snapshot', /not an rvos snapshot file/],
      ['newer major', (v) => v.setUint16(HEADER.major, 2, true), 'version', /format version 2\.0 is newer than this workbench supports \(1\.x/],
      ['newer minor', (v) => v.setUint16(HEADER.minor, 1, true), 'version', /format version 1\.1 is newer/],
      ['older major', (v) => v.setUint16(HEADER.major, 0, true), 'version', /format version 0\.0 is no longer supported/],
      ['file size', (v) => v.setBigUint64(HEADER.fileSize, 5n, true), 'malformed', /header declares 5 bytes/],
      ['header size', (v) => v.setUint32(HEADER.headerSize, 8, true), 'malformed', /header size 8/],
      ['reserved', (_v, b) => { b[HEADER.reserved + 3] = 1; }, 'malformed', /reserved header bytes/],
      ['section count', (v) => v.setUint16(HEADER.sectionCount, 2, true), 'malformed', /header size/],
      ['description', (_v, b) => { b[HEADER.size] = 0xff; }, 'malformed', /not UTF-8/],
      ['section name', (_v, b) => { b[table] = 0x41; }, 'malformed', /bad name/],
      ['section offset', (v) => v.setBigUint64(table + ENTRY.offset, 0n, true), 'malformed', /starts at 0/],
      ['compression', (v) => v.setUint32(table + ENTRY.compression, 7, true), 'malformed', /unknown compression 7/],
      ['section size', (v) => v.setBigUint64(table + ENTRY.size, 2n ** 40n, true), 'malformed', /declares 1099511627776 bytes/],
      ['inflated size', (v) => v.setBigUint64(table + ENTRY_SIZE + ENTRY.size, 199_999n, true), 'section', /inflates beyond its declared 199999/],
      ['u64 range', (v) => v.setBigUint64(HEADER.createdAt, 2n ** 63n, true), 'malformed', /creation time .* out of range/],
    ];
    for (const [what, patch, code, message] of cases) {
      const error = await refusal(await resealed(file, patch));
      expect([what, error.code, error.message]).toEqual([what, code, expect.stringMatching(message)]);
    }
  });
});

const ENTRY_SIZE = ENTRY.size_;
