// Process creation: a process-table slot, an address space with the ELF image
// and a user stack (K1), a handle table (K3) whose handle BOOT_HANDLE is one
// end of a new boot channel, and a TrapContext at the ELF entry. Every step
// that fails rolls back all earlier ones: no slot, frame, handle or channel
// is left behind.

import { BOOT_HANDLE } from '../abi/wire-tags.ts';
import { DEFAULT_RIGHTS, HandleKind } from '../abi/handles.ts';
import type { KernelContext } from '../context/kernel-context.ts';
import { HandleTable } from '../ipc/handle-table.ts';
import { AddressSpace } from '../mm/address-space.ts';
import { KernelBug, ok, type KResult } from '../core/result.ts';
import { ProcState, type Process } from '../proc/process.ts';
import { newTrapContext } from '../proc/trap-context.ts';

export interface SpawnRequest {
  readonly name: string;
  readonly elf: Uint8Array;
  /** pid of the creator (0 = the kernel). */
  readonly parent: number;
}

export interface Spawned {
  readonly pid: number;
  /**
   * The kernel-side end of the child's boot channel (endpoint id). Its
   * reference belongs to the caller (init), which serves the boot protocol
   * on it and releases it through ObjectRefs when done.
   */
  readonly bootEndpoint: number;
}

/**
 * Creates a Runnable user process from an ELF image. Returns its pid and the
 * parent's end of its boot channel; TooManyProcesses, NoMemory,
 * BadExecutable, TooManyChannels or TooManyHandles leave nothing behind.
 */
export function createProcess(k: KernelContext, request: SpawnRequest): KResult<Spawned> {
  const slot = k.processes.allocate(blankProcess(request));
  if (!slot.ok) return slot;
  const p = slot.value;
  const built = buildProcess(k, p, request.elf);
  if (!built.ok) {
    abandon(k, p);
    return built;
  }
  p.state = ProcState.Blocked;
  k.scheduler.makeRunnable(p);
  return ok({ pid: p.pid, bootEndpoint: built.value });
}

/** The fields of a process that has no resources yet (state Zombie until it is complete). */
function blankProcess(request: SpawnRequest): Omit<Process, 'pid' | 'slot'> {
  return {
    name: request.name, kind: 'user', state: ProcState.Zombie, parent: request.parent,
    handles: undefined, space: undefined, context: newTrapContext(0n, 0n),
    block: undefined, timeout: undefined, restartEcall: false, exitStatus: 0, exitWaiters: [], refs: 0, instructions: 0, syscalls: 0,
  };
}

/** Adds address space, image, stack and boot channel to `p`; each resource is attached to `p` as soon as it exists. Returns the parent's boot endpoint. */
function buildProcess(k: KernelContext, p: Process, elf: Uint8Array): KResult<number> {
  const space = AddressSpace.create(k);
  if (!space.ok) return space;
  p.space = space.value;
  const image = p.space.loadElf(k, elf);
  if (!image.ok) return image;
  const stack = p.space.createStack(k, k.limits.userStackPages);
  if (!stack.ok) return stack;
  p.handles = new HandleTable(k.limits.handlesPerProcess, k.faults);
  const pair = k.channels.create();
  if (!pair.ok) return pair;
  const [childEnd, parentEnd] = pair.value;
  const installed = p.handles.install({ kind: HandleKind.Channel, objectId: childEnd, rights: DEFAULT_RIGHTS[HandleKind.Channel] });
  if (!installed.ok) {
    k.objects.release(HandleKind.Channel, childEnd);
    k.objects.release(HandleKind.Channel, parentEnd);
    return installed;
  }
  if (installed.value !== BOOT_HANDLE) throw new KernelBug(`boot channel got handle ${installed.value}`);
  p.context.pc = BigInt(image.value.entry);
  p.context.x[2] = BigInt(stack.value.top);
  return ok(parentEnd);
}

/** Rolls back a half-built process: releases its handles, destroys its address space, frees its slot. */
function abandon(k: KernelContext, p: Process): void {
  if (p.handles !== undefined) for (const entry of p.handles.drain()) k.objects.release(entry.kind, entry.objectId);
  p.space?.destroy(k);
  p.handles = undefined;
  p.space = undefined;
  k.processes.free(p.pid);
}
