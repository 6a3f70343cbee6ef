// Syscall handlers of the memory group: mmap, munmap, shm_create, shm_map and
// shm_unmap. Handlers read the arguments (a value that does not fit a number is
// InvalidArgument), look up shm handles with the rights they need, and call
// the caller's AddressSpace (mm/address-space.ts) and the ShmTable (mm/shm.ts).

import { RvosError } from '../abi/errors.ts';
import { DEFAULT_RIGHTS, HandleKind, Prot, Right } from '../abi/handles.ts';
import { isProt } from '../mm/address-space.ts';
import { Syscall } from '../abi/syscall-numbers.ts';
import type { KernelContext } from '../context/kernel-context.ts';
import type { Process } from '../proc/process.ts';
import type { KResult } from '../core/result.ts';
import type { SyscallGroup } from './dispatch.ts';
import { argNumber, returnError, returnOk, type SyscallArgs, type SyscallOutcome } from './syscall-types.ts';

/** The outcome of a KResult carrying one value for a1. */
function outcome(r: KResult<number | undefined>): SyscallOutcome {
  if (!r.ok) return returnError(r.error);
  return r.value === undefined ? returnOk() : returnOk(r.value);
}

/** mmap(len, prot) -> a1 = address. */
function sysMmap(k: KernelContext, caller: Process, args: SyscallArgs): SyscallOutcome {
  const [len, prot] = [argNumber(args, 0), argNumber(args, 1)];
  if (caller.space === undefined) return returnError(RvosError.BadAddress);
  if (len === undefined || prot === undefined) return returnError(RvosError.InvalidArgument);
  return outcome(caller.space.mmap(k, len, prot));
}

/** munmap(addr, len). */
function sysMunmap(k: KernelContext, caller: Process, args: SyscallArgs): SyscallOutcome {
  const [va, len] = [argNumber(args, 0), argNumber(args, 1)];
  if (caller.space === undefined) return returnError(RvosError.BadAddress);
  if (va === undefined || len === undefined) return returnError(RvosError.InvalidArgument);
  const r = caller.space.munmap(k, va, len);
  return r.ok ? returnOk() : returnError(r.error);
}

/** shm_create(len) -> a1 = handle (all shm rights). The new region's reference goes to the handle; if it cannot be installed the region goes. */
function sysShmCreate(k: KernelContext, caller: Process, args: SyscallArgs): SyscallOutcome {
  const len = argNumber(args, 0);
  if (caller.handles === undefined) return returnError(RvosError.BadHandle);
  if (len === undefined) return returnError(RvosError.InvalidArgument);
  const created = k.shm.create(k, len);
  if (!created.ok) return returnError(created.error);
  const handle = caller.handles.install({ kind: HandleKind.Shm, objectId: created.value, rights: DEFAULT_RIGHTS[HandleKind.Shm] });
  if (!handle.ok) k.objects.release(HandleKind.Shm, created.value);
  return outcome(handle);
}

/** shm_map(handle, prot) -> a1 = address. Needs Read, and Write for a writable mapping. */
function sysShmMap(k: KernelContext, caller: Process, args: SyscallArgs): SyscallOutcome {
  const prot = argNumber(args, 1);
  if (caller.handles === undefined) return returnError(RvosError.BadHandle);
  if (prot === undefined || !isProt(prot)) return returnError(RvosError.InvalidArgument);
  const writable = (prot & Prot.Write) !== 0;
  const entry = caller.handles.lookup(argNumber(args, 0), HandleKind.Shm, writable ? Right.Read | Right.Write : Right.Read);
  if (!entry.ok) return returnError(entry.error);
  if (caller.space === undefined) return returnError(RvosError.BadAddress);
  return outcome(caller.space.mapShm(k, entry.value.objectId, writable));
}

/** shm_unmap(addr): addr is what shm_map returned. */
function sysShmUnmap(k: KernelContext, caller: Process, args: SyscallArgs): SyscallOutcome {
  const va = argNumber(args, 0);
  if (caller.space === undefined) return returnError(RvosError.BadAddress);
  if (va === undefined) return returnError(RvosError.InvalidArgument);
  const r = caller.space.unmapShm(k, va);
  return r.ok ? returnOk() : returnError(r.error);
}

export const memSyscalls: SyscallGroup = {
  [Syscall.Mmap]: sysMmap,
  [Syscall.Munmap]: sysMunmap,
  [Syscall.ShmCreate]: sysShmCreate,
  [Syscall.ShmMap]: sysShmMap,
  [Syscall.ShmUnmap]: sysShmUnmap,
};
