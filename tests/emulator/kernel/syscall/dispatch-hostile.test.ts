// Hostile arguments for every syscall of the ABI (huge, overflowing,
// negative-as-unsigned pointers, lengths, handles and counts): each call must
// come back as an outcome, never as a kernel bug (the dispatcher would log
// one), and leave the kernel's counts consistent.

import { describe, expect, it } from 'vitest';
import { Syscall } from '../../../../emulator/kernel/abi/syscall-numbers.ts';
import { STACK_TOP, USER_END } from '../../../../emulator/kernel/mm/memory-layout.ts';
import { ProcState } from '../../../../emulator/kernel/proc/process.ts';
import { dispatchSyscall } from '../../../../emulator/kernel/syscall/dispatch.ts';
import { bootTestKernel, exit, spawnDetached, userProgram } from '../proc/user-program.ts';

const VALUES = [
  0n, 1n, 4096n, (1n << 64n) - 1n, 1n << 63n, (1n << 63n) - 1n, BigInt(Number.MAX_SAFE_INTEGER) + 1n,
  BigInt(USER_END) - 1n, BigInt(USER_END), BigInt(STACK_TOP - 8), 0xffff_ffff_ffff_f000n, 0xffff_ffffn,
];

/** A deterministic pseudo-random sequence (xorshift32). */
function* randomIndexes(seed: number): Generator<number> {
  let x = seed;
  for (;;) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    yield (x >>> 0) % VALUES.length;
  }
}

describe('hostile syscall arguments', () => {
  it('never make a handler throw', async () => {
    const { kernel, console } = await bootTestKernel();
    const pid = spawnDetached(kernel, 'fuzz', userProgram(exit(0)));
    const p = kernel.processes.get(pid)!;
    const numbers = Object.values(Syscall).filter((n) => n !== Syscall.Exit);
    const pick = randomIndexes(12345);
    let calls = 0;
    for (const number of numbers) {
      for (let round = 0; round < 60; round++) {
        const raw = Array.from({ length: 6 }, () => VALUES[pick.next().value as number]!) as [bigint, bigint, bigint, bigint, bigint, bigint];
        if (number === Syscall.ProcKill) raw[0] = 0n; // handle 0 is the boot channel: WrongType, never a self-kill
        p.state = ProcState.Running;
        p.timeout = undefined;
        const outcome = dispatchSyscall(kernel, p, BigInt(number), { raw });
        calls++;
        expect(outcome.kind, `syscall ${number} args ${raw.join(',')}`).not.toBe('exited');
        if (outcome.kind === 'block') kernel.scheduler.wake(pid);
      }
    }
    kernel.machine.flushConsole();
    expect(console()).not.toContain('kernel bug');
    expect(calls).toBe(numbers.length * 60);
    expect(p.state).not.toBe(ProcState.Zombie);
  });
});
