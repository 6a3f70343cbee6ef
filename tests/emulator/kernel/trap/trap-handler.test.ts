// The trap path on the real hart: faults (page fault at 0, illegal
// instruction, store to read-only text, jump to an unmapped address, stack
// overflow into the guard page, ebreak) kill only the faulting process with
// EXIT_FAULT and one kernel log line; other processes keep running; syscall
// results land in a0/a1 and pc moves past the ecall.

import { describe, expect, it } from 'vitest';
import { EXIT_FAULT, HandleKind, Right } from '../../../../emulator/kernel/abi/handles.ts';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { ProcState } from '../../../../emulator/kernel/proc/process.ts';
import { bootTestKernel, debugWrite, exit, spawnDetached, userProgram } from '../proc/user-program.ts';

const SURVIVOR = userProgram(`${debugWrite('msg', 3)}${exit(0)}
  .data
msg: .ascii "ok\\n"
`);

async function runFaulty(name: string, body: string) {
  const t = await bootTestKernel();
  const pid = spawnDetached(t.kernel, name, userProgram(body));
  t.kernel.processes.retain(pid);
  spawnDetached(t.kernel, 'survivor', SURVIVOR);
  const result = t.kernel.run(1_000_000);
  return { ...t, result, p: t.kernel.processes.get(pid)! };
}

describe('trap handler', () => {
  it.each([
    ['load page fault at address 0', '  li t0, 0\n  ld t1, 0(t0)\n', /pid 1 \(crash\): load page fault at 0x0 pc 0x1000[0-9a-f]\n/],
    ['illegal instruction', '  .word 0\n', /pid 1 \(crash\): illegal instruction at 0x0 pc 0x10000\n/],
    ['store into its own text', '  la t0, _start\n  sw zero, 0(t0)\n', /store\/AMO page fault at 0x10000 pc 0x10008/],
    ['jump to an unmapped address', '  li t0, 0x123456000\n  jr t0\n', /instruction page fault at 0x123456000 pc 0x123456000/],
    ['stack overflow into the guard page', '  li t1, 4096\n1:\n  sub sp, sp, t1\n  sd zero, 0(sp)\n  j 1b\n', /store\/AMO page fault at 0x3ffffee000 pc 0x1000[0-9a-f]/],
    ['ebreak', '  ebreak\n', /breakpoint at 0x10000 pc 0x10000/],
  ])('kills the process on %s and keeps the kernel running', async (_name, body, logLine) => {
    const { result, p, console } = await runFaulty('crash', body);
    expect(result.reason).toBe('exited');
    expect(p.state).toBe(ProcState.Zombie);
    expect(p.exitStatus).toBe(EXIT_FAULT);
    expect(console()).toMatch(logLine);
    expect(console()).toContain('ok\n');
  });

  it('writes a0 = error, a1 = value and continues after the ecall', async () => {
    const { p } = await runFaulty('regs', `
  sys 172
  mv s0, a0
  mv s1, a1
  li a7, 9999
  ecall
  mv s2, a0
  ebreak
`);
    expect(p.context.x[8]).toBe(0n);
    expect(p.context.x[9]).toBe(1n);
    expect(p.context.x[18]).toBe(BigInt(RvosError.BadSyscall));
    expect(p.syscalls).toBe(2);
  });

  it('frees every frame of a faulting process', async () => {
    const t = await bootTestKernel();
    const free = t.kernel.frames.freeCount;
    spawnDetached(t.kernel, 'crash', userProgram('  li t0, 0\n  ld t1, 0(t0)\n'));
    expect(t.kernel.frames.freeCount).toBeLessThan(free);
    t.kernel.run(1000);
    expect(t.kernel.frames.freeCount).toBe(free);
    expect(t.kernel.processes.count).toBe(0);
  });
});

describe('user-mode counters', () => {
  it('lets user code read time, cycle and instret (virtual, deterministic)', async () => {
    const { p, console } = await runFaulty('counters', `
  li a0, 100000
  sys 101
  rdtime s0
  rdcycle s1
  rdinstret s2
  ebreak
`);
    expect(console()).toMatch(/counters\): breakpoint/);
    expect(p.context.x[8]).toBeGreaterThanOrEqual(1000n);
    expect(p.context.x[9]).toBeGreaterThan(0n);
    expect(p.context.x[18]).toBeGreaterThan(0n);
  });
});

describe('kernel bugs on the trap path', () => {
  it('end only the task that was running and are logged', async () => {
    const t = await bootTestKernel();
    const pid = spawnDetached(t.kernel, 'victim', userProgram('  li t0, 0\n  ld t1, 0(t0)\n'));
    // A process handle without a reference: releasing it at exit throws KernelBug.
    t.kernel.processes.get(pid)!.handles!.install({ kind: HandleKind.Process, objectId: 4242, rights: Right.Wait });
    spawnDetached(t.kernel, 'survivor', SURVIVOR);
    expect(t.kernel.run(100_000).reason).toBe('exited');
    expect(t.console()).toMatch(/kernel: kernel bug while running pid 1 \(victim\): KernelBug: .*\nok\n$/);
  });
});
