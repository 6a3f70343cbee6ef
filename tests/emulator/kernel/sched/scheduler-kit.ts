// Test setup for the scheduler tests: a process table of 8 slots and a
// Scheduler over it, with `n` processes allocated and made runnable.

import type { Process } from '../../../../emulator/kernel/proc/process.ts';
import { ProcessTable } from '../../../../emulator/kernel/proc/process-table.ts';
import { Scheduler } from '../../../../emulator/kernel/sched/scheduler.ts';
import { fields } from '../proc/process-fields.ts';

/** The table, its scheduler and `n` runnable processes p0..p(n-1). */
export function schedulerWith(n: number): { table: ProcessTable; scheduler: Scheduler; procs: Process[] } {
  const table = new ProcessTable(8);
  const scheduler = new Scheduler(table);
  const procs = Array.from({ length: n }, (_, i) => {
    const r = table.allocate(fields(`p${i}`));
    if (!r.ok) throw new Error('allocate');
    scheduler.makeRunnable(r.value);
    return r.value;
  });
  return { table, scheduler, procs };
}
