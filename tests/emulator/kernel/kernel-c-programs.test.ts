// The kernel core with real C programs (fixtures/userland/programs, built by
// our toolchain through the host's guest build): hello started by init from
// the boot image prints through init's stdio and the console service and
// exits 0; several instances run side by side and leave no frame, handle,
// channel or process behind.

import { describe, expect, it } from 'vitest';
import { buildGuestProgram } from '../../../emulator/host/guest-programs.ts';
import { bootSystem, lastExit } from '../../../emulator/kernel/system/boot.ts';
import { memInfoCounts } from '../../../emulator/kernel/syscall/misc.ts';

const hello = buildGuestProgram('hello');

function encodeArgv(argv: string[] | undefined): Uint8Array | undefined {
  return argv === undefined ? undefined : new TextEncoder().encode(argv.map((a) => `${a}\0`).join(''));
}

async function bootHello(copies: number, argv?: string[]) {
  const chunks: string[] = [];
  const decoder = new TextDecoder();
  const kernel = await bootSystem(
    { programs: [{ path: hello.path, elf: hello.elf }] },
    { machine: { ramSize: 32 << 20 }, start: Array.from({ length: copies }, () => ({ path: hello.path, argv: encodeArgv(argv) })), consoleOutput: (b) => chunks.push(decoder.decode(b)) },
  );
  return { kernel, console: () => chunks.join('') };
}

describe('C programs on the kernel', () => {
  it('runs hello through init, stdio and the console service', async () => {
    const { kernel, console } = await bootHello(1);
    const before = memInfoCounts(kernel);
    expect(kernel.run(20_000_000).reason).toBe('exited');
    expect(console()).toMatch(/^Hello from rvos! \(pid 8\)\n$/);
    expect(lastExit(kernel, 'hello')?.status).toBe(0);
    expect(memInfoCounts(kernel)).toMatchObject({ processes: before.processes, framesFree: before.framesFree });
  });

  it('passes boot arguments through BootInfo', async () => {
    const { kernel, console } = await bootHello(1, ['hello', 'one', 'two words']);
    expect(kernel.run(20_000_000).reason).toBe('exited');
    expect(console()).toMatch(/^Hello from rvos! \(pid 8\)\narg 1: one\narg 2: two words\n$/);
  });

  it('runs eight instances side by side without leaks', async () => {
    const { kernel, console } = await bootHello(8);
    const before = memInfoCounts(kernel);
    expect(kernel.run(100_000_000).reason).toBe('exited');
    expect(console().match(/Hello from rvos!/g)?.length).toBe(8);
    expect(kernel.exits.map((e) => e.status)).toEqual(Array<number>(8).fill(0));
    const after = memInfoCounts(kernel);
    expect(after.framesFree).toBe(before.framesFree);
    expect(after.processes).toBe(before.processes);
    expect(after.handles).toBe(before.handles);
    expect(after.channels).toBe(before.channels);
  });
});
