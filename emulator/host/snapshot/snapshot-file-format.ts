// The snapshot file's layout (docs/architecture.md, "Snapshot files"): the
// magic, the format version, the fixed header's field offsets, the section
// table entry and the limits the reader enforces. One place for every number
// the writer and the reader share; all integers are little-endian.

/** "RVOSSNAP": the first 8 bytes of every snapshot file. */
export const MAGIC = new TextEncoder().encode('RVOSSNAP');

/** The format this build writes. A reader accepts the same major with a minor up to this one. */
export const FORMAT_MAJOR = 1;
export const FORMAT_MINOR = 0;

/** Fixed header: byte offsets of its fields. */
export const HEADER = {
  magic: 0, // 8 bytes
  major: 8, // u16
  minor: 10, // u16
  headerSize: 12, // u32: bytes before the first section's data (header, description, section table)
  fileSize: 16, // u64: the whole file, trailer included
  createdAt: 24, // u64: milliseconds since 1970-01-01 UTC
  ramMib: 32, // u32
  instructionsPerTick: 36, // u32
  displayWidth: 40, // u16 (0: no display)
  displayHeight: 42, // u16
  sectionCount: 44, // u16
  descriptionLength: 46, // u16: bytes of UTF-8 right after the fixed header
  reserved: 48, // 16 bytes, zero
  size: 64,
} as const;

/** One section table entry: byte offsets within the entry. */
export const ENTRY = {
  name: 0, // 16 bytes ASCII, NUL-padded
  offset: 16, // u64: where the stored bytes start in the file
  storedSize: 24, // u64: bytes in the file
  size: 32, // u64: bytes after decompression
  compression: 40, // u32: a Compression value
  reserved: 44, // u32, zero
  checksum: 48, // 32 bytes: SHA-256 of the uncompressed bytes
  size_: 80,
} as const;

/** The SHA-256 of everything before it ends the file. */
export const TRAILER_SIZE = 32;
export const CHECKSUM_SIZE = 32;
/** Header, description and section data start at multiples of this. */
export const ALIGN = 8;

export const NAME_SIZE = 16;
/** Section names: lowercase letters, digits, '-' and '.', 1 to 16 characters. */
export const SECTION_NAME = /^[a-z0-9.-]{1,16}$/;
export const MAX_SECTIONS = 64;
export const MAX_DESCRIPTION_BYTES = 4096;
/** Largest uncompressed section (RAM of the largest machine plus room for its tables). */
export const MAX_SECTION_SIZE = 2 ** 31 + 2 ** 26;

/** How a section's bytes are stored. */
export enum Compression {
  None = 0,
  /** Raw DEFLATE (RFC 1951) through the platform's CompressionStream. */
  DeflateRaw = 1,
}

/** The machine a snapshot needs (what restoring checks against the VM). */
export interface MachineSummary {
  readonly ramMib: number;
  readonly instructionsPerTick: number;
  /** 0 x 0: the machine has no display. */
  readonly display: { readonly width: number; readonly height: number };
}

/** The fixed header and description, decoded. */
export interface SnapshotHeader {
  readonly major: number;
  readonly minor: number;
  readonly fileSize: number;
  /** Milliseconds since 1970-01-01 UTC. */
  readonly createdAt: number;
  readonly machine: MachineSummary;
  readonly description: string;
}

/** One section table entry, decoded. */
export interface SectionEntry {
  readonly name: string;
  readonly offset: number;
  readonly storedSize: number;
  readonly size: number;
  readonly compression: Compression;
  readonly checksum: Uint8Array;
}

/** `n` rounded up to a multiple of ALIGN. */
export function align(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}

/** "major.minor". */
export function versionText(major: number, minor: number): string {
  return `${major}.${minor}`;
}
