// The user-memory accessor of a process for syscall handlers: K1's
// UserMemory over the process's page table (never the hart's TLB).

import type { KernelContext } from '../context/kernel-context.ts';
import type { UserMemory } from '../mm/user-memory.ts';
import type { Process } from '../proc/process.ts';

/** The accessor for `p`'s memory, or undefined when it has no address space (a service, or exited). */
export function userMemory(k: KernelContext, p: Process): UserMemory | undefined {
  return p.space === undefined ? undefined : p.space.user(k.mem);
}
