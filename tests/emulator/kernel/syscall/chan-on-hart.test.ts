// End to end on the real hart: a U-mode program blocks in chan_recv_blocking
// on its boot channel (the ecall is retried when it is woken), echoes the
// message back with chan_send and exits; the test plays the kernel service
// side through OwnedEndpoint.

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { OwnedEndpoint } from '../../../../emulator/kernel/ipc/owned-endpoint.ts';
import { bootTestKernel, exit, userProgram } from '../proc/user-program.ts';

const ECHO = userProgram(`  li a0, 0
  la a1, msg
  sys 204
  bnez a0, 1f
  li a0, 0
  la a1, msg
  sys 201
1:
  sys 93
${exit(99)}
  .data
  .balign 8
msg:
  .zero 1072
`);

describe('channels on the hart', () => {
  it('a blocked chan_recv_blocking is woken by a service send and the program echoes the message', async () => {
    const { kernel } = await bootTestKernel();
    const spawned = kernel.spawn('echo', ECHO);
    if (!spawned.ok) throw new Error(`spawn: ${spawned.error}`);
    using boot = OwnedEndpoint.adopt(kernel, spawned.value.bootEndpoint);
    expect(kernel.run(100_000).reason).toBe('idle');
    expect(kernel.processes.get(spawned.value.pid)?.state).toBe('blocked');
    expect(boot.send({ sender: 0, data: Uint8Array.of(0x02, 0x03, 0xaa), caps: [] }).ok).toBe(true);
    expect(kernel.run(100_000).reason).toBe('exited');
    const got = boot.recv();
    if (!got.ok) throw new Error(`recv: ${got.error}`);
    using echoed = got.value;
    expect([...echoed.data]).toEqual([0x02, 0x03, 0xaa]);
    expect(echoed.sender).toBe(spawned.value.pid);
    expect(boot.recv()).toEqual({ ok: false, error: RvosError.PeerClosed });
  });
});
