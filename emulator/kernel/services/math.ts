// The math service (the example service of the seed): MathAdd, MathMul and
// MathDiv on signed 64-bit integers with wrapping arithmetic; division by
// zero is InvalidArgument. It exists to prove the service framework.

import { RvosError } from '../abi/errors.ts';
import { WireTag } from '../abi/wire-tags.ts';
import type { KernelContext } from '../context/kernel-context.ts';
import type { ReceivedMessage } from '../ipc/received-message.ts';
import type { Process } from '../proc/process.ts';
import { StatelessClientService, type ServiceClient } from './client-service.ts';
import { WireReader, WireWriter } from './wire-codec.ts';

/** The example math service: Add, Mul, Div on i64 (wrapping; Div by zero is InvalidArgument). */
export class MathService extends StatelessClientService {
  protected onRequest(k: KernelContext, self: Process, client: ServiceClient, msg: ReceivedMessage): void {
    const r = new WireReader(msg.data);
    const a = r.i64();
    const b = r.i64();
    if (!r.end() || msg.capCount !== 0) {
      this.replyMalformed(k, self, client.ep);
      return;
    }
    const result = compute(r.tag, a, b);
    if (result === undefined) this.replyMalformed(k, self, client.ep);
    else if (result === 'divide-by-zero') this.replyError(k, self, client.ep, RvosError.InvalidArgument, 'division by zero');
    else this.reply(k, self, client.ep, new WireWriter(WireTag.Ok).i64(result).bytes());
  }
}

/** a op b wrapped to i64; undefined for an unknown tag. */
function compute(tag: number | undefined, a: bigint, b: bigint): bigint | 'divide-by-zero' | undefined {
  switch (tag) {
    case WireTag.MathAdd: return BigInt.asIntN(64, a + b);
    case WireTag.MathMul: return BigInt.asIntN(64, a * b);
    case WireTag.MathDiv: return b === 0n ? 'divide-by-zero' : BigInt.asIntN(64, a / b);
    default: return undefined;
  }
}
