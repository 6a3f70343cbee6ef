// The System V / GNU `ar` archive format shared by the archive reader and
// writer: the global magic, the 60-byte member header layout, and the special
// member names (`/` symbol index, `/SYM64/` 64-bit index, `//` long-name table).

/** Global header of a regular archive. */
export const AR_MAGIC = '!<arch>\n';
/** Global header of a GNU thin archive (members live in other files; unsupported). */
export const AR_THIN_MAGIC = '!<thin>\n';
export const AR_MAGIC_SIZE = 8;
/** Member header: name[16] date[12] uid[6] gid[6] mode[8] size[10] fmag[2]. */
export const AR_HEADER_SIZE = 60;
export const AR_FMAG = '`\n';

/** Field offsets and widths of the member header, in bytes. */
export const AR_FIELDS = {
  name: [0, 16], date: [16, 12], uid: [28, 6], gid: [34, 6], mode: [40, 8], size: [48, 10], fmag: [58, 2],
} as const;

/** Special member names. */
export const AR_SYMBOL_INDEX = '/';
export const AR_SYMBOL_INDEX_64 = '/SYM64/';
export const AR_LONG_NAMES = '//';

/** A malformed or unsupported archive; the message names the member and offset. */
export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';
}

/** True when `bytes` starts with the regular or thin archive magic. */
export function isArchive(bytes: Uint8Array): boolean {
  if (bytes.length < AR_MAGIC_SIZE) return false;
  const head = String.fromCharCode(...bytes.subarray(0, AR_MAGIC_SIZE));
  return head === AR_MAGIC || head === AR_THIN_MAGIC;
}
