// ChannelTable: every channel of the kernel, as pairs of endpoints in O(1)
// slots (limits.channels). Channel slot s has endpoints 2s and 2s+1 (peer =
// id ^ 1). An endpoint holds the queue of messages sent TO it, its reference
// count and its waiters. Reference counts change only through ObjectRefs
// (object-refs.ts), which calls retain/release here. Plain data.

import { HandleKind } from '../abi/handles.ts';
import type { KernelLimits } from '../core/limits.ts';
import { injectFault, noFaults, type FaultCountdowns } from '../core/fault-injection.ts';
import { fail, KernelBug, ok, type KResult } from '../core/result.ts';
import { RvosError } from '../abi/errors.ts';
import { IpcTrace } from './ipc-trace.ts';
import type { Cap, Message } from './message.ts';
import { addWaiter, wakeAll, type Waker } from './waiters.ts';

export interface Endpoint {
  readonly id: number;
  readonly peer: number;
  /** References: handles, queued messages' caps, kernel owners (OwnedEndpoint). */
  refs: number;
  /** The part of refs held by caps of messages sitting in some queue (cycle collection). */
  queuedRefs: number;
  /** Messages waiting to be received on this endpoint, oldest first (at most limits.queueDepth). */
  readonly queue: Message[];
  /** pids waiting for a message in this queue (or for the peer to close). */
  readonly recvWaiters: number[];
  /** pids waiting for room in this queue (or for this endpoint to go). */
  readonly sendWaiters: number[];
}

export class ChannelTable {
  /** Channel slots (limits.channels). */
  readonly capacity: number;
  /** Messages an endpoint's queue holds at most (limits.queueDepth). */
  readonly queueDepth: number;
  /** Recent sends, for introspection. */
  readonly trace = new IpcTrace();
  /** Live endpoints by id; undefined once destroyed (or never created). */
  private readonly endpoints: (Endpoint | undefined)[];
  /** Free channel slots; the next one is on top. */
  private readonly free: number[];

  /** An empty table; `waker` is the scheduler (wakes waiters when queues change or endpoints go); `faults` makes chosen allocations fail (tests). */
  constructor(limits: Pick<KernelLimits, 'channels' | 'queueDepth'>, private readonly waker: Waker, private readonly faults: FaultCountdowns = noFaults()) {
    this.capacity = limits.channels;
    this.queueDepth = limits.queueDepth;
    this.endpoints = new Array<Endpoint | undefined>(2 * this.capacity).fill(undefined);
    this.free = Array.from({ length: this.capacity }, (_, i) => this.capacity - 1 - i);
  }

  /** Channels in use (a channel is in use while either endpoint lives). */
  get count(): number {
    return this.capacity - this.free.length;
  }

  /** Creates a channel; returns its two endpoint ids, each with one reference the caller owns. TooManyChannels when the table is full. */
  create(): KResult<readonly [number, number]> {
    if (this.faults.channel !== 0 && injectFault(this.faults, 'channel')) return fail(RvosError.TooManyChannels);
    const slot = this.free.pop();
    if (slot === undefined) return fail(RvosError.TooManyChannels);
    const a = 2 * slot;
    this.endpoints[a] = newEndpoint(a, a + 1);
    this.endpoints[a + 1] = newEndpoint(a + 1, a);
    return ok([a, a + 1] as const);
  }

  /** The live endpoint `id`, or undefined when it was destroyed or never existed. */
  endpoint(id: number): Endpoint | undefined {
    return Number.isInteger(id) ? this.endpoints[id] : undefined;
  }

  /** The live endpoint `id`; throws KernelBug when it is not live (a reference was miscounted). */
  live(id: number): Endpoint {
    const ep = this.endpoint(id);
    if (ep === undefined) throw new KernelBug(`endpoint ${id} is not live`);
    return ep;
  }

  /** True when the peer of live endpoint `id` has been destroyed. */
  peerClosed(id: number): boolean {
    return this.endpoints[this.live(id).peer] === undefined;
  }

  /** Every live endpoint, by increasing id (introspection). */
  liveEndpoints(): Endpoint[] {
    return this.endpoints.filter((ep): ep is Endpoint => ep !== undefined);
  }

  /** Adds a reference. Only ObjectRefs calls this. */
  retain(id: number): void {
    this.live(id).refs++;
  }

  /**
   * Drops a reference. Only ObjectRefs calls this. At zero the endpoint is destroyed: its waiters and
   * its peer's receivers are woken (they see PeerClosed), and the caps of its queued messages are
   * returned: the caller (ObjectRefs) must release each of them.
   */
  release(id: number): Cap[] {
    const ep = this.live(id);
    if (ep.refs <= 0) throw new KernelBug(`endpoint ${id} released below zero`);
    if (--ep.refs > 0) return [];
    return this.destroy([id]);
  }

  /**
   * Destroys the endpoints `ids` together (refcount zero, or a garbage cycle whose references all come
   * from the members' own queues). Returns the caps of their queued messages that point outside the
   * set, which the caller must release; caps pointing inside die with the set.
   */
  destroy(ids: readonly number[]): Cap[] {
    const members = new Set(ids);
    const outside: Cap[] = [];
    for (const id of ids) {
      for (const msg of this.live(id).queue) {
        for (const cap of msg.caps) if (!(cap.kind === HandleKind.Channel && members.has(cap.id))) outside.push(this.unqueued(cap));
      }
    }
    for (const id of ids) this.remove(this.live(id));
    return outside;
  }

  /** True when another message fits in the queue of live endpoint `id`. */
  hasRoom(id: number): boolean {
    if (this.faults.queue !== 0 && injectFault(this.faults, 'queue')) return false;
    return this.live(id).queue.length < this.queueDepth;
  }

  /** Appends `msg` (whose caps' references are already taken) to the queue of `to` and wakes its receivers. The caller checked hasRoom. */
  enqueue(to: number, msg: Message): void {
    const ep = this.live(to);
    if (ep.queue.length >= this.queueDepth) throw new KernelBug(`enqueue on full endpoint ${to}`);
    for (const cap of msg.caps) if (cap.kind === HandleKind.Channel) this.live(cap.id).queuedRefs++;
    ep.queue.push(msg);
    wakeAll(ep.recvWaiters, this.waker);
  }

  /** Removes the oldest message of `id` and wakes its blocked senders; the caps' references now belong to the caller. */
  dequeue(id: number): Message {
    const ep = this.live(id);
    const msg = ep.queue.shift();
    if (msg === undefined) throw new KernelBug(`dequeue on empty endpoint ${id}`);
    for (const cap of msg.caps) this.unqueued(cap);
    wakeAll(ep.sendWaiters, this.waker);
    return msg;
  }

  /** Wakes the tasks waiting for room in the queue of live endpoint `id` (a service outbox re-checks whether its client can still read). */
  wakeSenders(id: number): void {
    wakeAll(this.live(id).sendWaiters, this.waker);
  }

  /** Registers `pid` to be woken when a message arrives at `id` or its peer goes. */
  addRecvWaiter(id: number, pid: number): void {
    addWaiter(this.live(id).recvWaiters, pid);
  }

  /** Registers `pid` to be woken when the queue of `id` has room or `id` goes. */
  addSendWaiter(id: number, pid: number): void {
    addWaiter(this.live(id).sendWaiters, pid);
  }

  /** A cap leaving a queue: its reference is no longer a queued one. */
  private unqueued(cap: Cap): Cap {
    if (cap.kind === HandleKind.Channel) this.live(cap.id).queuedRefs--;
    return cap;
  }

  /** Takes `ep` out of the table, wakes everyone waiting on it or its peer, frees the slot when both ends are gone. */
  private remove(ep: Endpoint): void {
    this.endpoints[ep.id] = undefined;
    ep.refs = 0;
    ep.queue.length = 0;
    wakeAll(ep.recvWaiters, this.waker);
    wakeAll(ep.sendWaiters, this.waker);
    const peer = this.endpoints[ep.peer];
    if (peer !== undefined) {
      wakeAll(peer.recvWaiters, this.waker);
      wakeAll(peer.sendWaiters, this.waker);
    } else {
      this.free.push(ep.id >> 1);
    }
  }
}

function newEndpoint(id: number, peer: number): Endpoint {
  return { id, peer, refs: 1, queuedRefs: 0, queue: [], recvWaiters: [], sendWaiters: [] };
}
