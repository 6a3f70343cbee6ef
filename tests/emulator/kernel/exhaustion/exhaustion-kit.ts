// Test kit for the resource-exhaustion tests (the seed's section 5 table): a
// "hog" is a real user program on the hart that drives one resource to its
// limit through ecall, records what happened in s-registers and pauses in a
// blocking receive on its boot channel, so the test can look at the kernel at
// the limit, resume it (a message) and collect its exit status.

import { expect } from 'vitest';
import { HandleKind } from '../../../../emulator/kernel/abi/handles.ts';
import { Syscall } from '../../../../emulator/kernel/abi/syscall-numbers.ts';
import { OwnedEndpoint } from '../../../../emulator/kernel/ipc/owned-endpoint.ts';
import { ProcState, type Process } from '../../../../emulator/kernel/proc/process.ts';
import { lastExit } from '../../../../emulator/kernel/system/boot.ts';
import type { Kernel } from '../../../../emulator/kernel/system/kernel.ts';
import { memInfoCounts, type MemInfoCounts } from '../../../../emulator/kernel/syscall/misc.ts';
import { exit, userProgram } from '../proc/user-program.ts';

/** RAM of the test machines: small, so frame exhaustion is quick. */
export const RAM_MIB = 16;

/** Guest code: blocks in chan_recv_blocking on the boot channel (handle 0) until the test resumes it (buffer 4 KiB below sp). */
export const PAUSE = `  li a0, 0\n  li t0, 4096\n  sub a1, sp, t0\n  li a7, ${Syscall.ChanRecvBlocking}\n  ecall\n`;

/** Guest code: exits with status s1 (the hogs keep their final result there). */
export const EXIT_S1 = `  mv a0, s1\n  li a7, ${Syscall.Exit}\n  ecall\n`;

/**
 * Guest code for the usual hog loop: repeats `op` (which leaves the error in a0)
 * until it fails or `max` times, keeping the success count in s1, the failing
 * error in s2, and whatever `keep` saves of the last success (e.g. `mv s3, a1`).
 */
export function untilFailure(op: string, keep: string, max: number): string {
  return `  li s1, 0
  li s2, 0
1:
${op}
  bnez a0, 2f
${keep}
  addi s1, s1, 1
  li t0, ${max}
  blt s1, t0, 1b
  j 3f
2:
  mv s2, a0
3:
`;
}

/** A user program on the hart whose boot channel the test holds. */
export class Hog {
  private constructor(readonly kernel: Kernel, readonly pid: number, readonly name: string, readonly boot: OwnedEndpoint) {}

  /** Spawns `body` (assembly after _start, `sys N` allowed) as `name`; throws when spawning fails. */
  static spawn(kernel: Kernel, name: string, body: string): Hog {
    const spawned = kernel.spawn(name, userProgram(body));
    if (!spawned.ok) throw new Error(`spawn of ${name} failed with error ${spawned.error}`);
    return new Hog(kernel, spawned.value.pid, name, OwnedEndpoint.adopt(kernel, spawned.value.bootEndpoint));
  }

  /** The process (throws once it is gone). */
  get process(): Process {
    const p = this.kernel.processes.get(this.pid);
    if (p === undefined) throw new Error(`pid ${this.pid} is gone`);
    return p;
  }

  /** Runs the kernel until the hog waits in PAUSE; returns its registers s1..s11 as numbers (s2 = x18 ...). */
  runToPause(maxSteps = 20_000_000): number[] {
    this.kernel.run(maxSteps);
    const p = this.process;
    expect(p.state, `${this.name} should be paused`).toBe(ProcState.Blocked);
    return [9, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27].map((x) => Number(BigInt.asIntN(64, p.context.x[x]!)));
  }

  /** Lets the hog leave PAUSE (a one-byte message on its boot channel). */
  resume(): void {
    const sent = this.boot.send({ sender: 0, data: Uint8Array.of(1), caps: [] });
    if (!sent.ok) throw new Error(`resume failed: ${sent.error}`);
  }

  /** Runs until the hog has exited, closes the test's end of the boot channel; returns the exit status. */
  finish(maxSteps = 20_000_000): number {
    this.kernel.run(maxSteps);
    const record = this.kernel.exits.find((e) => e.pid === this.pid);
    if (record === undefined) throw new Error(`${this.name} has not exited`);
    this.boot.close();
    return record.status;
  }
}

/** SYS_MEMINFO's counts (the same function the syscall reports). */
export function counts(kernel: Kernel): MemInfoCounts {
  return memInfoCounts(kernel);
}

/**
 * Checks the kernel still works: a fresh program that creates a channel,
 * closes both ends and exits 0 runs to completion, and the counts are
 * `baseline` afterwards.
 */
export function expectKernelWorks(kernel: Kernel, baseline: MemInfoCounts): void {
  const spawned = kernel.spawn('after', userProgram(`  sys ${Syscall.ChanCreate}
  bnez a0, 1f
  mv s1, a2
  mv a0, a1
  sys ${Syscall.HandleClose}
  mv a0, s1
  sys ${Syscall.HandleClose}
${exit(0)}
1:
${exit(1)}`));
  expect(spawned.ok, 'spawn after exhaustion').toBe(true);
  if (!spawned.ok) return;
  kernel.objects.release(HandleKind.Channel, spawned.value.bootEndpoint);
  kernel.run(1_000_000);
  expect(lastExit(kernel, 'after')?.status).toBe(0);
  expect(counts(kernel)).toEqual(baseline);
}

/**
 * Guest code that takes every free frame with mmap: 1 MiB regions until
 * NoMemory, then 64 KiB, then 4 KiB ones. Leaves s1 = regions mapped, s2 = the
 * last error (NoMemory), s3/s4 = address/length of the last region mapped.
 */
export const FILL_FRAMES = `  li s1, 0
  li s5, 0x100000
1:
  mv a0, s5
  li a1, 3
  li a7, ${Syscall.Mmap}
  ecall
  bnez a0, 2f
  addi s1, s1, 1
  mv s3, a1
  mv s4, s5
  j 1b
2:
  mv s2, a0
  srli s5, s5, 4
  li t0, 4096
  bge s5, t0, 1b
`;
