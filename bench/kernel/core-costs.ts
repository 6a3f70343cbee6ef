// Kernel-core costs on real user programs: a syscall round trip (getpid in a
// loop: trap out of the hart, dispatch, write back, resume), a context switch
// (two tasks that yield to each other; two busy loops preempted every 10
// instructions) and a spawn + exit of a one-page program.

import { HandleKind } from '../../emulator/kernel/abi/handles.ts';
import { Syscall } from '../../emulator/kernel/abi/syscall-numbers.ts';
import type { Kernel } from '../../emulator/kernel/system/kernel.ts';
import { hostTime, kernelWith, program, type HostTime } from './bench-kernel.ts';

/** Host time and user instructions retired per event. */
export interface EventCost extends HostTime {
  instructions: number;
}

export interface KernelCosts {
  syscall: EventCost;
  yieldSwitch: EventCost;
  preemptSwitch: EventCost;
  spawnExit: EventCost;
}

/** `count` iterations of a syscall `number` loop. */
function syscallLoop(number: number, count: number): string {
  return `  li s0, ${count}\n1:\n  li a7, ${number}\n  ecall\n  addi s0, s0, -1\n  bnez s0, 1b`;
}

/** Runs `work` on `kernel`; the cost per event (`events` is read after the run). */
function perEvent(kernel: Kernel, work: () => void, events: () => number): EventCost {
  const before = kernel.instructionsRetired();
  const time = hostTime(work);
  const n = events();
  return { wallNs: time.wallNs / n, cpuNs: time.cpuNs / n, instructions: (kernel.instructionsRetired() - before) / n };
}

/** Spawns and runs to exit `count` one-page programs, one at a time. */
async function spawnExit(count: number): Promise<EventCost> {
  const { kernel } = await kernelWith({}, []);
  const elf = program('');
  return perEvent(kernel, () => {
    for (let i = 0; i < count; i++) {
      const spawned = kernel.spawn('p', elf);
      if (!spawned.ok) throw new Error(`kernel bench: spawn failed (${spawned.error})`);
      kernel.objects.release(HandleKind.Channel, spawned.value.bootEndpoint);
      kernel.run();
    }
  }, () => count);
}

/** Measures the costs with about `scale` events each (spawns: scale / 100). */
export async function measureKernelCosts(scale: number): Promise<KernelCosts> {
  const long = { limits: { timeSliceInstructions: 1 << 30 } };
  const getpid = (await kernelWith(long, [program(syscallLoop(Syscall.GetPid, scale))])).kernel;
  const syscall = perEvent(getpid, () => getpid.run(), () => scale);
  const yielders = (await kernelWith(long, [program(syscallLoop(Syscall.Yield, scale)), program(syscallLoop(Syscall.Yield, scale))])).kernel;
  const yieldSwitch = perEvent(yielders, () => yielders.run(), () => yielders.scheduler.switches);
  const spin = program('1:\n  j 1b');
  const spinners = (await kernelWith({ limits: { timeSliceInstructions: 10 } }, [spin, spin])).kernel;
  const preemptSwitch = perEvent(spinners, () => spinners.run(scale * 10), () => spinners.scheduler.switches);
  return { syscall, yieldSwitch, preemptSwitch, spawnExit: await spawnExit(Math.max(100, Math.round(scale / 100))) };
}
