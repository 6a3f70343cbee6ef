// The hart's TLB flush on a satp write invalidates only the entries filled
// since the previous flush (a log of up to 64, else the whole TLB): two user
// processes under the rvos kernel use the same virtual addresses for
// different frames and switch back and forth; neither may ever see the
// other's page through a stale entry, with few pages (the logged flush) and
// with many (the log overflows and the whole TLB is cleared).

import { describe, expect, it } from 'vitest';
import { Syscall as S } from '../../../emulator/kernel/abi/syscall-numbers.ts';
import { bootTestKernel, spawnDetached, userProgram } from '../kernel/proc/user-program.ts';

/** Maps `pages` pages, stores its pid in each, then 3 times: yield, check every page still holds its pid. Exits 0, or 1 on a wrong value. */
function checker(pages: number): Uint8Array {
  return userProgram(`  li a0, ${pages * 4096}
  li a1, 3
  sys ${S.Mmap}
  mv s3, a1
  sys ${S.GetPid}
  mv s5, a1
  li t2, 4096
  mv t0, s3
  li t1, ${pages}
1:
  sd s5, 0(t0)
  add t0, t0, t2
  addi t1, t1, -1
  bnez t1, 1b
  li s6, 3
2:
  sys ${S.Yield}
  li t2, 4096
  mv t0, s3
  li t1, ${pages}
3:
  ld t3, 0(t0)
  bne t3, s5, 9f
  add t0, t0, t2
  addi t1, t1, -1
  bnez t1, 3b
  addi s6, s6, -1
  bnez s6, 2b
  li a0, 0
  sys ${S.Exit}
9:
  li a0, 1
  sys ${S.Exit}`);
}

describe('TLB flush on satp writes', () => {
  it.each([4, 100])('keeps two address spaces with the same virtual pages apart (%i pages each)', async (pages) => {
    const { kernel } = await bootTestKernel();
    const elf = checker(pages);
    const pids = [spawnDetached(kernel, 'a', elf), spawnDetached(kernel, 'b', elf)];
    expect(kernel.run(10_000_000).reason).toBe('exited');
    expect(kernel.exits.filter((e) => pids.includes(e.pid)).map((e) => e.status)).toEqual([0, 0]);
    expect(kernel.scheduler.switches).toBeGreaterThanOrEqual(6);
  });
});
