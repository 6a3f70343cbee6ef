// The console's input side as plain data: the mode (ConsoleMode bits), the
// line being edited (canonical mode: echo, backspace, Ctrl-D = end of input)
// and the input ready to be read, as segments (a line, raw bytes, or an
// end-of-input mark). Bounded: bytes beyond the limits are dropped.

import { ConsoleMode } from '../abi/wire-tags.ts';

/** Longest line canonical mode edits (further bytes are ignored until Enter). */
export const CONSOLE_LINE_MAX = 4096;
/** Most bytes buffered for readers (further input is dropped). */
export const CONSOLE_INPUT_MAX = 64 * 1024;

const NL = 0x0a;
const CR = 0x0d;
const BS = 0x08;
const DEL = 0x7f;
const EOT = 0x04;
const ERASE = Uint8Array.of(BS, 0x20, BS);

export interface InputSegment {
  kind: 'line' | 'raw' | 'eof';
  bytes: number[];
}

export class ConsoleInputState {
  mode: number = ConsoleMode.Canonical | ConsoleMode.Echo;
  /** The line being edited (canonical mode). */
  line: number[] = [];
  /** Ready input, oldest first. */
  readonly ready: InputSegment[] = [];
  /** Bytes in `ready`. */
  readyBytes = 0;
  /** The previous input byte was CR (so the LF of a CR LF pair is not a second newline). */
  afterCr = false;

  /** True when a read would get something (data or end of input). */
  hasReady(): boolean {
    return this.ready.length > 0;
  }

  /** Switches mode; a line being edited becomes ready input when canonical mode is left. */
  setMode(mode: number): void {
    if ((mode & ConsoleMode.Canonical) === 0 && this.line.length > 0) this.pushRaw(this.line.splice(0));
    this.mode = mode;
  }

  /** Processes input bytes; `echo` receives the bytes to show on the console. */
  feed(bytes: readonly number[], echo: (out: Uint8Array) => void): void {
    const out: number[] = [];
    for (const b of bytes) {
      if ((this.mode & ConsoleMode.Canonical) !== 0) this.canonical(b, out);
      else this.pushRaw([b], out);
    }
    if (out.length > 0 && (this.mode & ConsoleMode.Echo) !== 0) echo(Uint8Array.from(out));
  }

  /** Takes at most `max` bytes of the oldest ready segment (an end-of-input mark gives an empty read). */
  take(max: number): Uint8Array {
    const seg = this.ready[0];
    if (seg === undefined) return new Uint8Array(0);
    const data = seg.bytes.splice(0, max);
    if (seg.bytes.length === 0) this.ready.shift();
    this.readyBytes -= data.length;
    return Uint8Array.from(data);
  }

  /** Canonical mode: one byte of line editing; appends what to echo to `out`. */
  private canonical(byte: number, out: number[]): void {
    const wasCr = this.afterCr;
    this.afterCr = byte === CR;
    if (byte === NL && wasCr) return;
    if (byte === NL || byte === CR) {
      this.line.push(NL);
      this.pushSegment('line', this.line.splice(0));
      out.push(NL);
    } else if (byte === DEL || byte === BS) {
      if (this.line.pop() !== undefined) out.push(...ERASE);
    } else if (byte === EOT) {
      this.pushSegment(this.line.length > 0 ? 'line' : 'eof', this.line.splice(0));
    } else if (this.line.length < CONSOLE_LINE_MAX) {
      this.line.push(byte);
      out.push(byte);
    }
  }

  /** Raw mode: bytes join the last raw segment (or start one). */
  private pushRaw(bytes: number[], out?: number[]): void {
    const last = this.ready[this.ready.length - 1];
    const room = CONSOLE_INPUT_MAX - this.readyBytes;
    const kept = bytes.slice(0, Math.max(0, room));
    if (kept.length === 0) return;
    if (last?.kind === 'raw') last.bytes.push(...kept);
    else this.ready.push({ kind: 'raw', bytes: kept });
    this.readyBytes += kept.length;
    out?.push(...kept);
  }

  private pushSegment(kind: 'line' | 'eof', bytes: number[]): void {
    if (this.readyBytes + bytes.length > CONSOLE_INPUT_MAX) return;
    this.ready.push({ kind, bytes });
    this.readyBytes += bytes.length;
  }
}
