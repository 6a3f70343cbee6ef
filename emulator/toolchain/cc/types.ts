// C types of the rvos C compiler for RV64 lp64d (char is unsigned, long and
// pointers are 8 bytes, long double is 16): constructors, struct/union layout
// with bit-fields and packed/aligned attributes, integer promotions, the usual
// arithmetic conversions and type compatibility.

import type { Expr, Obj } from './ast.ts';

export type TypeKind =
  | 'void' | 'bool' | 'char' | 'short' | 'int' | 'long' | 'llong'
  | 'float' | 'double' | 'ldouble'
  | 'ptr' | 'array' | 'func' | 'struct' | 'union' | 'enum';

/** A struct or union member with its byte offset (and bit position for bit-fields). */
export interface Member {
  name: string | undefined;
  type: CType;
  offset: number;
  /** Bit-fields: width in bits and bit offset inside the storage unit at `offset` (unit size = type.size; a packed bit-field may reach past it). */
  bitWidth?: number;
  bitOffset?: number;
  /** Declared alignment (from _Alignas / aligned attribute), 0 when none. */
  alignAs: number;
}

/** A function parameter as written in the prototype. */
export interface Param {
  name: string | undefined;
  type: CType;
  loc?: { file: string; line: number; column: number };
}

/**
 * One C type. Qualified types are copies with `isConst`/`isVolatile` set that
 * share `origin` (the unqualified type object), so struct identity survives.
 */
export interface CType {
  kind: TypeKind;
  size: number;
  align: number;
  unsigned: boolean;
  isConst?: boolean;
  isVolatile?: boolean;
  /** Pointee (ptr), element (array), return type (func). */
  base?: CType;
  /** Array length; -1 for an incomplete array `T[]`. */
  arrayLen?: number;
  /** A variable length array type `T[n]` as parsed: the length expression (arrayLen is 0). */
  vlaLength?: Expr;
  /** A declared variable length array: the local holding its size in bytes (for sizeof). */
  vlaSize?: Obj;
  /** Function: parameters (undefined for an old-style `f()` without prototype) and `...`. */
  params?: Param[];
  variadic?: boolean;
  /** Struct/union: members in declaration order; undefined while incomplete. */
  members?: Member[];
  tag?: string;
  isPacked?: boolean;
  /** Set on `__builtin_va_list` (a `void *` on RISC-V). */
  isVaList?: boolean;
  /** The unqualified original, for identity of tagged types. */
  origin?: CType;
  /** Typedef name it was spelled with (diagnostics only). */
  typedefName?: string;
}

function scalar(kind: TypeKind, size: number, unsigned: boolean): CType {
  return { kind, size, align: size, unsigned };
}

export const voidType = scalar('void', 1, false);
export const boolType = scalar('bool', 1, true);
/** Plain `char`: unsigned on RISC-V. */
export const charType = scalar('char', 1, true);
export const scharType = scalar('char', 1, false);
export const ucharType: CType = { ...scalar('char', 1, true), tag: 'unsigned' };
export const shortType = scalar('short', 2, false);
export const ushortType = scalar('short', 2, true);
export const intType = scalar('int', 4, false);
export const uintType = scalar('int', 4, true);
export const longType = scalar('long', 8, false);
export const ulongType = scalar('long', 8, true);
export const llongType = scalar('llong', 8, false);
export const ullongType = scalar('llong', 8, true);
export const floatType = scalar('float', 4, false);
export const doubleType = scalar('double', 8, false);
export const ldoubleType = scalar('ldouble', 16, false);

/** Returns the integer type of `kind` ('char'... 'llong') with the given signedness. */
export function intOf(kind: TypeKind, unsigned: boolean): CType {
  switch (kind) {
    case 'bool': return boolType;
    case 'char': return unsigned ? charType : scharType;
    case 'short': return unsigned ? ushortType : shortType;
    case 'int': case 'enum': return unsigned ? uintType : intType;
    case 'long': return unsigned ? ulongType : longType;
    default: return unsigned ? ullongType : llongType;
  }
}

export function pointerTo(base: CType): CType {
  return { kind: 'ptr', size: 8, align: 8, unsigned: true, base };
}

/** Returns `T[len]` (len -1: incomplete). */
export function arrayOf(base: CType, len: number): CType {
  return { kind: 'array', size: Math.max(len, 0) * base.size, align: base.align, unsigned: false, base, arrayLen: len };
}

export function funcType(ret: CType, params: Param[] | undefined, variadic: boolean): CType {
  return { kind: 'func', size: 1, align: 1, unsigned: false, base: ret, params, variadic };
}

/** The `__builtin_va_list` type: `void *`, marked. */
export const vaListType: CType = { ...pointerTo(voidType), isVaList: true };

export function enumType(tag: string | undefined): CType {
  return { kind: 'enum', size: 4, align: 4, unsigned: false, tag };
}

/** Returns a new incomplete struct/union type. */
export function recordType(kind: 'struct' | 'union', tag: string | undefined): CType {
  return { kind, size: 0, align: 1, unsigned: false, tag };
}

export const isInteger = (t: CType): boolean =>
  t.kind === 'bool' || t.kind === 'char' || t.kind === 'short' || t.kind === 'int' || t.kind === 'long' || t.kind === 'llong' || t.kind === 'enum';
export const isFloat = (t: CType): boolean => t.kind === 'float' || t.kind === 'double' || t.kind === 'ldouble';
export const isArithmetic = (t: CType): boolean => isInteger(t) || isFloat(t);
export const isPointer = (t: CType): boolean => t.kind === 'ptr';
export const isScalar = (t: CType): boolean => isArithmetic(t) || t.kind === 'ptr';
export const isRecord = (t: CType): boolean => t.kind === 'struct' || t.kind === 'union';
/** Complete object type (size known). */
export const isComplete = (t: CType): boolean =>
  t.kind === 'void' ? false : isRecord(t) ? unqual(t).members !== undefined : t.kind === 'array' ? (t.arrayLen ?? -1) >= 0 : true;

/** Returns the type without qualifiers (the shared original for tagged types). */
export function unqual(t: CType): CType {
  return t.origin ?? t;
}

/** Returns `t` with const/volatile added (a copy; the original is kept in `origin`). */
export function qualified(t: CType, isConst: boolean, isVolatile: boolean): CType {
  if (!isConst && !isVolatile) return t;
  const o = unqual(t);
  return { ...o, origin: o, isConst: isConst || t.isConst, isVolatile: isVolatile || t.isVolatile };
}

/** Integer conversion rank (C11 6.3.1.1). */
function rank(t: CType): number {
  switch (t.kind) {
    case 'bool': return 1;
    case 'char': return 2;
    case 'short': return 3;
    case 'int': case 'enum': return 4;
    case 'long': return 5;
    default: return 6;
  }
}

/**
 * The type of a bit-field of `width` bits declared as `t`, as an expression
 * (GCC; 6.3.1.1p2 for int bit-fields): int when int holds every value,
 * unsigned int for 32 unsigned bits, else `t` (wider long bit-fields; _Bool
 * and enum bit-fields keep their type, which promotes by itself).
 */
export function bitFieldType(t: CType, width: number): CType {
  const u = unqual(t);
  if (u.kind === 'bool' || u.kind === 'enum' || width > 32) return t;
  return width === 32 && u.unsigned ? uintType : intType;
}

/** Returns the promoted type of an integer type (6.3.1.1p2); other types unchanged. */
export function promote(t: CType): CType {
  if (!isInteger(t)) return unqual(t);
  if (rank(t) < 4) return intType;
  if (t.kind === 'enum') return t.unsigned ? uintType : intType;
  return intOf(t.kind, t.unsigned);
}

/** Returns the common real type of the usual arithmetic conversions (6.3.1.8). */
export function usualArithmetic(a: CType, b: CType): CType {
  if (a.kind === 'ldouble' || b.kind === 'ldouble') return ldoubleType;
  if (a.kind === 'double' || b.kind === 'double') return doubleType;
  if (a.kind === 'float' || b.kind === 'float') return floatType;
  const x = promote(a);
  const y = promote(b);
  if (x.unsigned === y.unsigned) return rank(x) >= rank(y) ? x : y;
  const [u, s] = x.unsigned ? [x, y] : [y, x];
  if (rank(u) >= rank(s)) return u;
  if (s.size > u.size) return s;
  return intOf(s.kind, true);
}

/** Returns true when the two types are compatible (6.2.7), qualifiers compared too. */
export function compatible(a: CType, b: CType, ignoreQualifiers = false): boolean {
  if (a === b) return true;
  if (!ignoreQualifiers && (!!a.isConst !== !!b.isConst || !!a.isVolatile !== !!b.isVolatile)) return false;
  const x = unqual(a);
  const y = unqual(b);
  if (x === y) return true;
  if (x.kind === 'enum' && y.kind === 'int' && !y.unsigned) return true;
  if (y.kind === 'enum' && x.kind === 'int' && !x.unsigned) return true;
  if (x.kind !== y.kind) return false;
  switch (x.kind) {
    case 'ptr': return compatible(x.base!, y.base!);
    case 'array':
      return compatible(x.base!, y.base!) && (x.arrayLen! < 0 || y.arrayLen! < 0 || x.arrayLen === y.arrayLen);
    case 'func': {
      if (!compatible(x.base!, y.base!, true)) return false;
      if (x.params === undefined || y.params === undefined) return true;
      if (x.params.length !== y.params.length || !!x.variadic !== !!y.variadic) return false;
      return x.params.every((p, i) => compatible(p.type, y.params![i].type, true));
    }
    case 'struct': case 'union': case 'enum': return false; // distinct objects are distinct types
    case 'char': return x.unsigned === y.unsigned && (x.tag === 'unsigned') === (y.tag === 'unsigned');
    default: return x.unsigned === y.unsigned;
  }
}

/** Returns `value` rounded up to a multiple of `align` (a power of two). */
export function alignTo(value: number, align: number): number {
  return Math.ceil(value / align) * align;
}

/** A member as declared, before layout. */
export interface MemberDecl {
  name: string | undefined;
  type: CType;
  bitWidth?: number;
  alignAs: number;
  packed: boolean;
}

/**
 * Lays out the members of `rec` (a struct or union) as GCC does for RISC-V:
 * natural alignment, bit-fields packed into units of their declared type
 * without straddling a unit boundary, zero-width bit-fields close the unit,
 * `packed` drops member alignment to 1, `aligned(n)` raises it. `#pragma pack(n)`
 * (`maxFieldAlign` n > 0) caps member alignment at n and, like `packed`, puts
 * each bit-field at the next free bit (a packed bit-field may reach past a unit
 * of its type). Completes `rec` in place (members, size, align).
 */
export function layoutRecord(rec: CType, decls: MemberDecl[], packed: boolean, alignAs: number, maxFieldAlign = 0): void {
  const members: Member[] = [];
  let bits = 0; // current position in bits
  let maxAlign = 1;
  const isUnion = rec.kind === 'union';
  for (const d of decls) {
    const tight = d.packed || packed || maxFieldAlign > 0;
    const natural = d.packed || packed ? 1 : maxFieldAlign > 0 ? Math.min(d.type.align, maxFieldAlign) : d.type.align;
    const align = Math.max(natural, d.alignAs);
    if (d.bitWidth !== undefined) {
      const unit = d.type.size * 8;
      if (d.bitWidth === 0) {
        bits = alignTo(bits, unit);
        continue;
      }
      if (!tight && Math.floor(bits / unit) !== Math.floor((bits + d.bitWidth - 1) / unit)) bits = alignTo(bits, unit);
      const unitStart = tight ? Math.floor(bits / 8) : Math.floor(bits / unit) * d.type.size;
      members.push({ name: d.name, type: d.type, offset: unitStart, bitWidth: d.bitWidth, bitOffset: bits - unitStart * 8, alignAs: d.alignAs });
      if (d.name !== undefined) maxAlign = Math.max(maxAlign, align);
      if (isUnion) bits = 0;
      else bits += d.bitWidth;
      if (isUnion) rec.size = Math.max(rec.size, d.type.size);
      continue;
    }
    const offset = isUnion ? 0 : alignTo(Math.ceil(bits / 8), align);
    members.push({ name: d.name, type: d.type, offset, alignAs: d.alignAs });
    maxAlign = Math.max(maxAlign, align);
    if (isUnion) rec.size = Math.max(rec.size, d.type.size);
    else bits = (offset + d.type.size) * 8;
  }
  maxAlign = Math.max(maxAlign, alignAs);
  const used = isUnion ? rec.size : Math.ceil(bits / 8);
  rec.size = alignTo(used, maxAlign);
  rec.align = maxAlign;
  rec.members = members;
  rec.isPacked = packed;
}

/** Finds a member by name, descending into anonymous struct/union members; returns the path of members. */
export function findMember(rec: CType, name: string): Member[] | undefined {
  for (const m of unqual(rec).members ?? []) {
    if (m.name === name) return [m];
    if (m.name === undefined && isRecord(m.type)) {
      const inner = findMember(m.type, name);
      if (inner) return [m, ...inner];
    }
  }
  return undefined;
}

/** Returns the type as C source text (for diagnostics): `const char *`, `struct s`, `int (*)(int)`. */
export function typeName(t: CType): string {
  return declText(t, '').trim();
}

function baseName(t: CType): string {
  const q = `${t.isConst ? 'const ' : ''}${t.isVolatile ? 'volatile ' : ''}`;
  if (t.typedefName) return q + t.typedefName;
  switch (t.kind) {
    case 'struct': case 'union': case 'enum': return `${q}${t.kind} ${t.tag ?? '<anonymous>'}`;
    case 'char': return q + (t.tag === 'unsigned' ? 'unsigned char' : t.unsigned ? 'char' : 'signed char');
    case 'llong': return q + (t.unsigned ? 'unsigned long long' : 'long long');
    case 'ldouble': return `${q}long double`;
    case 'bool': return `${q}_Bool`;
    default: return q + (t.unsigned ? `unsigned ${t.kind}` : t.kind);
  }
}

function declText(t: CType, inner: string): string {
  if (t.typedefName) return join(baseName(t), inner);
  switch (t.kind) {
    case 'ptr': {
      const q = `${t.isConst ? ' const' : ''}${t.isVolatile ? ' volatile' : ''}`;
      const b = t.base!;
      const wrap = b.kind === 'array' || b.kind === 'func';
      return declText(b, wrap ? `(*${q}${inner})` : `*${q}${inner}`);
    }
    case 'array': return declText(t.base!, `${inner}[${t.arrayLen! >= 0 ? t.arrayLen : ''}]`);
    case 'func': {
      const ps = t.params === undefined ? '' : t.params.length === 0 && !t.variadic ? 'void' : [...t.params.map((p) => typeName(p.type)), ...(t.variadic ? ['...'] : [])].join(', ');
      return declText(t.base!, `${inner}(${ps})`);
    }
    default: return join(baseName(t), inner);
  }
}

function join(base: string, inner: string): string {
  return inner.startsWith('[') ? base + inner : `${base} ${inner}`;
}
