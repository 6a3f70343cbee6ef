// Tests of the VM host's utility-process manager with Electron's parts faked:
// start forks once, connect wires a MessageChannelMain (port1 to the utility
// process, port2 to the renderer), a crash restarts it, reconnects and notifies
// the renderer, repeated crashes give up, and stop (quit) is not a crash.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { MAX_RESTARTS, RESTART_WINDOW_MS, VmHostProcess, type UtilityChild } from '../../main/vm-host-process.ts';
import type { VmHostNotice } from '../../preload/workbench-api.ts';

class FakeChild extends EventEmitter implements UtilityChild {
  readonly posted: { message: unknown; transfer: unknown[] | undefined }[] = [];
  killed = false;
  postMessage(message: unknown, transfer?: unknown[]): void { this.posted.push({ message, transfer }); }
  kill(): boolean { this.killed = true; this.emit('exit', 0); return true; }
  crash(code: number): void { this.emit('exit', code); }
}

function setup(hasWindow = true) {
  const children: FakeChild[] = [];
  const rendererPorts: unknown[] = [];
  const notices: VmHostNotice[] = [];
  let channels = 0;
  let clock = 0;
  const manager = new VmHostProcess({
    fork: () => { const child = new FakeChild(); children.push(child); return child; },
    createChannel: () => { channels++; return { port1: `port1#${channels}`, port2: `port2#${channels}` }; },
    postPortToRenderer: (port) => { if (hasWindow) rendererPorts.push(port); return hasWindow; },
    notifyRenderer: (notice) => notices.push(notice),
    now: () => clock,
  });
  return { manager, children, rendererPorts, notices, advance: (ms: number) => { clock += ms; } };
}

describe('VmHostProcess', () => {
  it('forks the utility process once', () => {
    const { manager, children } = setup();
    manager.start();
    manager.start();
    expect(children.length).toBe(1);
  });

  it('connects the renderer with a fresh channel: port1 to the utility process, port2 to the renderer', () => {
    const { manager, children, rendererPorts } = setup();
    expect(manager.connect()).toBe(true);
    expect(manager.connect()).toBe(true);
    expect(children.length).toBe(1);
    expect(children[0]!.posted).toEqual([
      { message: { type: 'rvos:vm-connect' }, transfer: ['port1#1'] },
      { message: { type: 'rvos:vm-connect' }, transfer: ['port1#2'] },
    ]);
    expect(rendererPorts).toEqual(['port2#1', 'port2#2']);
  });

  it('does not hand the utility process a port when there is no window', () => {
    const { manager, children } = setup(false);
    expect(manager.connect()).toBe(false);
    expect(children[0]!.posted).toEqual([]);
  });

  it('restarts after a crash, tells the renderer and reconnects it', () => {
    const { manager, children, rendererPorts, notices } = setup();
    manager.connect();
    children[0]!.crash(139);
    expect(children.length).toBe(2);
    expect(notices).toEqual([{ kind: 'restarted', exitCode: 139, message: expect.stringMatching(/stopped unexpectedly \(exit code 139\) and was restarted/) }]);
    expect(children[1]!.posted).toEqual([{ message: { type: 'rvos:vm-connect' }, transfer: ['port1#2'] }]);
    expect(rendererPorts).toEqual(['port2#1', 'port2#2']);
  });

  it(`gives up after more than ${MAX_RESTARTS} crashes within a minute, but not when they are spread out`, () => {
    const spread = setup();
    spread.manager.start();
    for (let i = 0; i <= MAX_RESTARTS + 2; i++) {
      spread.children.at(-1)!.crash(1);
      spread.advance(RESTART_WINDOW_MS / 2);
    }
    expect(spread.notices.every((notice) => notice.kind === 'restarted')).toBe(true);

    const rapid = setup();
    rapid.manager.start();
    for (let i = 0; i <= MAX_RESTARTS; i++) rapid.children.at(-1)!.crash(1);
    expect(rapid.children.length).toBe(MAX_RESTARTS + 1);
    expect(rapid.notices.at(-1)).toMatchObject({ kind: 'failed', exitCode: 1 });
    expect(rapid.manager.connect()).toBe(false); // stays down: no fork on a later connect
    expect(rapid.children.length).toBe(MAX_RESTARTS + 1);
  });

  it('stops cleanly on quit: kills the child, no restart, no notice, no new fork', () => {
    const { manager, children, notices } = setup();
    manager.connect();
    manager.stop();
    expect(children[0]!.killed).toBe(true);
    expect(children.length).toBe(1);
    expect(notices).toEqual([]);
    expect(manager.connect()).toBe(false);
  });

  it('ignores the exit of a child it already replaced', () => {
    const { manager, children, notices } = setup();
    manager.start();
    const first = children[0]!;
    first.crash(1);
    first.crash(1);
    expect(children.length).toBe(2);
    expect(notices.length).toBe(1);
  });
});
