// The memory syscalls (mmap, munmap, shm_create, shm_map, shm_unmap): handlers
// called on a real kernel's process (argument checks, handle rights, limits,
// rollback without leaks), and real U-mode programs using them through ecall.

import { describe, expect, it } from 'vitest';
import { RvosError, type RvosErrorCode } from '../../../../emulator/kernel/abi/errors.ts';
import { DEFAULT_RIGHTS, HandleKind, Prot, Right } from '../../../../emulator/kernel/abi/handles.ts';
import { Syscall } from '../../../../emulator/kernel/abi/syscall-numbers.ts';
import type { Kernel } from '../../../../emulator/kernel/system/kernel.ts';
import { MMAP_BASE, PAGE_SIZE } from '../../../../emulator/kernel/mm/memory-layout.ts';
import type { Process } from '../../../../emulator/kernel/proc/process.ts';
import { memSyscalls } from '../../../../emulator/kernel/syscall/mem.ts';
import type { SyscallOutcome } from '../../../../emulator/kernel/syscall/syscall-types.ts';
import { bootTestKernel, debugWrite, exit, spawnDetached, userProgram } from '../proc/user-program.ts';

const IDLE = userProgram(exit(0));

async function setup(limits = {}): Promise<{ kernel: Kernel; p: Process; call: (n: number, ...a: (number | bigint)[]) => SyscallOutcome }> {
  const { kernel } = await bootTestKernel({ limits });
  const p = kernel.processes.get(spawnDetached(kernel, 'mem', IDLE))!;
  const call = (n: number, ...a: (number | bigint)[]): SyscallOutcome => {
    const raw = [0, 1, 2, 3, 4, 5].map((i) => BigInt(a[i] ?? 0)) as [bigint, bigint, bigint, bigint, bigint, bigint];
    return memSyscalls[n]!(kernel, p, { raw });
  };
  return { kernel, p, call };
}

const err = (error: RvosErrorCode): SyscallOutcome => ({ kind: 'return', error });
const okv = (...values: number[]): SyscallOutcome => ({ kind: 'return', error: 0, values });

describe('memory syscalls (handlers)', () => {
  it('mmap and munmap map and free whole pages; bad or oversized arguments are refused', async () => {
    const { kernel, p, call } = await setup();
    const free = kernel.frames.freeCount;
    expect(call(Syscall.Mmap, 3 * PAGE_SIZE, Prot.Read | Prot.Write)).toEqual(okv(MMAP_BASE));
    expect(p.space!.user(kernel.mem).writeU64(MMAP_BASE + 2 * PAGE_SIZE, 5n).ok).toBe(true);
    expect(call(Syscall.Mmap, 1n << 63n, Prot.Read)).toEqual(err(RvosError.InvalidArgument));
    expect(call(Syscall.Mmap, PAGE_SIZE, 1n << 40n)).toEqual(err(RvosError.InvalidArgument));
    expect(call(Syscall.Mmap, 1n << 50n, Prot.Read)).toEqual(err(RvosError.NoMemory));
    expect(call(Syscall.Munmap, MMAP_BASE, (1n << 64n) - 1n)).toEqual(err(RvosError.InvalidArgument));
    expect(call(Syscall.Munmap, MMAP_BASE, 3 * PAGE_SIZE)).toEqual(okv());
    expect(kernel.frames.freeCount).toBe(free);
  });

  it('mmap answers NoMemory when frames run out and leaks nothing', async () => {
    const { kernel, call } = await setup();
    const ballast: number[] = [];
    while (kernel.frames.freeCount > 3) ballast.push(kernel.frames.alloc()!);
    expect(call(Syscall.Mmap, 3 * PAGE_SIZE, Prot.Read)).toEqual(err(RvosError.NoMemory)); // 3 pages + 2 table pages
    expect(kernel.frames.freeCount).toBe(3);
    for (const f of ballast) kernel.frames.free(f);
    expect(call(Syscall.Mmap, 3 * PAGE_SIZE, Prot.Read).kind).toBe('return');
  });

  it('shm_create installs a handle with every shm right; shm_map needs Read, and Write for a writable map', async () => {
    const { kernel, p, call } = await setup();
    const created = call(Syscall.ShmCreate, PAGE_SIZE + 1);
    expect(created).toEqual(okv(1)); // handle 0 is the boot channel
    expect(p.handles!.get(1)).toEqual({ kind: HandleKind.Shm, objectId: 0, rights: DEFAULT_RIGHTS[HandleKind.Shm] });
    expect(call(Syscall.ShmMap, 1, Prot.Read | Prot.Write)).toEqual(okv(MMAP_BASE));
    const readOnly = p.handles!.install({ kind: HandleKind.Shm, objectId: 0, rights: Right.Read });
    kernel.objects.retain(HandleKind.Shm, 0);
    const noRights = p.handles!.install({ kind: HandleKind.Shm, objectId: 0, rights: Right.Transfer });
    kernel.objects.retain(HandleKind.Shm, 0);
    expect(call(Syscall.ShmMap, readOnly.ok ? readOnly.value : -1, Prot.Read | Prot.Write)).toEqual(err(RvosError.AccessDenied));
    expect(call(Syscall.ShmMap, noRights.ok ? noRights.value : -1, Prot.Read)).toEqual(err(RvosError.AccessDenied));
    expect(call(Syscall.ShmMap, readOnly.ok ? readOnly.value : -1, Prot.Read)).toEqual(okv(MMAP_BASE + 2 * PAGE_SIZE));
    expect(call(Syscall.ShmMap, 0, Prot.Read)).toEqual(err(RvosError.WrongType));
    expect(call(Syscall.ShmMap, 9, Prot.Read)).toEqual(err(RvosError.BadHandle));
    expect(call(Syscall.ShmMap, 1, 0)).toEqual(err(RvosError.InvalidArgument));
    expect(call(Syscall.ShmMap, 1, 4)).toEqual(err(RvosError.InvalidArgument));
    expect(call(Syscall.ShmMap, 1, 1n << 32n)).toEqual(err(RvosError.InvalidArgument)); // no 32-bit truncation
    expect(call(Syscall.ShmUnmap, MMAP_BASE + 1)).toEqual(err(RvosError.InvalidArgument));
    expect(call(Syscall.ShmUnmap, MMAP_BASE)).toEqual(okv());
    expect(call(Syscall.ShmCreate, 0)).toEqual(err(RvosError.InvalidArgument));
    expect(call(Syscall.ShmCreate, 1n << 60n)).toEqual(err(RvosError.InvalidArgument));
  });

  it('shm_create releases the new region when the handle table is full (no leak), and answers TooManyShm at the limit', async () => {
    const full = await setup();
    const free = full.kernel.frames.freeCount;
    for (let i = 1; i < full.kernel.limits.handlesPerProcess; i++) expect(full.call(Syscall.ShmCreate, 1).kind).toBe('return');
    expect(full.call(Syscall.ShmCreate, 1)).toEqual(err(RvosError.TooManyHandles));
    expect(full.kernel.shm.count).toBe(full.kernel.limits.handlesPerProcess - 1);
    expect(full.kernel.frames.freeCount).toBe(free - full.kernel.shm.count);

    const many = await setup({ handlesPerProcess: 64 });
    for (let i = 0; i < many.kernel.limits.shmRegions; i++) expect(many.call(Syscall.ShmCreate, 1)).toEqual(okv(i + 1));
    expect(many.call(Syscall.ShmCreate, 1)).toEqual(err(RvosError.TooManyShm));
    expect(many.p.handles!.count).toBe(1 + many.kernel.limits.shmRegions);
  });
});

describe('memory syscalls (user programs)', () => {
  it('a program maps, uses and unmaps anonymous and shared memory through ecall', async () => {
    const { kernel, console } = await bootTestKernel();
    const free = kernel.frames.freeCount;
    spawnDetached(kernel, 'memuser', userProgram(`
  li a0, 8192
  li a1, 3
  sys ${Syscall.Mmap}
  bnez a0, fail
  mv s0, a1
  li t0, 42
  li t2, 4096
  add t2, s0, t2
  sd t0, 0(t2)
  ld t1, 0(t2)
  bne t0, t1, fail
  mv a0, s0
  li a1, 8192
  sys ${Syscall.Munmap}
  bnez a0, fail
  li a0, 100
  sys ${Syscall.ShmCreate}
  bnez a0, fail
  mv a0, a1
  li a1, 3
  sys ${Syscall.ShmMap}
  bnez a0, fail
  mv s2, a1
  li t0, 7
  sd t0, 0(s2)
  mv a0, s2
  sys ${Syscall.ShmUnmap}
  bnez a0, fail
${debugWrite('good', 3)}${exit(0)}
fail:
${debugWrite('bad', 4)}${exit(1)}
  .data
good: .ascii "ok\\n"
bad: .ascii "bad\\n"
`));
    expect(kernel.run(1_000_000).reason).toBe('exited');
    expect(console()).toBe('ok\n');
    expect(kernel.frames.freeCount).toBe(free);
    expect(kernel.shm.count).toBe(0);
  });

  it('a store to memory the program unmapped is a page fault that ends the program', async () => {
    const { kernel, console } = await bootTestKernel();
    spawnDetached(kernel, 'stale', userProgram(`
  li a0, 4096
  li a1, 3
  sys ${Syscall.Mmap}
  mv s0, a1
  sd s0, 0(s0)
  mv a0, s0
  li a1, 4096
  sys ${Syscall.Munmap}
  sd s0, 0(s0)
${exit(0)}
`));
    expect(kernel.run(1_000_000).reason).toBe('exited');
    expect(console()).toMatch(/stale\): store\/AMO page fault at 0x2000000000/);
  });
});
