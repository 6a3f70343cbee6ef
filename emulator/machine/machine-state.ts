// Machine state for VM snapshots (emulator/host/snapshot): the hart's
// architectural state (its saveState bytes: registers, CSRs, privilege, CLINT,
// virtual time, LR reservation; TLB and decoded code are dropped on load) and
// the plain-data state of every device the Machine holds (each device object
// with saveState/loadState: UART, display, keyboard, tablet, ...), by the
// Machine property that holds it. Guest RAM is captured by the snapshot layer.

import type { HartApi } from '../hart/hart-api.ts';
import type { Machine } from './machine.ts';

/** One device's saveState() output under the name of the Machine property holding it. */
export interface DeviceState {
  readonly name: string;
  readonly state: unknown;
}

export interface MachineState {
  /** The hart's saveState() bytes. */
  readonly hart: Uint8Array;
  /** Device states in the Machine's property order. */
  readonly devices: readonly DeviceState[];
}

/** A device whose state can be saved and loaded as plain data. */
interface StatefulDevice {
  saveState(): unknown;
  loadState(state: unknown): void;
}

/** The hart with the snapshot methods of emulator/hart/hart.ts (not part of HartApi). */
interface StatefulHart extends HartApi {
  saveState(): Uint8Array;
  loadState(state: Uint8Array): void;
}

/** Thrown when a machine state does not fit the machine (other devices, a hart state of another format). */
export class MachineStateError extends Error {
  override readonly name = 'MachineStateError';
}

/** The machine's hart and device state; flushes buffered console output first (it is not state). Throws MachineStateError when the hart cannot save. */
export function captureMachineState(machine: Machine): MachineState {
  machine.flushConsole();
  const devices = machineDevices(machine).map(([name, device]) => ({ name, state: device.saveState() }));
  return { hart: statefulHart(machine.hart).saveState(), devices };
}

/**
 * Loads `state` into `machine` (a fresh one, built with the same config).
 * Throws MachineStateError when the device set differs or a device or the
 * hart refuses its state (then the machine is partly loaded: discard it).
 */
export function restoreMachineState(machine: Machine, state: MachineState): void {
  restoreHartState(machine, state.hart);
  restoreDeviceStates(machine, state.devices);
}

/** Loads the hart's saveState() bytes; MachineStateError when they are not a hart state of this format. */
export function restoreHartState(machine: Machine, bytes: Uint8Array): void {
  try {
    statefulHart(machine.hart).loadState(bytes);
  } catch (error) {
    throw new MachineStateError(`hart: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Loads each device's state; MachineStateError when the device set differs or a device refuses its state. */
export function restoreDeviceStates(machine: Machine, states: readonly DeviceState[]): void {
  const devices = machineDevices(machine);
  const names = devices.map(([name]) => name).join(', ');
  const saved = states.map((d) => d.name).join(', ');
  if (names !== saved) throw new MachineStateError(`the snapshot has devices [${saved}], this machine has [${names}]`);
  devices.forEach(([name, device], i) => {
    try {
      device.loadState(states[i]!.state);
    } catch (error) {
      throw new MachineStateError(`device ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

/** The machine's devices with state, as [property name, device], in property order (the hart excluded). */
export function machineDevices(machine: Machine): [string, StatefulDevice][] {
  return Object.entries(machine).filter((entry): entry is [string, StatefulDevice] => entry[1] !== machine.hart && isStateful(entry[1]));
}

function isStateful(v: unknown): v is StatefulDevice {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Partial<Record<'saveState' | 'loadState', unknown>>;
  return typeof d.saveState === 'function' && typeof d.loadState === 'function';
}

function statefulHart(hart: HartApi): StatefulHart {
  if (!isStateful(hart)) throw new MachineStateError('this hart cannot save or load its state');
  return hart as StatefulHart;
}
