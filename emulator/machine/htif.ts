// HTIF (Berkeley host-target interface) `tohost`/`fromhost` handling, as used by
// riscv-tests and Spike-style bare-metal programs. tohost = device<<56 | cmd<<48
// | payload. Device 0: odd payload = exit with code payload>>1 (1 = pass), even
// payload = address of a syscall block (only write(fd 1/2) is served). Device 1
// cmd 1 = putchar. The machine calls `handle()` when the hart reports a tohost write.

/** What the machine should do after a tohost write. */
export type HtifOutcome =
  | { kind: 'continue' }
  | { kind: 'exit'; code: number }
  | { kind: 'error'; message: string };

export interface HtifPorts {
  /** Guest RAM and its physical base (tohost, fromhost and syscall blocks live in RAM); the hart fits. */
  memory: { readonly ram: Uint8Array; readonly ramBase: bigint };
  tohost: bigint;
  /** 0n when the program has no `fromhost` symbol (then nothing is acknowledged). */
  fromhost: bigint;
  /** Console output (putchar and write syscalls). */
  output: (bytes: Uint8Array) => void;
}

const SYS_WRITE = 64n;
const MASK_48 = (1n << 48n) - 1n;

/** Decoded fields of a tohost value. */
export function decodeTohost(value: bigint): { device: number; command: number; payload: bigint } {
  return { device: Number(value >> 56n), command: Number((value >> 48n) & 0xffn), payload: value & MASK_48 };
}

/** Serves tohost requests for one loaded program. */
export class Htif {
  constructor(private readonly ports: HtifPorts) {}

  /**
   * Reads and clears tohost, performs the request and acknowledges it through
   * fromhost. Returns continue, exit (with the guest's code) or error (an
   * unsupported or malformed request, with a message naming it).
   */
  handle(): HtifOutcome {
    const value = this.load(this.ports.tohost);
    if (value === undefined) return { kind: 'error', message: `HTIF: tohost address 0x${this.ports.tohost.toString(16)} is outside RAM` };
    this.store(this.ports.tohost, 0n);
    if (value === 0n) return { kind: 'continue' };
    const { device, command, payload } = decodeTohost(value);
    if (device === 0 && command === 0) {
      return (payload & 1n) === 1n ? { kind: 'exit', code: Number(payload >> 1n) } : this.syscall(payload);
    }
    if (device === 1 && command === 1) {
      this.ports.output(Uint8Array.of(Number(payload & 0xffn)));
      this.acknowledge(value, 0x100n | (payload & 0xffn));
      return { kind: 'continue' };
    }
    return { kind: 'error', message: `HTIF: unsupported request device ${device} command ${command} (tohost 0x${value.toString(16)})` };
  }

  /** riscv-tests "magic_mem" syscall: [which, arg0, arg1, arg2] as u64 at `block`. */
  private syscall(block: bigint): HtifOutcome {
    const which = this.load(block);
    const [fd, buf, len] = [this.load(block + 8n), this.load(block + 16n), this.load(block + 24n)];
    if (which === undefined || fd === undefined || buf === undefined || len === undefined) {
      return { kind: 'error', message: `HTIF: syscall block at 0x${block.toString(16)} is outside RAM` };
    }
    if (which !== SYS_WRITE || (fd !== 1n && fd !== 2n)) {
      return { kind: 'error', message: `HTIF: unsupported syscall ${which} (only write to fd 1 or 2 is served)` };
    }
    const { ram, ramBase } = this.ports.memory;
    const start = buf - ramBase;
    if (start < 0n || start + len > BigInt(ram.length)) {
      return { kind: 'error', message: `HTIF: write buffer 0x${buf.toString(16)}+0x${len.toString(16)} is outside RAM` };
    }
    this.ports.output(ram.slice(Number(start), Number(start + len)));
    this.store(block, len);
    this.acknowledge(0n, 1n);
    return { kind: 'continue' };
  }

  /** Writes the response to fromhost with the request's device and command bits. */
  private acknowledge(request: bigint, response: bigint): void {
    if (this.ports.fromhost !== 0n) this.store(this.ports.fromhost, ((request >> 48n) << 48n) | (response & MASK_48));
  }

  /** A DataView on the 8 RAM bytes at `paddr`, or undefined outside RAM. */
  private word(paddr: bigint): DataView | undefined {
    const { ram, ramBase } = this.ports.memory;
    const offset = paddr - ramBase;
    if (offset < 0n || offset + 8n > BigInt(ram.length)) return undefined;
    return new DataView(ram.buffer, ram.byteOffset + Number(offset), 8);
  }

  private load(paddr: bigint): bigint | undefined {
    return this.word(paddr)?.getBigUint64(0, true);
  }

  private store(paddr: bigint, value: bigint): void {
    this.word(paddr)?.setBigUint64(0, value, true);
  }
}
