// The restart half of a hot reload in init (InitService.reloadProgram): each
// live child started from the reloaded path is ended and started again with
// the new ELF and the argv, BootInfo caps, stdio endpoint and requester it was launched with;
// the service names it registered are dropped so its successor can take them.

import { errorName } from '../abi/errors.ts';
import { EXIT_KILLED } from '../abi/handles.ts';
import type { KernelContext } from '../context/kernel-context.ts';
import { exitProcess } from '../lifecycle/exit.ts';
import { ProcState } from '../proc/process.ts';
import type { InitChild } from './init.ts';
import type { ServiceRegistry } from './init-registry.ts';
import { baseName, releaseHeldCaps } from './init-spawn.ts';
import { launchProgram } from './launch.ts';

/** What a hot reload did: the instances restarted (old -> new pid) and the service names they had registered. */
export interface ReloadOutcome {
  readonly restarted: { oldPid: number; newPid: number }[];
  readonly reRegistered: string[];
}

/**
 * Restarts every live child in `children` launched from `path` with `elf` (the list is updated:
 * old records out, new ones in). A child that cannot be started again is logged and its launch
 * caps released; the others go on.
 */
export function restartChildren(k: KernelContext, children: InitChild[], registry: ServiceRegistry, path: string, elf: Uint8Array): ReloadOutcome {
  const restarted: { oldPid: number; newPid: number }[] = [];
  const reRegistered: string[] = [];
  for (const child of children.filter((c) => c.launch?.path === path)) {
    const p = k.processes.get(child.pid);
    const launch = child.launch;
    if (p === undefined || p.state === ProcState.Zombie || launch === undefined) continue;
    const names = registry.entries.filter((e) => e.owner === child.pid).map((e) => e.name);
    exitProcess(k, p, EXIT_KILLED);
    for (const name of names) registry.remove(name);
    reRegistered.push(...names);
    children.splice(children.indexOf(child), 1);
    child.boot?.close();
    const launched = launchProgram(k, { name: baseName(path), elf, argv: launch.argv, caps: launch.caps, parent: launch.requester });
    if (!launched.ok) {
      k.log(`init: cannot restart ${path}: ${errorName(launched.error)}`);
      releaseHeldCaps(k, launch);
      continue;
    }
    children.push({ pid: launched.value.pid, boot: launched.value.boot, launch });
    restarted.push({ oldPid: child.pid, newPid: launched.value.pid });
  }
  return { restarted, reRegistered };
}
