// Proves the page tables are what the hart expects: a real U-mode program,
// assembled and linked at 0x10000 with our toolchain and loaded by
// AddressSpace.loadElf, runs on the real hart (host-trap mode, satp = the
// space's table): stack, image data and mmap memory work; stores to read-only
// memory and to the guard page, loads from unmapped memory and fetches from
// non-executable memory trap with the right cause and tval; munmap takes
// effect at once (the hart's TLB is flushed).

import { describe, expect, it } from 'vitest';
import { ExitReason, Privilege } from '../../../../emulator/hart/hart.ts';
import { Prot } from '../../../../emulator/kernel/abi/handles.ts';
import { MMAP_BASE, PAGE_SIZE } from '../../../../emulator/kernel/mm/memory-layout.ts';
import { assembleToElf } from '../../../../emulator/toolchain/asm/assembler.ts';
import { link } from '../../../../emulator/toolchain/link/linker.ts';
import { makeMm, mmContext, newSpace } from './mm-fixture.ts';

const SOURCE = `
  .text
  .globl _start
_start:
  li t0, 0x1234
  sd t0, -8(sp)          # stack
  ld t1, -8(sp)
  sd t1, 0(a0)           # mmap, read-write
  la t2, value
  ld t3, 0(t2)           # image data
  add t1, t1, t3
  sd t1, 8(a0)
  ecall                  # 1: syscall, cause 8
  sd t0, 0(a1)           # 2: read-only mmap, cause 15
  sd t0, -8(a2)          # 3: guard page below the stack, cause 15
  ld t0, 0(a3)           # 4: unmapped, cause 13
  jr a0                  # 5: fetch from non-executable memory, cause 12
  sd t0, 0(a0)           # 6: after munmap (the write TLB held this page), cause 15
  .data
value: .dword 0x1000
`;

function buildProgram(): Uint8Array {
  const object = assembleToElf(SOURCE, 'user.s', { rvc: false });
  if (object.bytes === undefined) throw new Error(object.diagnostics.map((d) => d.message).join('\n'));
  const linked = link([{ name: 'user.o', bytes: object.bytes }], { textBase: 0x1_0000n, stackSize: 0n });
  if (linked.elf === undefined) throw new Error(linked.diagnostics.map((d) => d.message).join('\n'));
  return linked.elf;
}

describe('user mode on the real hart', () => {
  it('runs through the kernel page tables and traps exactly where the mappings say', async () => {
    const mm = mmContext(await makeMm({ ramKiB: 2048 }));
    const space = newSpace(mm);
    const loaded = space.loadElf(mm, buildProgram());
    const stack = space.createStack(mm, 2);
    const rw = space.mmap(mm, PAGE_SIZE, Prot.Read | Prot.Write);
    const ro = space.mmap(mm, PAGE_SIZE, Prot.Read);
    if (!loaded.ok || !stack.ok || !rw.ok || !ro.ok) throw new Error('setup failed');
    const guardTop = stack.value.top - 2 * PAGE_SIZE; // the guard page lies just below
    const { hart } = mm;
    hart.setHostTrapMode(true);
    hart.setCsr(0x180, space.table.satp());
    hart.flushTlb();
    hart.setPrivilege(Privilege.User);
    hart.setPc(BigInt(loaded.value.entry));
    hart.setX(2, BigInt(stack.value.top));
    [rw.value, ro.value, guardTop, 0x3000_0000].forEach((v, i) => hart.setX(10 + i, BigInt(v)));

    let resume = 0n;
    /** Runs to the next host trap and resumes after the trapping instruction (after the jr for a fetch fault). */
    const trap = () => {
      expect(hart.run(1000)).toBe(ExitReason.HostTrap);
      const result = [hart.trapCause(), hart.trapValue()];
      resume = result[0] === 12n ? resume + 4n : hart.getPc() + 4n;
      hart.setPc(resume);
      return result;
    };
    expect(trap()[0]).toBe(8n);
    const user = space.user(mm.mem);
    expect(user.readU64(rw.value)).toEqual({ ok: true, value: 0x1234n });
    expect(user.readU64(rw.value + 8)).toEqual({ ok: true, value: 0x2234n });
    expect(user.readU64(stack.value.top - 8)).toEqual({ ok: true, value: 0x1234n });
    expect(trap()).toEqual([15n, BigInt(ro.value)]);
    expect(trap()).toEqual([15n, BigInt(guardTop - 8)]);
    expect(trap()).toEqual([13n, 0x3000_0000n]);
    expect(trap()).toEqual([12n, BigInt(MMAP_BASE)]);
    expect(user.readU64(ro.value)).toEqual({ ok: true, value: 0n }); // the refused store left no trace
    expect(space.munmap(mm, rw.value, PAGE_SIZE).ok).toBe(true);
    expect(trap()).toEqual([15n, BigInt(rw.value)]);
  });
});
