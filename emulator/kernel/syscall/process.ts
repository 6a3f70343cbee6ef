// Syscall handlers of the process group: proc_wait (restartable: blocks on
// the target's exit-waiter list until it is a Zombie) and proc_kill. Both take
// a handle of kind Process with the Wait or Kill right.

import { EXIT_KILLED, HandleKind, Right } from '../abi/handles.ts';
import { RvosError } from '../abi/errors.ts';
import { Syscall } from '../abi/syscall-numbers.ts';
import type { KernelContext } from '../context/kernel-context.ts';
import { exitProcess } from '../lifecycle/exit.ts';
import { ProcState, type Process } from '../proc/process.ts';
import { fail, KernelBug, ok, type KResult } from '../core/result.ts';
import { argNumber, returnError, returnOk, type SyscallArgs, type SyscallHandler, type SyscallOutcome } from './syscall-types.ts';

/** The process named by handle argument 0 of `caller`, checked for kind Process and `right`. */
function targetProcess(k: KernelContext, caller: Process, args: SyscallArgs, right: number): KResult<Process> {
  if (caller.handles === undefined) return fail(RvosError.BadHandle);
  const entry = caller.handles.lookup(argNumber(args, 0), HandleKind.Process, right);
  if (!entry.ok) return entry;
  const target = k.processes.get(entry.value.objectId);
  // A handle holds a reference, so its process cannot be gone.
  if (target === undefined) throw new KernelBug(`process handle of pid ${caller.pid} names freed pid ${entry.value.objectId}`);
  return ok(target);
}

function sysProcWait(k: KernelContext, caller: Process, args: SyscallArgs): SyscallOutcome {
  const target = targetProcess(k, caller, args, Right.Wait);
  if (!target.ok) return returnError(target.error);
  const p = target.value;
  if (p.state === ProcState.Zombie) return returnOk(BigInt(p.exitStatus));
  if (p === caller) return returnError(RvosError.InvalidArgument);
  if (!p.exitWaiters.includes(caller.pid)) p.exitWaiters.push(caller.pid);
  k.scheduler.block(caller, { kind: 'proc-exit', pid: p.pid });
  return { kind: 'block' };
}

function sysProcKill(k: KernelContext, caller: Process, args: SyscallArgs): SyscallOutcome {
  const target = targetProcess(k, caller, args, Right.Kill);
  if (!target.ok) return returnError(target.error);
  const p = target.value;
  if (p.state === ProcState.Zombie) return returnOk();
  if (p.kind !== 'user') return returnError(RvosError.AccessDenied);
  exitProcess(k, p, EXIT_KILLED);
  return p === caller ? { kind: 'exited' } : returnOk();
}

/** The process group's handlers by syscall number. */
export const processSyscalls: Readonly<Record<number, SyscallHandler>> = {
  [Syscall.ProcWait]: sysProcWait,
  [Syscall.ProcKill]: sysProcKill,
};
