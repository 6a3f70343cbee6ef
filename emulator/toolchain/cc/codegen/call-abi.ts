// The RISC-V lp64d calling convention as used by this back end: where each
// argument (or each 8-byte part of a small struct) travels. Scalars go to
// a0-a7 / fa0-fa7 (named float/double args; variadic ones use integer
// registers), then the stack; structs <= 16 bytes are passed as one or two
// integer dwords, except that (named) structs of one or two scalar fields
// with a float/double among them use fa registers per the psABI's
// hardware-float rule; larger structs go by reference to a caller copy.

import { isRecord, unqual, type CType } from '../types.ts';

/** Where one part travels; struct parts also say which bytes of the struct (`offset`, `type`; default: dword `8*j`). */
export type PartLoc = ({ kind: 'gpr'; reg: number } | { kind: 'fpr'; reg: number } | { kind: 'stack'; index: number }) & { field?: Field };

/** A scalar field of a struct passed by the hardware floating-point convention. */
export interface Field {
  offset: number;
  type: CType;
}

/**
 * Returns the fields of a struct eligible for the psABI floating-point
 * convention (one float field, two float fields, or one float + one integer
 * field, each at most 8 bytes), else undefined.
 */
export function floatFields(t: CType): Field[] | undefined {
  const out: Field[] = [];
  if (!flatten(t, 0, out) || out.length === 0 || out.length > 2) return undefined;
  if (!out.some((f) => f.type.kind === 'float' || f.type.kind === 'double')) return undefined;
  if (out.some((f) => f.type.size > 8 || f.type.kind === 'ldouble')) return undefined;
  return out;
}

function flatten(t: CType, base: number, out: Field[]): boolean {
  const u = unqual(t);
  if (u.kind === 'union') return false;
  if (u.kind === 'struct') {
    for (const m of u.members ?? []) {
      if (m.bitWidth !== undefined) return false;
      if (!flatten(m.type, base + m.offset, out)) return false;
    }
    return true;
  }
  if (u.kind === 'array') {
    for (let i = 0; i < (u.arrayLen ?? 0); i++) if (!flatten(u.base!, base + i * u.base!.size, out)) return false;
    return true;
  }
  out.push({ offset: base, type: u });
  return out.length <= 2;
}

const isFloatField = (f: Field): boolean => f.type.kind === 'float' || f.type.kind === 'double';

export interface ArgPlan {
  /** 'scalar' (one part), 'small' (struct in 1-2 dword parts), 'ref' (pointer to a copy). */
  kind: 'scalar' | 'small' | 'ref';
  parts: PartLoc[];
}

export interface CallPlan {
  args: ArgPlan[];
  stackSlots: number;
  /** Integer registers used (incl. a hidden return pointer). */
  gprs: number;
}

/** True when a struct/union result is returned through a hidden pointer (> 16 bytes). */
export function returnsByPointer(ret: CType): boolean {
  return isRecord(ret) && ret.size > 16;
}

/** Plans where the arguments of types `types` go; args at index >= `named` are variadic. */
export function planCall(types: CType[], named: number, hiddenRet: boolean): CallPlan {
  let gpr = hiddenRet ? 1 : 0;
  let fpr = 0;
  let stack = 0;
  const intPart = (): PartLoc => (gpr < 8 ? { kind: 'gpr', reg: gpr++ } : { kind: 'stack', index: stack++ });
  const args = types.map((t, i): ArgPlan => {
    if (isRecord(t)) {
      if (t.size > 16) return { kind: 'ref', parts: [intPart()] };
      const fields = i < named ? floatFields(t) : undefined;
      if (fields) {
        const nf = fields.filter(isFloatField).length;
        if (fpr + nf <= 8 && gpr + fields.length - nf <= 8) {
          return { kind: 'small', parts: fields.map((field): PartLoc => (isFloatField(field) ? { kind: 'fpr', reg: fpr++, field } : { kind: 'gpr', reg: gpr++, field })) };
        }
      }
      const n = Math.max(1, Math.ceil(t.size / 8));
      return { kind: 'small', parts: Array.from({ length: n }, intPart) };
    }
    if ((t.kind === 'float' || t.kind === 'double') && i < named && fpr < 8) return { kind: 'scalar', parts: [{ kind: 'fpr', reg: fpr++ }] };
    return { kind: 'scalar', parts: [intPart()] };
  });
  return { args, stackSlots: stack, gprs: gpr };
}

/** Where a struct result of at most 16 bytes comes back: float-rule fields, or a0/a1 dwords (undefined). */
export function returnFields(ret: CType): { field: Field; reg: string }[] | undefined {
  const fields = floatFields(ret);
  if (!fields) return undefined;
  let f = 0;
  let g = 0;
  return fields.map((field) => ({ field, reg: isFloatField(field) ? `fa${f++}` : `a${g++}` }));
}
