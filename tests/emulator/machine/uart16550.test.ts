// NS16550A register behaviour: transmit, receive queue and LSR.DR, divisor
// latch under DLAB, IIR priorities and FIFO bits, THRE latch, loopback, SCR,
// and the interrupt line.

import { describe, expect, it } from 'vitest';
import {
  IER_RDA, IER_THRE, IIR_NONE, IIR_RDA, IIR_THRE, LCR_DLAB, LSR_DR, LSR_TEMT, LSR_THRE, MCR_LOOP, Uart16550,
  UART_IER_DLM, UART_IIR_FCR, UART_LCR, UART_LSR, UART_MCR, UART_MSR, UART_RBR_THR_DLL, UART_SCR,
} from '../../../emulator/machine/uart16550.ts';

function makeUart(): { uart: Uart16550; out: number[]; irq: boolean[] } {
  const out: number[] = [];
  const irq: boolean[] = [];
  const uart = new Uart16550({ output: (b) => out.push(b), interrupt: (l) => irq.push(l) });
  return { uart, out, irq };
}

describe('Uart16550', () => {
  it('sends THR writes to the output and keeps THRE|TEMT set', () => {
    const { uart, out } = makeUart();
    for (const ch of 'hi\n') uart.write(UART_RBR_THR_DLL, 1, ch.charCodeAt(0) | 0x100);
    expect(String.fromCharCode(...out)).toBe('hi\n');
    expect(uart.read(UART_LSR, 1)).toBe(LSR_THRE | LSR_TEMT);
  });

  it('queues host input, shows DR, and reads it in order from RBR', () => {
    const { uart } = makeUart();
    uart.pushInput([0x41, 0x142]);
    expect(uart.pendingInput).toBe(2);
    expect(uart.read(UART_LSR, 1)! & LSR_DR).toBe(LSR_DR);
    expect(uart.read(UART_RBR_THR_DLL, 1)).toBe(0x41);
    expect(uart.read(UART_RBR_THR_DLL, 1)).toBe(0x42);
    expect(uart.read(UART_LSR, 1)! & LSR_DR).toBe(0);
    expect(uart.read(UART_RBR_THR_DLL, 1)).toBe(0);
  });

  it('maps the divisor latch at offsets 0 and 1 while DLAB is set', () => {
    const { uart, out } = makeUart();
    uart.write(UART_IER_DLM, 1, 0x05);
    uart.write(UART_LCR, 1, LCR_DLAB | 0x03);
    uart.write(UART_RBR_THR_DLL, 1, 0x01);
    uart.write(UART_IER_DLM, 1, 0x02);
    expect(uart.divisor).toBe(0x0201);
    expect(uart.read(UART_RBR_THR_DLL, 1)).toBe(0x01);
    expect(uart.read(UART_IER_DLM, 1)).toBe(0x02);
    expect(out).toEqual([]);
    uart.write(UART_LCR, 1, 0x03);
    expect(uart.read(UART_LCR, 1)).toBe(0x03);
    expect(uart.read(UART_IER_DLM, 1)).toBe(0x05);
  });

  it('reports FIFO state and no interrupt in IIR, and keeps SCR', () => {
    const { uart } = makeUart();
    expect(uart.read(UART_IIR_FCR, 1)).toBe(IIR_NONE);
    uart.write(UART_IIR_FCR, 1, 0x07);
    expect(uart.read(UART_IIR_FCR, 1)).toBe(0xc0 | IIR_NONE);
    uart.write(UART_SCR, 1, 0x5a);
    expect(uart.read(UART_SCR, 1)).toBe(0x5a);
    expect(uart.read(UART_MSR, 1)).toBe(0xb0);
    expect(uart.read(8, 1)).toBeUndefined();
    expect(uart.write(8, 1, 0)).toBe(false);
  });

  it('raises the line for received data when IER.RDA is set, and drops it when read', () => {
    const { uart, irq } = makeUart();
    uart.pushInput([1]);
    expect(irq).toEqual([]);
    uart.write(UART_IER_DLM, 1, IER_RDA);
    expect(irq).toEqual([true]);
    expect(uart.read(UART_IIR_FCR, 1)).toBe(IIR_RDA);
    uart.read(UART_RBR_THR_DLL, 1);
    expect(irq).toEqual([true, false]);
    expect(uart.interruptLevel).toBe(false);
  });

  it('latches THRE when enabled and after a transmit; reading IIR clears it', () => {
    const { uart, irq } = makeUart();
    uart.write(UART_IER_DLM, 1, IER_THRE);
    expect(irq).toEqual([true]);
    expect(uart.read(UART_IIR_FCR, 1)).toBe(IIR_THRE);
    expect(irq).toEqual([true, false]);
    expect(uart.read(UART_IIR_FCR, 1)).toBe(IIR_NONE);
    uart.write(UART_RBR_THR_DLL, 1, 0x41);
    expect(irq).toEqual([true, false, true]);
    uart.write(UART_IER_DLM, 1, 0);
    expect(irq).toEqual([true, false, true, false]);
  });

  it('gives received data priority over THRE', () => {
    const { uart } = makeUart();
    uart.write(UART_IER_DLM, 1, IER_THRE | IER_RDA);
    uart.pushInput([7]);
    expect(uart.read(UART_IIR_FCR, 1)).toBe(IIR_RDA);
  });

  it('loops transmitted bytes back to the receiver and MCR to MSR in loopback mode', () => {
    const { uart, out } = makeUart();
    uart.write(UART_MCR, 1, MCR_LOOP | 0x0b); // DTR, RTS, OUT2
    uart.write(UART_RBR_THR_DLL, 1, 0x55);
    expect(out).toEqual([]);
    expect(uart.read(UART_RBR_THR_DLL, 1)).toBe(0x55);
    expect(uart.read(UART_MSR, 1)).toBe(0x10 | 0x20 | 0x80);
  });

  it('clears the receive queue on FCR bit 1', () => {
    const { uart } = makeUart();
    uart.pushInput([1, 2, 3]);
    uart.write(UART_IIR_FCR, 1, 0x03);
    expect(uart.pendingInput).toBe(0);
  });
});
