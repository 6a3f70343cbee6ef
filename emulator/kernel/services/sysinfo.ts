// The sysinfo service: SysinfoPs walks the process table in pages (as many
// entries as fit in one message, continued from `next`) and SysinfoUptime
// reports virtual time and instructions retired. Read-only.

import { WIRE_TAG_SIZE } from '../abi/wire-format.ts';
import { MSG_DATA_MAX } from '../abi/message.ts';
import { WireTag } from '../abi/wire-tags.ts';
import type { KernelContext } from '../context/kernel-context.ts';
import type { ReceivedMessage } from '../ipc/received-message.ts';
import type { Process } from '../proc/process.ts';
import { StatelessClientService, type ServiceClient } from './client-service.ts';
import { WireReader, WireWriter } from './wire-codec.ts';

/** Nanoseconds per tick of virtual time (10 MHz timebase). */
const NS_PER_TICK = 100;
/** Encoded size of a U64 field (type byte + 8). */
const U64_FIELD = 9;
/** Encoded size of a Str field without its text (type byte + u16 length). */
const STR_FIELD = 3;
const utf8 = new TextEncoder();

/** The sysinfo service: the process list (SysinfoPs, paged) and uptime. */
export class SysinfoService extends StatelessClientService {
  protected onRequest(k: KernelContext, self: Process, client: ServiceClient, msg: ReceivedMessage): void {
    const r = new WireReader(msg.data);
    let reply: Uint8Array | undefined;
    if (r.tag === WireTag.SysinfoPs) {
      const start = r.u64Number();
      if (r.end()) reply = psReply(k, start);
    } else if (r.tag === WireTag.SysinfoUptime && r.end()) {
      reply = new WireWriter(WireTag.Ok).u64(k.now() * NS_PER_TICK).u64(k.instructionsRetired()).bytes();
    }
    if (reply === undefined || msg.capCount !== 0) this.replyMalformed(k, self, client.ep);
    else this.reply(k, self, client.ep, reply);
  }
}

interface PsEntry {
  readonly pid: number;
  readonly parent: number;
  readonly name: string;
  readonly state: string;
  readonly handles: number;
  readonly frames: number;
}

/** SysinfoPsReply for the processes from index `start` of the table walk: as many as fit, and where to continue. */
function psReply(k: KernelContext, start: number): Uint8Array {
  const all = k.processes.list();
  const entries: PsEntry[] = [];
  let size = WIRE_TAG_SIZE + 2 * U64_FIELD;
  let i = start;
  for (; i < all.length; i++) {
    const entry = psEntry(all[i]!);
    const bytes = 4 * U64_FIELD + 2 * STR_FIELD + utf8.encode(entry.name).length + utf8.encode(entry.state).length;
    if (size + bytes > MSG_DATA_MAX) break;
    size += bytes;
    entries.push(entry);
  }
  const w = new WireWriter(WireTag.SysinfoPsReply).u64(i < all.length ? i : 0).u64(entries.length);
  for (const e of entries) w.u64(e.pid).u64(e.parent).str(e.name).str(e.state).u64(e.handles).u64(e.frames);
  return w.bytes();
}

function psEntry(p: Process): PsEntry {
  return {
    pid: p.pid, parent: p.parent, name: p.name.slice(0, 64), state: p.state,
    handles: p.handles?.count ?? 0, frames: p.space?.framesOwned ?? 0,
  };
}
