// The kernel class registry of VM snapshots against the real kernel: every
// class in emulator/kernel is registered or listed as never in state, no
// registered class hides state in #private fields (the codec cannot see
// them), and decision 4 holds for a real workload: the kernel graph encodes,
// with no closure, promise or unregistered object, throughout a ktest run.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeGraph, GraphEncodeError } from '../../../../emulator/host/snapshot/graph-encoder.ts';
import { KERNEL_CLASSES, KERNEL_CLASSES_NOT_IN_STATE } from '../../../../emulator/host/snapshot/kernel-classes.ts';
import { kernelExternals } from '../../../../emulator/host/snapshot/kernel-externals.ts';
import { bootProgramExit } from '../../../../emulator/kernel/system/boot.ts';
import type { Kernel } from '../../../../emulator/kernel/system/kernel.ts';
import { bootTestVm, ktestStart } from './snapshot-kit.ts';

const KERNEL_DIR = join(import.meta.dirname, '../../../../emulator/kernel');
const CLASS = /^(?:export\s+)?(?:abstract\s+)?class\s+(\w+)/gm;
const PRIVATE_FIELD = /^\s+(?:(?:static|readonly)\s+)*#\w+/m;

/** Every .ts file under `dir` with its text. */
function sources(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => ({ path: join(e.parentPath, e.name), text: readFileSync(join(e.parentPath, e.name), 'utf8') }));
}

function encodeKernel(kernel: Kernel): Uint8Array {
  return encodeGraph(kernel, { classes: KERNEL_CLASSES, externals: kernelExternals(kernel.machine, kernel.mem, kernel.bootImage), rootName: 'kernel' });
}

describe('kernel class registry', () => {
  const files = sources(KERNEL_DIR);
  const declared = new Map(files.flatMap((f) => [...f.text.matchAll(CLASS)].map((m) => [m[1]!, f] as const)));

  it('covers every kernel class: registered, or listed with the reason it is never state', () => {
    const registered = new Set(KERNEL_CLASSES.names());
    const unaccounted = [...declared.keys()].filter((name) => !registered.has(name) && !(name in KERNEL_CLASSES_NOT_IN_STATE));
    expect(unaccounted, 'register these in emulator/host/snapshot/kernel-classes.ts').toEqual([]);
    const stale = [...registered, ...Object.keys(KERNEL_CLASSES_NOT_IN_STATE)].filter((name) => !declared.has(name));
    expect(stale, 'classes no longer in emulator/kernel').toEqual([]);
  });

  it('has no registered class keeping #private fields (invisible to the codec)', () => {
    const hiding = KERNEL_CLASSES.names().filter((name) => PRIVATE_FIELD.test(declared.get(name)?.text ?? ''));
    expect(hiding, 'use TypeScript `private` fields instead').toEqual([]);
  });

  it('is what the encoder checks: an unregistered kernel object is refused with its path', async () => {
    const { kernel } = await bootTestVm([]);
    (kernel.exits as unknown[]).push(new (class Stray {})());
    expect(() => encodeKernel(kernel)).toThrow(new GraphEncodeError('kernel.exits[0]', 'an object of unregistered class Stray'));
    kernel.exits.length = 0;
    (kernel.consoleInput as { waiters: unknown[] }).waiters.push(() => 1);
    expect(() => encodeKernel(kernel)).toThrow('a function (anonymous) at kernel.consoleInput.waiters[0]');
  });

  it('encodes the kernel throughout a whole ktest run (decision 4: no closures or promises in kernel state)', async () => {
    const vm = await bootTestVm(ktestStart([]));
    let encodes = 0;
    let largest = 0;
    for (let i = 0; i < 200 && bootProgramExit(vm.kernel, 'ktest') === undefined; i++) {
      vm.kernel.run(3_000_000 + i * 7_919); // uneven slices: stop at varied places
      largest = Math.max(largest, encodeKernel(vm.kernel).length);
      encodes++;
    }
    expect(bootProgramExit(vm.kernel, 'ktest')?.status).toBe(0);
    expect(vm.console()).toMatch(/ktest: \d+ passed, 0 failed/);
    expect(encodes).toBeGreaterThan(40);
    expect(largest).toBeLessThan(1 << 20);
  });
});
