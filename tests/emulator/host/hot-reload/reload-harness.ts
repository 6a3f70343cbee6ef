// Test side of the hot-reload tests: a headless VmHost booted from the real
// boot image with the userland source tree read from disk, typed requests,
// the console text, 'reload' events, and leak counts from introspection.

import { buildBootImage } from '../../../../emulator/host/boot-image.ts';
import type { HostIntrospection, HostMessage, RequestOp, RequestParams, RequestResults } from '../../../../emulator/host/protocol/messages.ts';
import type { SourceSaveResult } from '../../../../emulator/host/protocol/hot-reload-types.ts';
import { diskSourceTree } from '../../../../emulator/host/userland-build/disk-source-tree.ts';
import { VmHost } from '../../../../emulator/host/vm-host.ts';
import { loadHartModule } from '../../../../emulator/hart/hart.ts';

export class ReloadHarness {
  readonly host: VmHost;
  console = '';
  readonly reloads: (SourceSaveResult & { path: string })[] = [];
  private nextId = 1;
  private readonly pending = new Map<number, (m: HostMessage) => void>();
  private readonly decoder = new TextDecoder();

  constructor() {
    this.host = new VmHost((message) => this.onMessage(message), {
      loadBootImage: async () => buildBootImage(),
      loadHartModule,
      loadSourceTree: async () => diskSourceTree(),
    });
  }

  async request<Op extends RequestOp>(op: Op, params?: RequestParams[Op]): Promise<RequestResults[Op]> {
    const reply = await new Promise<HostMessage>((resolve) => {
      const id = this.nextId++;
      this.pending.set(id, resolve);
      this.host.receive({ kind: 'request', id, op, ...params });
    });
    if (reply.kind !== 'response') throw new Error('not a response');
    if (!reply.ok) throw new Error(reply.error);
    return reply.result as RequestResults[Op];
  }

  type(text: string): void {
    this.host.receive({ kind: 'console-input', bytes: new TextEncoder().encode(text) });
  }

  /** Resolves when the console contains `text` after offset `from`; rejects after `ms`. */
  async waitFor(text: string | RegExp, from = 0, ms = 30_000): Promise<void> {
    const deadline = Date.now() + ms;
    const found = (): boolean => (typeof text === 'string' ? this.console.includes(text, from) : text.test(this.console.slice(from)));
    while (!found()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)}; console:\n${this.console.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** pid of the live user process named `name` (the first one). */
  async pidOf(name: string): Promise<number | undefined> {
    const snap = await this.request('introspect');
    return snap.processes.find((p) => p.name === name && p.state !== 'zombie')?.pid;
  }

  private onMessage(message: HostMessage): void {
    if (message.kind === 'response') {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
      return;
    }
    if (message.event === 'console-output') this.console += this.decoder.decode(message.bytes, { stream: true });
    if (message.event === 'reload') this.reloads.push(message);
  }
}

/** Kernel object counts from introspection, leaving out the processes named in `except` (restarted ones). */
export function objectCounts(snap: HostIntrospection, except: readonly string[]): Record<string, number> {
  const kept = snap.processes.filter((p) => p.state !== 'zombie' && !except.includes(p.name));
  const restartedFrames = snap.frames.perProcess.filter((f) => !kept.some((p) => p.pid === f.pid)).reduce((n, f) => n + f.frames, 0);
  return {
    processes: snap.processes.filter((p) => p.state !== 'zombie').length,
    endpoints: snap.endpoints.length,
    shm: snap.shm.length,
    handlesOfOthers: kept.reduce((n, p) => n + p.handles.length, 0),
    framesOfOthers: snap.frames.used - restartedFrames,
  };
}
