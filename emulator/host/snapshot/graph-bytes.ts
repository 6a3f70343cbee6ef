// Byte-level reading and writing for the object-graph codec (graph-encoder.ts,
// graph-decoder.ts): a growable little-endian writer and a bounds-checked
// reader with unsigned LEB128 varints up to 2^53, float64, raw bytes and
// strings (UTF-8, or UTF-16 code units for strings with lone surrogates).

/** Thrown by ByteReader for bytes that end early or hold an impossible value. */
export class GraphFormatError extends Error {
  override readonly name = 'GraphFormatError';
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** True when `s` survives a UTF-8 round trip (no lone surrogate). */
export function isWellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

export class ByteWriter {
  private buf = new Uint8Array(4096);
  private view = new DataView(this.buf.buffer);
  private at = 0;

  /** The bytes written so far (a copy trimmed to length). */
  finish(): Uint8Array {
    return this.buf.slice(0, this.at);
  }

  u8(v: number): void {
    this.room(1);
    this.buf[this.at++] = v;
  }

  /** Unsigned LEB128 of a non-negative safe integer. */
  varuint(v: number): void {
    this.room(8);
    while (v >= 0x80) {
      this.buf[this.at++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.at++] = v;
  }

  f64(v: number): void {
    this.room(8);
    this.view.setFloat64(this.at, v, true);
    this.at += 8;
  }

  u64(v: bigint): void {
    this.room(8);
    this.view.setBigUint64(this.at, v, true);
    this.at += 8;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.at);
    this.at += b.length;
  }

  /** Flag byte 0 + UTF-8 with its length, or flag 1 + UTF-16 code units for a string with a lone surrogate. */
  string(s: string): void {
    if (!isWellFormed(s)) {
      this.u8(1);
      this.varuint(s.length);
      for (let i = 0; i < s.length; i++) this.varuint(s.charCodeAt(i));
      return;
    }
    this.u8(0);
    this.room(s.length * 3 + 8);
    const lengthAt = this.at;
    this.at += 5; // room for the length varint, fixed at 5 bytes (strings < 2^35 bytes)
    const { written } = encoder.encodeInto(s, this.buf.subarray(this.at));
    this.at += written;
    for (let i = 0, v = written; i < 5; i++, v = Math.floor(v / 0x80)) this.buf[lengthAt + i] = (v % 0x80) | (i < 4 ? 0x80 : 0);
  }

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.at + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.at));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
}

export class ByteReader {
  private at = 0;
  private readonly view: DataView;

  constructor(private readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  /** True when every byte was read. */
  get done(): boolean {
    return this.at === this.buf.length;
  }

  /** Bytes not yet read. */
  get remaining(): number {
    return this.buf.length - this.at;
  }

  u8(): number {
    this.need(1);
    return this.buf[this.at++]!;
  }

  /** Steps back over the byte just read by u8(). */
  back(): void {
    this.at--;
  }

  varuint(): number {
    let value = 0;
    for (let scale = 1; ; scale *= 0x80) {
      const b = this.u8();
      value += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) break;
      if (scale >= 2 ** 49) throw new GraphFormatError('varint longer than 53 bits');
    }
    if (!Number.isSafeInteger(value)) throw new GraphFormatError('varint beyond 2^53');
    return value;
  }

  /** A varuint that must be at most `max` (lengths: never more than the bytes left). */
  count(max: number, what: string): number {
    const n = this.varuint();
    if (n > max) throw new GraphFormatError(`${what} ${n} exceeds ${max}`);
    return n;
  }

  f64(): number {
    this.need(8);
    const v = this.view.getFloat64(this.at, true);
    this.at += 8;
    return v;
  }

  u64(): bigint {
    this.need(8);
    const v = this.view.getBigUint64(this.at, true);
    this.at += 8;
    return v;
  }

  /** A copy of the next `n` bytes. */
  bytes(n: number): Uint8Array<ArrayBuffer> {
    this.need(n);
    const out = new Uint8Array(this.buf.subarray(this.at, this.at + n));
    this.at += n;
    return out;
  }

  string(): string {
    const flag = this.u8();
    if (flag === 1) {
      const units = this.count(this.remaining, 'string length');
      const codes = new Array<number>(units);
      for (let i = 0; i < units; i++) codes[i] = this.varuint() & 0xffff;
      return String.fromCharCode(...codes);
    }
    if (flag !== 0) throw new GraphFormatError(`bad string flag ${flag}`);
    const n = this.count(this.remaining, 'string length');
    this.need(n);
    try {
      return decoder.decode(this.buf.subarray(this.at, (this.at += n)));
    } catch {
      throw new GraphFormatError('string is not valid UTF-8');
    }
  }

  private need(n: number): void {
    if (this.at + n > this.buf.length) throw new GraphFormatError(`bytes end early (need ${n} at offset ${this.at} of ${this.buf.length})`);
  }
}
