// The object-graph codec's format (graph-encoder.ts writes it, graph-decoder.ts
// reads it): one tag byte per value, then its payload. Objects get ids in the
// order they are first met (externals, objects, arrays, maps, sets, buffers,
// typed arrays), so a later meeting is a REF to the id: shared references and
// cycles survive; deep-frozen objects are values without id. Strings are
// interned (a later use is a STRING_REF).

/** "RVOG" + format version 1: the first 5 bytes of every encoded graph. */
export const GRAPH_MAGIC = [0x52, 0x56, 0x4f, 0x47, 1] as const;

export const enum Tag {
  Undefined = 0,
  Null = 1,
  False = 2,
  True = 3,
  /** zigzag varint of an integer in [-2^31, 2^31), not -0 */
  Int = 4,
  /** any other number (-0, NaN, fractions, large), little-endian float64 */
  Float = 5,
  /** a bigint in [0, 2^64): 8 bytes */
  BigU64 = 6,
  /** a bigint in [-2^63, 0): 8 bytes two's complement */
  BigNeg64 = 7,
  /** any other bigint: its decimal text */
  BigText = 8,
  /** a string met for the first time (added to the string table) */
  String = 9,
  /** varuint index into the string table */
  StringRef = 10,
  /** varuint object id */
  Ref = 11,
  /** name string: an object the caller supplies on both sides (machine, hart, boot image...) */
  External = 12,
  /** integrity flags, property count, (key, value)* */
  PlainObject = 13,
  /** as PlainObject with a null prototype */
  NullObject = 14,
  /** class name, integrity flags, property count, (key, value)* */
  Instance = 15,
  /** integrity flags, length, element* (Hole for a missing index) */
  Array = 16,
  Hole = 17,
  /** count, (key, value)* */
  Map = 18,
  /** count, value* */
  Set = 19,
  /** byteLength, bytes */
  ArrayBuffer = 20,
  /** kind, buffer value, byteOffset, length (elements) */
  TypedArray = 21,
  /** buffer value, byteOffset, byteLength */
  DataView = 22,
}

/** Object.freeze / seal / preventExtensions state, kept exactly. */
export const enum Integrity {
  Extensible = 0,
  NonExtensible = 1,
  Sealed = 2,
  /** Frozen, but holding something mutable: an object with an id like any other. */
  Frozen = 3,
  /** Frozen all the way down: a value without id, written in full wherever it is met. */
  FrozenValue = 4,
}

/** Typed array kinds by their code in the format (the index). */
export const TYPED_ARRAY_KINDS = [
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array,
] as const;

export type TypedArrayKind = (typeof TYPED_ARRAY_KINDS)[number];
export type AnyTypedArray = InstanceType<TypedArrayKind>;

/** The code of `value`'s typed array kind (exact prototype), or -1. */
export function typedArrayCode(value: object): number {
  const proto: unknown = Object.getPrototypeOf(value);
  return TYPED_ARRAY_KINDS.findIndex((kind) => kind.prototype === proto);
}
