// bootSystem (the CLI's entry point): init and the named services start as
// service tasks, init launches the boot programs from the BootImage (with
// BootInfo on their boot channel), their exits are recorded, and run()
// reports 'exited' once no user process is left.

import { describe, expect, it } from 'vitest';
import { WireTag } from '../../../emulator/kernel/abi/wire-tags.ts';
import { bootSystem, lastExit } from '../../../emulator/kernel/system/boot.ts';
import { memInfoCounts } from '../../../emulator/kernel/syscall/misc.ts';
import { debugWrite, exit, userProgram } from './proc/user-program.ts';

/** Receives BootInfo (chan_recv_blocking on handle 0 into the stack), prints, exits with the wire tag. */
const GREETER = userProgram(`
  li t0, 2048
  sub sp, sp, t0
  li a0, 0
  mv a1, sp
  sys 204
  bnez a0, 1f
${debugWrite('msg', 6)}
  lhu a0, 48(sp)
  sys 93
1:
${exit(99)}
  .data
msg: .ascii "hello\\n"
`);

async function boot(start: string[]) {
  const chunks: string[] = [];
  const decoder = new TextDecoder();
  const kernel = await bootSystem(
    { programs: [{ path: '/bin/greeter', elf: GREETER }, { path: '/bin/other', elf: userProgram(exit(3)) }] },
    { machine: { ramSize: 16 << 20 }, start, consoleOutput: (b) => chunks.push(decoder.decode(b)) },
  );
  return { kernel, console: () => chunks.join('') };
}

describe('bootSystem', () => {
  it('starts init and the named services as service tasks', async () => {
    const { kernel } = await boot([]);
    expect(kernel.processes.list().map((p) => [p.name, p.kind])).toEqual([
      ['init', 'service'], ['console', 'service'], ['sysinfo', 'service'], ['math', 'service'],
      ['gpu', 'service'], ['kbd', 'service'], ['mouse', 'service'],
    ]);
    expect(kernel.run(1000).reason).toBe('exited');
  });

  it('launches the boot programs in order with BootInfo and records their exits', async () => {
    const { kernel, console } = await boot(['/bin/greeter', '/bin/other']);
    const result = kernel.run(1_000_000);
    expect(result.reason).toBe('exited');
    expect(console()).toBe('hello\n');
    expect(lastExit(kernel, 'greeter')?.status).toBe(WireTag.BootInfo);
    expect(lastExit(kernel, 'other')?.status).toBe(3);
    expect(memInfoCounts(kernel)).toMatchObject({ processes: 7 });
  });
});
