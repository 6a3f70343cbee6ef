// Encoder and decoder of the service wire format (abi/wire-format.ts) for the
// kernel's service tasks. The writer builds a tag plus typed fields; the reader
// is bounds-checked with a sticky error, so a malformed guest message yields
// `ok === false` (answered with the standard Error response), never an exception.

import { RvosError, type RvosErrorCode } from '../abi/errors.ts';
import { MSG_DATA_MAX } from '../abi/message.ts';
import { WIRE_TAG_SIZE, WireType, type WireTypeCode } from '../abi/wire-format.ts';
import { WireTag } from '../abi/wire-tags.ts';
import { fail, KernelBug, ok, type KResult } from '../core/result.ts';

const U64_MAX = (1n << 64n) - 1n;
const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const COUNTED_MAX = 0xffff;
const utf8 = new TextEncoder();
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/** Builds one message payload. Values out of range or a payload above MSG_DATA_MAX make finish() fail. */
export class WireWriter {
  private buf: number[] = [];
  private error: RvosErrorCode | undefined;

  constructor(tag: number) {
    this.put(tag & 0xffff, WIRE_TAG_SIZE);
  }

  u64(value: bigint | number): this {
    const v = BigInt(value);
    if (v < 0n || v > U64_MAX) return this.setError(RvosError.InvalidArgument);
    this.buf.push(WireType.U64);
    return this.putBig(v);
  }

  i64(value: bigint | number): this {
    const v = BigInt(value);
    if (v < I64_MIN || v > I64_MAX) return this.setError(RvosError.InvalidArgument);
    this.buf.push(WireType.I64);
    return this.putBig(BigInt.asUintN(64, v));
  }

  bool(value: boolean): this {
    this.buf.push(WireType.Bool, value ? 1 : 0);
    return this;
  }

  /** A Cap field naming slot `index` of the message's caps[]. */
  cap(index: number): this {
    if (!Number.isInteger(index) || index < 0 || index > 0xff) return this.setError(RvosError.InvalidArgument);
    this.buf.push(WireType.Cap, index);
    return this;
  }

  bytesField(data: Uint8Array): this {
    return this.counted(WireType.Bytes, data);
  }

  str(text: string): this {
    return this.counted(WireType.Str, utf8.encode(text));
  }

  /** The payload; MessageTooLarge above MSG_DATA_MAX bytes, InvalidArgument for a value out of range. */
  finish(): KResult<Uint8Array> {
    if (this.error !== undefined) return fail(this.error);
    if (this.buf.length > MSG_DATA_MAX) return fail(RvosError.MessageTooLarge);
    return ok(Uint8Array.from(this.buf));
  }

  /** The payload of a message whose size the kernel controls; throws KernelBug when finish() would fail. */
  bytes(): Uint8Array {
    const built = this.finish();
    if (!built.ok) throw new KernelBug(`kernel-built message does not encode (error ${built.error})`);
    return built.value;
  }

  private counted(type: WireTypeCode, data: Uint8Array): this {
    if (data.length > COUNTED_MAX) return this.setError(RvosError.MessageTooLarge);
    this.buf.push(type);
    this.put(data.length, 2);
    for (const b of data) this.buf.push(b);
    return this;
  }

  private put(value: number, size: number): this {
    for (let i = 0; i < size; i++) this.buf.push((value >>> (8 * i)) & 0xff);
    return this;
  }

  private putBig(value: bigint): this {
    for (let i = 0n; i < 8n; i++) this.buf.push(Number((value >> (8n * i)) & 0xffn));
    return this;
  }

  private setError(error: RvosErrorCode): this {
    this.error ??= error;
    return this;
  }
}

/**
 * Reads one message payload. Each getter returns the field, or a neutral value
 * (0n, '', empty) once anything was missing, truncated or of the wrong type;
 * `ok` then stays false. Call end() to also require that nothing is left over.
 */
export class WireReader {
  /** The message tag (undefined when the payload is shorter than a tag). */
  readonly tag: number | undefined;
  private pos = 0;
  private failed = false;

  constructor(private readonly data: Uint8Array) {
    if (data.length < WIRE_TAG_SIZE) {
      this.tag = undefined;
      this.failed = true;
    } else {
      this.tag = data[0]! | (data[1]! << 8);
      this.pos = WIRE_TAG_SIZE;
    }
  }

  /** True while every field read so far was present and well-formed. */
  get ok(): boolean {
    return !this.failed;
  }

  u64(): bigint {
    return this.expect(WireType.U64, 8) ? this.takeBig() : 0n;
  }

  /** A U64 field that must fit a safe integer (larger values fail the reader). */
  u64Number(): number {
    const v = this.u64();
    if (v > MAX_SAFE) return this.setFailed(0);
    return Number(v);
  }

  i64(): bigint {
    return this.expect(WireType.I64, 8) ? BigInt.asIntN(64, this.takeBig()) : 0n;
  }

  bool(): boolean {
    if (!this.expect(WireType.Bool, 1)) return false;
    const v = this.data[this.pos++]!;
    return v > 1 ? this.setFailed(false) : v === 1;
  }

  /** A Cap field: the caps[] index, which must be below `capCount`. */
  cap(capCount: number): number {
    if (!this.expect(WireType.Cap, 1)) return 0;
    const index = this.data[this.pos++]!;
    return index < capCount ? index : this.setFailed(0);
  }

  /** A Bytes field (a copy). */
  bytesField(): Uint8Array {
    return this.counted(WireType.Bytes).slice();
  }

  /** A Str field: valid UTF-8 without NUL. */
  str(): string {
    const raw = this.counted(WireType.Str);
    if (raw.includes(0)) return this.setFailed('');
    try {
      return utf8Strict.decode(raw);
    } catch {
      return this.setFailed('');
    }
  }

  /** True when every field was well-formed and the whole payload was read. */
  end(): boolean {
    if (this.pos !== this.data.length) this.failed = true;
    return !this.failed;
  }

  private counted(type: WireTypeCode): Uint8Array {
    if (!this.expect(type, 2)) return new Uint8Array(0);
    const len = this.data[this.pos]! | (this.data[this.pos + 1]! << 8);
    if (len > this.data.length - this.pos - 2) return this.setFailed(new Uint8Array(0));
    const start = this.pos + 2;
    this.pos = start + len;
    return this.data.subarray(start, start + len);
  }

  /** Consumes the type byte when it is `type` and `size` payload bytes follow; fails the reader otherwise. */
  private expect(type: WireTypeCode, size: number): boolean {
    if (this.failed) return false;
    if (this.data.length - this.pos < 1 + size || this.data[this.pos] !== type) return this.setFailed(false);
    this.pos++;
    return true;
  }

  private takeBig(): bigint {
    let v = 0n;
    for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(this.data[this.pos + i]!);
    this.pos += 8;
    return v;
  }

  private setFailed<T>(value: T): T {
    this.failed = true;
    return value;
  }
}

/** The standard Error response: U64 code, Str message (cut to fit the message size). */
export function errorResponse(code: RvosErrorCode, message = ''): Uint8Array {
  let text = message;
  for (;;) {
    const built = new WireWriter(WireTag.Error).u64(code).str(text).finish();
    if (built.ok) return built.value;
    text = text.slice(0, Math.floor(text.length / 2));
  }
}

/** A payload of just `tag` (Ok without fields, for instance). */
export function tagOnly(tag: number): Uint8Array {
  return Uint8Array.of(tag & 0xff, (tag >> 8) & 0xff);
}

/** The decoded standard Error response (code, message), or undefined when `data` is not one. */
export function decodeError(data: Uint8Array): { code: number; message: string } | undefined {
  const r = new WireReader(data);
  if (r.tag !== WireTag.Error) return undefined;
  const code = r.u64Number();
  const message = r.str();
  return r.end() ? { code, message } : undefined;
}
