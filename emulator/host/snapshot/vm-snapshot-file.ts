// A whole VM as a snapshot file: a 'meta' section (state hash, host step
// count), the VM state's sections (vm-state.ts: vm, hart, ram, devices, kernel)
// and a 'console' section (the console output the UI showed last), in the
// container of snapshot-writer.ts. Decoding verifies everything first.

import type { MachineConfig } from '../../machine/machine-config.ts';
import type { SnapshotInfo } from '../protocol/messages.ts';
import { SnapshotError } from './snapshot-error.ts';
import { Compression, versionText, type MachineSummary, type SnapshotHeader } from './snapshot-file-format.ts';
import { readAllSections, readSection, verifySnapshotFile, type VerifiedSnapshot } from './snapshot-reader.ts';
import { writeSnapshotFile } from './snapshot-writer.ts';
import { vmStateDigests } from './state-hash.ts';
import { VM_SECTION_NAMES, vmHeader, type VmState } from './vm-state.ts';

/** Host state that travels with the VM state. */
export interface HostSnapshotState {
  /** Host steps since boot (the run grid is counted from boot). */
  readonly steps: number;
  /** The most recent console output (the UI shows it after a load). */
  readonly console: Uint8Array;
}

/** What the 'meta' section holds (JSON, keys in this order). */
interface Meta {
  readonly stateHash: string;
  readonly steps: number;
}

/** A fully decoded and verified snapshot file. */
export interface DecodedSnapshot {
  readonly header: SnapshotHeader;
  readonly state: VmState;
  readonly host: HostSnapshotState;
  readonly stateHash: string;
  readonly info: SnapshotInfo;
}

const META = 'meta';
const CONSOLE = 'console';
const META_PATTERN = /^[0-9a-f]{64}$/;

/** The snapshot file of `state` and `host` with its info. Throws RangeError for a too-long description. */
export async function encodeVmSnapshot(
  state: VmState, host: HostSnapshotState, header: { createdAt: number; description: string; machine: MachineSummary },
): Promise<{ bytes: Uint8Array; info: SnapshotInfo }> {
  const stateHash = (await vmStateDigests(state)).hash;
  const meta: Meta = { stateHash, steps: host.steps };
  const bytes = await writeSnapshotFile({
    ...header,
    sections: [
      { name: META, bytes: new TextEncoder().encode(JSON.stringify(meta)), compression: Compression.None },
      ...state.sections.map((s) => ({ name: s.name, bytes: s.bytes })),
      { name: CONSOLE, bytes: host.console },
    ],
  });
  return { bytes, info: describeVerified(await verifySnapshotFile(bytes), stateHash) };
}

/**
 * The file's header and sections without decoding the VM (reads the small 'meta' section only).
 * Throws SnapshotError as verifySnapshotFile, and 'section' for a missing or bad 'meta'.
 */
export async function describeVmSnapshot(file: Uint8Array): Promise<SnapshotInfo> {
  const verified = await verifySnapshotFile(file);
  const metaEntry = verified.sections.find((s) => s.name === META);
  if (metaEntry === undefined) throw missing(META);
  return describeVerified(verified, parseMeta(await readSection(verified, metaEntry)).stateHash);
}

/**
 * The VM state and host state of `file`, checked in this order: the file (checksum, magic,
 * version, header), the machine against `expected` (when given), every section (size and
 * checksum), the VM state version, and the state against its recorded hash. Throws SnapshotError.
 */
export async function decodeVmSnapshot(file: Uint8Array, expected?: Partial<MachineSummary>): Promise<DecodedSnapshot> {
  const verified = await verifySnapshotFile(file);
  checkMachine(verified.header.machine, expected);
  const sections = await readAllSections(verified);
  const names = verified.sections.map((s) => s.name).join(',');
  if (names !== [META, ...VM_SECTION_NAMES, CONSOLE].join(',')) {
    throw new SnapshotError('section', `the file has sections ${names || 'none'}, a VM snapshot has ${[META, ...VM_SECTION_NAMES, CONSOLE].join(', ')}`);
  }
  const meta = parseMeta(sections.get(META)!);
  const state: VmState = { sections: VM_SECTION_NAMES.map((name) => ({ name, bytes: sections.get(name)! })) };
  const { config } = vmHeader(state); // refuses another VM state version before anything is restored
  if (JSON.stringify(machineOf(config)) !== JSON.stringify(verified.header.machine)) {
    throw new SnapshotError('section', "the header's machine configuration differs from the VM state's");
  }
  if ((await vmStateDigests(state)).hash !== meta.stateHash) throw new SnapshotError('section', 'the VM state does not match the state hash it was saved with');
  return {
    header: verified.header, state, stateHash: meta.stateHash,
    host: { steps: meta.steps, console: sections.get(CONSOLE)! },
    info: describeVerified(verified, meta.stateHash),
  };
}

/** The summary of machine configuration `config` that a snapshot header holds. */
export function machineOf(config: MachineConfig): MachineSummary {
  return { ramMib: config.ramSize / (1024 * 1024), instructionsPerTick: config.instructionsPerTick, display: { width: config.display.width, height: config.display.height } };
}

/** Throws SnapshotError 'configuration' when the snapshot needs a machine other than `expected` (in the fields it gives). */
export function checkMachine(needs: MachineSummary, expected: Partial<MachineSummary> | undefined): void {
  if (expected === undefined) return;
  const differs = (what: string, need: string, have: string): never => {
    throw new SnapshotError('configuration', `machine configuration differs: snapshot needs ${need} ${what}, this VM has ${have}`);
  };
  if (expected.ramMib !== undefined && needs.ramMib !== expected.ramMib) differs('RAM', `${needs.ramMib} MiB`, `${expected.ramMib} MiB`);
  if (expected.instructionsPerTick !== undefined && needs.instructionsPerTick !== expected.instructionsPerTick) {
    differs('instructions per timer tick', `${needs.instructionsPerTick}`, `${expected.instructionsPerTick}`);
  }
  const size = (d: MachineSummary['display']): string => (d.width === 0 ? 'none' : `${d.width}x${d.height}`);
  if (expected.display !== undefined && size(needs.display) !== size(expected.display)) differs('display', size(needs.display), size(expected.display));
}

function describeVerified(verified: VerifiedSnapshot, stateHash: string): SnapshotInfo {
  const h = verified.header;
  return {
    formatVersion: versionText(h.major, h.minor), createdAt: new Date(h.createdAt).toISOString(), description: h.description,
    machine: { ramMib: h.machine.ramMib, display: { ...h.machine.display } },
    sections: verified.sections.map((s) => ({ name: s.name, size: s.size, storedSize: s.storedSize })),
    size: verified.file.length, stateHash,
  };
}

function parseMeta(bytes: Uint8Array): Meta {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new SnapshotError('section', "section 'meta' is not JSON");
  }
  const m = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const uint = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
  const { stateHash, steps } = m;
  if (!uint(steps) || typeof stateHash !== 'string' || !META_PATTERN.test(stateHash) || Object.keys(m).length !== 2) {
    throw new SnapshotError('section', "section 'meta' does not hold exactly a state hash and a step count");
  }
  return { stateHash, steps };
}

function missing(name: string): SnapshotError {
  return new SnapshotError('section', `the file has no '${name}' section`);
}
