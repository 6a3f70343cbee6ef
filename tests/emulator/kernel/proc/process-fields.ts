// Test support: the fields of a bare process for ProcessTable.allocate (no
// handle table, no address space), for unit tests of the table and scheduler.

import { ProcState } from '../../../../emulator/kernel/proc/process.ts';
import type { NewProcess } from '../../../../emulator/kernel/proc/process-table.ts';
import { newTrapContext } from '../../../../emulator/kernel/proc/trap-context.ts';

/** A Blocked user process named `name` with no resources. */
export function fields(name: string): NewProcess {
  return {
    name, kind: 'user', state: ProcState.Blocked, parent: 0, handles: undefined, space: undefined,
    context: newTrapContext(0n, 0n), block: undefined, timeout: undefined, exitStatus: 0, exitWaiters: [],
    refs: 0, instructions: 0, syscalls: 0,
  };
}
