// Tests of the `ar` archive reader and writer: round trips (short, long and
// odd-sized members, the symbol index), GNU ar reading our archives and us
// reading GNU ar's, other name and index variants, and malformed archives.

import { describe, expect, it } from 'vitest';
import { isArchive, ArchiveError } from '../../../../emulator/toolchain/archive/archive-format.ts';
import { readArchive } from '../../../../emulator/toolchain/archive/archive-reader.ts';
import { writeArchive } from '../../../../emulator/toolchain/archive/archive-writer.ts';
import { asmObject } from '../link/link-helpers.ts';
import { AR, gnuArchive, gnuTool, HAVE_GNU, NM } from '../link/gnu-tools.ts';

const FOO = asmObject('foo.o', '  .text\n  .globl foo, foo2\nfoo: ret\nfoo2: ret\nlocal_label: ret\n  .data\n  .globl foo_data\nfoo_data: .word 1\n');
const BAR = asmObject('a_rather_long_member_name.o', '  .text\n  .globl bar\n  .weak soft\nbar: call foo\nsoft: ret\n');
const TEXT = { name: 'notes.txt', bytes: new TextEncoder().encode('odd') };

function members(): { name: string; data: Uint8Array }[] {
  return [FOO, BAR, TEXT].map((m) => ({ name: m.name, data: m.bytes }));
}

function expectArchiveError(bytes: Uint8Array, message: RegExp): void {
  expect(() => readArchive(bytes)).toThrow(ArchiveError);
  expect(() => readArchive(bytes)).toThrow(message);
}

describe('archive writer and reader', () => {
  it('round-trips members with short, long and odd-sized contents', () => {
    const bytes = writeArchive(members());
    expect(isArchive(bytes)).toBe(true);
    const archive = readArchive(bytes);
    expect(archive.members.map((m) => m.name)).toEqual(['foo.o', 'a_rather_long_member_name.o', 'notes.txt']);
    expect(archive.members.map((m) => [...m.data])).toEqual(members().map((m) => [...m.data]));
  });

  it('indexes the defined global and weak symbols of object members only', () => {
    const archive = readArchive(writeArchive(members()));
    expect(archive.symbols).toEqual([
      { name: 'foo', member: 0 }, { name: 'foo2', member: 0 }, { name: 'foo_data', member: 0 },
      { name: 'bar', member: 1 }, { name: 'soft', member: 1 },
    ]);
  });

  it('omits the index on request', () => {
    expect(readArchive(writeArchive(members(), { symbolIndex: false })).symbols).toBeUndefined();
  });

  it('rejects member names it cannot store', () => {
    expect(() => writeArchive([{ name: 'dir/x.o', data: new Uint8Array(1) }])).toThrow(ArchiveError);
    expect(() => writeArchive([{ name: '', data: new Uint8Array(1) }])).toThrow(/empty/);
  });

  it('reads BSD #1/len names and a /SYM64/ index', () => {
    const enc = new TextEncoder();
    const header = (name: string, size: number): string => `${name.padEnd(16)}${'0'.padEnd(12)}${'0'.padEnd(6)}${'0'.padEnd(6)}${'644'.padEnd(8)}${String(size).padEnd(10)}\`\n`;
    const index = new Uint8Array(8 + 8 + 4);
    const view = new DataView(index.buffer);
    view.setBigUint64(0, 1n);
    view.setBigUint64(8, BigInt(8 + 60 + 20));
    index.set(enc.encode('sym\0'), 16);
    const body = enc.encode('long_bsd_name.o\0DATA');
    const bytes = enc.encode(`!<arch>\n${header('/SYM64/', 20)}`);
    const all = new Uint8Array([...bytes, ...index, ...enc.encode(header('#1/16', body.length)), ...body]);
    const archive = readArchive(all);
    expect(archive.members.map((m) => [m.name, new TextDecoder().decode(m.data)])).toEqual([['long_bsd_name.o', 'DATA']]);
    expect(archive.symbols).toEqual([{ name: 'sym', member: 0 }]);
  });
});

describe('malformed archives', () => {
  const good = writeArchive(members());

  it('rejects a bad magic and thin archives', () => {
    expectArchiveError(new TextEncoder().encode('!<arch!\n'), /bad magic/);
    expectArchiveError(new TextEncoder().encode('!<thin>\n'), /thin archives/);
  });

  it('rejects every truncation inside a member with ArchiveError, never another exception', () => {
    let errors = 0;
    for (let length = 8; length < good.length; length++) {
      try {
        readArchive(good.subarray(0, length));
      } catch (error) {
        expect(error).toBeInstanceOf(ArchiveError);
        expect((error as Error).message).not.toMatch(/internal error/);
        errors++;
      }
    }
    expect(errors).toBeGreaterThan(good.length - 20);
  });

  it('names the problem: size field, terminator, long-name table, index offsets', () => {
    const edit = (at: number, text: string): Uint8Array => {
      const copy = good.slice();
      copy.set(new TextEncoder().encode(text), at);
      return copy;
    };
    expectArchiveError(edit(8 + 48, 'x'), /size field "x.*" is not a decimal number/);
    expectArchiveError(edit(8 + 58, '!!'), /bad terminator/);
    expectArchiveError(edit(8 + 48, '99999999'), /runs past the end/);
    const noTable = writeArchive([{ name: 'a_rather_long_member_name.o', data: new Uint8Array(2) }], { symbolIndex: false });
    const broken = noTable.slice();
    broken.set(new TextEncoder().encode('/x'), 8); // the // table becomes an ordinary member "/x"
    expectArchiveError(broken, /no \/\/ name table/);
    const index = good.slice();
    new DataView(index.buffer).setUint32(8 + 60 + 4, 12345);
    expectArchiveError(index, /points at offset 12345, which is not a member header/);
  });
});

describe.skipIf(!HAVE_GNU)('interoperability with GNU ar', () => {
  it('GNU ar and nm read our archive: member list and symbol index', () => {
    const bytes = writeArchive(members());
    expect(gnuTool(AR, ['t'], bytes, 'lib.a').trim().split('\n')).toEqual(['foo.o', 'a_rather_long_member_name.o', 'notes.txt']);
    const armap = gnuTool(NM, ['--print-armap'], bytes, 'lib.a');
    expect(armap).toMatch(/foo in foo\.o/);
    expect(armap).toMatch(/bar in a_rather_long_member_name\.o/);
    expect(gnuTool(AR, ['p'], bytes, 'lib.a')).toContain('odd');
  });

  it('reads an archive made by GNU ar, with its index and long names', () => {
    const archive = readArchive(gnuArchive([FOO, BAR, TEXT]));
    expect(archive.members.map((m) => m.name)).toEqual(['foo.o', 'a_rather_long_member_name.o', 'notes.txt']);
    expect(archive.members[0]!.data).toEqual(FOO.bytes);
    expect(new Set(archive.symbols!.map((s) => `${s.name}@${s.member}`))).toEqual(new Set(['foo@0', 'foo2@0', 'foo_data@0', 'bar@1', 'soft@1']));
  });
});
