// Seed section 5, rows "Mmap regions", "Physical frames", "SHM regions" and
// "Page table pages": a user program on the hart drives each to its limit
// through ecall and gets NoMemory / TooManyRegions / TooManyShm (the seed
// panicked in six frame-allocation callers and on page-table pages); every
// failed call is rolled back, the kernel keeps working, and after the program
// exits SYS_MEMINFO's counts are back at the baseline. RAM is 16 MiB.

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { MemInfoLayout } from '../../../../emulator/kernel/abi/message.ts';
import { Syscall as S } from '../../../../emulator/kernel/abi/syscall-numbers.ts';
import { bootTestKernel, exit, userProgram } from '../proc/user-program.ts';
import { counts, expectKernelWorks, EXIT_S1, FILL_FRAMES, Hog, PAUSE, RAM_MIB, untilFailure } from './exhaustion-kit.ts';

/** Guest code: SYS_MEMINFO into sp - 12 KiB, framesFree into register `reg`. */
function framesFreeInto(reg: string): string {
  return `  li t0, 12288\n  sub a0, sp, t0\n  sys ${S.MemInfo}\n  li t0, 12288\n  sub t1, sp, t0\n  ld ${reg}, ${MemInfoLayout.framesFree}(t1)\n`;
}

describe('exhaustion: memory resources (seed section 5)', () => {
  it('row "Mmap regions" (256): TooManyRegions for mmap and for a munmap that would split; a region again after one munmap', async () => {
    const { kernel } = await bootTestKernel({}, RAM_MIB);
    const baseline = counts(kernel);
    const hog = Hog.spawn(kernel, 'mmaps', `  li a0, 12288
  li a1, 3
  sys ${S.Mmap}
  mv s9, a1
${untilFailure(`  li a0, 4096\n  li a1, 3\n  sys ${S.Mmap}`, '  mv s3, a1', 1000)}  li t0, 4096
  add a0, s9, t0
  li a1, 4096
  sys ${S.Munmap}
  mv s4, a0
${PAUSE}  mv a0, s3
  li a1, 4096
  sys ${S.Munmap}
  li a0, 4096
  li a1, 3
  sys ${S.Mmap}
  mv s5, a0
${PAUSE}${EXIT_S1}`);
    const [made, error, , splitError] = hog.runToPause();
    expect(error).toBe(RvosError.TooManyRegions);
    expect(made).toBe(kernel.limits.mmapRegions - 1); // plus the 3-page region
    expect(splitError, 'munmap of a middle page at the limit').toBe(RvosError.TooManyRegions);
    expect(counts(kernel).mmapRegions).toBe(256);
    hog.resume();
    expect(hog.runToPause()[4], 'mmap after one munmap').toBe(RvosError.Ok);
    hog.resume();
    expect(hog.finish()).toBe(made);
    expect(counts(kernel)).toEqual(baseline);
    expectKernelWorks(kernel, baseline);
  });

  it('row "Physical frames": NoMemory once every frame is taken; calls that need no frame still work; frames again after munmap', async () => {
    const { kernel } = await bootTestKernel({}, RAM_MIB);
    const baseline = counts(kernel);
    expect(baseline.framesTotal).toBe((RAM_MIB << 20) / 4096);
    const hog = Hog.spawn(kernel, 'frames', `${FILL_FRAMES}  sys ${S.ChanCreate}
  mv s6, a0
${PAUSE}  mv a0, s3
  mv a1, s4
  sys ${S.Munmap}
  mv a0, s4
  li a1, 3
  sys ${S.Mmap}
  mv s7, a0
${PAUSE}${EXIT_S1}`);
    const [regions, error, , , , chanError] = hog.runToPause();
    expect(error).toBe(RvosError.NoMemory);
    expect(regions).toBeGreaterThan(10);
    expect(counts(kernel).framesFree, 'at most one frame left (a page-table page may be missing)').toBeLessThanOrEqual(1);
    expect(chanError, 'chan_create needs no frame').toBe(RvosError.Ok);
    const atLimit = counts(kernel);
    expect(kernel.spawn('late', userProgram(exit(0)))).toEqual({ ok: false, error: RvosError.NoMemory });
    expect(counts(kernel)).toEqual(atLimit);
    hog.resume();
    expect(hog.runToPause()[6], 'mmap after munmap').toBe(RvosError.Ok);
    hog.resume();
    expect(hog.finish()).toBe(regions);
    expect(counts(kernel)).toEqual(baseline);
    expectKernelWorks(kernel, baseline);
  });

  it('row "Page table pages": a mapping whose page-table page does not fit fails with NoMemory and is rolled back', async () => {
    const { kernel } = await bootTestKernel({}, RAM_MIB);
    const baseline = counts(kernel);
    // 2 MiB mmap chunks (each fills one leaf table) until NoMemory; a 1-page SHM
    // reserve, then SHM regions (no page tables) take every other frame; closing
    // the reserve leaves exactly one frame: enough for a page, not for the new
    // leaf table the next mmap needs.
    const hog = Hog.spawn(kernel, 'tables', `  li a0, 4096
  sys ${S.ShmCreate}
  mv s10, a1
${untilFailure(`  li a0, 0x200000\n  li a1, 3\n  sys ${S.Mmap}`, '  mv s3, a1', 100)}  li s5, 0x100000
4:
  mv a0, s5
  sys ${S.ShmCreate}
  beqz a0, 4b
  srli s5, s5, 1
  li t0, 4096
  bge s5, t0, 4b
  mv a0, s10
  sys ${S.HandleClose}
${framesFreeInto('s7')}  li a0, 4096
  li a1, 3
  sys ${S.Mmap}
  mv s8, a0
${framesFreeInto('s9')}${PAUSE}  mv a0, s3
  li a1, 0x200000
  sys ${S.Munmap}
  li a0, 4096
  li a1, 3
  sys ${S.Mmap}
  mv s11, a0
${PAUSE}${EXIT_S1}`);
    const regs = hog.runToPause();
    expect(regs[1], 'the 2 MiB chunks end with NoMemory').toBe(RvosError.NoMemory);
    expect(regs[0]).toBeGreaterThan(3);
    expect(regs[6], 'frames free before the mmap').toBe(1);
    expect(regs[7], 'mmap needing a leaf table').toBe(RvosError.NoMemory);
    expect(regs[8], 'frames free after the failed mmap (rolled back)').toBe(1);
    hog.resume();
    expect(hog.runToPause()[10], 'mmap once memory is back').toBe(RvosError.Ok);
    hog.resume();
    expect(hog.finish()).toBe(regs[0]);
    expect(counts(kernel)).toEqual(baseline);
    expectKernelWorks(kernel, baseline);
  });

  it('row "SHM regions" (32): TooManyShm; a closed but mapped region still counts until it is unmapped', async () => {
    const { kernel } = await bootTestKernel({ limits: { handlesPerProcess: 64 } }, RAM_MIB);
    const baseline = counts(kernel);
    const hog = Hog.spawn(kernel, 'shm', `${untilFailure(`  li a0, 4096\n  sys ${S.ShmCreate}`, '  mv s3, a1', 1000)}  mv a0, s3
  li a1, 3
  sys ${S.ShmMap}
  mv s4, a0
  mv s5, a1
${PAUSE}  mv a0, s3
  sys ${S.HandleClose}
  li a0, 4096
  sys ${S.ShmCreate}
  mv s6, a0
  mv a0, s5
  sys ${S.ShmUnmap}
  li a0, 4096
  sys ${S.ShmCreate}
  mv s7, a0
${PAUSE}${EXIT_S1}`);
    const [made, error, , mapError] = hog.runToPause();
    expect(error).toBe(RvosError.TooManyShm);
    expect(made).toBe(kernel.limits.shmRegions);
    expect(mapError, 'shm_map at the limit').toBe(RvosError.Ok);
    expect(counts(kernel)).toMatchObject({ shmRegions: 32, handles: 33 });
    hog.resume();
    const regs = hog.runToPause();
    expect(regs[5], 'closed but still mapped: the region stays').toBe(RvosError.TooManyShm);
    expect(regs[6], 'after shm_unmap').toBe(RvosError.Ok);
    hog.resume();
    expect(hog.finish()).toBe(made);
    expect(counts(kernel)).toEqual(baseline);
    expectKernelWorks(kernel, baseline);
  });
});
