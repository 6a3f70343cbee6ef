// The gpu, kbd and mouse services driven through real channels from
// kernel-side clients: one client at a time (a second is refused with
// LimitReached, the next is accepted once the first is gone), GpuInfo with the
// framebuffer cap and its reference counts, flush bounds, event order, and a
// full client queue holding events back with every drop counted.

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { HandleKind, Right } from '../../../../emulator/kernel/abi/handles.ts';
import { GpuFormat, WireTag } from '../../../../emulator/kernel/abi/wire-tags.ts';
import { checkInvariants } from '../../../../emulator/kernel/introspection/invariants.ts';
import { introspect } from '../../../../emulator/kernel/introspection/introspection.ts';
import { OwnedEndpoint } from '../../../../emulator/kernel/ipc/owned-endpoint.ts';
import type { ReceivedMessage } from '../../../../emulator/kernel/ipc/received-message.ts';
import { GpuService } from '../../../../emulator/kernel/services/gpu.ts';
import { wakeInputWaiters } from '../../../../emulator/kernel/services/input-service.ts';
import { KbdService } from '../../../../emulator/kernel/services/kbd.ts';
import { MouseService } from '../../../../emulator/kernel/services/mouse.ts';
import type { ServiceTask } from '../../../../emulator/kernel/context/kernel-context.ts';
import { WireReader, WireWriter } from '../../../../emulator/kernel/services/wire-codec.ts';
import { INPUT_QUEUE_MAX } from '../../../../emulator/machine/input-devices.ts';
import { attachToInit, call, connect, errorCode, receive, serviceKit, tagOf, type ServiceKit } from './service-kit.ts';

interface DisplayKit extends ServiceKit {
  readonly gpu: GpuService;
  readonly kbd: KbdService;
  readonly mouse: MouseService;
}

/** The service kit plus gpu, kbd and mouse registered as boot.ts does. */
async function displayKit(): Promise<DisplayKit> {
  const kit = await serviceKit();
  const { kernel } = kit;
  const add = <S extends ServiceTask>(name: string, make: (control: OwnedEndpoint) => S): S => {
    const pair = OwnedEndpoint.createPair(kernel);
    if (!pair.ok) throw new Error('no channel');
    const service = make(pair.value[0]);
    const pid = kernel.startService(name, service);
    if (!pid.ok || !kit.init.registry.register(name, pair.value[1]).ok) throw new Error(`cannot start ${name}`);
    kit.pids[name] = pid.value;
    return service;
  };
  const gpu = add('gpu', (control) => {
    const created = GpuService.create(kernel, control, kernel.machine.display);
    if (!created.ok) throw new Error('no framebuffer');
    return created.value;
  });
  const kbd = add('kbd', (control) => new KbdService(control, kernel.machine.keyboard));
  const mouse = add('mouse', (control) => new MouseService(control, kernel.machine.tablet));
  kit.settle();
  return { ...kit, gpu, kbd, mouse };
}

const REFS = /^endpoint (\d+): refs (\d+) != (\d+) handles \+ (\d+) service owners \+ (\d+) queued caps$/;

/**
 * checkInvariants finds nothing wrong, except that it cannot see the one reference the test itself
 * holds to each endpoint of `held` (kernel-side clients live in no handle table).
 */
function expectConsistent(kit: ServiceKit, held: readonly OwnedEndpoint[]): void {
  const ids = new Set(held.filter((ep) => ep.owned).map((ep) => ep.id));
  const broken = checkInvariants(kit.kernel).filter((line) => {
    const m = REFS.exec(line)?.slice(1).map(Number);
    return m === undefined || !ids.has(m[0]!) || m[1] !== m[2]! + m[3]! + m[4]! + 1;
  });
  expect(broken).toEqual([]);
}

/** The fields of a GpuInfo message (and its cap, left in the message). */
function gpuInfo(msg: ReceivedMessage): { width: bigint; height: bigint; stride: bigint; format: bigint; capIndex: number } {
  const r = new WireReader(msg.data);
  const info = { width: r.u64(), height: r.u64(), stride: r.u64(), format: r.u64(), capIndex: r.cap(msg.capCount) };
  expect(r.tag).toBe(WireTag.GpuInfo);
  expect(r.end()).toBe(true);
  return info;
}

function flush(x: bigint, y: bigint, w: bigint, h: bigint): Uint8Array {
  return new WireWriter(WireTag.GpuFlush).u64(x).u64(y).u64(w).u64(h).bytes();
}

function pushKeys(kit: DisplayKit, codes: readonly number[]): void {
  for (const code of codes) kit.kernel.machine.keyboard.pushKey(code, true);
  wakeInputWaiters(kit.kernel, kit.kernel.machine.keyboard);
}

/** Every KbdEvent code queued on `client` now, in order. */
function drainKeys(client: OwnedEndpoint): number[] {
  const codes: number[] = [];
  for (let got = client.recv(); got.ok; got = client.recv()) {
    using msg = got.value;
    const r = new WireReader(msg.data);
    const code = r.u64Number();
    expect(r.bool()).toBe(true);
    expect(r.tag === WireTag.KbdEvent && r.end()).toBe(true);
    codes.push(code);
  }
  return codes;
}

describe('gpu service', () => {
  it('hands its one client GpuInfo with the framebuffer SHM; the service keeps its own reference', async () => {
    const kit = await displayKit();
    const shm = kit.kernel.shm.get(kit.gpu.framebuffer)!;
    expect(shm.pages).toBe(768);
    expect(shm.refs).toBe(1);
    expect(kit.kernel.machine.display.saveState().backing).toEqual(shm.frames);
    expectConsistent(kit, []);
    const boot = attachToInit(kit, 900);
    const client = connect(kit, boot, 'gpu');
    expect(shm.refs).toBe(2); // the service + the cap queued in GpuInfo
    expectConsistent(kit, [boot, client]);
    {
      using info = receive(kit, client);
      const fields = gpuInfo(info);
      expect(fields).toMatchObject({ width: 1024n, height: 768n, stride: 4096n, format: BigInt(GpuFormat.Xrgb8888) });
      expect(info.peekCap(fields.capIndex)).toEqual({ kind: HandleKind.Shm, id: kit.gpu.framebuffer, rights: Right.Read | Right.Write });
      const view = introspect(kit.kernel).shm.find((r) => r.id === kit.gpu.framebuffer)!;
      expect(view.services).toEqual([kit.pids['gpu']]);
    }
    expect(shm.refs).toBe(1); // the received message released its cap
    expectConsistent(kit, [boot, client]);
  });

  it('refuses a second client with LimitReached and accepts the next one after the first leaves', async () => {
    const kit = await displayKit();
    const boot = attachToInit(kit, 900);
    const first = connect(kit, boot, 'gpu');
    {
      using firstInfo = receive(kit, first); // disposing it releases the framebuffer cap
      expect(tagOf(firstInfo)).toBe(WireTag.GpuInfo);
    }
    const second = connect(kit, boot, 'gpu');
    {
      using refused = receive(kit, second);
      expect(errorCode(refused)).toBe(RvosError.LimitReached);
      expect(refused.capCount).toBe(0);
    }
    expect(second.peerClosed()).toBe(true);
    second.close();
    expectConsistent(kit, [boot, first]);
    first.close();
    kit.settle();
    expect(kit.gpu.clients).toHaveLength(0);
    const third = connect(kit, boot, 'gpu');
    {
      using thirdInfo = receive(kit, third);
      expect(tagOf(thirdInfo)).toBe(WireTag.GpuInfo);
    }
    expect(kit.gpu.serviceStats()).toMatchObject({ clients: 1, accepted: 2 });
    expectConsistent(kit, [boot, third]);
  });

  it('records valid flushes as dirty rectangles and answers bad ones with InvalidArgument', async () => {
    const kit = await displayKit();
    const display = kit.kernel.machine.display;
    const boot = attachToInit(kit, 900);
    const client = connect(kit, boot, 'gpu');
    receive(kit, client)[Symbol.dispose]();
    display.takeFrame();
    using good = call(kit, client, flush(1020n, 760n, 4n, 8n));
    expect(tagOf(good)).toBe(WireTag.Ok);
    expect(display.pendingRects).toBe(1);
    const u64max = 2n ** 64n - 1n;
    const bad = [flush(0n, 0n, 0n, 1n), flush(1024n, 0n, 1n, 1n), flush(1021n, 0n, 4n, 1n), flush(0n, 760n, 1n, 9n),
      flush(u64max, 0n, 2n, 1n), flush(2n, 0n, u64max, 1n), flush(2n ** 53n, 0n, 1n, 1n)];
    for (const request of bad) {
      using reply = call(kit, client, request);
      expect(errorCode(reply)).toBe(RvosError.InvalidArgument);
    }
    for (const malformed of [new WireWriter(WireTag.GpuFlush).u64(1).bytes(), new WireWriter(WireTag.GpuInfo).bytes()]) {
      using reply = call(kit, client, malformed);
      expect(errorCode(reply)).toBe(RvosError.InvalidArgument);
    }
    const rects = display.takeFrame()?.rects.map(({ x, y, width, height }) => ({ x, y, width, height }));
    expect(rects, 'only the good flush is dirty').toEqual([{ x: 1020, y: 760, width: 4, height: 8 }]);
    expect(kit.gpu.serviceStats()).toMatchObject({ flushes: 1, badFlushes: bad.length });
    expectConsistent(kit, [boot, client]);
  });
});

describe('kbd and mouse services', () => {
  it('greets the client with Ok, refuses a second one, delivers events in order and discards them without a client', async () => {
    const kit = await displayKit();
    pushKeys(kit, [1, 2]);
    kit.settle();
    expect(kit.kbd.serviceStats()).toMatchObject({ clients: 0, discarded: 2, queued: 0 });
    const boot = attachToInit(kit, 900);
    const client = connect(kit, boot, 'kbd');
    {
      using hello = receive(kit, client);
      expect(tagOf(hello)).toBe(WireTag.Ok);
    }
    const other = connect(kit, boot, 'kbd');
    {
      using refused = receive(kit, other);
      expect(errorCode(refused)).toBe(RvosError.LimitReached);
    }
    pushKeys(kit, [30, 31, 32]);
    kit.settle();
    expect(drainKeys(client)).toEqual([30, 31, 32]);
    client.close();
    kit.settle();
    const again = connect(kit, boot, 'kbd');
    receive(kit, again)[Symbol.dispose]();
    pushKeys(kit, [44]);
    kit.settle();
    expect(drainKeys(again)).toEqual([44]);
    expect(kit.kbd.serviceStats()).toMatchObject({ clients: 1, delivered: 4, discarded: 2, dropped: 0 });
    expectConsistent(kit, [boot, other, again]);
  });

  it('holds events back while the client queue is full, loses none, and counts what the device must drop', async () => {
    const kit = await displayKit();
    const boot = attachToInit(kit, 900);
    const client = connect(kit, boot, 'kbd');
    receive(kit, client)[Symbol.dispose]();
    const depth = kit.kernel.limits.queueDepth;
    const codes = Array.from({ length: INPUT_QUEUE_MAX + depth + 5 }, (_, i) => i % 700);
    pushKeys(kit, codes.slice(0, INPUT_QUEUE_MAX));
    kit.settle();
    // The client's queue took `depth` events; the rest wait in the device, nothing dropped.
    expect(kit.kbd.serviceStats()).toMatchObject({ delivered: depth, queued: INPUT_QUEUE_MAX - depth, dropped: 0 });
    pushKeys(kit, codes.slice(INPUT_QUEUE_MAX));
    kit.settle();
    // The device fills up again: the last 5 events find no room and are counted.
    expect(kit.kbd.serviceStats()).toMatchObject({ delivered: depth, queued: INPUT_QUEUE_MAX, dropped: 5 });
    expectConsistent(kit, [boot, client]);
    const received: number[] = [];
    for (let round = 0; round < 20; round++) {
      received.push(...drainKeys(client));
      kit.settle();
    }
    expect(received).toEqual(codes.slice(0, INPUT_QUEUE_MAX + depth));
    const kbdView = introspect(kit.kernel).processes.find((p) => p.pid === kit.pids['kbd'])!;
    expect(kbdView.serviceStats).toMatchObject({ clients: 1, delivered: INPUT_QUEUE_MAX + depth, discarded: 0, dropped: 5, queued: 0 });
    expectConsistent(kit, [boot, client]);
  });

  it('sends pointer and wheel events as MouseEvent with position, buttons and notches', async () => {
    const kit = await displayKit();
    const boot = attachToInit(kit, 900);
    const client = connect(kit, boot, 'mouse');
    receive(kit, client)[Symbol.dispose]();
    const tablet = kit.kernel.machine.tablet;
    tablet.pushPointer(5000, 7, 1);
    tablet.pushWheel(-3);
    wakeInputWaiters(kit.kernel, tablet);
    kit.settle();
    const events: bigint[][] = [];
    for (let got = client.recv(); got.ok; got = client.recv()) {
      using msg = got.value;
      const r = new WireReader(msg.data);
      events.push([r.u64(), r.u64(), r.u64(), r.i64()]);
      expect(r.tag === WireTag.MouseEvent && r.end()).toBe(true);
    }
    expect(events).toEqual([[1023n, 7n, 1n, 0n], [1023n, 7n, 1n, -3n]]);
    using reply = call(kit, client, new WireWriter(WireTag.MouseEvent).bytes());
    expect(errorCode(reply)).toBe(RvosError.InvalidArgument);
    expectConsistent(kit, [boot, client]);
  });
});
