// OwnedEndpoint: THE way kernel code (services, init) owns an endpoint. It
// holds one reference, released by [Symbol.dispose]() / close() (so `using`
// closes it at the end of a scope) unless ownership was moved out with
// take(). Its state is the endpoint id alone (toJSON); the IPC context it
// releases through is the kernel (plain TS-private fields, no #fields, so VM
// snapshots encode it as a reference to the kernel).

import { HandleKind } from '../abi/handles.ts';
import { KernelBug, ok, type KResult } from '../core/result.ts';
import { recvOwned } from './channel-recv.ts';
import { sendMessage, sendOrWait, type IpcContext } from './channel-send.ts';
import type { Cap, Message } from './message.ts';
import { ReceivedMessage } from './received-message.ts';

export class OwnedEndpoint implements Disposable {
  private readonly ipc: IpcContext;
  private endpoint: number | undefined;

  private constructor(ipc: IpcContext, id: number) {
    this.ipc = ipc;
    this.endpoint = id;
  }

  /** Takes over a reference to endpoint `id` that the caller owns (from chan create, a received cap, or take()). */
  static adopt(ipc: IpcContext, id: number): OwnedEndpoint {
    ipc.channels.live(id);
    return new OwnedEndpoint(ipc, id);
  }

  /** A new reference to live endpoint `id` (the caller keeps its own). */
  static retain(ipc: IpcContext, id: number): OwnedEndpoint {
    ipc.objects.retain(HandleKind.Channel, id);
    return new OwnedEndpoint(ipc, id);
  }

  /** Takes cap `i` of a received message as an OwnedEndpoint; undefined when absent, taken, or not an endpoint (left in place). */
  static fromMessage(ipc: IpcContext, msg: ReceivedMessage, i: number): OwnedEndpoint | undefined {
    if (msg.peekCap(i)?.kind !== HandleKind.Channel) return undefined;
    return new OwnedEndpoint(ipc, msg.takeCap(i)!.id);
  }

  /** A new channel; both endpoints owned. TooManyChannels when the table is full. */
  static createPair(ipc: IpcContext): KResult<readonly [OwnedEndpoint, OwnedEndpoint]> {
    const pair = ipc.channels.create();
    if (!pair.ok) return pair;
    return ok([new OwnedEndpoint(ipc, pair.value[0]), new OwnedEndpoint(ipc, pair.value[1])] as const);
  }

  /** The endpoint id; throws KernelBug once closed or moved. */
  get id(): number {
    if (this.endpoint === undefined) throw new KernelBug('use of a closed or moved OwnedEndpoint');
    return this.endpoint;
  }

  /** True while this object owns its reference. */
  get owned(): boolean {
    return this.endpoint !== undefined;
  }

  /** A cap for this endpoint to put in a message (the send path takes its own reference; this one stays owned). */
  cap(rights: number): Cap {
    return { kind: HandleKind.Channel, id: this.id, rights };
  }

  /** Moves the reference into a new OwnedEndpoint; this one becomes empty (its dispose does nothing). */
  take(): OwnedEndpoint {
    const moved = new OwnedEndpoint(this.ipc, this.id);
    this.endpoint = undefined;
    return moved;
  }

  /** Non-blocking send on this endpoint (see sendMessage: MessageTooLarge, PeerClosed, QueueFull). */
  send(msg: Message): KResult<void> {
    return sendMessage(this.ipc, this.id, msg);
  }

  /** Send, or register `pid` to be woken when the peer's queue has room (see sendOrWait). */
  sendOrWait(msg: Message, pid: number): KResult<'sent' | 'wait'> {
    return sendOrWait(this.ipc, this.id, msg, pid);
  }

  /** The oldest queued message, with its caps owned by the result (dispose it). WouldBlock / PeerClosed. */
  recv(): KResult<ReceivedMessage> {
    const msg = recvOwned(this.ipc, this.id);
    return msg.ok ? ok(new ReceivedMessage(this.ipc, msg.value)) : msg;
  }

  /** True when a message is queued or the peer is gone (a recv would not be WouldBlock). */
  readable(): boolean {
    return this.ipc.channels.live(this.id).queue.length > 0 || this.peerClosed();
  }

  /** True when the peer endpoint is gone. */
  peerClosed(): boolean {
    return this.ipc.channels.peerClosed(this.id);
  }

  /** Registers `pid` to be woken when a message arrives here or the peer closes. */
  watch(pid: number): void {
    this.ipc.channels.addRecvWaiter(this.id, pid);
  }

  /** Releases the reference now (idempotent). */
  close(): void {
    const id = this.endpoint;
    if (id === undefined) return;
    this.endpoint = undefined;
    this.ipc.objects.release(HandleKind.Channel, id);
  }

  [Symbol.dispose](): void {
    this.close();
  }

  /** The state to snapshot: the endpoint id (null when empty). */
  toJSON(): { endpoint: number | null } {
    return { endpoint: this.endpoint ?? null };
  }
}
