// Process exit, in the seed's order (section 11): snapshot (take the handle
// table and address space off the process, which becomes a Zombie that cannot
// be scheduled or woken), release every handle's reference (through
// ObjectRefs, the one place refcounts change), free every frame, wake the
// proc_wait waiters, and free the slot when no handle refers to the process.

import { EXIT_KILLED } from '../abi/handles.ts';
import { EXIT_RECORDS, type KernelContext } from '../context/kernel-context.ts';
import { KernelBug } from '../core/result.ts';
import { ProcState, type Process } from '../proc/process.ts';

/**
 * Ends process `p` with `status` (exit, proc_kill, fault). Every resource it
 * owns is released before it becomes a Zombie; proc_wait callers are woken.
 * Throws KernelBug when `p` has already exited.
 */
export function exitProcess(k: KernelContext, p: Process, status: number): void {
  if (p.state === ProcState.Zombie) throw new KernelBug(`pid ${p.pid} exits twice`);
  // 1. Snapshot: the process no longer owns its tables; it can no longer be woken or scheduled.
  const handles = p.handles;
  const space = p.space;
  p.handles = undefined;
  p.space = undefined;
  p.state = ProcState.Zombie;
  p.exitStatus = status;
  p.block = undefined;
  p.timeout = undefined;
  k.scheduler.forget(p);
  // The cleanup holds a reference, so a handle of p to itself cannot free the slot midway.
  p.refs++;
  // 2. Close every handle (endpoints close, peers see PeerClosed, process refs drop).
  if (handles !== undefined) for (const entry of handles.drain()) k.objects.release(entry.kind, entry.objectId);
  // 3. Free every frame and page-table page.
  space?.destroy(k);
  // 4. Record the exit and wake proc_wait callers (they retry and read the status).
  k.exits.push({ pid: p.pid, name: p.name, parent: p.parent, status, time: k.now() });
  if (k.exits.length > EXIT_RECORDS) k.exits.shift();
  for (const pid of p.exitWaiters.splice(0)) k.scheduler.wake(pid);
  // 5. Free the slot unless a handle still refers to the process.
  k.processes.release(p.pid);
}

/**
 * Ends `p` with EXIT_KILLED after a kernel bug was caught while it ran. If
 * even the exit fails, `p` is left a Zombie (its resources may leak), the
 * second failure is logged and the kernel goes on.
 */
export function exitAfterBug(k: KernelContext, p: Process): void {
  if (p.state === ProcState.Zombie) return;
  try {
    exitProcess(k, p, EXIT_KILLED);
  } catch (error) {
    k.log(`kernel bug while ending pid ${p.pid}: ${describeError(error)}`);
    p.state = ProcState.Zombie;
    k.scheduler.forget(p);
  }
}

/** "Name: message" of a caught exception (for kernel-bug log lines). */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
