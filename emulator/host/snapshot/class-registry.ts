// ClassRegistry: the classes whose instances the object-graph codec may encode,
// each under a fixed name (not constructor.name, which minifiers change). An
// instance is matched by its exact prototype; decoding creates it with that
// prototype and its own fields, without running the constructor.

/** Any class, abstract or with a private constructor (only its prototype is used). */
export type AnyClass = { readonly prototype: object };

export class ClassRegistry {
  private readonly byName = new Map<string, object>();
  private readonly byPrototype = new Map<object, string>();

  /** A registry of `entries` (name, class); throws Error for a repeated name or class. */
  constructor(entries: Iterable<readonly [string, AnyClass]>) {
    for (const [name, cls] of entries) {
      const proto = cls.prototype;
      if (this.byName.has(name) || this.byPrototype.has(proto)) throw new Error(`class registry: ${name} registered twice`);
      this.byName.set(name, proto);
      this.byPrototype.set(proto, name);
    }
  }

  /** The registered name of instances with prototype `proto`, or undefined. */
  nameOf(proto: object): string | undefined {
    return this.byPrototype.get(proto);
  }

  /** The prototype registered as `name`, or undefined. */
  prototypeOf(name: string): object | undefined {
    return this.byName.get(name);
  }

  /** The registered names, in registration order. */
  names(): string[] {
    return [...this.byName.keys()];
  }
}
