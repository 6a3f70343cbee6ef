// The console service: up to limits.consoleClients connections share the
// machine console. ConsoleWrite goes to the kernel's console output; input
// pushed by the host (KernelContext.consoleInput) passes the line discipline
// (console-input.ts) and is handed to the oldest pending ConsoleRead, never
// more bytes than it asked for; what nobody asked for yet stays buffered.

import { MSG_DATA_MAX } from '../abi/message.ts';
import { WIRE_TAG_SIZE } from '../abi/wire-format.ts';
import { ConsoleMode, WireTag } from '../abi/wire-tags.ts';
import type { KernelContext } from '../context/kernel-context.ts';
import type { OwnedEndpoint } from '../ipc/owned-endpoint.ts';
import type { ReceivedMessage } from '../ipc/received-message.ts';
import { addWaiter } from '../ipc/waiters.ts';
import type { Process } from '../proc/process.ts';
import { ClientService, type ServiceClient } from './client-service.ts';
import { ConsoleInputState } from './console-input.ts';
import { tagOnly, WireReader, WireWriter } from './wire-codec.ts';

/** Most bytes one ConsoleData reply carries (a message minus the tag and the Bytes field header). */
export const CONSOLE_READ_MAX = MSG_DATA_MAX - WIRE_TAG_SIZE - 3;
const MODE_BITS = ConsoleMode.Canonical | ConsoleMode.Echo;

export interface ConsoleClient extends ServiceClient {
  readonly id: number;
  /** The `max` of the ConsoleRead waiting for input (undefined: none; no new request is read meanwhile). */
  pendingRead: number | undefined;
}

export class ConsoleService extends ClientService<ConsoleClient> {
  /** Input state: mode, the line being edited, bytes ready to be read. */
  readonly input = new ConsoleInputState();
  /** Ids of clients with a pending ConsoleRead, oldest first (input goes to the first). */
  readonly readers: number[] = [];
  private nextClientId = 1;

  /** A console receiving connections on `control` (owned), at most `maxClients` (limits.consoleClients). */
  constructor(control: OwnedEndpoint, maxClients: number) {
    super(control, maxClients);
  }

  protected newClient(ep: OwnedEndpoint): ConsoleClient {
    return { id: this.nextClientId++, ep, pendingRead: undefined };
  }

  protected override accepting(ep: OwnedEndpoint): boolean {
    return this.clients.find((c) => c.ep === ep)?.pendingRead === undefined;
  }

  protected override onClientGone(_k: KernelContext, client: ConsoleClient): void {
    const i = this.readers.indexOf(client.id);
    if (i >= 0) this.readers.splice(i, 1);
  }

  protected override onStep(k: KernelContext, self: Process): void {
    const bytes = k.consoleInput.bytes.splice(0);
    if (bytes.length > 0) this.input.feed(bytes, (echo) => k.consoleWrite(echo));
    this.deliver(k, self);
  }

  protected override hasOtherWork(k: KernelContext): boolean {
    return k.consoleInput.bytes.length > 0;
  }

  protected override watchOther(k: KernelContext, self: Process): void {
    addWaiter(k.consoleInput.waiters, self.pid);
  }

  protected onRequest(k: KernelContext, self: Process, client: ConsoleClient, msg: ReceivedMessage): void {
    const r = new WireReader(msg.data);
    if (msg.capCount !== 0) {
      this.replyMalformed(k, self, client.ep);
    } else if (r.tag === WireTag.ConsoleWrite) {
      const data = r.bytesField();
      if (r.end()) k.consoleWrite(data);
      else this.replyMalformed(k, self, client.ep);
    } else if (r.tag === WireTag.ConsoleRead) {
      const max = r.u64();
      if (!r.end() || max === 0n) this.replyMalformed(k, self, client.ep);
      else this.startRead(k, self, client, max);
    } else if (r.tag === WireTag.ConsoleSetMode) {
      const mode = r.u64();
      if (!r.end() || (mode & ~BigInt(MODE_BITS)) !== 0n) this.replyMalformed(k, self, client.ep);
      else this.setMode(k, self, client, Number(mode));
    } else {
      this.replyMalformed(k, self, client.ep);
    }
  }

  /** Queues a ConsoleRead of at most `max` bytes and answers it at once when input is ready. */
  private startRead(k: KernelContext, self: Process, client: ConsoleClient, max: bigint): void {
    client.pendingRead = max > BigInt(CONSOLE_READ_MAX) ? CONSOLE_READ_MAX : Number(max);
    this.readers.push(client.id);
    this.deliver(k, self);
  }

  private setMode(k: KernelContext, self: Process, client: ConsoleClient, mode: number): void {
    this.input.setMode(mode);
    this.reply(k, self, client.ep, tagOnly(WireTag.Ok));
    this.deliver(k, self);
  }

  /** Answers pending reads, oldest first, while input is ready. */
  private deliver(k: KernelContext, self: Process): void {
    while (this.readers.length > 0 && this.input.hasReady()) {
      const client = this.clients.find((c) => c.id === this.readers[0]);
      this.readers.shift();
      if (client?.pendingRead === undefined) continue;
      const data = this.input.take(client.pendingRead);
      client.pendingRead = undefined;
      this.reply(k, self, client.ep, new WireWriter(WireTag.ConsoleData).bytesField(data).bytes());
    }
  }
}
