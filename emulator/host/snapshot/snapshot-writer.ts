// Writes a snapshot file (layout in snapshot-file-format.ts): the fixed header,
// the description, the section table with each section's sizes and SHA-256,
// the sections' bytes (compressed unless told otherwise) and the whole-file
// SHA-256 trailer. Async: compression and hashing run on the platform's streams.

import { deflateRaw } from './snapshot-compression.ts';
import { sha256 } from './snapshot-digest.ts';
import {
  align, Compression, ENTRY, HEADER, MAGIC, MAX_DESCRIPTION_BYTES, MAX_SECTION_SIZE, MAX_SECTIONS, NAME_SIZE, SECTION_NAME,
  TRAILER_SIZE, FORMAT_MAJOR, FORMAT_MINOR, type MachineSummary,
} from './snapshot-file-format.ts';

/** A named section's uncompressed bytes. */
export interface SectionInput {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Default: DeflateRaw. */
  readonly compression?: Compression;
}

/** Everything a snapshot file holds. */
export interface SnapshotContent {
  /** Milliseconds since 1970-01-01 UTC. */
  readonly createdAt: number;
  readonly description: string;
  readonly machine: MachineSummary;
  readonly sections: readonly SectionInput[];
}

interface StoredSection {
  readonly name: string;
  readonly stored: Uint8Array;
  readonly size: number;
  readonly compression: Compression;
  readonly checksum: Uint8Array;
}

/** The snapshot file of `content`. Throws RangeError for a bad section name, count, size or description. */
export async function writeSnapshotFile(content: SnapshotContent): Promise<Uint8Array> {
  const description = new TextEncoder().encode(content.description);
  checkContent(content, description);
  const sections: StoredSection[] = [];
  for (const s of content.sections) sections.push(await storeSection(s));
  const tableAt = align(HEADER.size + description.length);
  const headerSize = tableAt + sections.length * ENTRY.size_;
  const offsets: number[] = [];
  let end = headerSize;
  for (const s of sections) {
    offsets.push(end);
    end = align(end + s.stored.length);
  }
  const file = new Uint8Array(end + TRAILER_SIZE);
  const view = new DataView(file.buffer);
  writeHeader(view, file, content, { headerSize, fileSize: file.length, sectionCount: sections.length, description });
  sections.forEach((s, i) => {
    writeEntry(view, file, tableAt + i * ENTRY.size_, s, offsets[i]!);
    file.set(s.stored, offsets[i]!);
  });
  file.set(await sha256(file.subarray(0, end)), end);
  return file;
}

function checkContent(content: SnapshotContent, description: Uint8Array): void {
  if (description.length > MAX_DESCRIPTION_BYTES) throw new RangeError(`snapshot description is longer than ${MAX_DESCRIPTION_BYTES} bytes`);
  if (content.sections.length > MAX_SECTIONS) throw new RangeError(`more than ${MAX_SECTIONS} sections`);
  const names = new Set<string>();
  for (const s of content.sections) {
    if (!SECTION_NAME.test(s.name) || names.has(s.name)) throw new RangeError(`bad or repeated section name '${s.name}'`);
    if (s.bytes.length > MAX_SECTION_SIZE) throw new RangeError(`section '${s.name}' is larger than ${MAX_SECTION_SIZE} bytes`);
    names.add(s.name);
  }
  if (!Number.isSafeInteger(content.createdAt) || content.createdAt < 0) throw new RangeError(`bad creation time ${content.createdAt}`);
}

async function storeSection(s: SectionInput): Promise<StoredSection> {
  const compression = s.compression ?? Compression.DeflateRaw;
  const stored = compression === Compression.DeflateRaw ? await deflateRaw(s.bytes) : s.bytes;
  return { name: s.name, stored, size: s.bytes.length, compression, checksum: await sha256(s.bytes) };
}

interface HeaderSizes {
  readonly headerSize: number;
  readonly fileSize: number;
  readonly sectionCount: number;
  readonly description: Uint8Array;
}

function writeHeader(view: DataView, file: Uint8Array, content: SnapshotContent, sizes: HeaderSizes): void {
  file.set(MAGIC, HEADER.magic);
  view.setUint16(HEADER.major, FORMAT_MAJOR, true);
  view.setUint16(HEADER.minor, FORMAT_MINOR, true);
  view.setUint32(HEADER.headerSize, sizes.headerSize, true);
  view.setBigUint64(HEADER.fileSize, BigInt(sizes.fileSize), true);
  view.setBigUint64(HEADER.createdAt, BigInt(content.createdAt), true);
  view.setUint32(HEADER.ramMib, content.machine.ramMib, true);
  view.setUint32(HEADER.instructionsPerTick, content.machine.instructionsPerTick, true);
  view.setUint16(HEADER.displayWidth, content.machine.display.width, true);
  view.setUint16(HEADER.displayHeight, content.machine.display.height, true);
  view.setUint16(HEADER.sectionCount, sizes.sectionCount, true);
  view.setUint16(HEADER.descriptionLength, sizes.description.length, true);
  file.set(sizes.description, HEADER.size);
}

function writeEntry(view: DataView, file: Uint8Array, at: number, s: StoredSection, offset: number): void {
  const name = new TextEncoder().encode(s.name);
  file.set(name.subarray(0, NAME_SIZE), at + ENTRY.name);
  view.setBigUint64(at + ENTRY.offset, BigInt(offset), true);
  view.setBigUint64(at + ENTRY.storedSize, BigInt(s.stored.length), true);
  view.setBigUint64(at + ENTRY.size, BigInt(s.size), true);
  view.setUint32(at + ENTRY.compression, s.compression, true);
  file.set(s.checksum, at + ENTRY.checksum);
}
