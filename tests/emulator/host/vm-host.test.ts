// The VM host (emulator/host/vm-host.ts) driven through its protocol in Node:
// boots the real kernel from the real boot image, sees the shell prompt, runs
// a command typed as console input, and pause/step/resume/reset change state.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBootImage } from '../../../emulator/host/boot-image.ts';
import { packInitrd, parseInitrd } from '../../../emulator/host/initrd.ts';
import type { BootImage } from '../../../emulator/kernel/context/kernel-context.ts';
import { Syscall } from '../../../emulator/kernel/abi/syscall-numbers.ts';
import { debugWrite, exit, userProgram } from '../kernel/proc/user-program.ts';
import type { HostMessage, RequestOp, RequestParams, RequestResults, RunStatus } from '../../../emulator/host/protocol/messages.ts';
import { VmHost } from '../../../emulator/host/vm-host.ts';
import { loadHartModule } from '../../../emulator/hart/hart.ts';
import { readElf } from '../../../emulator/toolchain/elf/elf-reader.ts';
import { SymbolMap } from '../../../emulator/toolchain/elf/symbol-map.ts';

/** A VmHost with a test-side client: typed requests, console text, the last state event. */
class HostHarness {
  readonly host: VmHost;
  console = '';
  states: RunStatus[] = [];
  errors: string[] = [];
  private nextId = 1;
  private readonly pending = new Map<number, (m: HostMessage) => void>();
  private readonly decoder = new TextDecoder();
  private readonly waiters: (() => void)[] = [];

  constructor(image: () => BootImage = buildBootImage) {
    this.host = new VmHost((message) => this.onMessage(message), {
      loadBootImage: async () => image(),
      loadHartModule,
    });
  }

  async request<Op extends RequestOp>(op: Op, params?: RequestParams[Op]): Promise<RequestResults[Op]> {
    const reply = await this.raw({ kind: 'request', id: this.nextId++, op, ...params });
    if (reply.kind !== 'response') throw new Error('not a response');
    if (!reply.ok) throw new Error(reply.error);
    return reply.result as RequestResults[Op];
  }

  raw(message: Record<string, unknown>): Promise<HostMessage> {
    return new Promise((resolve) => {
      this.pending.set(message['id'] as number, resolve);
      this.host.receive(message);
    });
  }

  type(text: string): void {
    this.host.receive({ kind: 'console-input', bytes: new TextEncoder().encode(text) });
  }

  /** Resolves when the console output contains `text` (after `from`); rejects after `ms`. */
  async waitFor(text: string, from = 0, ms = 60_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!this.console.includes(text, from)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${JSON.stringify(text)}; console:\n${this.console}`);
      await new Promise<void>((resolve) => { this.waiters.push(resolve); setTimeout(resolve, 50); });
    }
  }

  private onMessage(message: HostMessage): void {
    if (message.kind === 'response') {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
      return;
    }
    if (message.event === 'console-output') this.console += this.decoder.decode(message.bytes, { stream: true });
    if (message.event === 'state') this.states.push(message.status);
    if (message.event === 'error') this.errors.push(message.message);
    this.waiters.splice(0).forEach((w) => w());
  }
}

describe('VmHost', () => {
  let h: HostHarness;
  beforeAll(() => { h = new HostHarness(); });
  afterAll(() => h.host.dispose());

  it('boots rvos to the shell prompt and runs a typed command', { timeout: 180_000 }, async () => {
    const status = await h.request('boot');
    expect(status.state).toBe('running');
    await h.waitFor('rvos> ');
    const at = h.console.length;
    h.type('echo hi there\r');
    await h.waitFor('hi there\n', at);
    await h.waitFor('rvos> ', at);
    const now = await h.request('get-state');
    expect(now.state).toBe('running');
    expect(now.steps).toBeGreaterThan(100_000);
    expect(now.virtualTimeNs).toBeGreaterThan(0);
  });

  it('pauses, steps while paused, resumes, and reports state events', async () => {
    expect((await h.request('pause')).state).toBe('paused');
    expect(h.states.at(-1)?.state).toBe('paused');
    const before = (await h.request('get-state')).steps;
    h.type('echo stepped\r');
    const stepped = await h.request('step', { instructions: 200_000 });
    expect(stepped.steps).toBeGreaterThan(0);
    expect(stepped.status.steps).toBe(before + stepped.steps);
    expect(stepped.status.state).toBe('paused');
    await expect(h.request('resume')).resolves.toMatchObject({ state: 'running' });
    await h.waitFor('stepped\n');
    await expect(h.request('resume')).rejects.toThrow(/resume: the VM is running/);
    await expect(h.request('step', { instructions: 10 })).rejects.toThrow(/must be paused/);
    await expect(h.request('boot')).rejects.toThrow(/reset it instead/);
  });

  it('answers introspection with the shell in the process table', async () => {
    const snapshot = await h.request('introspect');
    expect(snapshot.processes.map((p) => p.name)).toEqual(expect.arrayContaining(['init', 'shell']));
  });

  it('names the function each user process is in from its program\'s symbols', async () => {
    const snapshot = await h.request('introspect');
    const shell = snapshot.processes.find((p) => p.name === 'shell')!;
    const symbols = SymbolMap.fromElf(readElf(buildBootImage().programs.find((p) => p.path === '/bin/shell')!.elf));
    expect(shell.function).toEqual(expect.any(String));
    expect(shell.function).toBe(symbols.describe(BigInt(shell.pc!)));
    const name = shell.function!.replace(/\+0x[0-9a-f]+$/, '');
    expect(name).not.toBe('');
    expect(symbols.lookup(BigInt(shell.pc!))?.symbol.name).toBe(name);
    for (const service of snapshot.processes.filter((p) => p.kind === 'service')) expect(service.function).toBeUndefined();
  });

  it('resets to a fresh VM that boots to the prompt again', { timeout: 60_000 }, async () => {
    const at = h.console.length;
    const status = await h.request('reset');
    expect(status.state).toBe('running');
    expect(status.steps).toBe(0);
    await h.waitFor('rvos> ', at);
  });

  it('answers a malformed request with an error and keeps working', async () => {
    const reply = await h.raw({ kind: 'request', id: 999, op: 'step', instructions: -5 });
    expect(reply).toMatchObject({ kind: 'response', id: 999, ok: false });
    h.host.receive({ kind: 'nonsense' });
    h.host.receive(null);
    expect(h.errors).toEqual(['unknown message kind "nonsense"', 'message is not an object']);
    expect((await h.request('get-state')).state).toBe('running');
  });
});

/** Sleeps 400 ms of virtual time, then prints "woke". */
const SLEEPER = userProgram(`
  li a0, 400000000
  sys ${Syscall.Sleep}
${debugWrite('msg', 5)}
${exit(0)}
  .data
msg: .ascii "woke\\n"
`);

describe('VmHost pacing', () => {
  it('makes a guest sleep take about as long in wall-clock time', { timeout: 120_000 }, async () => {
    const h = new HostHarness(() => {
      const image = buildBootImage();
      const initrd = packInitrd([...parseInitrd(image.initrd!), { path: '/bin/sleeper', kind: 'file', data: SLEEPER }]);
      return { programs: [...image.programs, { path: '/bin/sleeper', elf: SLEEPER }], initrd };
    });
    try {
      await h.request('boot');
      await h.waitFor('rvos> ');
      const at = h.console.length;
      const started = performance.now();
      const virtualStart = (await h.request('get-state')).virtualTimeNs;
      h.type('sleeper\r');
      await h.waitFor('woke\n', at);
      const wallMs = performance.now() - started;
      const virtualMs = ((await h.request('get-state')).virtualTimeNs - virtualStart) / 1e6;
      expect(virtualMs).toBeGreaterThanOrEqual(400);
      expect(wallMs).toBeGreaterThanOrEqual(380);
      expect(wallMs).toBeLessThan(5_000);
    } finally {
      h.host.dispose();
    }
  });
});
