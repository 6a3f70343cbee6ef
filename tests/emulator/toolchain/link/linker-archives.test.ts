// The linker with archives made by our archive writer from objects made by our
// assembler: members are pulled only for undefined symbols, transitively and
// in any member order (all archives act as one group), never for a weak
// reference; archives without an index work; bad members are named.

import { describe, expect, it } from 'vitest';
import { readArchive } from '../../../../emulator/toolchain/archive/archive-reader.ts';
import { writeArchive } from '../../../../emulator/toolchain/archive/archive-writer.ts';
import { asmObject, EXIT_TAIL, HART_BUILT, linkErrors, linkOk, runElf, type NamedBytes } from './link-helpers.ts';

const START = asmObject('start.s', `
  .text
  .globl _start
_start:
  la sp, __stack_top
  call first
  j exit
${EXIT_TAIL}`);

/** first calls second (another member); both add to a0; the program exits with 0 when both ran. */
const FIRST = asmObject('first.o', '  .text\n  .globl first\nfirst:\n  addi sp, sp, -16\n  sd ra, 8(sp)\n  li a0, -5\n  call second\n  ld ra, 8(sp)\n  addi sp, sp, 16\n  ret\n');
const SECOND = asmObject('second.o', '  .text\n  .globl second\nsecond:\n  addi a0, a0, 5\n  ret\n');
/** Would clash with SECOND's 'second' if it were pulled in. */
const UNUSED = asmObject('unused.o', '  .text\n  .globl unused, second_copy\nunused: ret\nsecond_copy: ret\n  .globl clash\nclash: ret\n');
const CLASH = asmObject('clash.o', '  .text\n  .globl clash\nclash: ret\n');

function archive(name: string, members: NamedBytes[], symbolIndex = true): NamedBytes {
  return { name, bytes: writeArchive(members.map((m) => ({ name: m.name, data: m.bytes })), { symbolIndex }) };
}

function files(map: { file: string }[]): string[] {
  return [...new Set(map.map((s) => s.file))].filter((f) => f !== 'ld');
}

describe('archive members', () => {
  it('pulls only the members that define undefined symbols, transitively', () => {
    const r = linkOk([START, CLASH, archive('libx.a', [FIRST, UNUSED, SECOND])]);
    expect(files(r.map)).toEqual(expect.arrayContaining(['start.s', 'clash.o', 'libx.a(first.o)', 'libx.a(second.o)']));
    expect(files(r.map)).not.toContain('libx.a(unused.o)');
  });

  it('reaches a fixed point whatever the member order and across archives', () => {
    for (const inputs of [
      [START, archive('liba.a', [SECOND]), archive('libb.a', [FIRST])],
      [START, archive('libab.a', [SECOND, FIRST])],
    ]) {
      const r = linkOk(inputs);
      expect(r.map.filter((s) => s.name === 'first' || s.name === 'second').length).toBe(2);
    }
  });

  it('works without a symbol index by scanning the members', () => {
    const r = linkOk([START, archive('noindex.a', [FIRST, UNUSED, SECOND], false)]);
    expect(files(r.map)).toContain('noindex.a(second.o)');
    expect(files(r.map)).not.toContain('noindex.a(unused.o)');
  });

  it('does not pull a member for a weak reference', () => {
    const weakUser = asmObject('weak-user.s', '  .text\n  .globl first\n  .weak second\nfirst: lla a0, second\n  ret\n');
    const r = linkOk([START, weakUser, archive('libs.a', [SECOND])]);
    expect(files(r.map)).not.toContain('libs.a(second.o)');
  });

  it('reports a pulled member that is not a valid object, by archive and member name', () => {
    const lib = archive('libbad.a', [FIRST]);
    const member = readArchive(lib.bytes).members[0]!;
    new DataView(lib.bytes.buffer).setUint32(member.headerOffset + 60 + 40, 0xffffff, true); // e_shoff far past the end
    expect(linkErrors([START, lib])).toMatch(/^libbad\.a\(first\.o\): error: ELF section header 0: file range 0xffffff\+0x40 exceeds file size/m);
  });

  it('reports a duplicate definition between an object and a pulled member', () => {
    const lib = archive('libdup.a', [asmObject('both.o', '  .text\n  .globl first, clash\nfirst: ret\nclash: ret\n')]);
    expect(linkErrors([START, CLASH, lib])).toBe("libdup.a(both.o): error: multiple definition of 'clash': first defined in clash.o");
  });

  it.skipIf(!HART_BUILT)('runs a program whose code comes from an archive', async () => {
    const r = linkOk([START, archive('libx.a', [FIRST, UNUSED, SECOND])]);
    expect(await runElf(r.elf)).toMatchObject({ reason: 'exit', exitCode: 0 });
  });
});
