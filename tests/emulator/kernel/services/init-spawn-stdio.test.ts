// InitSpawnStdio: init keeps the stdio endpoint in the child's launch record
// and answers the child's InitStdio with it (real /bin/hello: its output
// arrives on the endpoint, not on the console); references are right while
// the child lives, released when it exits; a hot-reload restart keeps it.

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { HandleKind, Right } from '../../../../emulator/kernel/abi/handles.ts';
import { WireTag } from '../../../../emulator/kernel/abi/wire-tags.ts';
import { buildGuestProgram } from '../../../../emulator/host/guest-programs.ts';
import { checkInvariants } from '../../../../emulator/kernel/introspection/invariants.ts';
import { OwnedEndpoint } from '../../../../emulator/kernel/ipc/owned-endpoint.ts';
import { WireReader, WireWriter } from '../../../../emulator/kernel/services/wire-codec.ts';
import { attachToInit, call, CHANNEL_RIGHTS, errorCode, refsOf, serviceKit, type ServiceKit } from './service-kit.ts';
import { blocker } from './blocker-program.ts';

/** A channel pair owned by the test: [the end passed as stdio, its peer (where the child's writes arrive)]. */
function channelPair(kit: ServiceKit): readonly [OwnedEndpoint, OwnedEndpoint] {
  const pair = OwnedEndpoint.createPair(kit.kernel);
  if (!pair.ok) throw new Error('no channel');
  return pair.value;
}

/** InitSpawnStdio `path` with `argv` and `stdio` as the Cap field; the pid (throws on an Error reply). */
function spawnStdio(kit: ServiceKit, boot: OwnedEndpoint, path: string, argv: string, stdio: OwnedEndpoint): number {
  const request = new WireWriter(WireTag.InitSpawnStdio).str(path).bytesField(new TextEncoder().encode(argv)).cap(0).bytes();
  using reply = call(kit, boot, request, [stdio.cap(CHANNEL_RIGHTS)]);
  const r = new WireReader(reply.data);
  if (r.tag !== WireTag.Ok) throw new Error(`spawn failed: error ${errorCode(reply)}`);
  return r.u64Number();
}

/** Runs the kernel and collects the ConsoleWrite text that arrives on `peer` up to a ConsoleRead (true) or until nothing more comes (false). */
function drainWrites(kit: ServiceKit, peer: OwnedEndpoint): { text: string; reading: boolean } {
  let text = '';
  kit.settle();
  for (let got = peer.recv(); got.ok; got = peer.recv()) {
    using msg = got.value;
    const r = new WireReader(msg.data);
    if (r.tag === WireTag.ConsoleRead) return { text, reading: true };
    expect(r.tag).toBe(WireTag.ConsoleWrite);
    text += new TextDecoder().decode(r.bytesField());
  }
  return { text, reading: false };
}

/** Closes the test's endpoints (so only kernel and service holders remain) and checks every invariant. */
function closeAndCheck(kit: ServiceKit, eps: OwnedEndpoint[]): void {
  for (const ep of eps) ep.close();
  kit.settle();
  expect(checkInvariants(kit.kernel)).toEqual([]);
}

describe('init: InitSpawnStdio', () => {
  it('answers the child\'s InitStdio with the given endpoint: /bin/hello talks there, not on the console; released on exit', async () => {
    const kit = await serviceKit({ image: { programs: [{ path: '/bin/hello', elf: buildGuestProgram('hello').elf }] } });
    const boot = attachToInit(kit, 900);
    const [mine, peer] = channelPair(kit);
    const pid = spawnStdio(kit, boot, 'hello', 'hello\0-\0', mine);
    // hello asked init for stdio and now waits for a line: mine + init's launch record + the child's handle.
    const first = drainWrites(kit, peer);
    expect(first).toEqual({ text: `Hello from rvos! (pid ${pid})\narg 1: -\ntype a line: `, reading: true });
    expect(refsOf(kit, mine.id)).toBe(3);
    expect(kit.init.children.find((c) => c.pid === pid)?.launch).toMatchObject({ caps: [], stdio: { id: mine.id } });
    expect(kit.kernel.processes.get(pid)!.handles!.entries().filter(([, e]) => e.objectId === mine.id)).toHaveLength(1);
    peer.send({ sender: 900, data: new WireWriter(WireTag.ConsoleData).bytesField(new TextEncoder().encode('typed\n')).bytes(), caps: [] });
    expect(drainWrites(kit, peer)).toEqual({ text: 'read: typed\n', reading: false });
    expect(kit.output()).not.toContain('Hello');
    expect(kit.kernel.exits.find((e) => e.pid === pid)?.status).toBe(0);
    expect(refsOf(kit, mine.id)).toBe(1);
    expect(kit.init.children.some((c) => c.launch?.stdio !== undefined)).toBe(false);
    closeAndCheck(kit, [peer, mine, boot]);
  });

  it('keeps the stdio endpoint across a hot-reload restart and releases it when the restarted child is killed', async () => {
    const kit = await serviceKit({ image: { programs: [{ path: '/bin/blocker', elf: blocker(1) }] } });
    const boot = attachToInit(kit, 900);
    const [mine, peer] = channelPair(kit);
    const oldPid = spawnStdio(kit, boot, '/bin/blocker', 'blocker\0', mine);
    kit.settle();
    const launch = kit.init.children.find((c) => c.pid === oldPid)!.launch;
    const initProcess = kit.kernel.processes.get(kit.pids['init']!)!;
    const outcome = kit.init.reloadProgram(kit.kernel, initProcess, '/bin/blocker', blocker(2));
    const newPid = outcome.restarted[0]!.newPid;
    kit.settle();
    expect(kit.init.children.find((c) => c.pid === newPid)?.launch).toBe(launch);
    expect(launch?.stdio?.id).toBe(mine.id);
    expect(refsOf(kit, mine.id)).toBe(2);
    using killed = call(kit, boot, new WireWriter(WireTag.InitKill).u64(newPid).bytes());
    expect(errorCode(killed)).toBe(RvosError.Ok);
    kit.settle();
    expect(refsOf(kit, mine.id)).toBe(1);
    closeAndCheck(kit, [peer, mine, boot]);
  });

  it('rejects a Cap field that names no cap, or a cap that is not a channel, leaving every reference as it was', async () => {
    const kit = await serviceKit({ image: { programs: [{ path: '/bin/blocker', elf: blocker(1) }] } });
    const boot = attachToInit(kit, 900);
    const [mine, peer] = channelPair(kit);
    const argv = new TextEncoder().encode('blocker\0');
    const noCap = new WireWriter(WireTag.InitSpawnStdio).str('/bin/blocker').bytesField(argv).cap(1).bytes();
    using r1 = call(kit, boot, noCap, [mine.cap(CHANNEL_RIGHTS)]);
    expect(errorCode(r1)).toBe(RvosError.InvalidArgument);
    const missing = new WireWriter(WireTag.InitSpawnStdio).str('/bin/blocker').bytesField(argv).bytes();
    using r2 = call(kit, boot, missing, [mine.cap(CHANNEL_RIGHTS)]);
    expect(errorCode(r2)).toBe(RvosError.InvalidArgument);
    const math = kit.kernel.processes.get(kit.pids['math']!)!;
    const mathRefs = math.refs;
    const notChannel = new WireWriter(WireTag.InitSpawnStdio).str('/bin/blocker').bytesField(argv).cap(1).bytes();
    using r3 = call(kit, boot, notChannel, [mine.cap(CHANNEL_RIGHTS), { kind: HandleKind.Process, id: math.pid, rights: Right.Transfer }]);
    expect(errorCode(r3)).toBe(RvosError.InvalidArgument);
    kit.settle();
    expect(refsOf(kit, mine.id)).toBe(1);
    expect(math.refs).toBe(mathRefs);
    expect(kit.init.children.length).toBe(1);
    closeAndCheck(kit, [peer, mine, boot]);
  });
});
