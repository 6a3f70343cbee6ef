// Shared setup of the kernel benchmarks: user programs assembled and linked
// by our own toolchain, a kernel on a fresh 16 MiB machine with programs
// spawned (boot channels released), and host time per event of a run.

import { Kernel, type KernelOptions } from '../../emulator/kernel/system/kernel.ts';
import { HandleKind } from '../../emulator/kernel/abi/handles.ts';
import { Syscall } from '../../emulator/kernel/abi/syscall-numbers.ts';
import { Machine, type HartFactory } from '../../emulator/machine/machine.ts';
import { assembleToElf } from '../../emulator/toolchain/asm/assembler.ts';
import { link } from '../../emulator/toolchain/link/linker.ts';

/** Assembles and links a user program at 0x10000 that runs `body` and exits 0 (throws on a toolchain error). */
export function program(body: string): Uint8Array {
  const source = `  .text\n  .globl _start\n_start:\n${body}\n  li a0, 0\n  li a7, ${Syscall.Exit}\n  ecall\n`;
  const object = assembleToElf(source, 'bench.S');
  const elf = object.bytes === undefined ? undefined : link([{ name: 'bench.o', bytes: object.bytes }], { textBase: 0x10000n, stackSize: 0n }).elf;
  if (elf === undefined) throw new Error('kernel bench: cannot build the program');
  return elf;
}

/** A kernel on a new 16 MiB machine (hart from `hartFactory`, default the wasm hart) with `programs` spawned; returns it and their pids. */
export async function kernelWith(options: KernelOptions, programs: readonly Uint8Array[], hartFactory?: HartFactory): Promise<{ kernel: Kernel; pids: number[] }> {
  const machine = await Machine.create({ config: { ramSize: 16 << 20 }, hartFactory });
  const kernel = Kernel.create(machine, options);
  const pids = programs.map((elf) => {
    const spawned = kernel.spawn('bench', elf);
    if (!spawned.ok) throw new Error(`kernel bench: spawn failed (${spawned.error})`);
    kernel.objects.release(HandleKind.Channel, spawned.value.bootEndpoint);
    return spawned.value.pid;
  });
  return { kernel, pids };
}

export interface HostTime {
  /** Wall-clock nanoseconds. */
  wallNs: number;
  /** CPU nanoseconds of this process (user + system; steadier than wall time on a busy machine). */
  cpuNs: number;
}

/** Host time `work` takes. */
export function hostTime(work: () => void): HostTime {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  work();
  const wallNs = Number(process.hrtime.bigint() - start);
  const used = process.cpuUsage(cpu);
  return { wallNs, cpuNs: (used.user + used.system) * 1000 };
}
