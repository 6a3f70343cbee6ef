// ReceivedMessage: a message a kernel service has dequeued, owning the
// references of the caps it carries until they are taken (takeCap, or
// OwnedEndpoint.fromMessage) or the message is disposed, which releases the rest. So a service
// that ignores a cap cannot leak it.

import type { IpcContext } from './channel-send.ts';
import type { Cap, Message } from './message.ts';

export class ReceivedMessage implements Disposable {
  readonly sender: number;
  readonly data: Uint8Array;
  readonly #ipc: IpcContext;
  /** The caps not yet taken (undefined = taken). */
  readonly #caps: (Cap | undefined)[];

  /** Wraps `msg`, whose cap references the caller hands over. */
  constructor(ipc: IpcContext, msg: Message) {
    this.#ipc = ipc;
    this.sender = msg.sender;
    this.data = msg.data;
    this.#caps = [...msg.caps];
  }

  /** Number of caps the message carried. */
  get capCount(): number {
    return this.#caps.length;
  }

  /** Cap `i` without taking it (undefined when out of range or taken). */
  peekCap(i: number): Cap | undefined {
    return this.#caps[i];
  }

  /** Takes cap `i` with its reference (the caller must release it through ObjectRefs); undefined when absent or taken. */
  takeCap(i: number): Cap | undefined {
    const cap = this.#caps[i];
    if (cap !== undefined) this.#caps[i] = undefined;
    return cap;
  }

  /** Releases every cap not taken (idempotent). */
  [Symbol.dispose](): void {
    for (let i = 0; i < this.#caps.length; i++) {
      const cap = this.takeCap(i);
      if (cap !== undefined) this.#ipc.objects.release(cap.kind, cap.id);
    }
  }
}
