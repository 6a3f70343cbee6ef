// Init launching real user programs: InitSpawn from the boot image and from a
// file server (a kernel-side fake speaking the fs protocol: FsOpen, FileRead
// chunks), BootInfo with caps, the failure paths (each leaves every count as
// it was), InitKill, and boot programs (/bin/fs with the initrd SHM cap).

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { EXIT_KILLED, HandleKind, Right } from '../../../../emulator/kernel/abi/handles.ts';
import { FILE_CHUNK, OpenFlag, WireTag } from '../../../../emulator/kernel/abi/wire-tags.ts';
import { OwnedEndpoint } from '../../../../emulator/kernel/ipc/owned-endpoint.ts';
import { memInfoCounts } from '../../../../emulator/kernel/syscall/misc.ts';
import { errorResponse, WireReader, WireWriter } from '../../../../emulator/kernel/services/wire-codec.ts';
import { exit, userProgram } from '../proc/user-program.ts';
import { attachToInit, call, CHANNEL_RIGHTS, errorCode, receive, serviceKit, type ServiceKit } from './service-kit.ts';

/** Receives on its boot channel forever (BootInfo first, then blocks). */
const BLOCKER = userProgram(`
  li t0, 2048
  sub sp, sp, t0
1:
  li a0, 0
  mv a1, sp
  sys 204
  j 1b
`);
const SEVEN = userProgram(exit(7));

function spawnRequest(path: string, argv = ''): Uint8Array {
  return new WireWriter(WireTag.InitSpawn).str(path).bytesField(new TextEncoder().encode(argv)).bytes();
}

/** The pid of an Ok + U64 pid + Cap(0) spawn reply (the process cap is released); throws on an Error reply. */
function spawned(kit: ServiceKit, reply: ReturnType<typeof receive>): number {
  const r = new WireReader(reply.data);
  const pid = r.u64Number();
  const index = r.cap(reply.capCount);
  if (r.tag !== WireTag.Ok || !r.end()) throw new Error(`spawn failed: error ${errorCode(reply)}`);
  expect(reply.peekCap(index)).toEqual({ kind: HandleKind.Process, id: pid, rights: Right.Wait | Right.Kill | Right.Transfer });
  expect(kit.kernel.processes.get(pid)!.refs).toBe(1);
  return pid;
}

describe('init: InitSpawn from the boot image', () => {
  it('starts the program and answers Ok + pid + a process cap holding one reference', async () => {
    const kit = await serviceKit({ image: { programs: [{ path: '/bin/seven', elf: SEVEN }] } });
    const boot = attachToInit(kit, 900);
    using reply = call(kit, boot, spawnRequest('seven'));
    const pid = spawned(kit, reply);
    expect(kit.kernel.processes.get(pid)!.name).toBe('seven');
    kit.settle();
    expect(kit.kernel.exits.find((e) => e.pid === pid)?.status).toBe(7);
  });

  it('passes argv and caps in BootInfo; the child and init (kept for a hot reload) each hold one more reference on each cap', async () => {
    const kit = await serviceKit({ image: { programs: [{ path: '/bin/blocker', elf: BLOCKER }] } });
    const boot = attachToInit(kit, 900);
    const pair = OwnedEndpoint.createPair(kit.kernel);
    if (!pair.ok) throw new Error('no channel');
    const [mine, other] = pair.value;
    using reply = call(kit, boot, spawnRequest('/bin/blocker', 'blocker\0-v\0'), [mine.cap(CHANNEL_RIGHTS)]);
    const pid = spawned(kit, reply);
    kit.settle();
    const child = kit.kernel.processes.get(pid)!;
    expect(child.handles!.entries().map(([h, e]) => [h, e.kind, e.objectId])).toEqual([[0, HandleKind.Channel, expect.any(Number)], [1, HandleKind.Channel, mine.id]]);
    expect(kit.kernel.channels.endpoint(mine.id)!.refs).toBe(3);
    using killed = call(kit, boot, new WireWriter(WireTag.InitKill).u64(pid).bytes());
    expect(errorCode(killed)).toBe(RvosError.Ok);
    expect(kit.kernel.exits.find((e) => e.pid === pid)?.status).toBe(EXIT_KILLED);
    expect(kit.kernel.channels.endpoint(mine.id)!.refs).toBe(1);
    other.close();
    mine.close();
  });

  it('rolls back a failed spawn: BadExecutable and NotFound leave every count and cap as it was', async () => {
    const kit = await serviceKit({ image: { programs: [{ path: '/bin/junk', elf: Uint8Array.of(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1) }] } });
    const boot = attachToInit(kit, 900);
    const pair = OwnedEndpoint.createPair(kit.kernel);
    if (!pair.ok) throw new Error('no channel');
    const [mine] = pair.value;
    const before = memInfoCounts(kit.kernel);
    using bad = call(kit, boot, spawnRequest('junk'), [mine.cap(CHANNEL_RIGHTS)]);
    expect(errorCode(bad)).toBe(RvosError.BadExecutable);
    using missing = call(kit, boot, spawnRequest('/bin/none'));
    expect(errorCode(missing)).toBe(RvosError.NotFound);
    kit.settle();
    expect(memInfoCounts(kit.kernel)).toEqual(before);
    expect(kit.kernel.channels.endpoint(mine.id)!.refs).toBe(1);
    expect(kit.init.jobs).toHaveLength(0);
  });

  it('answers TooManyProcesses when the table is full, and spawns again after an InitKill', async () => {
    const kit = await serviceKit({ image: { programs: [{ path: '/bin/blocker', elf: BLOCKER }] } });
    const boot = attachToInit(kit, 900);
    const pids: number[] = [];
    for (;;) {
      using reply = call(kit, boot, spawnRequest('blocker'));
      if (errorCode(reply) !== RvosError.Ok) {
        expect(errorCode(reply)).toBe(RvosError.TooManyProcesses);
        break;
      }
      pids.push(spawned(kit, reply));
    }
    expect(kit.kernel.processes.count).toBe(kit.kernel.limits.processes);
    const frames = memInfoCounts(kit.kernel).framesFree;
    using killed = call(kit, boot, new WireWriter(WireTag.InitKill).u64(pids[0]!).bytes());
    expect(errorCode(killed)).toBe(RvosError.Ok);
    expect(memInfoCounts(kit.kernel).framesFree).toBeGreaterThan(frames);
    using again = call(kit, boot, spawnRequest('blocker'));
    expect(errorCode(again)).toBe(RvosError.Ok);
  });
});

/** A kernel-side file server: registers "fs" with init and serves one file per connection. */
class FakeFs {
  readonly control: OwnedEndpoint;
  readonly reads: number[] = [];
  readonly opened: string[] = [];

  constructor(private readonly kit: ServiceKit, boot: OwnedEndpoint) {
    const pair = OwnedEndpoint.createPair(kit.kernel);
    if (!pair.ok) throw new Error('no channel');
    const [control, initEnd] = pair.value;
    using reply = call(kit, boot, new WireWriter(WireTag.InitRegister).str('fs').cap(0).bytes(), [initEnd.cap(CHANNEL_RIGHTS)]);
    initEnd.close();
    expect(errorCode(reply)).toBe(RvosError.Ok);
    this.control = control;
  }

  /** Serves the next connection: FsOpen answered with `open`'s result, then FileRead chunks of `file` until `stopAfter` reads. */
  serve(file: Uint8Array | number, stopAfter = Infinity): void {
    using note = receive(this.kit, this.control);
    using server = OwnedEndpoint.fromMessage(this.kit.kernel, note, new WireReader(note.data).cap(note.capCount))!;
    using open = receive(this.kit, server);
    const r = new WireReader(open.data);
    expect(r.tag).toBe(WireTag.FsOpen);
    this.opened.push(r.str());
    expect(r.u64()).toBe(BigInt(OpenFlag.Read));
    if (typeof file === 'number') {
      server.send({ sender: 0, data: errorResponse(file as 15), caps: [] });
      return;
    }
    const pair = OwnedEndpoint.createPair(this.kit.kernel);
    if (!pair.ok) throw new Error('no channel');
    using fileServer = pair.value[0];
    using fileClient = pair.value[1];
    server.send({ sender: 0, data: new WireWriter(WireTag.Ok).u64(file.length).cap(0).bytes(), caps: [fileClient.cap(CHANNEL_RIGHTS)] });
    for (let n = 0; n < stopAfter; n++) {
      this.kit.settle();
      const got = fileServer.recv();
      if (!got.ok) return;
      using req = got.value;
      const q = new WireReader(req.data);
      const offset = q.u64Number();
      const len = q.u64Number();
      expect(q.tag).toBe(WireTag.FileRead);
      this.reads.push(len);
      fileServer.send({ sender: 0, data: new WireWriter(WireTag.FileData).bytesField(file.subarray(offset, offset + len)).bytes(), caps: [] });
    }
  }
}

describe('init: programs from the file server', () => {
  it('loads the ELF in FileRead chunks and starts it', async () => {
    const kit = await serviceKit();
    const boot = attachToInit(kit, 900);
    const fs = new FakeFs(kit, boot);
    const channels = kit.kernel.channels.count;
    const elf = SEVEN;
    expect(elf.length).toBeGreaterThan(FILE_CHUNK);
    boot.send({ sender: 900, data: spawnRequest('seven'), caps: [] });
    fs.serve(elf);
    using reply = receive(kit, boot);
    const pid = spawned(kit, reply);
    expect(fs.opened).toEqual(['/bin/seven']);
    expect(fs.reads.every((len) => len <= FILE_CHUNK)).toBe(true);
    expect(fs.reads.reduce((a, b) => a + b, 0)).toBe(elf.length);
    kit.settle();
    expect(kit.kernel.exits.find((e) => e.pid === pid)?.status).toBe(7);
    expect(kit.kernel.channels.count).toBe(channels);
  });

  it('passes the file server error on; a file closed mid-read is PeerClosed, an image larger than free memory NoMemory; no leaks', async () => {
    const kit = await serviceKit();
    const boot = attachToInit(kit, 900);
    const fs = new FakeFs(kit, boot);
    const before = memInfoCounts(kit.kernel);
    boot.send({ sender: 900, data: spawnRequest('missing'), caps: [] });
    fs.serve(RvosError.NotFound);
    using notFound = receive(kit, boot);
    expect(errorCode(notFound)).toBe(RvosError.NotFound);
    boot.send({ sender: 900, data: spawnRequest('seven'), caps: [] });
    fs.serve(SEVEN, 1);
    using cut = receive(kit, boot);
    expect(errorCode(cut)).toBe(RvosError.PeerClosed);
    boot.send({ sender: 900, data: spawnRequest('huge'), caps: [] });
    fs.serve(new Uint8Array(kit.kernel.frames.freeCount * 4096 + 1), 0);
    using huge = receive(kit, boot);
    expect(errorCode(huge)).toBe(RvosError.NoMemory);
    expect(memInfoCounts(kit.kernel)).toEqual(before);
    expect(kit.init.jobs).toHaveLength(0);
  });
});

describe('init: boot programs', () => {
  it('starts /bin/fs from the boot image with the initrd as a read-only SHM cap', async () => {
    const initrd = Uint8Array.from({ length: 5000 }, (_, i) => i & 0xff);
    const kit = await serviceKit({ image: { programs: [{ path: '/bin/fs', elf: BLOCKER }], initrd }, bootPrograms: ['/bin/fs'] });
    const fs = kit.kernel.processes.list().find((p) => p.name === 'fs')!;
    const [, shm] = fs.handles!.entries();
    expect(shm![1]).toMatchObject({ kind: HandleKind.Shm, rights: Right.Read | Right.Transfer });
    const region = kit.kernel.shm.get(shm![1].objectId)!;
    expect(region.refs).toBe(1);
    const copy = new Uint8Array(region.frames.length * 4096);
    region.frames.forEach((f, i) => copy.set(kit.kernel.mem.read(f, 4096), i * 4096));
    expect(copy.subarray(0, initrd.length)).toEqual(initrd);
  });

  it('starts a boot program that is not in the image once the file server registers', async () => {
    const kit = await serviceKit({ bootPrograms: ['/bin/late'] });
    expect(kit.kernel.processes.list().map((p) => p.name)).not.toContain('late');
    const boot = attachToInit(kit, 900);
    const fs = new FakeFs(kit, boot);
    fs.serve(SEVEN);
    kit.settle();
    expect(fs.opened).toEqual(['/bin/late']);
    expect(kit.kernel.exits.find((e) => e.name === 'late')?.status).toBe(7);
  });
});
