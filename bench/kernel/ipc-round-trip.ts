// IPC round trip between two real user processes on the hart: a client and a
// server share a channel (handle 1 in each) and exchange an 8-byte message,
// either with chan_call / chan_reply_recv (2 syscalls and 2 context switches
// per round trip) or with chan_send_blocking / chan_recv_blocking (4 syscalls).

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
/** chan_call(1, reply = s7, request = s7). */
const CALL = `  li a0, 1\n  mv a1, s7\n  mv a2, s7\n  li a7, ${Syscall.ChanCall}\n  ecall`;
/** chan_reply_recv(1, msg = s7, reply = s7, 1). */
const REPLY_RECV = `  li a0, 1\n  mv a1, s7\n  mv a2, s7\n  li a3, 1\n  li a7, ${Syscall.ChanReplyRecv}\n  ecall`;

/** `body` repeated `count` times (count >= 1). */
function loop(count: number, body: string): string {
  return `  li s0, ${count}\n1:\n${body}\n  addi s0, s0, -1\n  bnez s0, 1b`;
}

/** The two programs of a ping-pong of `count` round trips in `style`. */
function pingPong(style: IpcStyle, count: number): [string, string] {
  if (style === 'send-recv') return [`  ${MSG}\n${loop(count, `${SEND}\n${RECV}`)}`, `  ${MSG}\n${loop(count, `${RECV}\n${SEND}`)}`];
  // The server receives the first request, answers every request but the last with reply_recv, then sends the last reply.
  const server = count > 1 ? `${RECV}\n${loop(count - 1, REPLY_RECV)}\n${SEND}` : `${RECV}\n${SEND}`;
  return [`  ${MSG}\n${loop(count, CALL)}`, `  ${MSG}\n${server}`];
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

/**
 * How the round trip is made: 'call' = chan_call / chan_reply_recv (2 syscalls), 'send-recv' =
 * chan_send_blocking + chan_recv_blocking on each side (4 syscalls).
 */
export type IpcStyle = 'call' | 'send-recv';

/** Measures `count` round trips made in `style` (on a hart from `hartFactory`, default the wasm hart). */
export async function measureRoundTrip(count: number, hartFactory?: HartFactory, style: IpcStyle = 'call'): Promise<RoundTripCost> {
  const { kernel, pids } = await kernelWith({}, pingPong(style, count).map(program), hartFactory);
  connect(kernel, pids);
  const procs = pids.map((pid) => kernel.processes.get(pid)!);
  const time = hostTime(() => {
    if (kernel.run().reason !== 'exited') throw new Error('kernel bench: ping-pong did not finish');
  });
  const syscalls = procs.reduce((sum, p) => sum + p.syscalls, 0);
  return { hostNs: time.wallNs / count, cpuNs: time.cpuNs / count, instructions: kernel.instructionsRetired() / count, syscalls: syscalls / count, switches: kernel.scheduler.switches / count };
}
