// Fuzzing the linker and the archive reader with corrupted inputs: random byte
// flips, extreme values in header, section, symbol and relocation fields, and
// truncation. Every outcome must be an ELF that reads back or error
// diagnostics; never an exception, an internal error, or a hang.

import { describe, expect, it } from 'vitest';
import { ArchiveError } from '../../../../emulator/toolchain/archive/archive-format.ts';
import { readArchive } from '../../../../emulator/toolchain/archive/archive-reader.ts';
import { writeArchive } from '../../../../emulator/toolchain/archive/archive-writer.ts';
import { readElf } from '../../../../emulator/toolchain/elf/elf-reader.ts';
import { link } from '../../../../emulator/toolchain/link/linker.ts';
import { asmObject, EXIT_TAIL } from './link-helpers.ts';

/** Deterministic PRNG (mulberry32), so a failure replays. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MAIN = asmObject('main.s', `
  .text
  .globl _start
_start:
  la sp, __stack_top
  call helper
1: auipc t0, %pcrel_hi(value)
  ld a0, %pcrel_lo(1b)(t0)
  lui t1, %hi(value)
  beqz a0, exit
  j exit
${EXIT_TAIL}
  .data
  .globl value
value: .dword helper, 7
  .word helper - _start
  .bss
buf: .zero 64
`);
const HELPER = asmObject('helper.s', '  .text\n  .globl helper\n  .type helper, @function\nhelper:\n  addi a0, a0, 1\n  ret\n  .size helper, .-helper\n');

const EXTREMES = [0, 1, 0xff, 0xffff, 0x7fff_ffff, 0xffff_ffff];

/** Returns a copy of `bytes` with a few random corruptions. */
function mutate(bytes: Uint8Array, random: () => number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const at = (width: number): number => Math.floor(random() * (out.length - width));
  const kind = Math.floor(random() * 4);
  if (kind === 0) {
    for (let i = 0; i < 1 + random() * 4; i++) out[at(1)] = Math.floor(random() * 256);
  } else if (kind === 1) {
    view.setUint32(at(4), EXTREMES[Math.floor(random() * EXTREMES.length)]!, true);
  } else if (kind === 2) {
    // A field of the ELF header, a section header or anything 8-aligned: 64-bit extremes.
    const where = Math.floor(at(8) / 8) * 8;
    view.setBigUint64(where, [0n, 1n, 0x8000_0000n, 0xffff_ffff_ffff_ffffn, 0x7fff_ffff_ffff_ffffn][Math.floor(random() * 5)]!, true);
  } else {
    return out.subarray(0, at(1));
  }
  return out;
}

/** Links and checks the never-throws contract; returns 'ok' or 'error'. */
function outcome(inputs: { name: string; bytes: Uint8Array }[]): 'ok' | 'error' {
  const result = link(inputs);
  const internal = result.diagnostics.find((d) => d.message.includes('internal'));
  expect(internal, internal?.message).toBeUndefined();
  if (result.elf === undefined) {
    expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    return 'error';
  }
  expect(() => readElf(result.elf!)).not.toThrow();
  return 'ok';
}

describe('linker fuzzing', () => {
  it('turns corrupted objects into diagnostics or valid ELFs', () => {
    const random = prng(0x5eed);
    const counts = { ok: 0, error: 0 };
    for (let i = 0; i < 400; i++) {
      const victim = random() < 0.7 ? MAIN : HELPER;
      const bad = { name: victim.name, bytes: mutate(victim.bytes, random) };
      counts[outcome(victim === MAIN ? [bad, HELPER] : [MAIN, bad])]++;
    }
    expect(counts.error).toBeGreaterThan(50);
    expect(counts.ok + counts.error).toBe(400);
  });

  it('turns corrupted archives into diagnostics or valid ELFs', () => {
    const random = prng(0xa7c);
    const archive = writeArchive([{ name: 'helper.o', data: HELPER.bytes }, { name: 'a_long_member_name.o', data: HELPER.bytes.slice() }]);
    let errors = 0;
    for (let i = 0; i < 300; i++) {
      if (outcome([MAIN, { name: 'lib.a', bytes: mutate(archive, random) }]) === 'error') errors++;
    }
    expect(errors).toBeGreaterThan(30);
  });

  it('the archive reader throws only ArchiveError on random garbage after the magic', () => {
    const random = prng(7);
    for (let i = 0; i < 300; i++) {
      const body = Uint8Array.from({ length: Math.floor(random() * 200) }, () => (random() < 0.5 ? 0x20 + Math.floor(random() * 64) : Math.floor(random() * 256)));
      const bytes = new Uint8Array([...new TextEncoder().encode('!<arch>\n'), ...body]);
      try {
        readArchive(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(ArchiveError);
      }
    }
  });
});
