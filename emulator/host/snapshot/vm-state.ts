// The whole VM state as named, uncompressed sections (the snapshot file format
// stores them): 'vm' (state version, boot image digest, machine config),
// 'hart', 'ram' (allocated frames), 'devices' (UART, display, keyboard,
// tablet...) and 'kernel' (the object graph from the Kernel instance, encoded
// generically). captureVm copies them; restoreVm builds a fresh Machine + Kernel
// from them. The boot image is not in the state: restore gets it from the caller.

import type { BootImage } from '../../kernel/context/kernel-context.ts';
import { checkInvariants } from '../../kernel/introspection/invariants.ts';
import { PhysicalMemory } from '../../kernel/mm/physical-memory.ts';
import { Kernel } from '../../kernel/system/kernel.ts';
import { Machine, type HartFactory } from '../../machine/machine.ts';
import type { MachineConfig } from '../../machine/machine-config.ts';
import { captureMachineState, restoreDeviceStates, restoreHartState, type DeviceState } from '../../machine/machine-state.ts';
import { ClassRegistry } from './class-registry.ts';
import { decodeGraph } from './graph-decoder.ts';
import { encodeGraph } from './graph-encoder.ts';
import { KERNEL_CLASSES } from './kernel-classes.ts';
import { kernelExternals, bootImageDigest } from './kernel-externals.ts';
import { captureRam, restoreRam } from './ram-state.ts';
import { SnapshotError } from './snapshot-error.ts';

/** Bump when the content of any section changes meaning; restoreVm refuses other versions. */
export const VM_STATE_VERSION = 1;

/** The sections of a VM state, in this order. */
export const VM_SECTION_NAMES = ['vm', 'hart', 'ram', 'devices', 'kernel'] as const;
export type VmSectionName = (typeof VM_SECTION_NAMES)[number];

export interface VmStateSection {
  readonly name: VmSectionName;
  /** Uncompressed. */
  readonly bytes: Uint8Array;
}

export interface VmState {
  readonly sections: readonly VmStateSection[];
}

/** The 'vm' section, decoded. */
export interface VmHeader {
  readonly version: number;
  /** SHA-256 hex of the boot image the VM runs. */
  readonly bootImageDigest: string;
  readonly config: MachineConfig;
}

export interface RestoreDeps {
  /** The boot image the snapshot was taken with (checked against its digest). */
  readonly bootImage: BootImage;
  /** Console output of the new machine. */
  readonly consoleOutput?: (bytes: Uint8Array) => void;
  /** Creates the new machine's hart (default: the wasm hart, Node only). */
  readonly hartFactory?: HartFactory;
}

const PLAIN = new ClassRegistry([]);

/**
 * The state of the VM around `kernel`, taken synchronously on entry (call it
 * between kernel.run() calls); the await only computes the boot image digest.
 * Throws GraphEncodeError naming the path of kernel state it cannot encode.
 */
export async function captureVm(kernel: Kernel): Promise<VmState> {
  const digest = bootImageDigest(kernel.bootImage);
  const config = structuredClone(kernel.machine.config);
  const machine = captureMachineState(kernel.machine);
  const ram = captureRam(kernel.hart.ram, kernel.mem.base, kernel.frames);
  const kernelBytes = encodeGraph(kernel, { classes: KERNEL_CLASSES, externals: kernelExternals(kernel.machine, kernel.mem, kernel.bootImage), rootName: 'kernel' });
  const devices = encodeGraph(machine.devices, { classes: PLAIN, rootName: 'devices' });
  const header: VmHeader = { version: VM_STATE_VERSION, bootImageDigest: await digest, config };
  return {
    sections: [
      { name: 'vm', bytes: encodeGraph(header, { classes: PLAIN, rootName: 'vm' }) },
      { name: 'hart', bytes: machine.hart },
      { name: 'ram', bytes: ram },
      { name: 'devices', bytes: devices },
      { name: 'kernel', bytes: kernelBytes },
    ],
  };
}

/**
 * A fresh Machine + Kernel in exactly the state `state` describes (the caller
 * swaps it in; nothing else changes). Rejects with SnapshotError: 'version'
 * (another VM state version), 'configuration' (another boot image), 'section'
 * (a section missing, repeated, unknown, or not decoding into a consistent VM).
 */
export async function restoreVm(state: VmState, deps: RestoreDeps): Promise<Kernel> {
  const sections = sectionMap(state);
  const header = readVmHeader(sections.vm);
  if (header.bootImageDigest !== await bootImageDigest(deps.bootImage)) {
    throw new SnapshotError('configuration', 'the snapshot was taken with another boot image (the guest programs changed)');
  }
  const machine = await Machine.create({ config: header.config, consoleOutput: deps.consoleOutput, hartFactory: deps.hartFactory }).catch((error: unknown) => {
    throw new SnapshotError('configuration', `the snapshot's machine cannot be built: ${error instanceof Error ? error.message : String(error)}`);
  });
  section('ram', () => restoreRam(sections.ram, machine.hart.ram));
  section('hart', () => restoreHartState(machine, sections.hart));
  section('devices', () => restoreDeviceStates(machine, decodeGraph(sections.devices, { classes: PLAIN }) as DeviceState[]));
  return section('kernel', () => restoreKernel(sections.kernel, machine, deps.bootImage));
}

/** The 'vm' section of `state`. Throws SnapshotError ('section', 'version') when it is missing or unreadable. */
export function vmHeader(state: VmState): VmHeader {
  const vm = state.sections.find((s) => s.name === 'vm');
  if (vm === undefined) throw new SnapshotError('section', "the VM state has no 'vm' section");
  return readVmHeader(vm.bytes);
}

function restoreKernel(bytes: Uint8Array, machine: Machine, bootImage: BootImage): Kernel {
  const mem = new PhysicalMemory(machine.hart);
  const externals = new Map([...kernelExternals(machine, mem, bootImage)].map(([object, name]) => [name, object]));
  const kernel = decodeGraph(bytes, { classes: KERNEL_CLASSES, externals });
  if (!(kernel instanceof Kernel) || kernel.machine !== machine || kernel.hart !== machine.hart || kernel.mem !== mem) {
    throw new Error('the kernel section does not hold a kernel of this machine');
  }
  const broken = checkInvariants(kernel);
  if (broken.length > 0) throw new Error(`the restored kernel breaks ${broken.length} invariants, first: ${broken[0]}`);
  return kernel;
}

function readVmHeader(bytes: Uint8Array): VmHeader {
  const header = section('vm', () => decodeGraph(bytes, { classes: PLAIN }) as Partial<VmHeader> | null);
  if (typeof header?.bootImageDigest !== 'string' || typeof header.config !== 'object') {
    throw new SnapshotError('section', "section 'vm' does not restore: it is not a VM state header");
  }
  if (header.version !== VM_STATE_VERSION) {
    throw new SnapshotError('version', `VM state version ${String(header.version)}; this build reads version ${VM_STATE_VERSION}`);
  }
  return header as VmHeader;
}

/** The sections by name; SnapshotError 'section' unless each of VM_SECTION_NAMES is there exactly once and nothing else. */
function sectionMap(state: VmState): Record<VmSectionName, Uint8Array> {
  const map = new Map<string, Uint8Array>();
  for (const s of state.sections) {
    if (!(VM_SECTION_NAMES as readonly string[]).includes(s.name)) throw new SnapshotError('section', `unknown VM state section '${s.name}'`);
    if (map.has(s.name)) throw new SnapshotError('section', `VM state section '${s.name}' appears twice`);
    map.set(s.name, s.bytes);
  }
  const missing = VM_SECTION_NAMES.filter((name) => !map.has(name));
  if (missing.length > 0) throw new SnapshotError('section', `the VM state lacks section(s) ${missing.join(', ')}`);
  return Object.fromEntries(map) as Record<VmSectionName, Uint8Array>;
}

/** Runs `work`; any error but a SnapshotError becomes SnapshotError 'section' naming `name`. */
function section<T>(name: VmSectionName, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof SnapshotError) throw error;
    throw new SnapshotError('section', `section '${name}' does not restore: ${error instanceof Error ? error.message : String(error)}`);
  }
}
