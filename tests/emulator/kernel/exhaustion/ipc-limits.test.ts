// Seed section 5, rows "Channels", "Handles (per-proc)" and "Message queue":
// a user program on the hart drives each to its limit through ecall, gets the
// structured error (never a crash), the kernel keeps working at the limit,
// and after the program exits SYS_MEMINFO's counts are back at the baseline.

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { Syscall as S } from '../../../../emulator/kernel/abi/syscall-numbers.ts';
import { bootTestKernel } from '../proc/user-program.ts';
import { counts, expectKernelWorks, EXIT_S1, Hog, PAUSE, RAM_MIB, untilFailure } from './exhaustion-kit.ts';

/** Closes handles s3 and s4 (both ends of the last channel made). */
const CLOSE_S3_S4 = `  mv a0, s3\n  sys ${S.HandleClose}\n  mv a0, s4\n  sys ${S.HandleClose}\n`;

describe('exhaustion: IPC resources (seed section 5)', () => {
  it('row "Channels" (64): TooManyChannels one past the limit, a channel again after one is closed', async () => {
    const { kernel } = await bootTestKernel({ limits: { handlesPerProcess: 256 } }, RAM_MIB);
    const baseline = counts(kernel);
    const hog = Hog.spawn(kernel, 'channels', `${untilFailure(`  sys ${S.ChanCreate}`, '  mv s3, a1\n  mv s4, a2', 1000)}${PAUSE}${CLOSE_S3_S4}  sys ${S.ChanCreate}
  mv s5, a0
${PAUSE}${EXIT_S1}`);
    const [made, error] = hog.runToPause();
    expect(error).toBe(RvosError.TooManyChannels);
    expect(made).toBe(kernel.limits.channels - 1); // the boot channel is the 64th
    expect(counts(kernel)).toMatchObject({ channels: 64, handles: 1 + 2 * made });
    hog.resume();
    const regs = hog.runToPause();
    expect(regs[4], 'chan_create after closing one channel').toBe(RvosError.Ok);
    expect(counts(kernel).channels).toBe(64);
    hog.resume();
    expect(hog.finish()).toBe(made);
    expect(counts(kernel)).toEqual(baseline);
    expectKernelWorks(kernel, baseline);
  });

  it('row "Handles (per-proc)" (32): TooManyHandles for handle_dup and chan_create (rolled back), a handle again after a close', async () => {
    const { kernel } = await bootTestKernel({}, RAM_MIB);
    const baseline = counts(kernel);
    const hog = Hog.spawn(kernel, 'handles', `${untilFailure(`  li a0, 0\n  li a1, 7\n  sys ${S.HandleDup}`, '  mv s3, a1', 1000)}
  sys ${S.ChanCreate}
  mv s4, a0
${PAUSE}  mv a0, s3
  sys ${S.HandleClose}
  sys ${S.ChanCreate}
  mv s5, a0
  li a0, 0
  li a1, 7
  sys ${S.HandleDup}
  mv s6, a0
${PAUSE}${EXIT_S1}`);
    const [dups, dupError, , createError] = hog.runToPause();
    expect(dupError).toBe(RvosError.TooManyHandles);
    expect(dups).toBe(kernel.limits.handlesPerProcess - 1);
    expect(createError).toBe(RvosError.TooManyHandles);
    expect(counts(kernel)).toMatchObject({ handles: 32, channels: 1 });
    hog.resume();
    const regs = hog.runToPause();
    expect(regs[4], 'chan_create with one free slot is rolled back').toBe(RvosError.TooManyHandles);
    expect(regs[5], 'handle_dup into the freed slot').toBe(RvosError.Ok);
    expect(counts(kernel)).toMatchObject({ handles: 32, channels: 1 });
    hog.resume();
    expect(hog.finish()).toBe(dups);
    expect(counts(kernel)).toEqual(baseline);
    expectKernelWorks(kernel, baseline);
  });

  it('row "Message queue" (64): QueueFull for chan_send with a cap in every message; room again after one receive', async () => {
    const { kernel } = await bootTestKernel({}, RAM_MIB);
    const baseline = counts(kernel);
    // A message at sp - 8 KiB: len 1, ncaps 1, caps[0] = s3 (the sending end itself).
    const hog = Hog.spawn(kernel, 'queue', `  sys ${S.ChanCreate}
  mv s3, a1
  mv s4, a2
  li t0, 8192
  sub s7, sp, t0
  li t1, 1
  sw t1, 0(s7)
  sw t1, 4(s7)
  sd s3, 16(s7)
${untilFailure(`  mv a0, s3\n  mv a1, s7\n  sys ${S.ChanSend}`, '', 1000)}${PAUSE}  mv a0, s4
  li t0, 4096
  sub a1, sp, t0
  sys ${S.ChanRecv}
  mv s5, a0
  ld a0, 16(a1)
  sys ${S.HandleClose}
  mv a0, s3
  mv a1, s7
  sys ${S.ChanSend}
  mv s6, a0
  mv a0, s3
  mv a1, s7
  sys ${S.ChanSend}
  mv s8, a0
${PAUSE}${EXIT_S1}`);
    const [sent, error] = hog.runToPause();
    expect(error).toBe(RvosError.QueueFull);
    expect(sent).toBe(kernel.limits.queueDepth);
    const sender = kernel.processes.get(hog.pid)!.handles!.lookup(1, 1, 0);
    expect(sender.ok && kernel.channels.endpoint(sender.value.objectId)?.refs).toBe(1 + kernel.limits.queueDepth);
    hog.resume();
    const regs = hog.runToPause();
    expect(regs.slice(4, 6), 'receive one, then one more send fits').toEqual([RvosError.Ok, RvosError.Ok]);
    expect(regs[7], 'and the queue is full again').toBe(RvosError.QueueFull);
    hog.resume();
    expect(hog.finish()).toBe(sent);
    expect(counts(kernel)).toEqual(baseline);
    expectKernelWorks(kernel, baseline);
  });
});
