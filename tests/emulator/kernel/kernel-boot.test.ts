// The kernel runs real U-mode ELF programs on the real hart: debug_write goes
// to the console, exit ends the process, run() reports 'exited' when no user
// process is left.

import { describe, expect, it } from 'vitest';
import { bootTestKernel, debugWrite, exit, spawnDetached, userProgram } from './proc/user-program.ts';

const HELLO = userProgram(`${debugWrite('msg', 14)}${exit(0)}
  .data
msg: .ascii "hello, rvos!\\n\\n"
`);

describe('kernel boot', () => {
  it('runs a user program that writes to the console and exits', async () => {
    const { kernel, console } = await bootTestKernel();
    const pid = spawnDetached(kernel, 'hello', HELLO);
    expect(pid).toBe(1);
    const result = kernel.run(1_000_000);
    expect(result.reason).toBe('exited');
    expect(console()).toBe('hello, rvos!\n\n');
    expect(kernel.processes.count).toBe(0);
  });
});

describe('kernel service tasks', () => {
  it('steps a service when runnable, parks it idle afterwards, and wakes it with console input', async () => {
    const { kernel } = await bootTestKernel();
    const seen: number[] = [];
    const pid = kernel.startService('echo', {
      step(k, self) {
        seen.push(...k.consoleInput.bytes.splice(0));
        k.consoleInput.waiters.push(self.pid);
      },
    });
    if (!pid.ok) throw new Error('startService');
    // A user task blocked in chan_recv_blocking on its boot channel (the kernel keeps the other end open).
    const waiter = kernel.spawn('waiter', userProgram('  li t0, 2048\n  sub sp, sp, t0\n  li a0, 0\n  mv a1, sp\n  sys 204\n  ebreak\n'));
    expect(waiter.ok).toBe(true);
    expect(kernel.run(10_000).reason).toBe('idle');
    expect(kernel.processes.get(pid.value)!.block).toEqual({ kind: 'idle' });
    kernel.pushConsoleInput([104, 105]);
    expect(kernel.processes.get(pid.value)!.state).toBe('runnable');
    kernel.run(10_000);
    expect(seen).toEqual([104, 105]);
  });

  it('logs an exception thrown by a service and keeps running', async () => {
    const { kernel, console } = await bootTestKernel();
    kernel.startService('broken', { step() { throw new Error('oops'); } });
    spawnDetached(kernel, 'hello', HELLO);
    expect(kernel.run(100_000).reason).toBe('exited');
    expect(console()).toBe('kernel: kernel bug in service broken (pid 1): Error: oops\nhello, rvos!\n\n');
  });
});
