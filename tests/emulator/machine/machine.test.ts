// The machine's run loop against a scripted fake hart: UART mapping and its
// interrupt wiring, HTIF exit and console, instruction limit, wfi idle skip to
// the next timer deadline, wfi halt, host traps and config validation.

import { describe, expect, it } from 'vitest';
import { ExitReason } from '../../../emulator/hart/hart-api.ts';
import { Machine, type StepObserver } from '../../../emulator/machine/machine.ts';
import { MachineConfigError } from '../../../emulator/machine/machine-config.ts';
import { UART_BASE } from '../../../emulator/machine/memory-map.ts';
import { IER_RDA, UART_IER_DLM, UART_RBR_THR_DLL } from '../../../emulator/machine/uart16550.ts';
import { PF_R, PF_W, PF_X } from '../../../emulator/toolchain/elf/elf-constants.ts';
import { readElf } from '../../../emulator/toolchain/elf/elf-reader.ts';
import { writeElf } from '../../../emulator/toolchain/elf/elf-writer.ts';
import { fakeFactory, type FakeHart } from './fake-hart.ts';

const ramBase = 0x8000_0000n;
const TOHOST = ramBase + 0x1000n;

async function makeMachine(withTohost = true): Promise<{ machine: Machine; hart: FakeHart; out: number[] }> {
  const fake = fakeFactory();
  const out: number[] = [];
  const machine = await Machine.create({ config: { ramSize: 1 << 20, batchSize: 1000 }, hartFactory: fake.factory, consoleOutput: (b) => out.push(...b) });
  machine.loadProgram(readElf(writeElf({
    entry: ramBase + 4n,
    segments: [
      { vaddr: ramBase, data: new Uint8Array(16), flags: PF_R | PF_X },
      { vaddr: TOHOST, data: new Uint8Array(16), flags: PF_R | PF_W },
    ],
    symbols: withTohost ? [{ name: 'tohost', value: TOHOST }, { name: 'fromhost', value: TOHOST + 8n }] : [],
  })));
  return { machine, hart: fake.hart(), out };
}

const exitWith = (value: bigint) => (h: FakeHart) => h.poke64(TOHOST, value);

describe('Machine', () => {
  it('loads the program, starts at its entry and arms tohost', async () => {
    const { hart } = await makeMachine();
    expect(hart.getPc()).toBe(ramBase + 4n);
    expect(hart.tohost).toBe(TOHOST);
    expect(hart.devices.map((d) => [d.base, d.size, d.device.name])).toEqual([[UART_BASE, 0x100, 'uart16550']]);
  });

  it('runs in batches until the guest exits through tohost', async () => {
    const { machine, hart } = await makeMachine();
    hart.script = [{ retire: 1000, reason: ExitReason.Budget }, { retire: 7, reason: ExitReason.Tohost, effect: exitWith((5n << 1n) | 1n) }];
    const result = machine.runUntilExit();
    expect(result).toMatchObject({ reason: 'exit', exitCode: 5, instructions: 1007 });
    expect(hart.budgets).toEqual([1000, 1000]);
    expect(hart.peek64(TOHOST)).toBe(0n);
  });

  it('delivers UART and HTIF console output', async () => {
    const { machine, hart, out } = await makeMachine();
    const uart = hart.devices[0]!.device;
    hart.script = [
      { retire: 3, reason: ExitReason.Tohost, effect: (h) => { uart.write(UART_RBR_THR_DLL, 1, 0x68); h.poke64(TOHOST, (1n << 56n) | (1n << 48n) | 0x69n); } },
      { retire: 1, reason: ExitReason.Tohost, effect: exitWith(1n) },
    ];
    expect(machine.runUntilExit()).toMatchObject({ reason: 'exit', exitCode: 0 });
    expect(String.fromCharCode(...out)).toBe('hi');
    expect(hart.peek64(TOHOST + 8n)).toBe((1n << 56n) | (1n << 48n) | 0x169n);
  });

  it('stops at the instruction limit with the last batch cut to fit', async () => {
    const { machine, hart } = await makeMachine();
    const result = machine.runUntilExit({ maxInstructions: 2500 });
    expect(result).toMatchObject({ reason: 'limit', instructions: 2500, exitCode: -1 });
    expect(hart.budgets).toEqual([1000, 1000, 500]);
  });

  it('skips virtual time to the timer deadline on wfi when the timer interrupt is enabled', async () => {
    const { machine, hart } = await makeMachine();
    hart.setCsr(0x304, 1n << 7n);
    hart.timerDeadline = 5000n;
    hart.script = [{ retire: 10, reason: ExitReason.Wfi }, { retire: 1, reason: ExitReason.Tohost, effect: exitWith(1n) }];
    expect(machine.runUntilExit()).toMatchObject({ reason: 'exit', exitCode: 0 });
    expect(hart.timeAdvances).toEqual([5000n]);
  });

  it('reports a wfi halt when no timer is armed or the timer interrupt is disabled', async () => {
    for (const [mie, deadline] of [[1n << 7n, -1n], [0n, 5000n]] as const) {
      const { machine, hart } = await makeMachine();
      hart.setCsr(0x304, mie);
      hart.timerDeadline = deadline;
      hart.script = [{ retire: 10, reason: ExitReason.Wfi }];
      expect(machine.runUntilExit()).toMatchObject({ reason: 'wfi-halt', instructions: 10, message: expect.stringMatching(/halted in wfi/) });
    }
  });

  it('reports wfi-wait instead of a halt when open host input could wake the hart through the UART', async () => {
    const { machine, hart } = await makeMachine();
    hart.devices[0]!.device.write(UART_IER_DLM, 1, IER_RDA);
    hart.script = [{ retire: 4, reason: ExitReason.Wfi }];
    expect(machine.runUntilExit({ inputOpen: true })).toMatchObject({ reason: 'wfi-halt' }); // MEIE off
    hart.setCsr(0x304, 1n << 11n);
    hart.script = [{ retire: 4, reason: ExitReason.Wfi }];
    expect(machine.runUntilExit({ inputOpen: true })).toMatchObject({ reason: 'wfi-wait', message: 'waiting in wfi for UART input' });
    hart.script = [{ retire: 4, reason: ExitReason.Wfi }];
    expect(machine.runUntilExit({ inputOpen: false })).toMatchObject({ reason: 'wfi-halt' });
  });

  it('reports host traps, breakpoints and HTIF errors', async () => {
    const { machine, hart } = await makeMachine();
    hart.script = [{ retire: 1, reason: ExitReason.HostTrap }];
    expect(machine.runUntilExit()).toMatchObject({ reason: 'host-trap', message: expect.stringMatching(/cause 0x8/) });
    hart.script = [{ retire: 1, reason: ExitReason.Breakpoint }];
    expect(machine.runUntilExit()).toMatchObject({ reason: 'breakpoint' });
    hart.script = [{ retire: 1, reason: ExitReason.Tohost, effect: exitWith(3n << 56n) }];
    expect(machine.runUntilExit()).toMatchObject({ reason: 'htif-error', message: expect.stringMatching(/device 3/) });
  });

  it('wires the UART interrupt line to MEIP', async () => {
    const { machine, hart } = await makeMachine();
    const uart = hart.devices[0]!.device;
    uart.write(UART_IER_DLM, 1, IER_RDA);
    machine.uart.pushInput([0x31]);
    expect(hart.interruptLines.get(11)).toBe(true);
    uart.read(UART_RBR_THR_DLL, 1);
    expect(hart.interruptLines.get(11)).toBe(false);
  });

  it('steps one instruction at a time around an observer', async () => {
    const { machine, hart } = await makeMachine();
    const calls: string[] = [];
    const observer: StepObserver = { beforeStep: () => calls.push('b'), afterStep: () => calls.push('a') };
    expect(machine.runUntilExit({ maxInstructions: 3, observer })).toMatchObject({ reason: 'limit', instructions: 3 });
    expect(hart.budgets).toEqual([1, 1, 1]);
    expect(calls.join('')).toBe('bababa');
  });

  it('refuses a bad configuration', async () => {
    await expect(Machine.create({ config: { ramSize: 1000 }, hartFactory: fakeFactory().factory })).rejects.toThrow(MachineConfigError);
    await expect(Machine.create({ config: { instructionsPerTick: 0 }, hartFactory: fakeFactory().factory })).rejects.toThrow(/instructionsPerTick/);
  });
});
