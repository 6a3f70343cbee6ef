// Decodes bytes of graph-encoder.ts back into an object graph: the same
// shape, shared references, cycles, prototypes (registered classes, without
// running constructors), integrity (frozen/sealed) and typed-array buffer
// sharing; named externals are taken from the caller. Bytes that are
// truncated, corrupt or name an unknown class/external throw GraphFormatError.

import { ByteReader, GraphFormatError } from './graph-bytes.ts';
import { GRAPH_MAGIC, Integrity, Tag, TYPED_ARRAY_KINDS } from './graph-format.ts';
import type { ClassRegistry } from './class-registry.ts';

export interface DecodeOptions {
  readonly classes: ClassRegistry;
  /** The objects that replace the encoder's named externals. */
  readonly externals?: ReadonlyMap<string, unknown>;
}

/** The graph encoded in `bytes`. Throws GraphFormatError when they are not a complete, valid encoding. */
export function decodeGraph(bytes: Uint8Array, options: DecodeOptions): unknown {
  try {
    return new GraphDecoder(bytes, options).decode();
  } catch (error) {
    // Nesting deeper than the call stack (only crafted bytes do that) ends as a RangeError.
    if (error instanceof RangeError) throw new GraphFormatError(`the graph does not decode: ${error.message}`);
    throw error;
  }
}

/** A slot reserved for an object whose parts are decoded before it can be made (typed arrays, DataViews). */
const PENDING = Symbol('pending');

class GraphDecoder {
  private readonly r: ByteReader;
  private readonly objects: unknown[] = [];
  private readonly strings: string[] = [];

  constructor(bytes: Uint8Array, private readonly options: DecodeOptions) {
    this.r = new ByteReader(bytes);
  }

  decode(): unknown {
    for (const b of GRAPH_MAGIC) if (this.r.u8() !== b) throw new GraphFormatError('not an encoded object graph (bad magic or version)');
    const root = this.value();
    if (!this.r.done) throw new GraphFormatError(`${this.r.remaining} bytes left after the graph`);
    return root;
  }

  private value(): unknown {
    const tag = this.r.u8() as Tag;
    switch (tag) {
      case Tag.Undefined: return undefined;
      case Tag.Null: return null;
      case Tag.False: return false;
      case Tag.True: return true;
      case Tag.Int: { const z = this.r.varuint(); return (z >>> 1) ^ -(z & 1); }
      case Tag.Float: return this.r.f64();
      case Tag.BigU64: return this.r.u64();
      case Tag.BigNeg64: return BigInt.asIntN(64, this.r.u64());
      case Tag.BigText: return this.bigText();
      case Tag.String: return this.newString();
      case Tag.StringRef: return this.stringAt(this.r.varuint());
      case Tag.Ref: return this.ref();
      case Tag.External: return this.external();
      case Tag.PlainObject: return this.record({});
      case Tag.NullObject: return this.record(Object.create(null) as object);
      case Tag.Instance: return this.instance();
      case Tag.Array: return this.array();
      case Tag.Map: return this.map();
      case Tag.Set: return this.set();
      case Tag.ArrayBuffer: return this.arrayBuffer();
      case Tag.TypedArray: return this.view(true);
      case Tag.DataView: return this.view(false);
      default: throw new GraphFormatError(`unknown tag ${String(tag)}`);
    }
  }

  private bigText(): bigint {
    const text = this.r.string();
    if (!/^-?\d+$/.test(text)) throw new GraphFormatError(`bad bigint text '${text.slice(0, 40)}'`);
    return BigInt(text);
  }

  private newString(): string {
    const s = this.r.string();
    this.strings.push(s);
    return s;
  }

  private stringAt(index: number): string {
    const s = this.strings[index];
    if (s === undefined) throw new GraphFormatError(`string reference ${index} before its string`);
    return s;
  }

  /** A string value (String or StringRef). */
  private stringValue(): string {
    const tag = this.r.u8() as Tag;
    if (tag === Tag.String) return this.newString();
    if (tag === Tag.StringRef) return this.stringAt(this.r.varuint());
    throw new GraphFormatError(`expected a string, found tag ${String(tag)}`);
  }

  private key(): string {
    const k = this.r.varuint();
    return k === 0 ? this.newString() : this.stringAt(k - 1);
  }

  private ref(): unknown {
    const id = this.r.varuint();
    if (id >= this.objects.length || this.objects[id] === PENDING) throw new GraphFormatError(`reference to object ${id} before it exists`);
    return this.objects[id];
  }

  private external(): unknown {
    const name = this.stringValue();
    const externals = this.options.externals;
    if (externals === undefined || !externals.has(name)) throw new GraphFormatError(`unknown external '${name}'`);
    const v = externals.get(name);
    this.objects.push(v);
    return v;
  }

  private instance(): object {
    const name = this.stringValue();
    const proto = this.options.classes.prototypeOf(name);
    if (proto === undefined) throw new GraphFormatError(`unknown class '${name}'`);
    return this.record(Object.create(proto) as object);
  }

  /** Fills `target` (registered first for cycles, unless a frozen value without id) with its properties and applies its integrity. */
  private record<T extends object>(target: T): T {
    const integrity = this.identify(target);
    const count = this.r.count(this.r.remaining, 'property count');
    for (let i = 0; i < count; i++) {
      const key = this.key();
      Object.defineProperty(target, key, { value: this.value(), writable: true, enumerable: true, configurable: true });
    }
    return seal(target, integrity);
  }

  private array(): unknown[] {
    const out: unknown[] = [];
    const integrity = this.identify(out);
    const length = this.r.count(this.r.remaining, 'array length');
    out.length = length;
    for (let i = 0; i < length; i++) {
      if (this.peekHole()) continue;
      out[i] = this.value();
    }
    return seal(out, integrity);
  }

  /** Reads the integrity flag; gives `target` the next id unless it is a frozen value (see the encoder's identify). */
  private identify(target: object): Integrity {
    const integrity = this.r.u8() as Integrity;
    if (integrity !== Integrity.FrozenValue) this.objects.push(target);
    return integrity;
  }

  private peekHole(): boolean {
    const tag = this.r.u8();
    if (tag === Tag.Hole) return true;
    this.r.back();
    return false;
  }

  private map(): Map<unknown, unknown> {
    const out = new Map<unknown, unknown>();
    this.objects.push(out);
    const count = this.r.count(this.r.remaining, 'map size');
    for (let i = 0; i < count; i++) {
      const key = this.value();
      out.set(key, this.value());
    }
    return out;
  }

  private set(): Set<unknown> {
    const out = new Set<unknown>();
    this.objects.push(out);
    const count = this.r.count(this.r.remaining, 'set size');
    for (let i = 0; i < count; i++) out.add(this.value());
    return out;
  }

  private arrayBuffer(): ArrayBuffer {
    const length = this.r.count(this.r.remaining, 'ArrayBuffer length');
    const buffer = this.r.bytes(length).buffer;
    this.objects.push(buffer);
    return buffer;
  }

  /** A typed array or DataView over a decoded buffer, checked to fit it. */
  private view(typed: boolean): unknown {
    const kind = typed ? TYPED_ARRAY_KINDS[this.r.u8()] : undefined;
    if (typed && kind === undefined) throw new GraphFormatError('unknown typed array kind');
    const id = this.objects.push(PENDING) - 1;
    const buffer = this.value();
    if (!(buffer instanceof ArrayBuffer)) throw new GraphFormatError('a typed array without an ArrayBuffer');
    const offset = this.r.varuint();
    const length = this.r.varuint();
    const bytes = length * (kind?.BYTES_PER_ELEMENT ?? 1);
    if (offset + bytes > buffer.byteLength || offset % (kind?.BYTES_PER_ELEMENT ?? 1) !== 0) {
      throw new GraphFormatError(`a view of ${bytes} bytes at ${offset} does not fit its ${buffer.byteLength}-byte buffer`);
    }
    const v = kind === undefined ? new DataView(buffer, offset, length) : new kind(buffer, offset, length);
    this.objects[id] = v;
    return v;
  }
}

function seal<T extends object>(target: T, integrity: Integrity): T {
  switch (integrity) {
    case Integrity.Extensible: return target;
    case Integrity.NonExtensible: return Object.preventExtensions(target);
    case Integrity.Sealed: return Object.seal(target);
    case Integrity.Frozen: case Integrity.FrozenValue: return Object.freeze(target);
    default: throw new GraphFormatError(`bad integrity flag ${String(integrity)}`);
  }
}
