// Test support for the snapshot tests: a protocol client around a real VmHost
// (typed requests, console text, state events), a small VM booted to the shell
// prompt headless, and a crafted-file helper that reseals the whole-file checksum.

import { buildBootImage } from '../../../../emulator/host/boot-image.ts';
import type { HostMessage, RequestOp, RequestParams, RequestResults, RunStatus } from '../../../../emulator/host/protocol/messages.ts';
import { sha256 } from '../../../../emulator/host/snapshot/snapshot-digest.ts';
import { TRAILER_SIZE } from '../../../../emulator/host/snapshot/snapshot-file-format.ts';
import { ConsoleText, ShellSession } from '../../../../emulator/host/snapshot/shell-session.ts';
import { VmHost } from '../../../../emulator/host/vm-host.ts';
import { loadHartModule } from '../../../../emulator/hart/hart.ts';
import type { BootImage } from '../../../../emulator/kernel/context/kernel-context.ts';
import { bootSystem } from '../../../../emulator/kernel/system/boot.ts';
import { Syscall } from '../../../../emulator/kernel/abi/syscall-numbers.ts';
import { packInitrd, parseInitrd } from '../../../../emulator/host/initrd.ts';
import { debugWrite, exit, userProgram } from '../../kernel/proc/user-program.ts';

/** The RAM of the test VMs: small, so snapshot files are small (about 240 KB). */
export const TEST_RAM_MIB = 16;

/** `spin`: about 600 million steps of busy loop (a few seconds, so a save under CPU contention ends first), then "spun". */
const SPIN = userProgram(`
  li t0, 300000000
loop:
  addi t0, t0, -1
  bnez t0, loop
${debugWrite('msg', 5)}
${exit(0)}
  .data
msg: .ascii "spun\\n"
`);

/** `nap`: sleeps 3 ms of virtual time three times, printing "z" after each. */
const NAP = userProgram(`
  li s1, 3
again:
  li a0, 3000000
  sys ${Syscall.Sleep}
${debugWrite('msg', 1)}
  addi s1, s1, -1
  bnez s1, again
${exit(0)}
  .data
msg: .ascii "z"
`);

let testImage: BootImage | undefined;

/** The boot image with two test programs added: /bin/spin (busy) and /bin/nap (sleeps; input-log time events). */
export function imageWithTestPrograms(): BootImage {
  if (testImage !== undefined) return testImage;
  const image = buildBootImage();
  const extra = [{ path: '/bin/spin', elf: SPIN }, { path: '/bin/nap', elf: NAP }];
  const initrd = packInitrd([...parseInitrd(image.initrd!), ...extra.map((p) => ({ path: p.path, kind: 'file' as const, data: p.elf }))]);
  testImage = { programs: [...image.programs, ...extra], initrd };
  return testImage;
}

/** A VmHost driven through receive()/send like the UI does. */
export class HostClient {
  readonly host: VmHost;
  console = '';
  readonly states: RunStatus[] = [];
  readonly events: HostMessage[] = [];
  private nextId = 1;
  private readonly pending = new Map<number, (m: HostMessage) => void>();
  private readonly decoder = new TextDecoder();
  private readonly waiters: (() => void)[] = [];

  constructor(image: () => BootImage = buildBootImage) {
    this.host = new VmHost((message) => this.onMessage(message), { loadBootImage: async () => image(), loadHartModule });
  }

  /** The operation's result; rejects with the host's error message. */
  async request<Op extends RequestOp>(op: Op, params?: RequestParams[Op]): Promise<RequestResults[Op]> {
    const reply = await this.raw({ kind: 'request', id: this.nextId++, op, ...params });
    if (reply.kind !== 'response') throw new Error('not a response');
    if (!reply.ok) throw new Error(reply.error);
    return reply.result as RequestResults[Op];
  }

  /** The host's response to `message` (which must carry a fresh id when given one). */
  raw(message: Record<string, unknown>): Promise<HostMessage> {
    const id = (message['id'] as number | undefined) ?? this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.host.receive({ ...message, id });
    });
  }

  type(text: string): void {
    this.host.receive({ kind: 'console-input', bytes: new TextEncoder().encode(text) });
  }

  /** Resolves when the console output contains `text` after index `from`. */
  async waitFor(text: string, from = 0, ms = 60_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!this.console.includes(text, from)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${JSON.stringify(text)}; console:\n${this.console}`);
      await new Promise<void>((resolve) => { this.waiters.push(resolve); setTimeout(resolve, 20); });
    }
  }

  /** Boots a TEST_RAM_MIB VM and waits for the shell prompt. */
  async bootToPrompt(): Promise<void> {
    await this.request('boot', { ramMib: TEST_RAM_MIB });
    await this.waitFor('rvos> ');
  }

  private onMessage(message: HostMessage): void {
    if (message.kind === 'response') {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
      return;
    }
    this.events.push(message);
    if (message.event === 'console-output') this.console += this.decoder.decode(message.bytes, { stream: true });
    if (message.event === 'state') this.states.push(message.status);
    this.waiters.splice(0).forEach((w) => w());
  }
}

/** A TEST_RAM_MIB VM booted headless (deterministically) to the shell prompt. */
export async function shellAtPrompt(image: BootImage = buildBootImage()): Promise<ShellSession> {
  const output = new ConsoleText();
  const kernel = await bootSystem(image, { machine: { ramSize: TEST_RAM_MIB * 1024 * 1024 }, consoleOutput: (b) => output.push(b) });
  const session = new ShellSession(kernel, output);
  session.runToPrompt(500_000_000);
  return session;
}

/** `file` changed by `patch` with its whole-file checksum recomputed (passes the first check). */
export async function resealed(file: Uint8Array, patch: (view: DataView, bytes: Uint8Array) => void): Promise<Uint8Array> {
  const out = file.slice();
  patch(new DataView(out.buffer), out);
  out.set(await sha256(out.subarray(0, out.length - TRAILER_SIZE)), out.length - TRAILER_SIZE);
  return out;
}
