// Booting the whole system, the entry point of `rvos boot` / `rvos run`: a
// Machine, the Kernel over it, the kernel service tasks (init, console,
// sysinfo, math, gpu, kbd, mouse; all but init registered by name) and
// the boot programs init starts from the BootImage (by default /bin/fs, then
// /bin/shell). The caller then drives kernel.run() and pushConsoleInput().

import { Machine } from '../../machine/machine.ts';
import type { MachineConfig } from '../../machine/machine-config.ts';
import { OwnedEndpoint } from '../ipc/owned-endpoint.ts';
import type { BootImage, ExitRecord, ServiceTask } from '../context/kernel-context.ts';
import { Kernel } from './kernel.ts';
import type { KernelLimits } from '../core/limits.ts';
import type { KResult } from '../core/result.ts';
import { errorName } from '../abi/errors.ts';
import { ConsoleService } from '../services/console.ts';
import { CONSOLE_SERVICE, FS_PROGRAM, InitService } from '../services/init.ts';
import { GpuService } from '../services/gpu.ts';
import { KbdService } from '../services/kbd.ts';
import { MathService } from '../services/math.ts';
import { MouseService } from '../services/mouse.ts';
import { SysinfoService } from '../services/sysinfo.ts';

/** The program started after the file server when BootOptions.start is not given. */
export const SHELL_PROGRAM = '/bin/shell';

/** A boot program with arguments: `argv` = the whole argv as NUL-terminated strings, program name first (absent or empty: argv = [path]). */
export interface BootStart {
  readonly path: string;
  readonly argv?: Uint8Array;
}

export interface BootOptions {
  limits?: Partial<KernelLimits>;
  machine?: Partial<MachineConfig>;
  /** Receives console bytes (UART transmit) after each run batch. */
  consoleOutput?: (bytes: Uint8Array) => void;
  /** Image programs init starts at boot, in order, by path or with arguments (default: /bin/fs and /bin/shell, those present). */
  start?: readonly (string | BootStart)[];
}

/** Boots `image` on a new machine; returns the kernel, ready to run. Throws for bad limits or machine config. */
export async function bootSystem(image: BootImage, options: BootOptions = {}): Promise<Kernel> {
  const machine = await Machine.create({ config: options.machine, consoleOutput: options.consoleOutput });
  return bootKernel(machine, image, options);
}

/**
 * Creates the kernel on `machine`, starts init and the named services, and
 * queues the boot programs in init. Throws Error when a boot step fails (the
 * tables are fresh, so only limits too small for the boot itself can do that).
 */
export function bootKernel(machine: Machine, image: BootImage, options: BootOptions = {}): Kernel {
  const kernel = Kernel.create(machine, { limits: options.limits, bootImage: image });
  const init = new InitService(kernel.limits.namedServices, kernel.limits.bootRegistrations);
  started(kernel.startService('init', init), 'init');
  startNamed(kernel, init, CONSOLE_SERVICE, (control) => new ConsoleService(control, kernel.limits.consoleClients));
  startNamed(kernel, init, 'sysinfo', (control) => new SysinfoService(control));
  startNamed(kernel, init, 'math', (control) => new MathService(control));
  startNamed(kernel, init, 'gpu', (control) => bootStep(GpuService.create(kernel, control, machine.display), 'gpu: no framebuffer'));
  startNamed(kernel, init, 'kbd', (control) => new KbdService(control, machine.keyboard));
  startNamed(kernel, init, 'mouse', (control) => new MouseService(control, machine.tablet));
  for (const entry of options.start ?? defaultStart(image)) {
    const { path, argv } = typeof entry === 'string' ? { path: entry, argv: undefined } : entry;
    if (!init.addBootProgram(path, argv).ok) throw new Error(`boot: more than ${kernel.limits.bootRegistrations} boot programs`);
  }
  return kernel;
}

/** The exit record of the most recent process named `name`, or undefined while none has exited. */
export function lastExit(kernel: Kernel, name: string): ExitRecord | undefined {
  return kernel.exits.findLast((e) => e.name === name);
}

/** The exit record of boot program `name` (started by init from the boot image, not spawned by a process), or undefined while it runs. */
export function bootProgramExit(kernel: Kernel, name: string): ExitRecord | undefined {
  return kernel.exits.findLast((e) => e.name === name && e.parent === 0);
}

function defaultStart(image: BootImage): string[] {
  return [FS_PROGRAM, SHELL_PROGRAM].filter((path) => image.programs.some((p) => p.path === path));
}

/** Starts a service task on a new control channel whose other end init's registry holds under `name`. */
function startNamed(kernel: Kernel, init: InitService, name: string, make: (control: OwnedEndpoint) => ServiceTask): void {
  const pair = OwnedEndpoint.createPair(kernel);
  if (!pair.ok) throw new Error(`boot: no channel for service ${name}`);
  const [control, registryEnd] = pair.value;
  started(kernel.startService(name, make(control)), name);
  if (!init.registry.register(name, registryEnd).ok) throw new Error(`boot: cannot register service ${name}`);
}

/** The value of `result`; throws Error(`boot: ${what}`) when it failed. */
function bootStep<T>(result: KResult<T>, what: string): T {
  if (!result.ok) throw new Error(`boot: ${what} (${errorName(result.error)})`);
  return result.value;
}

function started(result: { ok: boolean }, name: string): void {
  if (!result.ok) throw new Error(`boot: cannot start service ${name}`);
}
