// Reads a snapshot file in the strict order of Firecracker's loader: the
// whole-file SHA-256 first (nothing is interpreted before it matches), then the
// magic, then the format version, then every header field and section table
// entry; sections are inflated (bounded) and checked against their SHA-256.
// Every refusal is a SnapshotError whose message says what is wrong.

import { inflateRawBounded } from './snapshot-compression.ts';
import { sameBytes, sha256 } from './snapshot-digest.ts';
import { SnapshotError } from './snapshot-error.ts';
import {
  align, Compression, ENTRY, FORMAT_MAJOR, FORMAT_MINOR, HEADER, MAGIC, MAX_DESCRIPTION_BYTES, MAX_SECTION_SIZE, MAX_SECTIONS,
  NAME_SIZE, SECTION_NAME, TRAILER_SIZE, versionText, type SectionEntry, type SnapshotHeader,
} from './snapshot-file-format.ts';

/** The smallest well-formed file: a header with no description and no sections, plus the trailer. */
export const MIN_FILE_SIZE = HEADER.size + TRAILER_SIZE;

/** A file whose checksum, magic, version, header and section table passed; sections are not decoded yet. */
export interface VerifiedSnapshot {
  readonly header: SnapshotHeader;
  readonly sections: readonly SectionEntry[];
  readonly file: Uint8Array;
}

/** The verified header and section table of `file`. Throws SnapshotError (truncated, corrupted, not-a-snapshot, version, malformed). */
export async function verifySnapshotFile(file: Uint8Array): Promise<VerifiedSnapshot> {
  if (file.length < MIN_FILE_SIZE) throw refusedBeforeChecksum(file);
  const body = file.subarray(0, file.length - TRAILER_SIZE);
  if (!sameBytes(await sha256(body), file.subarray(body.length))) throw refusedBeforeChecksum(file);
  if (!hasMagic(file)) throw new SnapshotError('not-a-snapshot', 'not an rvos snapshot file (it does not start with RVOSSNAP)');
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  checkVersion(view.getUint16(HEADER.major, true), view.getUint16(HEADER.minor, true));
  const { header, tableAt, count } = readHeader(view, file);
  const sections = readSectionTable(view, file, header, tableAt, count);
  return { header, sections, file };
}

/** The uncompressed bytes of section `entry`. Throws SnapshotError 'section' when it does not inflate to its size or fails its checksum. */
export async function readSection(verified: VerifiedSnapshot, entry: SectionEntry): Promise<Uint8Array> {
  const stored = verified.file.subarray(entry.offset, entry.offset + entry.storedSize);
  const bytes = entry.compression === Compression.DeflateRaw ? await inflateRawBounded(stored, entry.size, entry.name) : stored.slice();
  if (!sameBytes(await sha256(bytes), entry.checksum)) throw new SnapshotError('section', `section '${entry.name}' fails its checksum`);
  return bytes;
}

/** Every section's uncompressed bytes by name (see readSection). */
export async function readAllSections(verified: VerifiedSnapshot): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const entry of verified.sections) out.set(entry.name, await readSection(verified, entry));
  return out;
}

/**
 * Why a file whose checksum does not match (or that is too short to have one) is refused. Only
 * the wording uses the header: a file that starts with the magic and declares more bytes than
 * it has is called truncated, one that declares fewer has trailing bytes, any other is corrupted.
 */
function refusedBeforeChecksum(file: Uint8Array): SnapshotError {
  const magic = hasMagic(file);
  if (!magic) {
    if (file.length < MAGIC.length && MAGIC.subarray(0, file.length).every((b, i) => file[i] === b)) {
      return new SnapshotError('truncated', `snapshot file is truncated: ${file.length} bytes`);
    }
    return new SnapshotError('not-a-snapshot', 'not an rvos snapshot file (it does not start with RVOSSNAP)');
  }
  if (file.length < HEADER.fileSize + 8) return new SnapshotError('truncated', `snapshot file is truncated: ${file.length} bytes`);
  const declared = new DataView(file.buffer, file.byteOffset, file.byteLength).getBigUint64(HEADER.fileSize, true);
  if (declared > BigInt(file.length)) return new SnapshotError('truncated', `snapshot file is truncated: ${file.length} of ${declared} bytes`);
  if (declared < BigInt(file.length)) {
    return new SnapshotError('corrupted', `snapshot file has ${BigInt(file.length) - declared} bytes more than the ${declared} its header declares`);
  }
  if (file.length < MIN_FILE_SIZE) return new SnapshotError('truncated', `snapshot file is truncated: ${file.length} bytes`);
  return new SnapshotError('corrupted', 'checksum mismatch: the file is corrupted');
}

function hasMagic(file: Uint8Array): boolean {
  return file.length >= MAGIC.length && MAGIC.every((b, i) => file[i] === b);
}

function checkVersion(major: number, minor: number): void {
  const supported = `${FORMAT_MAJOR}.x`;
  const version = versionText(major, minor);
  if (major > FORMAT_MAJOR || (major === FORMAT_MAJOR && minor > FORMAT_MINOR)) {
    throw new SnapshotError('version', `format version ${version} is newer than this workbench supports (${supported}, up to ${versionText(FORMAT_MAJOR, FORMAT_MINOR)})`);
  }
  if (major < FORMAT_MAJOR) throw new SnapshotError('version', `format version ${version} is no longer supported (this workbench reads ${supported})`);
}

/** The header, and where the section table starts and how many entries it has. */
function readHeader(view: DataView, file: Uint8Array): { header: SnapshotHeader; tableAt: number; count: number } {
  const fileSize = u64(view, HEADER.fileSize, 'file size');
  if (fileSize !== file.length) malformed(`header declares ${fileSize} bytes, the file has ${file.length}`);
  if (!file.subarray(HEADER.reserved, HEADER.size).every((b) => b === 0)) malformed('reserved header bytes are not zero');
  const descriptionLength = view.getUint16(HEADER.descriptionLength, true);
  if (descriptionLength > MAX_DESCRIPTION_BYTES) malformed(`description of ${descriptionLength} bytes (at most ${MAX_DESCRIPTION_BYTES})`);
  const sectionCount = view.getUint16(HEADER.sectionCount, true);
  if (sectionCount > MAX_SECTIONS) malformed(`${sectionCount} sections (at most ${MAX_SECTIONS})`);
  const tableAt = align(HEADER.size + descriptionLength);
  const headerSize = view.getUint32(HEADER.headerSize, true);
  if (headerSize !== tableAt + sectionCount * ENTRY.size_ || headerSize > fileSize - TRAILER_SIZE) {
    malformed(`header size ${headerSize} does not match its ${sectionCount} sections and ${descriptionLength}-byte description`);
  }
  if (!zeros(file, HEADER.size + descriptionLength, tableAt)) malformed('padding after the description is not zero');
  const header: SnapshotHeader = {
    major: view.getUint16(HEADER.major, true), minor: view.getUint16(HEADER.minor, true), fileSize,
    createdAt: u64(view, HEADER.createdAt, 'creation time'),
    machine: {
      ramMib: view.getUint32(HEADER.ramMib, true), instructionsPerTick: view.getUint32(HEADER.instructionsPerTick, true),
      display: { width: view.getUint16(HEADER.displayWidth, true), height: view.getUint16(HEADER.displayHeight, true) },
    },
    description: utf8(file.subarray(HEADER.size, HEADER.size + descriptionLength)),
  };
  return { header, tableAt, count: sectionCount };
}

function readSectionTable(view: DataView, file: Uint8Array, header: SnapshotHeader, tableAt: number, count: number): SectionEntry[] {
  const sections: SectionEntry[] = [];
  let next = tableAt + count * ENTRY.size_;
  for (let i = 0; i < count; i++) {
    const entry = readEntry(view, file, tableAt + i * ENTRY.size_);
    if (sections.some((s) => s.name === entry.name)) malformed(`section '${entry.name}' appears twice`);
    if (entry.offset !== next) malformed(`section '${entry.name}' starts at ${entry.offset}, expected ${next}`);
    const end = entry.offset + entry.storedSize;
    if (end > header.fileSize - TRAILER_SIZE) malformed(`section '${entry.name}' runs past the end of the file`);
    if (!zeros(file, end, align(end))) malformed(`padding after section '${entry.name}' is not zero`);
    next = align(end);
    sections.push(entry);
  }
  if (next !== header.fileSize - TRAILER_SIZE) malformed(`${header.fileSize - TRAILER_SIZE - next} stray bytes after the last section`);
  return sections;
}

function readEntry(view: DataView, file: Uint8Array, at: number): SectionEntry {
  const nameBytes = file.subarray(at + ENTRY.name, at + ENTRY.name + NAME_SIZE);
  const nul = nameBytes.indexOf(0);
  const name = String.fromCharCode(...nameBytes.subarray(0, nul < 0 ? NAME_SIZE : nul));
  if (!SECTION_NAME.test(name) || !zeros(nameBytes, name.length, NAME_SIZE)) malformed(`section table entry at ${at} has a bad name`);
  const size = u64(view, at + ENTRY.size, `section '${name}' size`);
  const storedSize = u64(view, at + ENTRY.storedSize, `section '${name}' stored size`);
  const compression = view.getUint32(at + ENTRY.compression, true);
  if (size > MAX_SECTION_SIZE) malformed(`section '${name}' declares ${size} bytes (at most ${MAX_SECTION_SIZE})`);
  if (compression !== Compression.None && compression !== Compression.DeflateRaw) malformed(`section '${name}' has unknown compression ${compression}`);
  if (compression === Compression.None && storedSize !== size) malformed(`uncompressed section '${name}' stores ${storedSize} of ${size} bytes`);
  if (view.getUint32(at + ENTRY.reserved, true) !== 0) malformed(`section '${name}' has non-zero reserved bytes`);
  return {
    name, offset: u64(view, at + ENTRY.offset, `section '${name}' offset`), storedSize, size, compression,
    checksum: file.slice(at + ENTRY.checksum, at + ENTRY.checksum + 32),
  };
}

function u64(view: DataView, at: number, what: string): number {
  const value = view.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) malformed(`${what} ${value} is out of range`);
  return Number(value);
}

function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return malformed('the description is not UTF-8');
  }
}

function zeros(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (bytes[i] !== 0) return false;
  return true;
}

function malformed(what: string): never {
  throw new SnapshotError('malformed', `malformed snapshot file: ${what}`);
}
