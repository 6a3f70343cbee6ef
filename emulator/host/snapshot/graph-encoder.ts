// Encodes an object graph (the kernel, from the Kernel instance) into bytes,
// generically: instances of registered classes, plain objects, arrays, Map,
// Set, ArrayBuffers and typed arrays over them, bigints, every number
// (-0 and NaN too), strings, shared references and cycles (format in
// graph-format.ts). External objects become named placeholders. Anything
// else (a function, promise, symbol, accessor, object of an unregistered
// class) is refused with a GraphEncodeError naming its path. Deep-frozen
// objects are values (no identity). Deterministic:
// the same graph gives the same bytes (keys and Map/Set entries in their order).

import { ByteWriter } from './graph-bytes.ts';
import { GRAPH_MAGIC, Integrity, Tag, typedArrayCode, type AnyTypedArray } from './graph-format.ts';
import type { ClassRegistry } from './class-registry.ts';

export interface EncodeOptions {
  readonly classes: ClassRegistry;
  /** Objects (or functions) encoded as a placeholder with this name; the decoder gets them from its caller. */
  readonly externals?: ReadonlyMap<unknown, string>;
  /** The root's name in error paths (default 'root'). */
  readonly rootName?: string;
}

/** A value the codec cannot encode; `path` says where it is (e.g. "kernel.serviceTasks[1].outbox"). */
export class GraphEncodeError extends Error {
  override readonly name = 'GraphEncodeError';

  constructor(readonly path: string, problem: string) {
    super(`${problem} at ${path}`);
  }
}

/** The bytes of the graph reachable from `root`. Throws GraphEncodeError for a value it cannot encode. */
export function encodeGraph(root: unknown, options: EncodeOptions): Uint8Array {
  const encoder = new GraphEncoder(options);
  return encoder.encode(root);
}

const BIG_U64 = 1n << 64n;
const BIG_I64_MIN = -(1n << 63n);

class GraphEncoder {
  private readonly w = new ByteWriter();
  private readonly ids = new Map<unknown, number>();
  private readonly strings = new Map<string, number>();
  /** deepFrozen() answers, per object. */
  private readonly frozen = new Map<object, boolean>();
  private readonly path: (string | number)[] = [];
  private readonly externals: ReadonlyMap<unknown, string>;

  constructor(private readonly options: EncodeOptions) {
    this.externals = options.externals ?? new Map();
  }

  encode(root: unknown): Uint8Array {
    for (const b of GRAPH_MAGIC) this.w.u8(b);
    this.value(root);
    return this.w.finish();
  }

  private value(v: unknown): void {
    switch (typeof v) {
      case 'undefined': this.w.u8(Tag.Undefined); return;
      case 'boolean': this.w.u8(v ? Tag.True : Tag.False); return;
      case 'number': this.number(v); return;
      case 'bigint': this.bigint(v); return;
      case 'string': this.string(v); return;
      case 'symbol': throw this.error('a symbol');
      case 'function': if (!this.reference(v)) throw this.error(`a function (${v.name || 'anonymous'})`); return;
      case 'object': if (v === null) this.w.u8(Tag.Null); else if (!this.reference(v)) this.object(v); return;
    }
  }

  private number(v: number): void {
    if ((v | 0) === v && !Object.is(v, -0)) {
      this.w.u8(Tag.Int);
      this.w.varuint(((v << 1) ^ (v >> 31)) >>> 0);
    } else {
      this.w.u8(Tag.Float);
      this.w.f64(Number.isNaN(v) ? NaN : v); // one NaN bit pattern, whatever the payload
    }
  }

  private bigint(v: bigint): void {
    if (v >= 0n && v < BIG_U64) {
      this.w.u8(Tag.BigU64);
      this.w.u64(v);
    } else if (v < 0n && v >= BIG_I64_MIN) {
      this.w.u8(Tag.BigNeg64);
      this.w.u64(BigInt.asUintN(64, v));
    } else {
      this.w.u8(Tag.BigText);
      this.w.string(v.toString());
    }
  }

  private string(s: string): void {
    const index = this.strings.get(s);
    if (index !== undefined) {
      this.w.u8(Tag.StringRef);
      this.w.varuint(index);
    } else {
      this.strings.set(s, this.strings.size);
      this.w.u8(Tag.String);
      this.w.string(s);
    }
  }

  /** A property key: 0 + a new string, or 1 + its string table index. */
  private key(s: string): void {
    const index = this.strings.get(s);
    if (index !== undefined) {
      this.w.varuint(index + 1);
    } else {
      this.strings.set(s, this.strings.size);
      this.w.varuint(0);
      this.w.string(s);
    }
  }

  /** Writes a Ref or External for an object met before or supplied by the caller; false for a new object. */
  private reference(v: object): boolean {
    const id = this.ids.get(v);
    if (id !== undefined) {
      this.w.u8(Tag.Ref);
      this.w.varuint(id);
      return true;
    }
    const name = this.externals.get(v);
    if (name === undefined) return false;
    this.ids.set(v, this.ids.size);
    this.w.u8(Tag.External);
    this.string(name);
    return true;
  }

  private object(v: object): void {
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto === Object.prototype) return this.record(Tag.PlainObject, v);
    if (proto === null) return this.record(Tag.NullObject, v);
    if (proto === Array.prototype) return this.array(v as unknown[]);
    if (proto === Map.prototype) return this.map(v as Map<unknown, unknown>);
    if (proto === Set.prototype) return this.set(v as Set<unknown>);
    if (proto === ArrayBuffer.prototype) return this.arrayBuffer(v as ArrayBuffer);
    if (proto === DataView.prototype) return this.view(Tag.DataView, v as DataView, -1);
    const kind = typedArrayCode(v);
    if (kind >= 0) return this.view(Tag.TypedArray, v as AnyTypedArray, kind);
    const name = this.options.classes.nameOf(proto as object);
    if (name === undefined) throw this.error(`an object of unregistered class ${describeClass(proto)}`);
    this.record(Tag.Instance, v, name);
  }

  /** An object, null-prototype object or class instance (`name`): tag, name, integrity, properties. */
  private record(tag: Tag, v: object, name?: string): void {
    this.w.u8(tag);
    if (name !== undefined) this.string(name);
    this.identify(v);
    this.properties(v);
  }

  /**
   * Writes the integrity flag and gives `v` an id, except a deep-frozen object:
   * immutable, so it is a value, written in full wherever it is met (shared
   * frozen constants such as NO_CAPS must not gain or lose sharing with copies).
   */
  private identify(v: object): void {
    const integrity = integrityOf(v);
    const value = integrity === Integrity.Frozen && this.deepFrozen(v);
    this.w.u8(value ? Integrity.FrozenValue : integrity);
    if (!value) this.ids.set(v, this.ids.size);
  }

  /** True when `v` is frozen and so is every object below it (arrays, plain objects, instances; no cycle, no external). */
  private deepFrozen(v: object): boolean {
    const known = this.frozen.get(v);
    if (known !== undefined) return known;
    this.frozen.set(v, false); // a cycle back to `v` is not a value
    const proto: unknown = Object.getPrototypeOf(v);
    const kindOk = proto === Object.prototype || proto === null || proto === Array.prototype || this.options.classes.nameOf(proto as object) !== undefined;
    const result = kindOk && Object.isFrozen(v) && !this.externals.has(v) && Object.values(v).every(
      (child) => typeof child !== 'function' && (typeof child !== 'object' || child === null || this.deepFrozen(child)),
    );
    this.frozen.set(v, result);
    return result;
  }

  /** Count and (key, value) pairs of `v`'s own properties; refuses accessors, symbol keys, hidden properties. */
  private properties(v: object): void {
    const keys = Reflect.ownKeys(v);
    this.w.varuint(keys.length);
    for (const key of keys) {
      if (typeof key === 'symbol') throw this.error(`a symbol-keyed property ${String(key)}`);
      const d = Reflect.getOwnPropertyDescriptor(v, key)!;
      this.path.push(key);
      if (!('value' in d)) throw this.error('an accessor property');
      if (d.enumerable !== true) throw this.error('a non-enumerable property');
      this.key(key);
      this.value(d.value);
      this.path.pop();
    }
  }

  private array(v: unknown[]): void {
    this.w.u8(Tag.Array);
    this.identify(v);
    this.w.varuint(v.length);
    let present = 0;
    for (let i = 0; i < v.length; i++) {
      if (!(i in v)) {
        this.w.u8(Tag.Hole);
        continue;
      }
      present++;
      this.path.push(i);
      this.value(v[i]);
      this.path.pop();
    }
    if (Reflect.ownKeys(v).length !== present + 1) throw this.error('an array with extra properties');
  }

  private map(v: Map<unknown, unknown>): void {
    this.ids.set(v, this.ids.size);
    this.w.u8(Tag.Map);
    this.w.varuint(v.size);
    let i = 0;
    for (const [key, value] of v) {
      this.path.push(`<map key ${i}>`);
      this.value(key);
      this.path[this.path.length - 1] = `<map value ${i++}>`;
      this.value(value);
      this.path.pop();
    }
  }

  private set(v: Set<unknown>): void {
    this.ids.set(v, this.ids.size);
    this.w.u8(Tag.Set);
    this.w.varuint(v.size);
    let i = 0;
    for (const item of v) {
      this.path.push(`<set item ${i++}>`);
      this.value(item);
      this.path.pop();
    }
  }

  private arrayBuffer(v: ArrayBuffer): void {
    if ((v as { resizable?: boolean }).resizable === true) throw this.error('a resizable ArrayBuffer');
    this.ids.set(v, this.ids.size);
    this.w.u8(Tag.ArrayBuffer);
    this.w.varuint(v.byteLength);
    this.w.bytes(new Uint8Array(v));
  }

  /** A typed array (kind >= 0) or DataView: its buffer (shared by reference), byteOffset and length. */
  private view(tag: Tag, v: AnyTypedArray | DataView, kind: number): void {
    if (!(v.buffer instanceof ArrayBuffer)) throw this.error('a view of a SharedArrayBuffer');
    this.ids.set(v, this.ids.size);
    this.w.u8(tag);
    if (kind >= 0) this.w.u8(kind);
    this.path.push('<buffer>');
    this.value(v.buffer);
    this.path.pop();
    this.w.varuint(v.byteOffset);
    this.w.varuint(v instanceof DataView ? v.byteLength : v.length);
  }

  private error(problem: string): GraphEncodeError {
    return new GraphEncodeError(formatPath(this.options.rootName ?? 'root', this.path), problem);
  }
}

function integrityOf(v: object): Integrity {
  if (Object.isExtensible(v)) return Integrity.Extensible;
  if (Object.isFrozen(v)) return Integrity.Frozen;
  return Object.isSealed(v) ? Integrity.Sealed : Integrity.NonExtensible;
}

function describeClass(proto: unknown): string {
  const ctor: unknown = typeof proto === 'object' && proto !== null ? (proto as { constructor?: unknown }).constructor : undefined;
  return typeof ctor === 'function' && ctor.name !== '' ? ctor.name : '(anonymous)';
}

/** "kernel.serviceTasks[1].outbox" from a root name and a key path (numbers are indexes; "<...>" keys are markers). */
export function formatPath(root: string, path: readonly (string | number)[]): string {
  let out = root;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else if (/^<[^>]*>$/.test(key)) out += key; // the codec's own markers: <map key 0>, <buffer>
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}
