// Init's side of hot reload (InitService.reloadProgram, init-reload.ts) on a
// kernel with the services and tiny real programs: a child started with argv
// and a channel cap is ended and started again with the new ELF, the same
// argv and the same cap (init keeps a reference for that while it lives);
// names it registered are dropped; other processes are not touched.

import { describe, expect, it } from 'vitest';
import { EXIT_KILLED, HandleKind } from '../../../../emulator/kernel/abi/handles.ts';
import { WireTag } from '../../../../emulator/kernel/abi/wire-tags.ts';
import { OwnedEndpoint } from '../../../../emulator/kernel/ipc/owned-endpoint.ts';
import { WireReader, WireWriter } from '../../../../emulator/kernel/services/wire-codec.ts';
import { attachToInit, call, CHANNEL_RIGHTS, register, serviceKit } from './service-kit.ts';
import { blocker } from './blocker-program.ts';

describe('init: hot reload', () => {
  it('restarts a child with the new ELF, the same argv and caps, and drops the names it registered', async () => {
    const kit = await serviceKit({ image: { programs: [{ path: '/bin/blocker', elf: blocker(1) }, { path: '/bin/other', elf: blocker(3) }] } });
    const boot = attachToInit(kit, 900);
    const pair = OwnedEndpoint.createPair(kit.kernel);
    if (!pair.ok) throw new Error('no channel');
    const [mine, other] = pair.value;
    const spawn = (path: string, caps = [mine.cap(CHANNEL_RIGHTS)]): number => {
      using reply = call(kit, boot, new WireWriter(WireTag.InitSpawn).str(path).bytesField(new TextEncoder().encode('blocker\0-v\0')).bytes(), caps);
      const r = new WireReader(reply.data);
      return r.u64Number();
    };
    const oldPid = spawn('/bin/blocker');
    const otherPid = spawn('/bin/other', []);
    kit.settle();
    // Let the child's pid own a registry name, as InitRegister from its boot channel would.
    const child = kit.init.children.find((c) => c.pid === oldPid)!;
    const { service } = register(kit, boot, 'svc');
    const entry = kit.init.registry.entries.find((e) => e.name === 'svc')!;
    kit.init.registry.entries.splice(kit.init.registry.entries.indexOf(entry), 1, { ...entry, owner: oldPid });
    expect(kit.kernel.channels.endpoint(mine.id)!.refs).toBe(3); // mine, the child's handle, init's launch record

    const initProcess = kit.kernel.processes.get(kit.pids['init']!)!;
    const outcome = kit.init.reloadProgram(kit.kernel, initProcess, '/bin/blocker', blocker(2));
    expect(outcome.reRegistered).toEqual(['svc']);
    expect(outcome.restarted).toEqual([{ oldPid, newPid: expect.any(Number) }]);
    const newPid = outcome.restarted[0]!.newPid;
    expect(kit.kernel.exits.find((e) => e.pid === oldPid)?.status).toBe(EXIT_KILLED);
    expect(kit.init.registry.lookup('svc')).toBeUndefined();
    expect(service.peerClosed()).toBe(true);
    kit.settle();
    const restarted = kit.kernel.processes.get(newPid)!;
    expect(restarted.name).toBe('blocker');
    expect(restarted.handles!.entries().map(([, e]) => [e.kind, e.objectId])).toContainEqual([HandleKind.Channel, mine.id]);
    expect(kit.init.children.find((c) => c.pid === newPid)?.launch).toEqual(child.launch);
    expect(kit.kernel.channels.endpoint(mine.id)!.refs).toBe(3);
    expect(kit.kernel.processes.get(otherPid)?.state).not.toBe('zombie');
    expect(kit.kernel.exits.some((e) => e.pid === otherPid)).toBe(false);
    service.close();
    other.close();
    mine.close();
  });

  it('does not restart the file server, and reloading a program nobody runs restarts nothing', async () => {
    const kit = await serviceKit({ image: { programs: [{ path: '/bin/fs', elf: blocker(1) }] }, bootPrograms: ['/bin/fs'] });
    const initProcess = kit.kernel.processes.get(kit.pids['init']!)!;
    const fs = kit.kernel.processes.list().find((p) => p.name === 'fs')!;
    expect(kit.init.reloadProgram(kit.kernel, initProcess, '/bin/fs', blocker(2))).toEqual({ restarted: [], reRegistered: [] });
    expect(kit.init.reloadProgram(kit.kernel, initProcess, '/bin/none', blocker(2))).toEqual({ restarted: [], reRegistered: [] });
    kit.settle();
    expect(kit.kernel.processes.get(fs.pid)?.name).toBe('fs');
    expect(kit.output()).not.toContain('cannot restart');
  });
});
