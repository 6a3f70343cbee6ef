// What the capability-graph feed costs the VM: runs the guest `bench` program
// (IPC, spawns, SHM: many graph changes) from the shell of a real VmHost with
// the feed unsubscribed and subscribed, alternating, and compares the speed
// (steps per CPU second of this process) of the best run of each; and, less exposed to
// other load on the machine, the host time one feed emission takes (snapshot +
// diff), which bounds the cost at FEED_INTERVAL_MS between emissions.

import { buildBootImage } from '../../emulator/host/boot-image.ts';
import type { HostMessage, RequestOp, RequestResults } from '../../emulator/host/protocol/messages.ts';
import { diffSnapshot, FEED_INTERVAL_MS } from '../../emulator/host/introspection-feed.ts';
import { VmHost } from '../../emulator/host/vm-host.ts';
import { loadHartModule } from '../../emulator/hart/hart.ts';

export interface FeedCost {
  /** Million steps per CPU second of the best run without and with the feed. */
  readonly offMips: number;
  readonly onMips: number;
  /** Speed lost with the feed on, in percent of the speed without (negative: noise). */
  readonly costPercent: number;
  /** Diffs sent during the best subscribed run, and its wall-clock milliseconds. */
  readonly diffs: number;
  readonly runMs: number;
  /** Median host ms of one emission (introspect + diff against the previous), and the speed share it bounds. */
  readonly emissionMs: number;
  readonly boundPercent: number;
}

const EMISSIONS = 40;
const WARM_UP_RUNS = 3;

const PROMPT = 'rvos> ';

/** A VmHost driven like the UI drives it: requests by id, console text, diff count. */
class Driver {
  readonly host: VmHost;
  text = '';
  diffs = 0;
  private nextId = 1;
  private readonly pending = new Map<number, (m: HostMessage) => void>();

  constructor() {
    this.host = new VmHost((m) => this.onMessage(m), { loadBootImage: async () => buildBootImage(), loadHartModule });
  }

  async request<Op extends RequestOp>(op: Op): Promise<RequestResults[Op]> {
    const id = this.nextId++;
    const reply = await new Promise<HostMessage>((resolve) => { this.pending.set(id, resolve); this.host.receive({ kind: 'request', id, op }); });
    if (reply.kind !== 'response' || !reply.ok) throw new Error(`graph bench: ${op} failed`);
    return reply.result as RequestResults[Op];
  }

  /** Types `line` and resolves when one more prompt has appeared. */
  async command(line: string, ms = 120_000): Promise<void> {
    const prompts = this.text.split(PROMPT).length;
    this.host.receive({ kind: 'console-input', bytes: new TextEncoder().encode(`${line}\r`) });
    const deadline = Date.now() + ms;
    while (this.text.split(PROMPT).length <= prompts) {
      if (Date.now() > deadline) throw new Error(`graph bench: no prompt after ${line}; console: ${this.text.slice(-300)}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  private onMessage(message: HostMessage): void {
    if (message.kind === 'response') {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
    } else if (message.event === 'console-output') {
      this.text += new TextDecoder().decode(message.bytes);
    } else if (message.event === 'introspection-diff') {
      this.diffs++;
    }
  }
}

/** Runs `bench` `rounds` times each way (alternating); rejects when the VM does not reach the prompt. */
export async function measureFeedCost(rounds: number): Promise<FeedCost> {
  const d = new Driver();
  try {
    await d.request('boot');
    for (let i = 0; i < WARM_UP_RUNS; i++) await d.command('bench'); // JIT warm-up: the first runs are much slower
    const best = { off: { mips: 0, diffs: 0, ms: 0 }, on: { mips: 0, diffs: 0, ms: 0 } };
    for (let i = 0; i < rounds; i++) {
      for (const mode of ['off', 'on'] as const) {
        await d.request(mode === 'on' ? 'graph-subscribe' : 'graph-unsubscribe');
        const steps = (await d.request('get-state')).steps;
        const diffs = d.diffs;
        const start = performance.now();
        const cpu = process.cpuUsage();
        await d.command('bench');
        const ms = performance.now() - start;
        const used = process.cpuUsage(cpu);
        // Per CPU second of this process (the VM and the feed are all it runs): less disturbed by other load than wall time.
        const mips = ((await d.request('get-state')).steps - steps) / ((used.user + used.system) / 1000) / 1000;
        if (mips > best[mode].mips) best[mode] = { mips, diffs: d.diffs - diffs, ms };
      }
    }
    const emissionMs = await measureEmission(d);
    return {
      offMips: best.off.mips, onMips: best.on.mips, costPercent: (1 - best.on.mips / best.off.mips) * 100, diffs: best.on.diffs, runMs: best.on.ms,
      emissionMs, boundPercent: (emissionMs / FEED_INTERVAL_MS) * 100,
    };
  } finally {
    d.host.dispose();
  }
}

/** Median ms of one snapshot + diff (what the feed does per emission) on the driver's booted VM. */
async function measureEmission(d: Driver): Promise<number> {
  let baseline = diffSnapshot(undefined, await d.request('introspect')).baseline;
  const times: number[] = [];
  for (let i = 0; i < EMISSIONS; i++) {
    const start = performance.now();
    baseline = diffSnapshot(baseline, await d.request('introspect')).baseline;
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[times.length >> 1]!;
}
