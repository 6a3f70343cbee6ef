// The object-graph codec (graph-encoder.ts, graph-decoder.ts): every value
// kind round-trips exactly (shape, prototypes, sharing, cycles, integrity,
// buffer sharing), encoding is deterministic, what cannot be encoded is
// refused naming its path, and bad bytes are refused instead of half-decoded.

import { describe, expect, it } from 'vitest';
import { ClassRegistry } from '../../../../emulator/host/snapshot/class-registry.ts';
import { GraphFormatError } from '../../../../emulator/host/snapshot/graph-bytes.ts';
import { decodeGraph } from '../../../../emulator/host/snapshot/graph-decoder.ts';
import { encodeGraph, GraphEncodeError } from '../../../../emulator/host/snapshot/graph-encoder.ts';

class Point {
  constructor(public x: number, private readonly tag: string) {}
  label(): string { return `${this.tag}:${this.x}`; }
}
class Node2 {
  next: Node2 | undefined;
  constructor(readonly id: number) {}
}
class Unregistered {
  value = 1;
}

const classes = new ClassRegistry([['Point', Point], ['Node', Node2]]);

function roundTrip<T>(value: T, externals?: [unknown, string][]): T {
  const bytes = encodeGraph(value, { classes, externals: new Map(externals), rootName: 'root' });
  return decodeGraph(bytes, { classes, externals: new Map(externals?.map(([o, n]) => [n, o])) }) as T;
}

function refusal(value: unknown): string {
  try {
    encodeGraph(value, { classes, rootName: 'root' });
  } catch (error) {
    expect(error).toBeInstanceOf(GraphEncodeError);
    return (error as Error).message;
  }
  throw new Error('encoding did not fail');
}

describe('object-graph codec: values', () => {
  it('round-trips primitives exactly: -0, NaN, infinities, int edges, bigints, strings', () => {
    const values = [
      undefined, null, true, false, 0, -0, NaN, Infinity, -Infinity, 1.5, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 53 + 2,
      Number.MIN_VALUE, 0n, (1n << 64n) - 1n, -1n, -(1n << 63n), 1n << 200n, -(1n << 90n),
      '', 'hello', 'héllo ✓ 😀', '\uD800 lone', 'x\uDC00', '\0',
    ];
    const back = roundTrip(values);
    expect(back.length).toBe(values.length);
    back.forEach((v, i) => expect(Object.is(v, values[i]), `value ${i}`).toBe(true));
  });

  it('round-trips plain and null-prototype objects, arrays with holes, Map and Set with object keys', () => {
    const key = { k: 1 };
    const bare = Object.create(null) as Record<string, number>;
    bare.__proto__ = 5;
    bare.a = 1;
    const holes = [1, , 3];
    const value = { bare, holes, map: new Map<unknown, unknown>([[key, 'v'], ['s', key]]), set: new Set([key, 2]), '9': 'numeric key', 'a b': 1 };
    const back = roundTrip(value);
    expect(Object.getPrototypeOf(back.bare)).toBeNull();
    expect(Object.keys(back.bare)).toEqual(['__proto__', 'a']);
    expect(back.bare.__proto__).toBe(5);
    expect(1 in back.holes).toBe(false);
    expect(back.holes).toHaveLength(3);
    const [[k1], [, v2]] = [...back.map];
    expect(v2).toBe(k1); // shared object, key and value
    expect([...back.set][0]).toBe(k1);
    expect(Object.keys(back)).toEqual(Object.keys(value));
  });

  it('keeps class instances (prototype, private fields, methods) without running constructors', () => {
    const back = roundTrip([new Point(3, 'p')]);
    expect(back[0]).toBeInstanceOf(Point);
    expect(back[0]!.label()).toBe('p:3');
  });

  it('keeps shared references and cycles', () => {
    const a = new Node2(1);
    const b = new Node2(2);
    a.next = b;
    b.next = a;
    const shared = { n: 1 };
    const back = roundTrip({ a, b, list: [shared, shared], self: undefined as unknown });
    expect(back.a.next).toBe(back.b);
    expect(back.b.next).toBe(back.a);
    expect(back.list[0]).toBe(back.list[1]);
    const self: { me?: unknown } = {};
    self.me = self;
    const again = roundTrip(self);
    expect(again.me).toBe(again);
  });

  it('keeps typed arrays of every kind and views sharing one buffer', () => {
    const x = new BigUint64Array([1n, (1n << 64n) - 1n]);
    const xw = new Uint32Array(x.buffer);
    const tail = new Uint8Array(x.buffer, 8, 4);
    const kinds = [new Int8Array([-1]), new Uint8ClampedArray([255]), new Int16Array([-2]), new Uint16Array([2]), new Int32Array([-3]),
      new Float32Array([1.5]), new Float64Array([-0]), new BigInt64Array([-5n]), new DataView(new ArrayBuffer(3))];
    const back = roundTrip({ x, xw, tail, kinds });
    expect(back.xw.buffer).toBe(back.x.buffer);
    expect(back.tail.buffer).toBe(back.x.buffer);
    expect([back.tail.byteOffset, back.tail.length]).toEqual([8, 4]);
    back.xw[0] = 7;
    expect(back.x[0]).toBe(7n);
    expect(back.x[1]).toBe((1n << 64n) - 1n);
    back.kinds.forEach((k, i) => {
      expect(Object.getPrototypeOf(k)).toBe(Object.getPrototypeOf(kinds[i]));
      expect(new Uint8Array(k.buffer)).toEqual(new Uint8Array(kinds[i]!.buffer));
    });
  });

  it('keeps identity for frozen objects holding mutable ones, and frozen cycles', () => {
    const inner = { count: 1 };
    const shallow = Object.freeze({ inner });
    const back = roundTrip({ a: shallow, b: shallow });
    expect(back.a).toBe(back.b);
    expect(Object.isFrozen(back.a)).toBe(true);
    const cycle: { self?: unknown } = {};
    cycle.self = cycle;
    const again = roundTrip(Object.freeze(cycle));
    expect(again.self).toBe(again);
  });

  it('keeps frozen/sealed/non-extensible state; a deep-frozen object is a value (copied, never shared)', () => {
    const constant = Object.freeze({ kind: 'return', values: Object.freeze([]) });
    const back = roundTrip({ a: constant, b: constant, sealed: Object.seal({ s: 1 }), fixed: Object.preventExtensions({ f: 1 }) });
    expect(Object.isFrozen(back.a) && Object.isFrozen(back.a.values)).toBe(true);
    expect(back.a).toEqual(back.b);
    expect(Object.isSealed(back.sealed) && !Object.isFrozen(back.sealed)).toBe(true);
    expect(Object.isExtensible(back.fixed)).toBe(false);
    // Sharing a frozen constant or holding copies of it encodes the same: identity of immutable values is not state.
    const copies = { a: Object.freeze({ ...constant }), b: constant };
    expect(encodeGraph(copies, { classes })).toEqual(encodeGraph({ a: constant, b: constant }, { classes }));
  });

  it('replaces externals by name and links them back (objects and functions)', () => {
    const machine = { big: new Uint8Array(1 << 20) };
    const callback = (): number => 1;
    const bytes = encodeGraph({ m: machine, again: machine, callback }, { classes, externals: new Map<unknown, string>([[machine, 'machine'], [callback, 'cb']]) });
    expect(bytes.length).toBeLessThan(100);
    const other = { big: new Uint8Array(1) };
    const back = decodeGraph(bytes, { classes, externals: new Map<string, unknown>([['machine', other], ['cb', callback]]) }) as Record<string, unknown>;
    expect(back.m).toBe(other);
    expect(back.again).toBe(other);
    expect(back.callback).toBe(callback);
  });

  it('is deterministic: equal graphs give equal bytes, and a decoded graph re-encodes to the same bytes', () => {
    const make = () => ({ p: new Point(1, 'a'), m: new Map([[1, { n: [1n, 'x'] }]]), t: new Uint16Array([1, 2]) });
    const first = encodeGraph(make(), { classes });
    expect(encodeGraph(make(), { classes })).toEqual(first);
    expect(encodeGraph(decodeGraph(first, { classes }), { classes })).toEqual(first);
  });
});

describe('object-graph codec: refusals name the path', () => {
  it('refuses functions, closures and promises', () => {
    expect(refusal({ tasks: [{ step: () => 1 }] })).toBe('a function (step) at root.tasks[0].step');
    expect(refusal({ waiting: Promise.resolve(1) })).toBe('an object of unregistered class Promise at root.waiting');
    expect(refusal(new Map([['k', { f: function named() {} }]]))).toBe('a function (named) at root<map value 0>.f');
  });

  it('refuses objects of unregistered classes, naming the class and the path', () => {
    expect(refusal({ services: [new Point(1, 'ok'), new Unregistered()] })).toBe('an object of unregistered class Unregistered at root.services[1]');
    expect(refusal({ when: new Date(0) })).toBe('an object of unregistered class Date at root.when');
    expect(refusal({ w: new WeakMap() })).toBe('an object of unregistered class WeakMap at root.w');
  });

  it('refuses symbols, accessors, hidden properties and odd arrays', () => {
    expect(refusal({ s: Symbol('x') })).toBe('a symbol at root.s');
    expect(refusal({ [Symbol('k')]: 1 })).toBe('a symbol-keyed property Symbol(k) at root');
    expect(refusal(Object.defineProperty({}, 'g', { get: () => 1, enumerable: true }))).toBe('an accessor property at root.g');
    expect(refusal(Object.defineProperty({}, 'h', { value: 1, enumerable: false }))).toBe('a non-enumerable property at root.h');
    expect(refusal({ list: Object.assign([1], { extra: 2 }) })).toBe('an array with extra properties at root.list');
  });
});

describe('object-graph codec: bad bytes', () => {
  const sample = encodeGraph({ p: new Point(2, 'q'), list: [1, 'two', 3n, new Uint8Array([9])], m: new Map([['k', null]]) }, { classes });

  it('refuses every truncation and trailing bytes', () => {
    for (let n = 0; n < sample.length; n++) {
      expect(() => decodeGraph(sample.subarray(0, n), { classes }), `prefix ${n}`).toThrow(GraphFormatError);
    }
    expect(() => decodeGraph(Uint8Array.of(...sample, 0), { classes })).toThrow('1 bytes left after the graph');
  });

  it('refuses unknown classes, externals, tags and the wrong magic', () => {
    expect(() => decodeGraph(sample, { classes: new ClassRegistry([]) })).toThrow("unknown class 'Point'");
    const ext = encodeGraph({ e: classes }, { classes, externals: new Map([[classes, 'registry']]) });
    expect(() => decodeGraph(ext, { classes })).toThrow("unknown external 'registry'");
    expect(() => decodeGraph(Uint8Array.of(0x52, 0x56, 0x4f, 0x47, 1, 99), { classes })).toThrow('unknown tag 99');
    expect(() => decodeGraph(Uint8Array.of(1, 2, 3, 4, 5, 0), { classes })).toThrow('not an encoded object graph');
  });

  it('refuses nesting deeper than the stack as bad bytes', () => {
    const depth = 1_000_000;
    const deep = new Uint8Array(5 + 3 * depth + 1);
    deep.set([0x52, 0x56, 0x4f, 0x47, 1]);
    for (let i = 0; i < depth; i++) deep.set([16, 0, 1], 5 + 3 * i); // Array, extensible, length 1, then the element
    expect(() => decodeGraph(deep, { classes })).toThrow(GraphFormatError);
  });

  it('survives random corruption: decodes or throws GraphFormatError, never anything else', () => {
    let seed = 12345;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
    for (let i = 0; i < 1000; i++) {
      const bad = sample.slice();
      for (let j = 0; j < 1 + rand(3); j++) bad[5 + rand(bad.length - 5)] = rand(256);
      try {
        decodeGraph(bad, { classes });
      } catch (error) {
        expect(error, `case ${i}`).toBeInstanceOf(GraphFormatError);
      }
    }
  });
});
