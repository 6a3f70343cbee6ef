// Golden snapshot files of each released container format version
// (tests/fixtures/snapshots/format-<major>.<minor>*.snap): every one is still
// read (or, for an older major, refused by name), and the current writer must
// reproduce the current version's golden byte for byte, so a layout change
// without a version bump fails here. RVOS_UPDATE_GOLDEN=1 writes a missing golden.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SnapshotError } from '../../../../emulator/host/snapshot/snapshot-error.ts';
import { ALIGN, Compression, ENTRY, FORMAT_MAJOR, FORMAT_MINOR, HEADER, MAGIC, TRAILER_SIZE } from '../../../../emulator/host/snapshot/snapshot-file-format.ts';
import { readAllSections, verifySnapshotFile } from '../../../../emulator/host/snapshot/snapshot-reader.ts';
import { writeSnapshotFile, type SnapshotContent } from '../../../../emulator/host/snapshot/snapshot-writer.ts';

const DIR = join(import.meta.dirname, '../../../fixtures/snapshots');
const CURRENT = `format-${FORMAT_MAJOR}.${FORMAT_MINOR}`;

/** The content every golden holds: stored sections (zlib-independent bytes) and one deflated section. */
function goldenContent(compressed: boolean): SnapshotContent {
  const pattern = new Uint8Array(3000).map((_, i) => (i * 7) & 0xff);
  return {
    createdAt: Date.UTC(2026, 10, 24, 8, 0, 0), description: 'golden file ✓', machine: { ramMib: 16, instructionsPerTick: 10, display: { width: 1024, height: 768 } },
    sections: [
      { name: 'meta', bytes: new TextEncoder().encode('{"golden":true}'), compression: Compression.None },
      { name: 'ram', bytes: pattern, compression: compressed ? Compression.DeflateRaw : Compression.None },
      { name: 'empty', bytes: new Uint8Array(0), compression: Compression.None },
    ],
  };
}

/** The field layout of each released version: a changed offset, size or magic needs a new version (and a new entry here). */
const RELEASED_LAYOUTS: Record<string, unknown> = {
  '1.0': {
    magic: 'RVOSSNAP', align: 8, trailer: 32,
    header: { magic: 0, major: 8, minor: 10, headerSize: 12, fileSize: 16, createdAt: 24, ramMib: 32, instructionsPerTick: 36, displayWidth: 40, displayHeight: 42, sectionCount: 44, descriptionLength: 46, reserved: 48, size: 64 },
    entry: { name: 0, offset: 16, storedSize: 24, size: 32, compression: 40, reserved: 44, checksum: 48, size_: 80 },
    compression: { None: 0, DeflateRaw: 1 },
  },
};

describe('golden snapshot files', () => {
  it('the field layout is the one released as this version', () => {
    const layout = {
      magic: new TextDecoder().decode(MAGIC), align: ALIGN, trailer: TRAILER_SIZE, header: HEADER, entry: ENTRY,
      compression: { None: Compression.None, DeflateRaw: Compression.DeflateRaw },
    };
    if (RELEASED_LAYOUTS[CURRENT.slice('format-'.length)] === undefined) throw new Error(`add the layout of format ${CURRENT} to RELEASED_LAYOUTS`);
    expect(layout, `the layout changed but the format version is still ${CURRENT}: bump the version`).toEqual(RELEASED_LAYOUTS[CURRENT.slice('format-'.length)]);
  });

  it('the current writer reproduces the current version\'s golden exactly (layout changes need a version bump)', async () => {
    const path = join(DIR, `${CURRENT}-stored.snap`);
    const written = await writeSnapshotFile(goldenContent(false));
    if (!existsSync(path) && process.env['RVOS_UPDATE_GOLDEN'] === '1') writeFileSync(path, written);
    if (!existsSync(path)) throw new Error(`no golden file for format ${CURRENT}: run with RVOS_UPDATE_GOLDEN=1 once after a version bump`);
    const golden = new Uint8Array(readFileSync(path));
    if (!Buffer.from(written).equals(Buffer.from(golden))) {
      throw new Error(`the file layout changed but the format version is still ${CURRENT}: bump FORMAT_MINOR (compatible) or FORMAT_MAJOR in snapshot-file-format.ts, keep the old goldens, add the new one`);
    }
  });

  it('keeps a deflated golden of the current version', async () => {
    const path = join(DIR, `${CURRENT}-deflated.snap`);
    if (!existsSync(path) && process.env['RVOS_UPDATE_GOLDEN'] === '1') writeFileSync(path, await writeSnapshotFile(goldenContent(true)));
    expect(existsSync(path)).toBe(true);
  });

  it('reads every golden of this major version with the content it was written with; refuses older majors by name', async () => {
    const files = readdirSync(DIR).filter((f) => /^format-\d+\.\d+-\w+\.snap$/.test(f));
    expect(files).toEqual(expect.arrayContaining([`${CURRENT}-stored.snap`, `${CURRENT}-deflated.snap`]));
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(join(DIR, file)));
      const major = Number(/^format-(\d+)/.exec(file)![1]);
      if (major !== FORMAT_MAJOR) {
        await expect(verifySnapshotFile(bytes)).rejects.toThrow(SnapshotError);
        continue;
      }
      const verified = await verifySnapshotFile(bytes);
      const expected = goldenContent(file.includes('deflated'));
      expect(verified.header).toMatchObject({ major, createdAt: expected.createdAt, description: expected.description, machine: expected.machine });
      const sections = await readAllSections(verified);
      expect([...sections.keys()]).toEqual(expected.sections.map((s) => s.name));
      for (const s of expected.sections) expect(sections.get(s.name)).toEqual(s.bytes);
    }
  });
});
