// Random syscalls from a real user program on the hart: a xorshift generator
// picks the syscall (the ABI's numbers but exit and the calls that may wait
// forever; sleep stays: idle skip jumps over any deadline) and fills a0-a5
// with random 64-bit values, small handles and pointers into the stack. The
// kernel must answer every call without a kernel bug, and the program's
// resources must all be freed when it ends.

import { describe, expect, it } from 'vitest';
import { Syscall } from '../../../../emulator/kernel/abi/syscall-numbers.ts';
import { memInfoCounts } from '../../../../emulator/kernel/syscall/misc.ts';
import { bootTestKernel, exit, spawnDetached, userProgram } from '../proc/user-program.ts';

/** Every syscall but exit and the three that may wait forever (a random recv on a channel of its own). */
const FOREVER: readonly number[] = [Syscall.Exit, Syscall.ChanRecvBlocking, Syscall.ChanSendBlocking, Syscall.WaitMany];
const NUMBERS = Object.values(Syscall).filter((n) => !FOREVER.includes(n));

/** `calls` random syscalls; s0 = generator state, s1 = counter, s2 = table. */
function fuzzer(seed: number, calls: number): Uint8Array {
  return userProgram(`
  li s0, ${seed}
  li s1, ${calls}
  la s2, numbers
  li t0, 4096
  sub sp, sp, t0
1:
  slli t0, s0, 13
  xor s0, s0, t0
  srli t0, s0, 7
  xor s0, s0, t0
  slli t0, s0, 17
  xor s0, s0, t0
  li t1, ${NUMBERS.length}
  remu t2, s0, t1
  slli t2, t2, 3
  add t2, t2, s2
  ld a7, 0(t2)
  andi a0, s0, 7
  srli t0, s0, 3
  andi t0, t0, 1
  beqz t0, 2f
  mv a0, s0
2:
  mv a1, sp
  srli t0, s0, 5
  andi t0, t0, 1
  beqz t0, 3f
  srli a1, s0, 9
3:
  andi a2, s0, 0x3ff
  srli a3, s0, 20
  mv a4, s0
  not a5, s0
  ecall
  addi s1, s1, -1
  bnez s1, 1b
${exit(0)}
  .data
  .balign 8
numbers:
${NUMBERS.map((n) => `  .dword ${n}`).join('\n')}
`);
}

describe('random syscalls on the hart', () => {
  it.each([1, 77, 4242])('answers every call and frees everything (seed %i)', async (seed) => {
    const { kernel, console } = await bootTestKernel();
    const initial = memInfoCounts(kernel);
    const pid = spawnDetached(kernel, 'fuzz', fuzzer(seed, 400));
    kernel.processes.retain(pid);
    expect(kernel.run(5_000_000).reason).toBe('exited');
    kernel.machine.flushConsole();
    expect(console()).not.toContain('kernel bug');
    const p = kernel.processes.get(pid)!;
    expect(p.exitStatus).toBe(0);
    expect(p.syscalls).toBeGreaterThanOrEqual(401); // 400 calls and exit, plus sleep retries
    kernel.processes.release(pid);
    expect(memInfoCounts(kernel)).toEqual(initial);
  });
});
