// `npm run bench` section "kernel": the kernel's costs in host time (wall
// clock and process CPU time, which stays meaningful on a busy machine):
// syscall round trip, context switches, spawn + exit, IPC round trip between
// two user processes (chan_call / chan_reply_recv, and send + recv; with guest
// instructions), and the whole system's boot
// to the shell prompt and a `hello` run from the shell; guest instructions per
// redraw of gui-shell and paint (gui-redraw.ts). Targets from issue 4:
// IPC round trip under 1 us, boot to prompt under 300 ms.

import type { BenchOptions, BenchSection, BenchTable } from '../support/bench-section.ts';
import { benchImage, measureBoot, type BootCost } from './boot-to-prompt.ts';
import { measureKernelCosts, type EventCost, type KernelCosts } from './core-costs.ts';
import { measureRoundTrip, type RoundTripCost } from './ipc-round-trip.ts';
import { guiRedrawTable } from './gui-redraw.ts';

/** Boots measured (the best is reported: the first ones include JIT warm-up). */
const BOOTS = 5;
const IPC_TARGET_NS = 1000;
const BOOT_TARGET_MS = 300;

function row(event: string, t: EventCost): string[] {
  return [event, t.wallNs.toFixed(0), t.cpuNs.toFixed(0), t.instructions.toFixed(1)];
}

/** The run of `runs` with the least `cost` (the least disturbed by other work on the machine). */
async function best<T>(runs: number, measure: () => Promise<T>, cost: (r: T) => number): Promise<T> {
  let winner = await measure();
  for (let i = 1; i < runs; i++) {
    const r = await measure();
    if (cost(r) < cost(winner)) winner = r;
  }
  return winner;
}

function ipcRow(event: string, ipc: RoundTripCost): string[] {
  return [event, ipc.hostNs.toFixed(0), ipc.cpuNs.toFixed(0), ipc.instructions.toFixed(1)];
}

function coreTable(costs: KernelCosts, ipc: RoundTripCost, sendRecv: RoundTripCost, scale: number): BenchTable {
  return {
    title: 'kernel core (host ns per event)',
    headers: ['event', 'wall ns', 'cpu ns', 'guest instructions'],
    rows: [
      row('syscall round trip (getpid)', costs.syscall),
      row('context switch by yield (incl. the syscall)', costs.yieldSwitch),
      row('context switch by preemption (10-instruction slices)', costs.preemptSwitch),
      row('spawn + exit (one-page program)', costs.spawnExit),
      ipcRow('IPC round trip (2 user processes, chan_call / chan_reply_recv)', ipc),
      ipcRow('IPC round trip (2 user processes, blocking send + recv)', sendRecv),
    ],
    notes: [
      `${scale} events per measurement; IPC per round trip: call ${ipc.syscalls.toFixed(1)} syscalls, send+recv ${sendRecv.syscalls.toFixed(1)} (restarted receives included), ${ipc.switches.toFixed(1)} switches`,
      `IPC target < ${IPC_TARGET_NS} ns: ${ipc.cpuNs < IPC_TARGET_NS ? 'met' : 'MISSED'} (cpu ${ipc.cpuNs.toFixed(0)} ns)`,
    ],
  };
}

function bootTable(boot: BootCost): BenchTable {
  return {
    title: 'rvos system (guest programs cached)',
    headers: ['event', 'host ms', 'guest instructions'],
    rows: [
      ['bootSystem() to the shell prompt', boot.bootMs.toFixed(1), String(boot.bootInstructions)],
      ['shell: hello (load from fs, spawn, run, exit) to the next prompt', boot.helloMs.toFixed(1), String(boot.helloInstructions)],
    ],
    notes: [`best of ${BOOTS} boots; boot target < ${BOOT_TARGET_MS} ms: ${boot.bootMs < BOOT_TARGET_MS ? 'met' : 'MISSED'}`],
  };
}

export const kernelSection: BenchSection = {
  name: 'kernel',
  async run(options: BenchOptions): Promise<BenchTable[]> {
    const scale = Math.max(10_000, Math.round(200_000 * options.targetSeconds));
    await measureKernelCosts(1000); // warm-up (JIT)
    await measureRoundTrip(1000);
    const costs = await measureKernelCosts(scale);
    const ipc = await best(3, () => measureRoundTrip(scale), (r) => r.cpuNs);
    const sendRecv = await best(3, () => measureRoundTrip(scale, undefined, 'send-recv'), (r) => r.cpuNs);
    const image = benchImage();
    const boot = await best(BOOTS, () => measureBoot(image), (r) => r.bootMs);
    return [coreTable(costs, ipc, sendRecv, scale), bootTable(boot), await guiRedrawTable(image)];
  },
};
