// Writes System V / GNU `ar` archives as GNU ar does in deterministic mode
// (`ar rcsD`): a `/` symbol index of the members' defined global symbols, a
// `//` table for names longer than 15 bytes, and zero dates, uids and gids.

import { SHN_UNDEF, STB_LOCAL } from '../elf/elf-constants.ts';
import { readElf } from '../elf/elf-reader.ts';
import { AR_FMAG, AR_HEADER_SIZE, AR_LONG_NAMES, AR_MAGIC, AR_SYMBOL_INDEX, ArchiveError } from './archive-format.ts';

export interface ArchiveInputMember {
  /** File name stored in the archive (no directory part). */
  name: string;
  data: Uint8Array;
}

export interface WriteArchiveOptions {
  /** Write the `/` symbol index (default true), as `ar s` does. */
  symbolIndex?: boolean;
}

const encoder = new TextEncoder();
/** Names stored in the header itself: printable ASCII without spaces, at most 15 bytes (then '/'). */
const SHORT_NAME = /^[\x21-\x7e]{1,15}$/;

/**
 * Returns the bytes of an archive holding `members` in order. ELF objects
 * contribute their defined global and weak symbols to the index; other
 * members are stored without symbols. Throws ArchiveError for an empty name,
 * a name containing '/' or a newline, or an index larger than 4 GiB.
 */
export function writeArchive(members: readonly ArchiveInputMember[], options: WriteArchiveOptions = {}): Uint8Array {
  for (const m of members) {
    if (m.name === '' || /[/\n]/.test(m.name)) throw new ArchiveError(`archive member name '${m.name}' is empty or contains '/' or a newline`);
  }
  const { table, refs } = longNameTable(members);
  const symbols = options.symbolIndex === false ? undefined : members.map((m) => definedSymbols(m.data));
  const indexSize = symbols === undefined ? 0 : symbolIndexSize(symbols);
  let at = AR_MAGIC.length + (symbols === undefined ? 0 : AR_HEADER_SIZE + padded(indexSize));
  at += table.length > 0 ? AR_HEADER_SIZE + padded(table.length) : 0;
  const offsets = members.map((m) => { const o = at; at += AR_HEADER_SIZE + padded(m.data.length); return o; });
  if (at > 0xffff_ffff) throw new ArchiveError(`archive of ${at} bytes is too large for a 32-bit symbol index`);
  const parts: Uint8Array[] = [encoder.encode(AR_MAGIC)];
  if (symbols !== undefined) pushMember(parts, AR_SYMBOL_INDEX, symbolIndex(symbols, offsets, indexSize));
  if (table.length > 0) pushMember(parts, AR_LONG_NAMES, table);
  members.forEach((m, i) => pushMember(parts, refs[i]!, m.data));
  return concat(parts);
}

function padded(size: number): number {
  return size + (size & 1);
}

/** The `//` table (entries end in "/\n") and each member's header name. */
function longNameTable(members: readonly ArchiveInputMember[]): { table: Uint8Array; refs: string[] } {
  let text = '';
  const refs = members.map((m) => {
    if (SHORT_NAME.test(m.name)) return `${m.name}/`;
    const ref = `/${encoder.encode(text).length}`;
    text += `${m.name}/\n`;
    return ref;
  });
  return { table: encoder.encode(text), refs };
}

/** Names of the defined non-local symbols of an ELF object; [] for anything else. */
function definedSymbols(data: Uint8Array): string[] {
  try {
    return readElf(data).symbols.filter((s) => s.bind !== STB_LOCAL && s.shndx !== SHN_UNDEF && s.name !== '').map((s) => s.name);
  } catch {
    return []; // not an object: stored without symbols, as GNU ar does
  }
}

function symbolIndexSize(symbols: string[][]): number {
  const names = symbols.flat();
  return 4 + 4 * names.length + names.reduce((n, s) => n + encoder.encode(s).length + 1, 0);
}

/** The big-endian `/` index: count, member header offsets, NUL-terminated names. */
function symbolIndex(symbols: string[][], offsets: number[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const flat = symbols.flatMap((names, member) => names.map((name) => ({ name, offset: offsets[member]! })));
  view.setUint32(0, flat.length);
  let at = 4 + 4 * flat.length;
  flat.forEach((s, i) => {
    view.setUint32(4 + 4 * i, s.offset);
    const bytes = encoder.encode(s.name);
    out.set(bytes, at);
    at += bytes.length + 1;
  });
  return out;
}

function pushMember(parts: Uint8Array[], headerName: string, data: Uint8Array): void {
  const field = (text: string, width: number): string => text.padEnd(width, ' ').slice(0, width);
  const header = field(headerName, 16) + field('0', 12) + field('0', 6) + field('0', 6) + field('644', 8)
    + field(String(data.length), 10) + AR_FMAG;
  parts.push(encoder.encode(header), data);
  if (data.length & 1) parts.push(Uint8Array.of(0x0a));
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}
