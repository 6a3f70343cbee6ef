// Fault injection (issue 10): for every syscall and service path that
// allocates, make its N-th frame, handle-slot, channel-slot or queue-slot
// allocation fail, for every N it reaches. Each failed call must return a
// structured error with every count and reference count exactly as before
// it, the accounting must hold, and the kernel must keep working afterwards.
// Syscalls go through dispatchSyscall, the function the trap path calls.

import { describe, expect, it } from 'vitest';
import { HandleKind, Prot, Right } from '../../../../emulator/kernel/abi/handles.ts';
import { Syscall } from '../../../../emulator/kernel/abi/syscall-numbers.ts';
import { WireTag } from '../../../../emulator/kernel/abi/wire-tags.ts';
import type { FaultKind } from '../../../../emulator/kernel/core/fault-injection.ts';
import { OwnedEndpoint } from '../../../../emulator/kernel/ipc/owned-endpoint.ts';
import { exitProcess } from '../../../../emulator/kernel/lifecycle/exit.ts';
import { WireReader, WireWriter } from '../../../../emulator/kernel/services/wire-codec.ts';
import type { Kernel } from '../../../../emulator/kernel/system/kernel.ts';
import { exit, giveProcessHandle, SPIN, userProgram } from '../proc/user-program.ts';
import { attachToInit, serviceKit, type ServiceKit } from '../services/service-kit.ts';
import { MSG_AT, readMsg, stackAddr, writeMsg } from '../syscall/chan-syscall-kit.ts';
import { PollingFs } from './f2-fake-fs.ts';
import { accountingProblems, leakSnapshot } from './f2-leak-check.ts';
import { call, f2Kit, okValues, type CallResult, type F2Kit } from './f2-syscall-kit.ts';

const KINDS: readonly FaultKind[] = ['frame', 'handle', 'channel', 'queue'];
const PAGE = 4096;

/** One allocating operation: prepare() creates what the call needs and returns the call and the cleanup after it. */
interface FaultCase {
  readonly name: string;
  prepare(kit: F2Kit): { run(): CallResult; cleanup(r: CallResult): void; heldByTest?(r: CallResult): number[] };
}

/** Closes handles of `p` (ignoring ones already gone). */
function closeAll(kit: F2Kit, pi: number, handles: readonly number[]): void {
  for (const h of handles) call(kit.kernel, kit.procs[pi]!, Syscall.HandleClose, h);
}

/** A message with caps [channel, shm, process, channel] written at p0's MSG_AT; returns its handles (sender side). */
function fourCapMessage(kit: F2Kit): { a: number; b: number; caps: number[]; va: number } {
  const { kernel, procs: [p0, p1] } = kit;
  const [a, b] = okValues(call(kernel, p0!, Syscall.ChanCreate));
  const [c, d] = okValues(call(kernel, p0!, Syscall.ChanCreate));
  const [s] = okValues(call(kernel, p0!, Syscall.ShmCreate, 2 * PAGE));
  const ph = giveProcessHandle(kernel, p0!.pid, p1!.pid);
  const va = stackAddr(p0!, MSG_AT);
  writeMsg(kernel, p0!, va, [1, 2, 3], [c!, s!, ph, d!]);
  return { a: a!, b: b!, caps: [c!, s!, ph, d!], va };
}

const CASES: readonly FaultCase[] = [
  {
    name: 'chan_create',
    prepare: (kit) => ({
      run: () => call(kit.kernel, kit.procs[0]!, Syscall.ChanCreate),
      cleanup: (r) => closeAll(kit, 0, r.values),
    }),
  },
  {
    name: 'chan_send with 4 caps (channel, shm, process, channel)',
    prepare: (kit) => {
      const m = fourCapMessage(kit);
      return {
        run: () => call(kit.kernel, kit.procs[0]!, Syscall.ChanSend, m.a, m.va),
        cleanup: () => closeAll(kit, 0, [m.a, m.b, ...m.caps]),
      };
    },
  },
  {
    name: 'chan_recv of 4 caps (installs 4 handles)',
    prepare: (kit) => {
      const m = fourCapMessage(kit);
      okValues(call(kit.kernel, kit.procs[0]!, Syscall.ChanSend, m.a, m.va));
      const rva = stackAddr(kit.procs[0]!, 2 * MSG_AT);
      return {
        run: () => call(kit.kernel, kit.procs[0]!, Syscall.ChanRecv, m.b, rva),
        cleanup: (r) => {
          const got = r.error === 0 ? readMsg(kit.kernel, kit.procs[0]!, rva).caps : [];
          closeAll(kit, 0, [m.a, m.b, ...m.caps, ...got]);
        },
      };
    },
  },
  {
    name: 'shm_create of 3 pages',
    prepare: (kit) => ({
      run: () => call(kit.kernel, kit.procs[0]!, Syscall.ShmCreate, 3 * PAGE),
      cleanup: (r) => closeAll(kit, 0, r.values),
    }),
  },
  {
    name: 'shm_map (page-table pages)',
    prepare: (kit) => {
      const [s] = okValues(call(kit.kernel, kit.procs[0]!, Syscall.ShmCreate, 3 * PAGE));
      return {
        run: () => call(kit.kernel, kit.procs[0]!, Syscall.ShmMap, s!, Prot.Read | Prot.Write),
        cleanup: (r) => {
          if (r.error === 0) okValues(call(kit.kernel, kit.procs[0]!, Syscall.ShmUnmap, r.values[0]!));
          closeAll(kit, 0, [s!]);
        },
      };
    },
  },
  {
    name: 'mmap of 5 pages',
    prepare: (kit) => ({
      run: () => call(kit.kernel, kit.procs[0]!, Syscall.Mmap, 5 * PAGE, Prot.Read | Prot.Write),
      cleanup: (r) => { if (r.error === 0) okValues(call(kit.kernel, kit.procs[0]!, Syscall.Munmap, r.values[0]!, 5 * PAGE)); },
    }),
  },
  {
    name: 'munmap of a middle page (region split)',
    prepare: (kit) => {
      const [va] = okValues(call(kit.kernel, kit.procs[0]!, Syscall.Mmap, 5 * PAGE, Prot.Read));
      return {
        run: () => call(kit.kernel, kit.procs[0]!, Syscall.Munmap, va! + PAGE, PAGE),
        cleanup: (r) => {
          if (r.error !== 0) { okValues(call(kit.kernel, kit.procs[0]!, Syscall.Munmap, va!, 5 * PAGE)); return; }
          okValues(call(kit.kernel, kit.procs[0]!, Syscall.Munmap, va!, PAGE));
          okValues(call(kit.kernel, kit.procs[0]!, Syscall.Munmap, va! + 2 * PAGE, 3 * PAGE));
        },
      };
    },
  },
  {
    name: 'handle_dup',
    prepare: (kit) => {
      const [a, b] = okValues(call(kit.kernel, kit.procs[0]!, Syscall.ChanCreate));
      return {
        run: () => call(kit.kernel, kit.procs[0]!, Syscall.HandleDup, a!, Right.Read | Right.Transfer),
        cleanup: (r) => closeAll(kit, 0, [a!, b!, ...r.values]),
      };
    },
  },
  {
    name: 'process creation (lifecycle/spawn.ts, what InitSpawn launches with)',
    prepare: (kit) => ({
      run: () => {
        const spawned = kit.kernel.spawn('victim', userProgram(SPIN));
        return spawned.ok ? { error: 0, values: [spawned.value.pid, spawned.value.bootEndpoint] } : { error: spawned.error, values: [] };
      },
      cleanup: (r) => {
        if (r.error !== 0) return;
        exitProcess(kit.kernel, kit.kernel.processes.get(r.values[0]!)!, 0);
        kit.kernel.objects.release(HandleKind.Channel, r.values[1]!);
      },
      heldByTest: (r) => r.error === 0 ? [r.values[1]!] : [],
    }),
  },
];

/** The kernel still works: a channel round trip with a cap, and an mmap; every count back afterwards. */
function stillWorks(kit: F2Kit): void {
  const { kernel, procs: [p0] } = kit;
  const before = leakSnapshot(kernel);
  const [a, b] = okValues(call(kernel, p0!, Syscall.ChanCreate));
  const va = stackAddr(p0!, MSG_AT);
  writeMsg(kernel, p0!, va, [42], [a!]);
  okValues(call(kernel, p0!, Syscall.ChanSend, a!, va));
  okValues(call(kernel, p0!, Syscall.ChanRecv, b!, va));
  const got = readMsg(kernel, p0!, va);
  expect(got).toMatchObject({ len: 1, ncaps: 1, data: [42] });
  const [m] = okValues(call(kernel, p0!, Syscall.Mmap, PAGE, Prot.Read | Prot.Write));
  okValues(call(kernel, p0!, Syscall.Munmap, m!, PAGE));
  closeAll(kit, 0, [a!, b!, got.caps[0]!]);
  expect(leakSnapshot(kernel)).toEqual(before);
}

/**
 * Runs `c` with the N-th allocation of `kind` failing, for N = 1, 2, ... until the call makes fewer
 * than N allocations (then it succeeded normally). Returns how many allocations of `kind` it made.
 */
function sweep(kit: F2Kit, c: FaultCase, kind: FaultKind): number {
  const kernel = kit.kernel;
  const baseline = leakSnapshot(kernel);
  for (let n = 1; ; n++) {
    const { run, cleanup, heldByTest } = c.prepare(kit);
    const before = leakSnapshot(kernel);
    kernel.faults[kind] = n;
    const r = run();
    const fired = kernel.faults[kind] === 0;
    kernel.faults[kind] = 0;
    if (fired) {
      expect(r.error, `${c.name}: ${kind} #${n} failed -> structured error`).toBeGreaterThan(0);
      expect(leakSnapshot(kernel), `${c.name}: ${kind} #${n} failed -> nothing kept`).toEqual(before);
    } else {
      expect(r.error, `${c.name} without a fault`).toBe(0);
    }
    expect(accountingProblems(kernel, kit.console(), heldByTest?.(r))).toEqual([]);
    cleanup(r);
    expect(leakSnapshot(kernel), `${c.name}: cleanup after ${kind} #${n}`).toEqual(baseline);
    if (!fired) return n - 1;
  }
}

describe('fault injection: the N-th allocation of a syscall fails, for every N', () => {
  const expected: Record<string, Partial<Record<FaultKind, number>>> = {
    'chan_create': { frame: 0, handle: 2, channel: 1, queue: 0 },
    'chan_send with 4 caps (channel, shm, process, channel)': { frame: 0, handle: 0, channel: 0, queue: 1 },
    'chan_recv of 4 caps (installs 4 handles)': { frame: 0, handle: 4, channel: 0, queue: 0 },
    'shm_create of 3 pages': { frame: 3, handle: 1, channel: 0, queue: 0 },
    'shm_map (page-table pages)': { frame: 2, handle: 0 },
    'mmap of 5 pages': { frame: 7, handle: 0 },
    'munmap of a middle page (region split)': { frame: 0, handle: 0, channel: 0, queue: 0 },
    'handle_dup': { frame: 0, handle: 1, channel: 0, queue: 0 },
    'process creation (lifecycle/spawn.ts, what InitSpawn launches with)': { handle: 1, channel: 1, queue: 0 },
  };
  for (const c of CASES) {
    it(c.name, async () => {
      const kit = await f2Kit(2);
      const reached: Record<string, number> = {};
      for (const kind of KINDS) reached[kind] = sweep(kit, c, kind);
      expect(reached).toMatchObject(expected[c.name]!);
      if (c.name.startsWith('process')) expect(reached.frame).toBeGreaterThan(kit.kernel.limits.userStackPages);
      stillWorks(kit);
      expect(kit.console()).not.toMatch(/kernel bug/);
    });
  }

  it('the hook is off by default and costs one comparison: a kernel without faults armed allocates normally', async () => {
    const kit = await f2Kit(1);
    expect(kit.kernel.faults).toEqual({ frame: 0, handle: 0, channel: 0, queue: 0 });
    stillWorks(kit);
  });
});

/** A request from a kernel-side client, run with faults of `kind` armed at `n`; returns whether the fault fired and the reply. */
function serviceRequest(kit: ServiceKit, boot: OwnedEndpoint, data: Uint8Array, kind: FaultKind, n: number): { fired: boolean; tag: number | undefined; cap?: OwnedEndpoint; code: number } {
  const kernel: Kernel = kit.kernel;
  const sent = boot.send({ sender: 900, data, caps: [] });
  if (!sent.ok) throw new Error(`send failed ${sent.error}`);
  kernel.faults[kind] = n;
  kit.settle();
  const fired = kernel.faults[kind] === 0;
  kernel.faults[kind] = 0;
  // A queue slot that "failed" without the queue being full wakes nobody: wake the services (as room would).
  for (const pid of Object.values(kit.pids)) kernel.scheduler.wake(pid);
  kit.settle();
  const got = boot.recv();
  if (!got.ok) throw new Error(`no reply (${got.error})`);
  using reply = got.value;
  const r = new WireReader(reply.data);
  if (r.tag === WireTag.Error) return { fired, tag: r.tag, code: r.u64Number() };
  const cap = reply.capCount > 0 ? OwnedEndpoint.fromMessage(kernel, reply, reply.capCount - 1) : undefined;
  return { fired, tag: r.tag, cap, code: 0 };
}

describe('fault injection: service paths (InitConnect, InitSpawn)', () => {
  const SEVEN = userProgram(exit(7));

  /** Sweeps one service request over every kind and N; `cleanup` undoes a success. Returns allocations reached per kind. */
  async function sweepService(data: Uint8Array, cleanup: (kit: ServiceKit, cap: OwnedEndpoint | undefined) => void): Promise<Record<string, number>> {
    const kit = await serviceKit({ image: { programs: [{ path: '/bin/seven', elf: SEVEN }] } });
    const boot = attachToInit(kit, 900);
    const baseline = leakSnapshot(kit.kernel);
    const reached: Record<string, number> = {};
    for (const kind of KINDS) {
      for (let n = 1; ; n++) {
        const reply = serviceRequest(kit, boot, data, kind, n);
        if (reply.fired && reply.tag === WireTag.Error) expect(reply.code).toBeGreaterThan(0);
        cleanup(kit, reply.cap);
        kit.settle();
        expect(accountingProblems(kit.kernel, kit.output(), [boot.id])).toEqual([]);
        expect(leakSnapshot(kit.kernel), `${kind} #${n}`).toEqual(baseline);
        if (!reply.fired) { reached[kind] = n - 1; break; }
        expect(reply.tag === WireTag.Error || kind === 'queue', `${kind} #${n}: a failed allocation is an Error reply`).toBe(true);
      }
    }
    expect(kit.output()).not.toMatch(/kernel bug/);
    return reached;
  }

  it('InitConnect to math: every channel, handle and queue-slot failure answers Error or is retried; nothing leaks', async () => {
    const reached = await sweepService(new WireWriter(WireTag.InitConnect).str('math').bytes(), (_kit, cap) => cap?.close());
    expect(reached).toMatchObject({ channel: 1, frame: 0, handle: 0 });
    expect(reached.queue).toBeGreaterThanOrEqual(2);
  });

  it('InitStdio: every failure answers Error or is retried; the console client goes with its endpoint', async () => {
    const reached = await sweepService(new WireWriter(WireTag.InitStdio).bytes(), (kit, cap) => { cap?.close(); kit.settle(); });
    expect(reached.channel).toBe(1);
    expect(reached.queue).toBeGreaterThanOrEqual(2);
  });

  it('InitSpawn of /bin/seven: every frame, channel and queue-slot failure answers Error or is retried; nothing leaks', async () => {
    const request = new WireWriter(WireTag.InitSpawn).str('/bin/seven').bytesField(new Uint8Array()).bytes();
    const reached = await sweepService(request, (kit, cap) => { cap?.close(); kit.settle(); });
    expect(reached.frame).toBeGreaterThan(5);
    expect(reached.channel).toBeGreaterThanOrEqual(1);
    expect(reached.handle).toBeGreaterThanOrEqual(1);
  });

  it('a reply held in the outbox (queue slot failed) whose client closes first is discarded with its caps', async () => {
    const after: unknown[] = [];
    for (const n of [0, 1, 2]) {
      const kit = await serviceKit();
      const boot = attachToInit(kit, 900);
      boot.send({ sender: 900, data: new WireWriter(WireTag.InitConnect).str('math').bytes(), caps: [] });
      kit.kernel.faults.queue = n;
      kit.settle();
      expect(kit.kernel.faults.queue).toBe(0);
      boot.close();
      for (const pid of Object.values(kit.pids)) kit.kernel.scheduler.wake(pid);
      kit.settle();
      expect(accountingProblems(kit.kernel, kit.output())).toEqual([]);
      after.push(leakSnapshot(kit.kernel).counts);
    }
    expect(after[1]).toEqual(after[0]);
    expect(after[2]).toEqual(after[0]);
  });

  it('InitSpawn through the file server (connect, FsOpen, FileRead chunks, launch): every N, faults armed while init runs', async () => {
    const kit = await serviceKit();
    const boot = attachToInit(kit, 900);
    const fs = new PollingFs(kit, boot, SEVEN);
    const baseline = leakSnapshot(kit.kernel);
    const request = new WireWriter(WireTag.InitSpawn).str('seven').bytesField(new Uint8Array()).bytes();
    const reached: Record<string, number> = {};
    for (const kind of KINDS) {
      for (let n = 1; ; n++) {
        const left = spawnThroughFs(kit, boot, fs, request, kind, n);
        fs.closeAll();
        kit.settle();
        expect(accountingProblems(kit.kernel, kit.output(), [boot.id, ...fs.held()])).toEqual([]);
        expect(leakSnapshot(kit.kernel), `${kind} #${n}`).toEqual(baseline);
        if (left !== 0) { reached[kind] = n - 1; break; }
      }
    }
    expect(reached.frame).toBeGreaterThan(kit.kernel.limits.userStackPages);
    expect(reached.channel).toBeGreaterThanOrEqual(2); // the fs connection and the child's boot channel
    expect(reached.queue).toBeGreaterThanOrEqual(4); // SvcNewClient, FsOpen, FileRead chunks, BootInfo, the reply
    expect(kit.output()).not.toMatch(/kernel bug/);
  });
});

/**
 * Sends `request` (InitSpawn) and runs init with the `kind` countdown at `n` while it steps (off while
 * the file server answers), until the reply arrives; checks it is Ok or an Error; returns what is
 * left of the countdown (0 = the fault fired).
 */
function spawnThroughFs(kit: ServiceKit, boot: OwnedEndpoint, fs: PollingFs, request: Uint8Array, kind: FaultKind, n: number): number {
  const kernel = kit.kernel;
  if (!boot.send({ sender: 900, data: request, caps: [] }).ok) throw new Error('send failed');
  let left = n;
  for (let round = 0; round < 100; round++) {
    kernel.faults[kind] = left;
    kit.settle();
    left = kernel.faults[kind];
    kernel.faults[kind] = 0;
    for (const pid of Object.values(kit.pids)) kernel.scheduler.wake(pid);
    fs.poll();
    const got = boot.recv();
    if (!got.ok) continue;
    using reply = got.value;
    const tag = new WireReader(reply.data).tag;
    expect(tag === WireTag.Ok || tag === WireTag.Error, `${kind} #${n}: reply tag ${tag}`).toBe(true);
    if (left !== 0) expect(tag).toBe(WireTag.Ok);
    return left;
  }
  throw new Error(`${kind} #${n}: no reply to InitSpawn`);
}
