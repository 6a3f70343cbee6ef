// The host's entry into a hot reload inside the kernel: finds init's service
// task and has it replace /bin/<name> and restart the program's instances
// (InitService.reloadProgram). Called between kernel.run calls, so the reload
// lands on an instruction-count boundary of the run.

import { InitService } from '../../kernel/services/init.ts';
import type { ReloadOutcome } from '../../kernel/services/init-reload.ts';
import type { Kernel } from '../../kernel/system/kernel.ts';

/** Reloads program `path` with `elf` in `kernel`; throws Error when the kernel has no init (not booted by bootKernel). */
export function reloadInKernel(kernel: Kernel, path: string, elf: Uint8Array): ReloadOutcome {
  for (const p of kernel.processes.list()) {
    const task = kernel.serviceTask(p.pid);
    if (!(task instanceof InitService)) continue;
    const outcome = task.reloadProgram(kernel, p, path, elf);
    // Init parks on the new file-server connection at its next step.
    kernel.scheduler.wake(p.pid);
    return outcome;
  }
  throw new Error('hot reload: the kernel has no init service');
}
