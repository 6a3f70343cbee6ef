// The introspection snapshot on a live kernel: processes with handles, every
// endpoint's references fully accounted for (handles, services, queued caps),
// SHM holders and mappings, frame usage, the IPC ring with tag names, and
// that the result is plain JSON and taking it changes nothing.

import { describe, expect, it } from 'vitest';
import { HandleKind } from '../../../../emulator/kernel/abi/handles.ts';
import { WireTag } from '../../../../emulator/kernel/abi/wire-tags.ts';
import type { ServiceTask } from '../../../../emulator/kernel/context/kernel-context.ts';
import { introspect } from '../../../../emulator/kernel/introspection/introspection.ts';
import { WireWriter } from '../../../../emulator/kernel/services/wire-codec.ts';
import { userProgram } from '../proc/user-program.ts';
import { attachToInit, call, CHANNEL_RIGHTS, connect, serviceKit, type ServiceKit } from '../services/service-kit.ts';

const BLOCKER = userProgram(`
  li t0, 2048
  sub sp, sp, t0
1:
  li a0, 0
  mv a1, sp
  sys 204
  j 1b
`);

function lookup(kit: ServiceKit): (pid: number) => ServiceTask | undefined {
  const tasks = new Map<number, ServiceTask>([
    [kit.pids.init!, kit.init], [kit.pids.console!, kit.console], [kit.pids.sysinfo!, kit.sysinfo], [kit.pids.math!, kit.math],
  ]);
  return (pid) => tasks.get(pid);
}

async function scene() {
  const initrd = new Uint8Array(6000).fill(7);
  const kit = await serviceKit({ image: { programs: [{ path: '/bin/fs', elf: BLOCKER }, { path: '/bin/blocker', elf: BLOCKER }], initrd }, bootPrograms: ['/bin/fs'] });
  const boot = attachToInit(kit, 900);
  const math = connect(kit, boot, 'math');
  call(kit, boot, new WireWriter(WireTag.InitSpawn).str('blocker').bytesField(new Uint8Array(0)).bytes(), [math.cap(CHANNEL_RIGHTS)])[Symbol.dispose]();
  kit.settle();
  return { kit, testHeld: new Set([boot.id, math.id]) };
}

describe('introspect', () => {
  it('lists processes with kind, state, pc and handles', async () => {
    const { kit } = await scene();
    const snap = introspect(kit.kernel, lookup(kit));
    expect(snap.processes.map((p) => [p.pid, p.name, p.kind])).toEqual([
      [1, 'init', 'service'], [2, 'console', 'service'], [3, 'sysinfo', 'service'], [4, 'math', 'service'], [5, 'fs', 'user'], [6, 'blocker', 'user'],
    ]);
    const blocker = snap.processes[5]!;
    expect(blocker.state).toBe('blocked');
    expect(blocker.block).toEqual({ kind: 'recv', endpoints: [blocker.handles[0]!.object] });
    expect(blocker.pc).toMatch(/^0x1[0-9a-f]{4}$/);
    expect(blocker.handles.map((h) => [h.handle, h.kind, h.rightNames])).toEqual([
      [0, 'channel', ['read', 'write', 'transfer']], [1, 'channel', ['read', 'write', 'transfer']],
    ]);
    expect(blocker.frames).toBeGreaterThan(0);
    expect(snap.processes[0]!.pc).toBeNull();
    expect(snap.processes[0]!.serviceEndpoints.length).toBeGreaterThan(0);
  });

  it('accounts for every endpoint reference: handles + services + queued caps', async () => {
    const { kit, testHeld } = await scene();
    const snap = introspect(kit.kernel, lookup(kit));
    expect(snap.endpoints.length).toBe(kit.kernel.channels.liveEndpoints().length);
    for (const ep of snap.endpoints) {
      expect(ep.holders.length + ep.services.length + ep.queuedRefs + ep.unaccountedRefs).toBe(ep.refs);
      expect(ep.unaccountedRefs, `endpoint ${ep.id}`).toBe(testHeld.has(ep.id) ? 1 : 0);
    }
    const mathClient = snap.endpoints.find((e) => testHeld.has(e.id) && e.holders.length === 1)!;
    expect(mathClient.holders).toEqual([{ pid: 6, handle: 1 }]);
    expect(snap.endpoints.find((e) => e.id === mathClient.peer)!.services).toEqual([kit.pids.math]);
  });

  it('labels the endpoints services hold', async () => {
    const { kit } = await scene();
    const snap = introspect(kit.kernel, lookup(kit));
    const label = (id: number): string | null => snap.endpoints.find((e) => e.id === id)!.label;
    const mathControl = kit.init.registry.lookup('math')!.control.id;
    expect(label(mathControl)).toBe('registry: math');
    expect(label(mathControl ^ 1)).toBe('control (SvcNewClient)');
    const blockerBoot = snap.processes[5]!.handles[0]!.object;
    expect(label(blockerBoot ^ 1)).toBe('boot channel of pid 6');
    expect(label(blockerBoot)).toBeNull();
  });

  it('shows SHM regions with their holders and mappings, and frame usage', async () => {
    const { kit } = await scene();
    const fs = kit.kernel.processes.get(5)!;
    const mapped = fs.space!.mapShm(kit.kernel, kit.kernel.shm.regions()[0]!.id, false);
    if (!mapped.ok) throw new Error('mapShm failed');
    const snap = introspect(kit.kernel, lookup(kit));
    expect(snap.shm).toEqual([{ id: 0, pages: 2, refs: 1, holders: [{ pid: 5, handle: 1 }], mappings: [{ pid: 5, va: `0x${mapped.value.toString(16)}`, writable: false }] }]);
    expect(snap.frames.used).toBe(snap.frames.total - snap.frames.free);
    expect(snap.frames.shm).toBe(2);
    expect(snap.frames.perProcess.map((f) => f.pid)).toEqual([5, 6]);
  });

  it('carries the kernel limits as a copy, for meters against them', async () => {
    const { kit } = await scene();
    const snap = introspect(kit.kernel, lookup(kit));
    expect(snap.limits).toEqual(kit.kernel.limits);
    expect(snap.limits).not.toBe(kit.kernel.limits);
    expect(snap.limits.frames).toBeGreaterThanOrEqual(snap.frames.used);
  });

  it('keeps the recent sends with tag names and transferred caps', async () => {
    const { kit } = await scene();
    const snap = introspect(kit.kernel, lookup(kit));
    const names = snap.ipc.recent.map((e) => e.tagName);
    expect(names).toEqual(expect.arrayContaining(['InitConnect', 'SvcNewClient', 'Ok', 'InitSpawn', 'BootInfo']));
    const bootInfos = snap.ipc.recent.filter((e) => e.tag === WireTag.BootInfo);
    expect(bootInfos.map((e) => e.caps.map((c) => c.kind))).toEqual([['shm'], ['channel']]);
    expect(snap.ipc.total).toBeGreaterThanOrEqual(snap.ipc.recent.length);
    expect(HandleKind.Channel).toBe(1);
  });

  it('is plain JSON and changes nothing', async () => {
    const { kit } = await scene();
    const first = introspect(kit.kernel, lookup(kit));
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
    expect(introspect(kit.kernel, lookup(kit))).toEqual(first);
  });
});
