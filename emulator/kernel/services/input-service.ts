// The frame of the kbd and mouse services: one client each (a second
// connection gets the standard Error LimitReached), greeted with Ok, then sent
// the device's events one message each through the one send path. A full
// client queue holds events back in the device's bounded queue (which counts
// what it must drop); events with no client connected are discarded and counted.

import { WireTag } from '../abi/wire-tags.ts';
import type { KernelContext } from '../context/kernel-context.ts';
import type { ReceivedMessage } from '../ipc/received-message.ts';
import { addWaiter, wakeAll } from '../ipc/waiters.ts';
import type { OwnedEndpoint } from '../ipc/owned-endpoint.ts';
import type { Process } from '../proc/process.ts';
import type { InputQueue } from '../../machine/input-devices.ts';
import { StatelessClientService, type ServiceClient } from './client-service.ts';
import { tagOnly } from './wire-codec.ts';

/** Counters an input service reports in introspection (with the device's `dropped`). */
export interface InputStats {
  /** Events sent to a client. */
  delivered: number;
  /** Events taken from the device while no client was connected. */
  discarded: number;
}

/** Wakes the services waiting for events of `queue` (the host calls it after pushing input). */
export function wakeInputWaiters(k: KernelContext, queue: InputQueue<unknown>): void {
  wakeAll(queue.waiters, k.scheduler);
}

export abstract class InputService<E> extends StatelessClientService {
  readonly stats: InputStats = { delivered: 0, discarded: 0 };

  /**
   * A service owning `control` that serves the events of `queue` (the machine's device: a snapshot
   * treats it as an external and restores the device itself) to at most one client.
   */
  constructor(control: OwnedEndpoint, private readonly queue: InputQueue<E>) {
    super(control, 1);
  }

  /** The message carrying `event`. */
  protected abstract encode(event: E): Uint8Array;

  /** Counters for introspection: clients, delivered, discarded, dropped (device queue full), queued. */
  serviceStats(): Record<string, number> {
    return { clients: this.clients.length, ...this.stats, dropped: this.queue.dropped, queued: this.queue.length };
  }

  protected override onConnected(k: KernelContext, self: Process, client: ServiceClient): void {
    this.reply(k, self, client.ep, tagOnly(WireTag.Ok));
  }

  /** Clients send nothing: any request is malformed. */
  protected onRequest(k: KernelContext, self: Process, client: ServiceClient, _msg: ReceivedMessage): void {
    this.replyMalformed(k, self, client.ep);
  }

  protected override onStep(_k: KernelContext, self: Process): void {
    const client = this.clients[0];
    if (client === undefined) this.discard();
    else this.deliver(client, self);
  }

  protected override hasOtherWork(k: KernelContext): boolean {
    if (this.queue.length === 0) return false;
    const client = this.clients[0];
    return client === undefined ? !this.connecting() : this.canSend(k, client);
  }

  protected override watchOther(_k: KernelContext, self: Process): void {
    addWaiter(this.queue.waiters, self.pid);
  }

  /** Sends queued events in order until the client's queue is full (then this task waits for room). */
  private deliver(client: ServiceClient, self: Process): void {
    if (this.outbox.busy(client.ep.id)) return; // the greeting or an error reply goes first
    for (let event = this.queue.peek(); event !== undefined; event = this.queue.peek()) {
      const sent = client.ep.sendOrWait({ sender: 0, data: this.encode(event), caps: [] }, self.pid);
      if (!sent.ok || sent.value === 'wait') return; // PeerClosed: serve() removes the client
      this.queue.shift();
      this.stats.delivered++;
    }
  }

  /** Drops the queued events (nobody listens), unless a connection is about to be accepted. */
  private discard(): void {
    if (this.connecting()) return;
    this.stats.discarded += this.queue.length;
    this.queue.events = [];
  }

  /** True while a SvcNewClient waits on the control endpoint. */
  private connecting(): boolean {
    return this.control.owned && this.control.readable() && !this.control.peerClosed();
  }

  /** True when an event could be sent to `client` now. */
  private canSend(k: KernelContext, client: ServiceClient): boolean {
    return !this.outbox.busy(client.ep.id) && !client.ep.peerClosed() && k.channels.hasRoom(k.channels.live(client.ep.id).peer);
  }
}
