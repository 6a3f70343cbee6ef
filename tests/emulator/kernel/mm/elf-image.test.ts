// planElfImage: the validation of rvos program images (BadExecutable cases,
// W^X per page, image area) and the page runs and copies it plans.

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { planElfImage } from '../../../../emulator/kernel/mm/elf-image.ts';
import { MMAP_BASE } from '../../../../emulator/kernel/mm/memory-layout.ts';
import { Pte } from '../../../../emulator/kernel/mm/page-table.ts';
import { PF_R, PF_W, PF_X } from '../../../../emulator/toolchain/elf/elf-constants.ts';
import { writeElf, type ElfSegmentSpec } from '../../../../emulator/toolchain/elf/elf-writer.ts';

const code = Uint8Array.from([0x13, 0, 0, 0, 0x73, 0, 0, 0]);
const BAD = { ok: false, error: RvosError.BadExecutable };

function image(segments: ElfSegmentSpec[], entry = 0x1_0000n): Uint8Array {
  return writeElf({ entry, segments });
}

describe('planElfImage', () => {
  it('plans page runs with W^X permissions and the copies of file bytes', () => {
    const r = planElfImage(image([
      { vaddr: 0x1_0000n, data: new Uint8Array(0x1800), flags: PF_R | PF_X },
      { vaddr: 0x1_2010n, data: Uint8Array.of(1, 2, 3), memsz: 0x2000n, flags: PF_R | PF_W },
    ]), 100);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.entry).toBe(0x1_0000);
    expect(r.value.runs).toEqual([
      { start: 0x1_0000, pages: 2, flags: Pte.R | Pte.X },
      { start: 0x1_2000, pages: 3, flags: Pte.R | Pte.W },
    ]);
    expect(r.value.copies.map((c) => [c.va, c.len])).toEqual([[0x1_0000, 0x1800], [0x1_2010, 3]]);
  });

  it('merges segments sharing a page, and refuses a page that ends up writable and executable', () => {
    const shared = planElfImage(image([
      { vaddr: 0x1_0000n, data: code, flags: PF_R | PF_X },
      { vaddr: 0x1_0800n, data: code, flags: PF_R },
    ]), 100);
    expect(shared.ok && shared.value.runs).toEqual([{ start: 0x1_0000, pages: 1, flags: Pte.R | Pte.X }]);
    expect(planElfImage(image([
      { vaddr: 0x1_0000n, data: code, flags: PF_R | PF_X },
      { vaddr: 0x1_0800n, data: code, flags: PF_R | PF_W },
    ]), 100)).toEqual(BAD);
    expect(planElfImage(image([{ vaddr: 0x1_0000n, data: code, flags: PF_R | PF_W | PF_X }]), 100)).toEqual(BAD);
  });

  it('refuses malformed files, overlaps, segments outside the image area and a bad entry', () => {
    expect(planElfImage(new Uint8Array(10), 100)).toEqual(BAD);
    expect(planElfImage(image([{ vaddr: 0x1_0000n, data: code, flags: PF_R | PF_X }]).subarray(0, 100), 100)).toEqual(BAD);
    expect(planElfImage(image([
      { vaddr: 0x1_0000n, data: code, flags: PF_R | PF_X },
      { vaddr: 0x1_0004n, data: code, flags: PF_R },
    ]), 100)).toEqual(BAD);
    expect(planElfImage(image([{ vaddr: 0x8000n, data: code, flags: PF_R | PF_X }], 0x8000n), 100)).toEqual(BAD);
    expect(planElfImage(image([{ vaddr: BigInt(MMAP_BASE) - 4n, data: code, flags: PF_R | PF_X }], BigInt(MMAP_BASE) - 4n), 100)).toEqual(BAD);
    expect(planElfImage(image([{ vaddr: 0xffff_ffff_ffff_f000n, data: code, flags: PF_R | PF_X }], 0xffff_ffff_ffff_f000n), 100)).toEqual(BAD);
    expect(planElfImage(image([{ vaddr: 0x1_0000n, data: code, flags: PF_R | PF_X }], 0x2_0000n), 100)).toEqual(BAD); // entry unmapped
    expect(planElfImage(image([{ vaddr: 0x1_0000n, data: code, flags: PF_R }]), 100)).toEqual(BAD); // entry not executable
    expect(planElfImage(writeElf({ entry: 0x1_0000n, segments: [] }), 100)).toEqual(BAD);
  });

  it('answers NoMemory before planning an image larger than the pages available', () => {
    const huge = image([{ vaddr: 0x1_0000n, data: code, memsz: 0x1f_0000_0000n, flags: PF_R | PF_X }]);
    expect(planElfImage(huge, 1000)).toEqual({ ok: false, error: RvosError.NoMemory });
  });
});
