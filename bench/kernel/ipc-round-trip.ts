// IPC round trip between two real user processes on the hart: a pinger and a
// ponger share a channel (handle 1 in each) and exchange an 8-byte message
// with chan_send_blocking / chan_recv_blocking, so every round trip is two
// sends, two receives and two context switches (plus restarted receives).

import { DEFAULT_RIGHTS, HandleKind } from '../../emulator/kernel/abi/handles.ts';
import { Syscall } from '../../emulator/kernel/abi/syscall-numbers.ts';
import type { Kernel } from '../../emulator/kernel/system/kernel.ts';
import type { HartFactory } from '../../emulator/machine/machine.ts';
import { hostTime, kernelWith, program } from './bench-kernel.ts';

export interface RoundTripCost {
  /** Host nanoseconds per round trip (wall clock). */
  hostNs: number;
  /** Host CPU nanoseconds per round trip. */
  cpuNs: number;
  /** User instructions retired per round trip (both processes). */
  instructions: number;
  /** System calls per round trip (both processes). */
  syscalls: number;
  /** Context switches per round trip. */
  switches: number;
}

const MSG = 'li t0, 4096\n  sub s7, sp, t0\n  li t1, 8\n  sw t1, 0(s7)';
const SEND = `  li a0, 1\n  mv a1, s7\n  li a7, ${Syscall.ChanSendBlocking}\n  ecall`;
const RECV = `  li a0, 1\n  mv a1, s7\n  li a7, ${Syscall.ChanRecvBlocking}\n  ecall`;

function loop(count: number, first: string, second: string): string {
  return `  ${MSG}\n  li s0, ${count}\n1:\n${first}\n${second}\n  addi s0, s0, -1\n  bnez s0, 1b`;
}

/** Gives each of `pids` one end of a new channel (handle 1). */
function connect(kernel: Kernel, pids: readonly number[]): void {
  const pair = kernel.channels.create();
  if (!pair.ok) throw new Error('kernel bench: no channel');
  pids.forEach((pid, i) => {
    const installed = kernel.processes.get(pid)?.handles?.install({ kind: HandleKind.Channel, objectId: pair.value[i]!, rights: DEFAULT_RIGHTS[HandleKind.Channel] });
    if (installed?.ok !== true || installed.value !== 1) throw new Error('kernel bench: cannot install the channel');
  });
}

/** Measures `count` round trips (on a hart from `hartFactory`, default the wasm hart). */
export async function measureRoundTrip(count: number, hartFactory?: HartFactory): Promise<RoundTripCost> {
  const { kernel, pids } = await kernelWith({}, [program(loop(count, SEND, RECV)), program(loop(count, RECV, SEND))], hartFactory);
  connect(kernel, pids);
  const procs = pids.map((pid) => kernel.processes.get(pid)!);
  const time = hostTime(() => {
    if (kernel.run().reason !== 'exited') throw new Error('kernel bench: ping-pong did not finish');
  });
  const syscalls = procs.reduce((sum, p) => sum + p.syscalls, 0);
  return { hostNs: time.wallNs / count, cpuNs: time.cpuNs / count, instructions: kernel.instructionsRetired() / count, syscalls: syscalls / count, switches: kernel.scheduler.switches / count };
}
