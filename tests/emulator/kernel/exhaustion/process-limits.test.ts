// Seed section 5, rows "Processes" and "Kernel stacks", through init's
// InitSpawn (the real service path): a full process table is TooManyProcesses
// (the seed panicked), and process creation while a user program holds every
// frame is NoMemory with nothing left behind. Our kernel has no per-process
// kernel stacks (the kernel is host code; a task's registers live in its
// TrapContext), so the "Kernel stacks" row checks the allocation that takes
// their place: a new process's page tables, image and user stack.

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { WireTag } from '../../../../emulator/kernel/abi/wire-tags.ts';
import { lastExit } from '../../../../emulator/kernel/system/boot.ts';
import { WireReader, WireWriter } from '../../../../emulator/kernel/services/wire-codec.ts';
import { exit, userProgram } from '../proc/user-program.ts';
import { attachToInit, call, connect, errorCode, serviceKit, tagOf, type ServiceKit } from '../services/service-kit.ts';
import type { OwnedEndpoint } from '../../../../emulator/kernel/ipc/owned-endpoint.ts';
import { counts, expectKernelWorks, EXIT_S1, FILL_FRAMES, Hog, PAUSE } from './exhaustion-kit.ts';

/** Waits on its boot channel forever (init never sends unasked). */
const BLOCKER = userProgram(`  li t0, 2048\n  sub sp, sp, t0\n1:\n  li a0, 0\n  mv a1, sp\n  sys 204\n  j 1b\n`);
const SEVEN = userProgram(exit(7));
const IMAGE = { programs: [{ path: '/bin/blocker', elf: BLOCKER }, { path: '/bin/seven', elf: SEVEN }] };

/** InitSpawn `path`: the pid, or the error code of the Error reply (the process cap in the reply is released). */
function spawnVia(kit: ServiceKit, boot: OwnedEndpoint, path: string): { pid?: number; error: number } {
  using reply = call(kit, boot, new WireWriter(WireTag.InitSpawn).str(path).bytesField(new Uint8Array(0)).bytes());
  const error = errorCode(reply);
  return error === RvosError.Ok ? { pid: new WireReader(reply.data).u64Number(), error } : { error };
}

/** 2 + 3 through the math service on a new connection, closed again (the kernel serves requests). */
function mathWorks(kit: ServiceKit, boot: OwnedEndpoint): boolean {
  let tag: number | undefined;
  {
    using math = connect(kit, boot, 'math');
    using sum = call(kit, math, new WireWriter(WireTag.MathAdd).i64(2).i64(3).bytes());
    tag = tagOf(sum);
  }
  kit.settle();
  return tag === WireTag.Ok;
}

describe('exhaustion: processes (seed section 5)', () => {
  it('row "Processes" (64): InitSpawn answers TooManyProcesses; services keep serving; killing them all restores every count', async () => {
    const kit = await serviceKit({ image: IMAGE, limits: { channels: 128 } });
    const boot = attachToInit(kit, 900);
    const baseline = counts(kit.kernel);
    const pids: number[] = [];
    let last = spawnVia(kit, boot, '/bin/blocker');
    for (; last.pid !== undefined && pids.length < 100; last = spawnVia(kit, boot, '/bin/blocker')) pids.push(last.pid);
    expect(last.error).toBe(RvosError.TooManyProcesses);
    expect(counts(kit.kernel).processes).toBe(kit.kernel.limits.processes);
    expect(pids.length).toBe(kit.kernel.limits.processes - 4); // init, console, sysinfo, math
    expect(kit.kernel.spawn('direct', SEVEN)).toEqual({ ok: false, error: RvosError.TooManyProcesses });
    expect(mathWorks(kit, boot)).toBe(true);
    for (const pid of pids) {
      using killed = call(kit, boot, new WireWriter(WireTag.InitKill).u64(pid).bytes());
      expect(errorCode(killed)).toBe(RvosError.Ok);
    }
    kit.settle();
    expect(counts(kit.kernel)).toEqual(baseline);
    expect(spawnVia(kit, boot, '/bin/seven').error).toBe(RvosError.Ok);
    kit.settle();
    expect(lastExit(kit.kernel, 'seven')?.status).toBe(7);
    expect(counts(kit.kernel)).toEqual(baseline);
  });

  it('1,000 InitSpawn/exit cycles through init leave every count, init\'s tables and the registry as they were', async () => {
    const kit = await serviceKit({ image: IMAGE });
    const boot = attachToInit(kit, 900);
    const baseline = counts(kit.kernel);
    const children = kit.init.children.length;
    const pids = new Set<number>();
    for (let i = 0; i < 1000; i++) pids.add(spawnVia(kit, boot, '/bin/seven').pid ?? 0);
    kit.settle();
    expect(pids.size).toBe(1000);
    expect(pids.has(0)).toBe(false);
    expect(kit.kernel.exits.every((e) => e.name === 'seven' && e.status === 7 && pids.has(e.pid))).toBe(true);
    expect(counts(kit.kernel)).toEqual(baseline);
    expect(kit.init.children).toHaveLength(children);
    expect(kit.init.jobs).toHaveLength(0);
    expect(mathWorks(kit, boot)).toBe(true);
  });

  it('row "Kernel stacks": process creation while every frame is taken is NoMemory and leaves nothing behind', async () => {
    const kit = await serviceKit({ image: IMAGE });
    const boot = attachToInit(kit, 900);
    const baseline = counts(kit.kernel);
    const hog = Hog.spawn(kit.kernel, 'frames', `${FILL_FRAMES}${PAUSE}${EXIT_S1}`);
    const [regions, error] = hog.runToPause();
    expect(error).toBe(RvosError.NoMemory);
    const atLimit = counts(kit.kernel);
    expect(atLimit.framesFree).toBeLessThanOrEqual(1);
    expect(spawnVia(kit, boot, '/bin/seven').error).toBe(RvosError.NoMemory);
    expect(counts(kit.kernel)).toEqual(atLimit);
    expect(mathWorks(kit, boot)).toBe(true);
    expect(counts(kit.kernel)).toEqual(atLimit);
    hog.resume();
    expect(hog.finish()).toBe(regions);
    expect(counts(kit.kernel)).toEqual(baseline);
    expect(spawnVia(kit, boot, '/bin/seven').error).toBe(RvosError.Ok);
    kit.settle();
    expect(lastExit(kit.kernel, 'seven')?.status).toBe(7);
    expect(counts(kit.kernel)).toEqual(baseline);
    expectKernelWorks(kit.kernel, baseline);
  });
});
