// Leak and accounting checks for the fault-injection, transfer-table and
// isolation tests: a snapshot of every count and reference count of a kernel
// (compared before and after), and the accounting problems found in it (the
// kernel invariant checker, plus kernel-bug lines in the log).

import { introspect } from '../../../../emulator/kernel/introspection/introspection.ts';
import { checkInvariants } from '../../../../emulator/kernel/introspection/invariants.ts';
import type { Kernel } from '../../../../emulator/kernel/system/kernel.ts';
import { memInfoCounts, type MemInfoCounts } from '../../../../emulator/kernel/syscall/misc.ts';

/** Every count a leak would change: SYS_MEMINFO's numbers, the frames in use and each object's reference count. */
export interface LeakSnapshot {
  readonly counts: MemInfoCounts;
  readonly framesUsed: number;
  /** "ep3" / "shm1" / "pid5" -> references. */
  readonly refs: Record<string, number>;
}

/** The snapshot of `kernel` now. */
export function leakSnapshot(kernel: Kernel): LeakSnapshot {
  const refs: Record<string, number> = {};
  for (const ep of kernel.channels.liveEndpoints()) refs[`ep${ep.id}`] = ep.refs;
  for (const r of kernel.shm.regions()) refs[`shm${r.id}`] = r.refs;
  for (const p of kernel.processes.list()) refs[`pid${p.pid}`] = p.refs;
  return { counts: memInfoCounts(kernel), framesUsed: kernel.frames.usedCount, refs };
}

/**
 * The accounting problems of `kernel` (empty when consistent): every broken invariant
 * (introspection/invariants.ts) and a "kernel bug" line in `log`. `heldByTest` lists endpoints the
 * test itself holds one reference on each (kernel-side clients), which the checker cannot see: their
 * "refs != holders" sentence is excused when exactly those references are unexplained.
 */
export function accountingProblems(kernel: Kernel, log = '', heldByTest: readonly number[] = []): string[] {
  const problems: string[] = [];
  const excused = new Set<number>();
  for (const ep of introspect(kernel).endpoints) {
    const held = heldByTest.filter((id) => id === ep.id).length;
    if (held > 0 && ep.unaccountedRefs === held) excused.add(ep.id);
    else if (held !== ep.unaccountedRefs && ep.unaccountedRefs === 0) problems.push(`endpoint ${ep.id}: the test holds ${held} references the kernel does not count`);
  }
  for (const line of checkInvariants(kernel)) {
    const refs = /^endpoint (\d+): refs /.exec(line);
    if (refs === null || !excused.has(Number(refs[1]))) problems.push(line);
  }
  const bug = log.split('\n').find((l) => l.includes('kernel bug'));
  if (bug !== undefined) problems.push(`kernel log: ${bug}`);
  return problems;
}
