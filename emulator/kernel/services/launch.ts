// Starting one user program for init: the process (K2's createProcess, which
// rolls itself back on failure) and its BootInfo on the boot channel. The
// BootInfo is encoded before anything is created; a failed send ends the new
// process again, so a failed launch leaves nothing behind.

import { MSG_CAPS_MAX } from '../abi/message.ts';
import { EXIT_KILLED } from '../abi/handles.ts';
import { RvosError } from '../abi/errors.ts';
import { WireTag } from '../abi/wire-tags.ts';
import type { KernelContext } from '../context/kernel-context.ts';
import type { Cap } from '../ipc/message.ts';
import { OwnedEndpoint } from '../ipc/owned-endpoint.ts';
import { exitProcess } from '../lifecycle/exit.ts';
import { createProcess } from '../lifecycle/spawn.ts';
import { fail, ok, type KResult } from '../core/result.ts';
import { WireWriter } from './wire-codec.ts';

export interface LaunchRequest {
  readonly name: string;
  readonly elf: Uint8Array;
  /** NUL-terminated argument strings. */
  readonly argv: Uint8Array;
  /** Caps for BootInfo (copied: the caller keeps its references). */
  readonly caps: readonly Cap[];
  /** pid of the process that asked (0 = the kernel's boot plan). */
  readonly parent: number;
}

export interface Launched {
  readonly pid: number;
  /** Init's end of the child's boot channel (owned by the caller). */
  readonly boot: OwnedEndpoint;
}

/**
 * Creates the process and sends its BootInfo (Bytes argv, U64 ncaps; caps). Errors, with nothing left
 * behind: MessageTooLarge (argv or caps do not fit one message), and createProcess's TooManyProcesses,
 * NoMemory, BadExecutable, TooManyChannels.
 */
export function launchProgram(k: KernelContext, request: LaunchRequest): KResult<Launched> {
  const info = new WireWriter(WireTag.BootInfo).bytesField(request.argv).u64(request.caps.length).finish();
  if (!info.ok) return info;
  if (request.caps.length > MSG_CAPS_MAX) return fail(RvosError.MessageTooLarge);
  const spawned = createProcess(k, { name: request.name, elf: request.elf, parent: request.parent });
  if (!spawned.ok) return spawned;
  const boot = OwnedEndpoint.adopt(k, spawned.value.bootEndpoint);
  const sent = boot.send({ sender: 0, data: info.value, caps: request.caps });
  if (!sent.ok) {
    boot.close();
    const p = k.processes.get(spawned.value.pid);
    if (p !== undefined) exitProcess(k, p, EXIT_KILLED);
    return sent;
  }
  return ok({ pid: spawned.value.pid, boot });
}
