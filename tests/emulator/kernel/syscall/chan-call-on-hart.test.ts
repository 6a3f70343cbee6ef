// chan_call / chan_reply_recv end to end on the real hart: a client makes N
// calls, a server answers each with the value plus one through
// chan_reply_recv. Every round trip is two syscalls (the direct handoff
// completes the blocked side's ecall: no restarts) and two context switches;
// the server sees PeerClosed when the client exits.

import { describe, expect, it } from 'vitest';
import { DEFAULT_RIGHTS, HandleKind } from '../../../../emulator/kernel/abi/handles.ts';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { Syscall } from '../../../../emulator/kernel/abi/syscall-numbers.ts';
import { checkInvariants } from '../../../../emulator/kernel/introspection/invariants.ts';
import type { Kernel } from '../../../../emulator/kernel/system/kernel.ts';
import { bootTestKernel, spawnDetached, userProgram } from '../proc/user-program.ts';

const CALLS = 50;
/** s7 = a struct rvos_msg one page below the stack top: len 8, no caps, data u64 = 0. */
const BUFFER = '  li t0, 4096\n  sub s7, sp, t0\n  li t1, 8\n  sw t1, 0(s7)\n  sw zero, 4(s7)\n  sd zero, 48(s7)\n';

const CLIENT = userProgram(`${BUFFER}  li s0, ${CALLS}
1:
  li a0, 1
  mv a1, s7
  mv a2, s7
  sys ${Syscall.ChanCall}
  bnez a0, 2f
  addi s0, s0, -1
  bnez s0, 1b
  ld a0, 48(s7)
  sys ${Syscall.Exit}
2:
  li a0, 90
  sys ${Syscall.Exit}
`);

const SERVER = userProgram(`${BUFFER}  li a0, 1
  mv a1, s7
  sys ${Syscall.ChanRecvBlocking}
  bnez a0, 2f
1:
  ld t0, 48(s7)
  addi t0, t0, 1
  sd t0, 48(s7)
  li a0, 1
  mv a1, s7
  mv a2, s7
  li a3, 1
  sys ${Syscall.ChanReplyRecv}
  beqz a0, 1b
  li t1, ${RvosError.PeerClosed}
  bne a0, t1, 2f
  li a0, 0
  sys ${Syscall.Exit}
2:
  li a0, 91
  sys ${Syscall.Exit}
`);

/** Gives `pids` the two ends of a new channel as handle 1. */
function connect(kernel: Kernel, pids: number[]): void {
  const pair = kernel.channels.create();
  if (!pair.ok) throw new Error('no channel');
  pids.forEach((pid, i) => {
    const installed = kernel.processes.get(pid)!.handles!.install({ kind: HandleKind.Channel, objectId: pair.value[i]!, rights: DEFAULT_RIGHTS[HandleKind.Channel] });
    expect(installed).toEqual({ ok: true, value: 1 });
  });
}

describe('chan_call and chan_reply_recv on the hart', () => {
  it(`make ${CALLS} round trips of two syscalls and two switches each`, async () => {
    const { kernel } = await bootTestKernel();
    const client = spawnDetached(kernel, 'client', CLIENT);
    const server = spawnDetached(kernel, 'server', SERVER);
    connect(kernel, [client, server]);
    const procs = [client, server].map((pid) => kernel.processes.get(pid)!);
    const switches = kernel.scheduler.switches;
    expect(kernel.run(1_000_000).reason).toBe('exited');
    expect(kernel.exits.map((e) => [e.name, e.status])).toEqual([['client', CALLS], ['server', 0]]);
    expect(procs[0]!.syscalls).toBe(CALLS + 1); // the calls and exit
    // The first receive, a reply_recv per call, its restart when the client's exit wakes it (PeerClosed), exit.
    expect(procs[1]!.syscalls).toBe(CALLS + 3);
    expect(kernel.scheduler.switches - switches).toBeLessThanOrEqual(2 * CALLS + 2);
    expect(checkInvariants(kernel)).toEqual([]);
  });
});
