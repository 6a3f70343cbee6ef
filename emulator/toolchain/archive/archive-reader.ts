// Reads System V / GNU `ar` archives: members with their names (short names,
// `//` long names, BSD `#1/len` names), and the symbol index (`/` or
// `/SYM64/`). Every defect is an ArchiveError naming the member and offset.

import {
  AR_FIELDS, AR_FMAG, AR_HEADER_SIZE, AR_LONG_NAMES, AR_MAGIC, AR_MAGIC_SIZE, AR_SYMBOL_INDEX,
  AR_SYMBOL_INDEX_64, AR_THIN_MAGIC, ArchiveError,
} from './archive-format.ts';

export interface ArchiveMember {
  name: string;
  /** Offset of the member's header in the archive (what the symbol index refers to). */
  headerOffset: number;
  /** The member's bytes (a view into the archive). */
  data: Uint8Array;
}

export interface ArchiveSymbol {
  name: string;
  /** Index into `members`. */
  member: number;
}

export interface Archive {
  members: ArchiveMember[];
  /** The symbol index, or undefined when the archive has none. */
  symbols: ArchiveSymbol[] | undefined;
}

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

interface RawMember { rawName: string; headerOffset: number; data: Uint8Array }

/**
 * Parses an archive. Returns its ordinary members (special members removed)
 * and its symbol index; throws ArchiveError for a malformed, truncated or thin
 * archive, and never throws anything else.
 */
export function readArchive(bytes: Uint8Array): Archive {
  try {
    return parseArchive(bytes);
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError(`archive reader internal error: ${String(error)}`);
  }
}

function parseArchive(bytes: Uint8Array): Archive {
  const magic = latin1.decode(bytes.subarray(0, AR_MAGIC_SIZE));
  if (magic === AR_THIN_MAGIC) throw new ArchiveError('thin archives (!<thin>) are not supported: members live in other files');
  if (magic !== AR_MAGIC) throw new ArchiveError('not an archive: bad magic (expected "!<arch>\\n")');
  const raw = readRawMembers(bytes);
  let longNames: Uint8Array | undefined;
  let index: { raw: RawMember; wide: boolean } | undefined;
  const members: ArchiveMember[] = [];
  for (const m of raw) {
    if (m.rawName === AR_SYMBOL_INDEX || m.rawName === AR_SYMBOL_INDEX_64) index = { raw: m, wide: m.rawName === AR_SYMBOL_INDEX_64 };
    else if (m.rawName === AR_LONG_NAMES) longNames = m.data;
    else members.push(memberOf(m, longNames));
  }
  const symbols = index === undefined ? undefined : readSymbolIndex(index.raw, index.wide, members);
  return { members, symbols };
}

function readRawMembers(bytes: Uint8Array): RawMember[] {
  const result: RawMember[] = [];
  let at = AR_MAGIC_SIZE;
  while (at < bytes.length) {
    if (bytes.length - at === 1 && bytes[at] === 0x0a) break; // padding of an odd last member
    if (at + AR_HEADER_SIZE > bytes.length) throw new ArchiveError(`member header at offset ${at}: truncated (${bytes.length - at} bytes left, need 60)`);
    const field = (f: keyof typeof AR_FIELDS): string => latin1.decode(bytes.subarray(at + AR_FIELDS[f][0], at + AR_FIELDS[f][0] + AR_FIELDS[f][1]));
    if (field('fmag') !== AR_FMAG) throw new ArchiveError(`member header at offset ${at}: bad terminator (expected "\`\\n")`);
    const sizeText = field('size').trim();
    if (!/^[0-9]+$/.test(sizeText)) throw new ArchiveError(`member header at offset ${at}: size field "${sizeText}" is not a decimal number`);
    const size = Number(sizeText);
    const start = at + AR_HEADER_SIZE;
    if (start + size > bytes.length) throw new ArchiveError(`member at offset ${at}: size ${size} runs past the end of the archive (${bytes.length} bytes)`);
    result.push({ rawName: field('name').trimEnd(), headerOffset: at, data: bytes.subarray(start, start + size) });
    at = start + size + (size & 1);
  }
  return result;
}

/** Resolves a member's real name (GNU `name/`, `/offset` long names, BSD `#1/len`). */
function memberOf(m: RawMember, longNames: Uint8Array | undefined): ArchiveMember {
  const where = `member at offset ${m.headerOffset}`;
  if (/^\/[0-9]+$/.test(m.rawName)) {
    if (longNames === undefined) throw new ArchiveError(`${where}: long name ${m.rawName} but the archive has no // name table before it`);
    const offset = Number(m.rawName.slice(1));
    if (offset >= longNames.length) throw new ArchiveError(`${where}: long name offset ${offset} is outside the name table (${longNames.length} bytes)`);
    let end = longNames.indexOf(0x0a, offset);
    if (end < 0) end = longNames.length;
    const name = utf8.decode(longNames.subarray(offset, end)).replace(/\/$/, '');
    return { name, headerOffset: m.headerOffset, data: m.data };
  }
  const bsd = /^#1\/([0-9]+)$/.exec(m.rawName);
  if (bsd !== null) {
    const length = Number(bsd[1]);
    if (length > m.data.length) throw new ArchiveError(`${where}: BSD name length ${length} exceeds the member size ${m.data.length}`);
    const name = utf8.decode(m.data.subarray(0, length)).replace(/\0+$/, '');
    return { name, headerOffset: m.headerOffset, data: m.data.subarray(length) };
  }
  return { name: m.rawName.replace(/\/$/, ''), headerOffset: m.headerOffset, data: m.data };
}

/** Parses the `/` (32-bit) or `/SYM64/` (64-bit) big-endian symbol index. */
function readSymbolIndex(m: RawMember, wide: boolean, members: ArchiveMember[]): ArchiveSymbol[] {
  const where = `symbol index at offset ${m.headerOffset}`;
  const width = wide ? 8 : 4;
  const view = new DataView(m.data.buffer, m.data.byteOffset, m.data.byteLength);
  const word = (at: number): number => (wide ? Number(view.getBigUint64(at)) : view.getUint32(at));
  if (m.data.length < width) throw new ArchiveError(`${where}: too short for its symbol count`);
  const count = word(0);
  const namesAt = width + count * width;
  if (count > m.data.length || namesAt > m.data.length) throw new ArchiveError(`${where}: ${count} symbols do not fit in ${m.data.length} bytes`);
  const byOffset = new Map(members.map((member, i) => [member.headerOffset, i]));
  const symbols: ArchiveSymbol[] = [];
  let at = namesAt;
  for (let i = 0; i < count; i++) {
    const end = m.data.indexOf(0, at);
    if (end < 0) throw new ArchiveError(`${where}: symbol name ${i} is not NUL-terminated`);
    const name = utf8.decode(m.data.subarray(at, end));
    const offset = word(width + i * width);
    const member = byOffset.get(offset);
    if (member === undefined) throw new ArchiveError(`${where}: symbol '${name}' points at offset ${offset}, which is not a member header`);
    symbols.push({ name, member });
    at = end + 1;
  }
  return symbols;
}
