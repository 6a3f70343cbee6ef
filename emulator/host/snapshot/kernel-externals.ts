// What kernel state refers to but does not own, named for the object-graph
// codec so a restore links it to the new VM: the Machine and each of its
// fields ('machine.hart', 'machine.display', ...) and its wasm memory, the
// kernel's view of RAM ('mem', rebuilt over the new hart) and every object of the boot image
// ('bootImage.programs[2].elf', ...: large, content-addressed, not in the state).

import type { BootImage } from '../../kernel/context/kernel-context.ts';
import type { PhysicalMemory } from '../../kernel/mm/physical-memory.ts';
import type { Machine } from '../../machine/machine.ts';
import { ClassRegistry } from './class-registry.ts';
import { encodeGraph, formatPath } from './graph-encoder.ts';
import { hex, sha256 } from './snapshot-digest.ts';

/** Object -> name of everything kernel state may reference outside itself. */
export function kernelExternals(machine: Machine, mem: PhysicalMemory, bootImage: BootImage): Map<unknown, string> {
  const names = new Map<unknown, string>([[machine, 'machine'], [mem, 'mem']]);
  // The hart's wasm memory: a kernel cache viewing it (e.g. the register file) is re-linked to the new hart's, same offsets.
  names.set(machine.hart.ram.buffer, 'machine.hart.memory');
  for (const [key, value] of Object.entries(machine)) {
    if ((typeof value === 'object' && value !== null) || typeof value === 'function') names.set(value, `machine.${key}`);
  }
  nameTree(bootImage, [], names);
  return names;
}

/** Names `v` and every object below it (plain objects, arrays, typed arrays and their buffers) by path. */
function nameTree(v: unknown, path: (string | number)[], names: Map<unknown, string>): void {
  if (typeof v !== 'object' || v === null || names.has(v)) return;
  const name = formatPath('bootImage', path);
  names.set(v, name);
  if (ArrayBuffer.isView(v)) {
    if (!names.has(v.buffer)) names.set(v.buffer, `${name}<buffer>`);
    return;
  }
  for (const [key, child] of Object.entries(v)) nameTree(child, [...path, Array.isArray(v) ? Number(key) : key], names);
}

const digests = new WeakMap<BootImage, Promise<string>>();

/** SHA-256 hex of the boot image's content (programs with paths, initrd), computed once per image object. */
export function bootImageDigest(image: BootImage): Promise<string> {
  let digest = digests.get(image);
  if (digest === undefined) {
    digest = sha256(encodeGraph(image, { classes: new ClassRegistry([]), rootName: 'bootImage' })).then(hex);
    digests.set(image, digest);
  }
  return digest;
}
