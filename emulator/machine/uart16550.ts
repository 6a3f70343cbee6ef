// NS16550A UART as an MmioDevice (registers 1 byte apart, as on QEMU virt).
// Transmit is instant: bytes written to THR go to the `output` callback, so LSR
// always shows THRE|TEMT. Host input is queued with `pushInput` (DR while data
// waits). The interrupt line goes straight to a hart mip bit: there is no PLIC.

import type { MmioDevice } from '../hart/hart-api.ts';

/** Register offsets (DLAB = LCR bit 7 selects the divisor latch at 0 and 1). */
export const UART_RBR_THR_DLL = 0;
export const UART_IER_DLM = 1;
export const UART_IIR_FCR = 2;
export const UART_LCR = 3;
export const UART_MCR = 4;
export const UART_LSR = 5;
export const UART_MSR = 6;
export const UART_SCR = 7;

export const IER_RDA = 0x01; // received data available
export const IER_THRE = 0x02; // transmitter holding register empty
export const IER_RLS = 0x04; // receiver line status
export const IER_MS = 0x08; // modem status

export const IIR_NONE = 0x01;
export const IIR_MSR = 0x00;
export const IIR_THRE = 0x02;
export const IIR_RDA = 0x04;
export const IIR_FIFO_ENABLED = 0xc0;

export const LCR_DLAB = 0x80;
export const LSR_DR = 0x01;
export const LSR_THRE = 0x20;
export const LSR_TEMT = 0x40;
export const MCR_LOOP = 0x10;
export const FCR_ENABLE = 0x01;
export const FCR_CLEAR_RX = 0x02;

/** MSR when not in loopback: carrier detect, data set ready, clear to send (as QEMU). */
const MSR_IDLE = 0xb0;

export interface Uart16550Options {
  /** Receives every transmitted byte. */
  output: (byte: number) => void;
  /** Called when the interrupt line changes level. */
  interrupt?: (level: boolean) => void;
}

/** Uart16550 state for snapshots (saveState / loadState). */
export interface UartState {
  readonly rx: readonly number[];
  readonly ier: number;
  readonly lcr: number;
  readonly mcr: number;
  readonly scr: number;
  readonly dll: number;
  readonly dlm: number;
  readonly fifoEnabled: boolean;
  readonly thrIpending: boolean;
  readonly irqLevel: boolean;
}

/** The NS16550A state machine. */
export class Uart16550 implements MmioDevice {
  readonly name = 'uart16550';
  private readonly rx: number[] = [];
  private ier = 0;
  private lcr = 0x03; // 8N1
  private mcr = 0;
  private scr = 0;
  private dll = 0x0c; // 9600 baud at 1.8432 MHz
  private dlm = 0;
  private fifoEnabled = false;
  /** A THRE interrupt is latched (set when THR empties, cleared by reading IIR or writing THR). */
  private thrIpending = false;
  private irqLevel = false;

  constructor(private readonly options: Uart16550Options) {}

  /** Queues bytes from the host for the guest to read from RBR. */
  pushInput(bytes: Iterable<number>): void {
    for (const b of bytes) this.rx.push(b & 0xff);
    this.updateInterrupt();
  }

  /** Number of input bytes not yet read by the guest. */
  get pendingInput(): number {
    return this.rx.length;
  }

  /** The current level of the interrupt line. */
  get interruptLevel(): boolean {
    return this.irqLevel;
  }

  read(offset: number, _size: 1 | 2 | 4): number | undefined {
    switch (offset) {
      case UART_RBR_THR_DLL: return this.dlab ? this.dll : this.readRbr();
      case UART_IER_DLM: return this.dlab ? this.dlm : this.ier;
      case UART_IIR_FCR: return this.readIir();
      case UART_LCR: return this.lcr;
      case UART_MCR: return this.mcr;
      case UART_LSR: return (this.rx.length > 0 ? LSR_DR : 0) | LSR_THRE | LSR_TEMT;
      case UART_MSR: return this.readMsr();
      case UART_SCR: return this.scr;
      default: return undefined;
    }
  }

  write(offset: number, _size: 1 | 2 | 4, value: number): boolean {
    const byte = value & 0xff;
    switch (offset) {
      case UART_RBR_THR_DLL: if (this.dlab) this.dll = byte; else this.transmit(byte); break;
      case UART_IER_DLM: if (this.dlab) this.dlm = byte; else this.writeIer(byte); break;
      case UART_IIR_FCR: this.writeFcr(byte); break;
      case UART_LCR: this.lcr = byte; break;
      case UART_MCR: this.mcr = byte & 0x1f; break;
      case UART_LSR: case UART_MSR: break; // read-only; writes are ignored (as on hardware)
      case UART_SCR: this.scr = byte; break;
      default: return false;
    }
    this.updateInterrupt();
    return true;
  }

  /** True when the guest enabled the received-data interrupt (IER bit 0). */
  get receiveInterruptEnabled(): boolean {
    return (this.ier & IER_RDA) !== 0;
  }

  /** The divisor latch (DLM:DLL) the guest programmed. */
  get divisor(): number {
    return (this.dlm << 8) | this.dll;
  }

  /** The state to snapshot (registers and receive FIFO), plain data. */
  saveState(): UartState {
    const { ier, lcr, mcr, scr, dll, dlm, fifoEnabled, thrIpending, irqLevel } = this;
    return { rx: this.rx.slice(), ier, lcr, mcr, scr, dll, dlm, fifoEnabled, thrIpending, irqLevel };
  }

  /** Restores saveState() output; the interrupt line is not signalled (the hart's mip is restored with the hart). */
  loadState(state: UartState): void {
    this.rx.splice(0, this.rx.length, ...state.rx.map((b) => b & 0xff));
    ({ ier: this.ier, lcr: this.lcr, mcr: this.mcr, scr: this.scr, dll: this.dll, dlm: this.dlm } = state);
    ({ fifoEnabled: this.fifoEnabled, thrIpending: this.thrIpending, irqLevel: this.irqLevel } = state);
  }

  private get dlab(): boolean {
    return (this.lcr & LCR_DLAB) !== 0;
  }

  private readRbr(): number {
    const byte = this.rx.shift() ?? 0;
    this.updateInterrupt();
    return byte;
  }

  private transmit(byte: number): void {
    if (this.mcr & MCR_LOOP) this.rx.push(byte);
    else this.options.output(byte);
    // The byte leaves at once, so THR is empty again and THRE re-latches.
    this.thrIpending = true;
  }

  private writeIer(byte: number): void {
    const enablingThre = (byte & IER_THRE) !== 0 && (this.ier & IER_THRE) === 0;
    this.ier = byte & 0x0f;
    if (enablingThre) this.thrIpending = true;
  }

  private writeFcr(byte: number): void {
    this.fifoEnabled = (byte & FCR_ENABLE) !== 0;
    if (byte & FCR_CLEAR_RX) this.rx.length = 0;
  }

  private readIir(): number {
    const id = this.pendingInterrupt();
    if (id === IIR_THRE) this.thrIpending = false;
    this.updateInterrupt();
    return id | (this.fifoEnabled ? IIR_FIFO_ENABLED : 0);
  }

  private readMsr(): number {
    if (!(this.mcr & MCR_LOOP)) return MSR_IDLE;
    // Loopback: DTR->DSR, RTS->CTS, OUT1->RI, OUT2->DCD.
    const m = this.mcr;
    return ((m & 0x02) << 3) | ((m & 0x01) << 5) | ((m & 0x04) << 4) | ((m & 0x08) << 4);
  }

  /** The highest-priority pending interrupt's IIR code, or IIR_NONE. */
  private pendingInterrupt(): number {
    if ((this.ier & IER_RDA) && this.rx.length > 0) return IIR_RDA;
    if ((this.ier & IER_THRE) && this.thrIpending) return IIR_THRE;
    return IIR_NONE;
  }

  private updateInterrupt(): void {
    const level = this.pendingInterrupt() !== IIR_NONE;
    if (level === this.irqLevel) return;
    this.irqLevel = level;
    this.options.interrupt?.(level);
  }
}
