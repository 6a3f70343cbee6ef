// Machine state for snapshots (emulator/machine/machine-state.ts) on a real
// machine: the hart (registers, CSRs, privilege, virtual time, reservation),
// the UART's registers and FIFO and the other devices round-trip into a
// fresh machine; a state for other devices or hart format is refused.

import { describe, expect, it } from 'vitest';
import { Privilege } from '../../../emulator/hart/hart-api.ts';
import { Machine } from '../../../emulator/machine/machine.ts';
import { captureMachineState, machineDevices, MachineStateError, restoreMachineState } from '../../../emulator/machine/machine-state.ts';
import { IER_RDA, LCR_DLAB, UART_IER_DLM, UART_IIR_FCR, UART_LCR, UART_RBR_THR_DLL, UART_SCR } from '../../../emulator/machine/uart16550.ts';

const config = { ramSize: 1 << 20, display: { width: 64, height: 32 } };

async function busyMachine(): Promise<Machine> {
  const m = await Machine.create({ config });
  const { uart, hart } = m;
  uart.write(UART_LCR, 1, LCR_DLAB);
  uart.write(UART_RBR_THR_DLL, 1, 0x34);
  uart.write(UART_IER_DLM, 1, 0x12);
  uart.write(UART_LCR, 1, 0x1b);
  uart.write(UART_IER_DLM, 1, IER_RDA);
  uart.write(UART_SCR, 1, 0x5a);
  uart.pushInput([1, 2, 3]);
  hart.setX(5, 0x1234_5678_9abc_def0n);
  hart.setPc(0x8000_0100n);
  hart.setPrivilege(Privilege.Supervisor);
  hart.setCsr(0x305, 0x8000_0400n); // mtvec
  hart.advanceTime(777n);
  m.keyboard.push({ code: 30, down: true });
  m.display.flush({ x: 1, y: 2, width: 3, height: 4 });
  return m;
}

describe('machine state', () => {
  it('lists the devices with state by Machine property (the hart has its own part)', async () => {
    expect(machineDevices(await Machine.create({ config })).map(([name]) => name)).toEqual(['uart', 'display', 'keyboard', 'tablet']);
  });

  it('round-trips hart, UART and devices into a fresh machine', async () => {
    const source = await busyMachine();
    const state = captureMachineState(source);
    const target = await Machine.create({ config });
    restoreMachineState(target, state);
    expect(captureMachineState(target)).toEqual(state);
    const { hart, uart } = target;
    expect([hart.getX(5), hart.getPc(), hart.getPrivilege(), hart.mtime()]).toEqual([0x1234_5678_9abc_def0n, 0x8000_0100n, Privilege.Supervisor, source.hart.mtime()]);
    expect([uart.divisor, uart.read(UART_SCR, 1), uart.pendingInput, uart.interruptLevel]).toEqual([0x1234, 0x5a, 3, true]);
    expect(uart.read(UART_IIR_FCR, 1)).toBe(source.uart.read(UART_IIR_FCR, 1));
    expect([uart.read(UART_RBR_THR_DLL, 1), uart.read(UART_RBR_THR_DLL, 1)]).toEqual([1, 2]);
    expect(target.keyboard.length).toBe(1);
    expect(target.display.takeFrame()).toEqual(source.display.takeFrame());
  });

  it('refuses a state for other devices or a hart state of another format (MachineStateError)', async () => {
    const state = captureMachineState(await busyMachine());
    const target = await Machine.create({ config });
    expect(() => restoreMachineState(target, { ...state, devices: state.devices.slice(1) }))
      .toThrow(new MachineStateError('the snapshot has devices [display, keyboard, tablet], this machine has [uart, display, keyboard, tablet]'));
    expect(() => restoreMachineState(target, { ...state, hart: state.hart.subarray(8) })).toThrow(/^hart: /);
  });
});
