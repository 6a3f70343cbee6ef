// The frame of every kernel service task (the ServiceTask the scheduler steps,
// kernel-context.ts): a message-driven state machine over endpoints it owns
// (OwnedEndpoint). step() sends what waits in the outbox, handles at most
// MESSAGES_PER_STEP queued requests, then parks: Runnable when work is left,
// otherwise a waiter on its endpoints (and on full queues its outbox waits for).

import { RvosError, type RvosErrorCode } from '../abi/errors.ts';
import { HandleKind } from '../abi/handles.ts';
import type { KernelContext, ServiceTask } from '../context/kernel-context.ts';
import { onlyQueued } from '../ipc/channel-cycles.ts';
import type { Cap } from '../ipc/message.ts';
import type { OwnedEndpoint } from '../ipc/owned-endpoint.ts';
import type { ReceivedMessage } from '../ipc/received-message.ts';
import type { Process } from '../proc/process.ts';
import { Outbox } from './outbox.ts';
import { errorResponse } from './wire-codec.ts';

/** Requests a service handles per step before it lets other tasks run. */
export const MESSAGES_PER_STEP = 32;

export abstract class EndpointService implements ServiceTask {
  /** Replies waiting for room in a client's queue (the blocking-send policy). */
  readonly outbox = new Outbox();
  /** Where the next step starts serving (round robin over endpoints). */
  private cursor = 0;

  /** The endpoints the service receives on, in a stable order. */
  protected abstract endpoints(): readonly OwnedEndpoint[];

  /** Handles one request received on `from`; caps not taken from `msg` are released after it returns. */
  protected abstract onMessage(k: KernelContext, self: Process, from: OwnedEndpoint, msg: ReceivedMessage): void;

  /** The peer of `ep` is gone (requests still queued from it are dropped): forget and close it. */
  protected abstract onPeerClosed(k: KernelContext, self: Process, ep: OwnedEndpoint): void;

  /** False while the service must not take another request from `ep` (a read is pending, for instance). */
  protected accepting(_ep: OwnedEndpoint): boolean {
    return true;
  }

  /** Work other than requests (console input), done at the start of each step. */
  protected onStep(_k: KernelContext, _self: Process): void {}

  /** True when onStep has work left (the task stays Runnable). */
  protected hasOtherWork(_k: KernelContext): boolean {
    return false;
  }

  /** Registers the task for wake-ups other than its endpoints (console input). */
  protected watchOther(_k: KernelContext, _self: Process): void {}

  /** Endpoints this task holds a reference to, one entry per reference (introspection). */
  ownedEndpoints(): number[] {
    const ids = this.endpoints().filter((ep) => ep.owned).map((ep) => ep.id);
    for (const entry of this.outbox.entries) ids.push(entry.via.id, ...channelCaps(entry.caps));
    return [...ids, ...this.otherEndpoints()];
  }

  /** Endpoint references held outside endpoints() and the outbox (init's registry, caps of spawn jobs). */
  protected otherEndpoints(): number[] {
    return [];
  }

  /** What the endpoints this task holds are for ([id, label], e.g. "registry: fs"), for the capability graph. */
  endpointLabels(): [number, string][] {
    return [];
  }

  step(k: KernelContext, self: Process): void {
    this.outbox.flush(k, self.pid);
    this.onStep(k, self);
    this.serve(k, self);
    this.park(k, self);
  }

  /**
   * Sends `data` (+ `caps`, copied: the caller keeps its references) on `to` with the blocking policy.
   * Returns false when the receiver is gone (the message is dropped: nobody can read it).
   */
  protected reply(k: KernelContext, self: Process, to: OwnedEndpoint, data: Uint8Array, caps: readonly Cap[] = []): boolean {
    return this.outbox.post(k, self.pid, to, data, caps).ok;
  }

  /** Sends the standard Error response (code, message) on `to`. */
  protected replyError(k: KernelContext, self: Process, to: OwnedEndpoint, code: RvosErrorCode, message = ''): void {
    this.reply(k, self, to, errorResponse(code, message));
  }

  /** Sends the standard Error response InvalidArgument for a malformed request. */
  protected replyMalformed(k: KernelContext, self: Process, to: OwnedEndpoint): void {
    this.replyError(k, self, to, RvosError.InvalidArgument, 'malformed request');
  }

  /** Handles up to MESSAGES_PER_STEP requests, round robin over the endpoints. */
  private serve(k: KernelContext, self: Process): void {
    const eps = this.endpoints().slice();
    let budget = MESSAGES_PER_STEP;
    for (let n = 0; n < eps.length && budget > 0; n++) {
      const ep = eps[(this.cursor + n) % eps.length]!;
      budget -= this.drain(k, self, ep, budget);
    }
    this.cursor = eps.length === 0 ? 0 : (this.cursor + 1) % eps.length;
  }

  /** Handles up to `budget` requests of `ep`; returns how many. */
  private drain(k: KernelContext, self: Process, ep: OwnedEndpoint, budget: number): number {
    let handled = 0;
    while (handled < budget && ep.owned) {
      if (!this.accepting(ep) || this.throttled(k, ep)) {
        if (ep.peerClosed()) this.onPeerClosed(k, self, ep);
        break;
      }
      const got = ep.recv();
      if (!got.ok) {
        if (got.error === RvosError.PeerClosed) this.onPeerClosed(k, self, ep);
        break;
      }
      handled++;
      using msg = got.value;
      this.onMessage(k, self, ep, msg);
    }
    return handled;
  }

  /**
   * True while replies wait in the outbox for `ep`'s client, so no new request is read from it
   * (backpressure). Not while the client's end is held only by caps in queues (it was sent away,
   * even through itself): nobody can read the replies or send requests then, and the queued
   * requests must be read, or a client end queued here would keep the channel alive for ever.
   */
  private throttled(k: KernelContext, ep: OwnedEndpoint): boolean {
    return this.outbox.busy(ep.id) && !onlyQueued(k.channels, k.channels.live(ep.id).peer);
  }

  /** Runnable again when work is left; otherwise waits on every endpoint it can serve and on its outbox. */
  private park(k: KernelContext, self: Process): void {
    const eps = this.endpoints();
    const ready = eps.some((ep) => ep.owned && (ep.peerClosed() || (this.accepting(ep) && !this.throttled(k, ep) && ep.readable())));
    // A client that went away during this step cannot wake the running service: drop its replies on the next step.
    if (ready || this.hasOtherWork(k) || this.outbox.hasDroppable()) {
      k.scheduler.makeRunnable(self);
      return;
    }
    for (const ep of eps) if (ep.owned) ep.watch(self.pid);
    this.watchOther(k, self);
  }
}

/** The endpoint ids among `caps`. */
export function channelCaps(caps: readonly Cap[]): number[] {
  return caps.filter((c) => c.kind === HandleKind.Channel).map((c) => c.id);
}
