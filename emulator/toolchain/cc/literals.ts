// Conversion of C literal tokens: integer constants with suffixes and the C11
// 6.4.4.1 type selection, floating constants (decimal and hexadecimal, exact
// double/float bits), character constants and string literals with every
// escape, encoding prefixes and phase-6 concatenation.

import type { EncodingPrefix } from './preprocess/token.ts';
import {
  type CType, arrayOf, charType, doubleType, floatType, intType, ldoubleType, llongType, longType, uintType,
  ullongType, ulongType, ushortType,
} from './types.ts';

export type LiteralResult<T> = { ok: true; value: T } | { ok: false; message: string };

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** Returns true when `v` fits in `t` (an integer type of 4 or 8 bytes). */
function fits(v: bigint, t: CType): boolean {
  const bits = BigInt(t.size * 8);
  return t.unsigned ? v < 1n << bits : v < 1n << (bits - 1n);
}

/**
 * Parses an integer constant (`42`, `0x1fUL`, `077`, `0b101`, `10ll`).
 * Returns value and type chosen by C11 6.4.4.1, or an error message for a bad
 * digit, a bad suffix, or a value too large for every candidate type.
 */
export function parseIntegerConstant(text: string): LiteralResult<{ value: bigint; type: CType }> {
  const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+)([uUlL]*)$/.exec(text);
  if (!m) return fail(`invalid integer constant '${text}'`);
  const [, digits, suffix] = m;
  const isDecimal = !/^0[xXbB0-7]/.test(digits) || digits === '0';
  if (/^0[0-9]+$/.test(digits) && /[89]/.test(digits)) return fail(`invalid digit in octal constant '${text}'`);
  let value: bigint;
  if (/^0[bB]/.test(digits)) value = BigInt(`0b${digits.slice(2)}`);
  else if (/^0[0-7]+$/.test(digits)) value = BigInt(`0o${digits.slice(1)}`);
  else value = BigInt(digits);
  const s = suffix.toLowerCase();
  const u = s.includes('u');
  const l = s.replace('u', '');
  if (!['', 'u', 'l', 'll', 'ul', 'lu', 'ull', 'llu'].includes(s) || (suffix.includes('lL') || suffix.includes('Ll')))
    return fail(`invalid suffix '${suffix}' on integer constant`);
  let candidates: CType[];
  if (l === '') candidates = u ? [uintType, ulongType, ullongType] : isDecimal ? [intType, longType, llongType] : [intType, uintType, longType, ulongType, llongType, ullongType];
  else if (l === 'l') candidates = u ? [ulongType, ullongType] : isDecimal ? [longType, llongType] : [longType, ulongType, llongType, ullongType];
  else candidates = u ? [ullongType] : isDecimal ? [llongType] : [llongType, ullongType];
  for (const t of candidates) if (fits(value, t)) return { ok: true, value: { value, type: t } };
  if (value < 1n << 64n) return { ok: true, value: { value, type: ullongType } }; // GCC: "so large that it is unsigned"
  return fail(`integer constant '${text}' is too large for its type`);
}

/** Converts a non-negative integer mantissa times 2^exp to the nearest double (round to nearest even). */
function scaleBinary(mant: bigint, exp: number): number {
  if (mant === 0n) return 0;
  // Keep 64+ significant bits plus a sticky bit so Number() rounds once, correctly.
  let e = exp;
  const bitLen = mant.toString(2).length;
  if (bitLen > 64) {
    const drop = BigInt(bitLen - 64);
    const sticky = (mant & ((1n << drop) - 1n)) !== 0n ? 1n : 0n;
    mant = (mant >> drop) | sticky;
    e += Number(drop);
  }
  // mant < 2^64 now: beyond +-3000 the result is surely infinite or zero (and a huge exponent like p999...9 is Infinity).
  e = Math.max(-3000, Math.min(3000, e));
  // Subnormal / tiny results: pre-round to the precision available at that exponent.
  const top = e + Math.min(bitLen, 64) - 1; // exponent of the leading bit
  if (top < -1022) {
    const keep = Math.max(0, 53 - (-1022 - top));
    const len = BigInt(Math.min(bitLen, 64));
    if (BigInt(keep) < len) {
      const drop = len - BigInt(keep);
      const half = 1n << (drop - 1n);
      const rest = mant & ((1n << drop) - 1n);
      let q = mant >> drop;
      if (rest > half || (rest === half && (q & 1n) === 1n)) q += 1n;
      mant = q;
      e += Number(drop);
    }
  }
  let v = Number(mant);
  while (e > 0) { const k = Math.min(e, 1000); v *= 2 ** k; e -= k; }
  while (e < 0) { const k = Math.min(-e, 1000); v /= 2 ** k; e += k; }
  return v;
}

/**
 * Parses a floating constant (`1.5`, `1e10f`, `0x1.8p3`, `.5L`). Returns the
 * value (already rounded to float for an `f` suffix) and its type, or an error.
 */
export function parseFloatConstant(text: string): LiteralResult<{ value: number; type: CType }> {
  let body = text;
  let type = doubleType;
  const last = body.at(-1)?.toLowerCase();
  if (last === 'f') { type = floatType; body = body.slice(0, -1); }
  else if (last === 'l') { type = ldoubleType; body = body.slice(0, -1); }
  let value: number;
  const hex = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/.exec(body);
  if (hex) {
    const [, whole, frac = '', exp] = hex;
    if (whole === '' && frac === '') return fail(`invalid hexadecimal floating constant '${text}'`);
    const mant = BigInt(`0x${whole}${frac}` === '0x' ? '0' : `0x${whole}${frac}`);
    value = scaleBinary(mant, Number(exp) - 4 * frac.length);
    if (type === floatType) value = roundToFloat(mant, Number(exp) - 4 * frac.length);
  } else if (/^([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(body) && /[.eE]/.test(body)) {
    value = Number(body);
    if (type === floatType) value = Math.fround(value);
  } else {
    return fail(`invalid floating constant '${text}'`);
  }
  return { ok: true, value: { value, type } };
}

/** Rounds mant*2^exp directly to binary32 (avoids double rounding for hex floats). */
function roundToFloat(mant: bigint, exp: number): number {
  if (mant === 0n) return 0;
  const len = mant.toString(2).length;
  const top = exp + len - 1;
  const keep = top < -126 ? Math.max(0, 24 - (-126 - top)) : 24;
  if (len > keep) {
    const drop = BigInt(len - keep);
    const half = 1n << (drop - 1n);
    const rest = mant & ((1n << drop) - 1n);
    let q = mant >> drop;
    if (rest > half || (rest === half && (q & 1n) === 1n)) q += 1n;
    return Math.fround(scaleBinary(q, exp + Number(drop)));
  }
  return Math.fround(scaleBinary(mant, exp));
}

const simpleEscapes: Record<string, number> = {
  n: 10, t: 9, v: 11, b: 8, r: 13, f: 12, a: 7, e: 27, E: 27, '\\': 92, "'": 39, '"': 34, '?': 63,
};

/** One decoded element: a code point from the source or a UCN, or a raw unit from \x / octal. */
interface Unit { value: number; raw: boolean }

/** Decodes the body of a char/string literal (between the quotes) into units; errors as messages. */
function decodeBody(body: string, errors: string[]): Unit[] {
  const out: Unit[] = [];
  for (let i = 0; i < body.length;) {
    const cp = body.codePointAt(i)!;
    if (cp !== 92) { out.push({ value: cp, raw: false }); i += cp > 0xffff ? 2 : 1; continue; }
    const c = body[i + 1] ?? '';
    if (c in simpleEscapes) { out.push({ value: simpleEscapes[c], raw: true }); i += 2; continue; }
    if (/[0-7]/.test(c)) {
      const m = /^[0-7]{1,3}/.exec(body.slice(i + 1))![0];
      out.push({ value: parseInt(m, 8), raw: true });
      i += 1 + m.length;
      continue;
    }
    if (c === 'x') {
      const m = /^[0-9a-fA-F]+/.exec(body.slice(i + 2))?.[0];
      if (!m) { errors.push('\\x used with no following hex digits'); i += 2; continue; }
      const v = BigInt(`0x${m}`);
      if (v > 0xffffffffn) errors.push('hex escape sequence out of range');
      out.push({ value: Number(v & 0xffffffffn), raw: true });
      i += 2 + m.length;
      continue;
    }
    if (c === 'u' || c === 'U') {
      const n = c === 'u' ? 4 : 8;
      const m = body.slice(i + 2, i + 2 + n);
      if (!/^[0-9a-fA-F]+$/.test(m) || m.length !== n) { errors.push(`incomplete universal character name \\${c}${m}`); i += 2; continue; }
      out.push({ value: parseInt(m, 16), raw: false });
      i += 2 + n;
      continue;
    }
    errors.push(`unknown escape sequence '\\${c}'`);
    out.push({ value: c.codePointAt(0) ?? 92, raw: true });
    i += 2;
  }
  return out;
}

function utf8(cp: number): number[] {
  return [...new TextEncoder().encode(String.fromCodePoint(Math.min(cp, 0x10ffff)))];
}

/** Element type of a string literal / type of a wide character constant for a prefix. */
export function charTypeOf(prefix: EncodingPrefix): CType {
  switch (prefix) {
    case 'L': return intType; // wchar_t is int
    case 'u': return ushortType; // char16_t
    case 'U': return uintType; // char32_t
    default: return charType;
  }
}

function stripQuotes(text: string, prefix: EncodingPrefix, quote: string): string {
  const start = prefix.length + 1;
  return text.endsWith(quote) && text.length > start ? text.slice(start, -1) : text.slice(start);
}

/**
 * Evaluates a character constant token (`'a'`, `'\n'`, `L'x'`, `'ab'`).
 * Returns the value (as the constant's type: int for plain, with RISC-V's
 * unsigned char for a single char) and its type; errors for an empty constant
 * or a bad escape.
 */
export function parseCharConstant(text: string, prefix: EncodingPrefix): LiteralResult<{ value: bigint; type: CType }> {
  const errors: string[] = [];
  const units = decodeBody(stripQuotes(text, prefix, "'"), errors);
  if (errors.length > 0) return fail(errors[0]);
  if (units.length === 0) return fail('empty character constant');
  if (prefix === '' || prefix === 'u8') {
    const bytes = units.flatMap((u) => (u.raw ? [u.value & 0xff] : utf8(u.value)));
    if (bytes.length === 1) return { ok: true, value: { value: BigInt(bytes[0]), type: intType } };
    let v = 0n; // GCC: multi-character constant, big-endian packing into int
    for (const b of bytes.slice(-4)) v = (v << 8n) | BigInt(b);
    if (v >= 1n << 31n) v -= 1n << 32n;
    return { ok: true, value: { value: v, type: intType } };
  }
  const t = charTypeOf(prefix);
  let v = BigInt(units.at(-1)!.value) & ((1n << BigInt(t.size * 8)) - 1n);
  if (!t.unsigned && v >= 1n << 31n) v -= 1n << 32n;
  return { ok: true, value: { value: v, type: t } };
}

/** A piece of a string literal (one token). */
export interface StringPiece { text: string; prefix: EncodingPrefix }

/**
 * Concatenates adjacent string literal tokens (phase 6) and encodes them:
 * plain/u8 as UTF-8 bytes, u as UTF-16 units, L/U as 32-bit units, little
 * endian, with the terminating zero. Returns the bytes and the array type, or
 * an error for mixed incompatible prefixes / bad escapes.
 */
export function parseStringLiterals(pieces: StringPiece[]): LiteralResult<{ bytes: Uint8Array; type: CType }> {
  let prefix: EncodingPrefix = '';
  for (const p of pieces) {
    if (p.prefix === '' || p.prefix === prefix) continue;
    if (prefix !== '' && !(prefix === 'u8' || p.prefix === 'u8') ) return fail('unsupported non-standard concatenation of string literals');
    if ((prefix === 'u8' && p.prefix !== 'u8') || (p.prefix === 'u8' && prefix !== '')) return fail('unsupported non-standard concatenation of string literals');
    prefix = p.prefix;
  }
  const errors: string[] = [];
  const elem = charTypeOf(prefix);
  const units: number[] = [];
  for (const p of pieces) {
    for (const u of decodeBody(stripQuotes(p.text, p.prefix, '"'), errors)) {
      if (elem.size === 1) units.push(...(u.raw ? [u.value & 0xff] : utf8(u.value)));
      else if (elem.size === 2 && !u.raw && u.value > 0xffff) {
        const c = u.value - 0x10000;
        units.push(0xd800 + (c >> 10), 0xdc00 + (c & 0x3ff));
      } else units.push(u.value);
    }
  }
  if (errors.length > 0) return fail(errors[0]);
  units.push(0);
  const bytes = new Uint8Array(units.length * elem.size);
  units.forEach((u, i) => {
    for (let b = 0; b < elem.size; b++) bytes[i * elem.size + b] = (u >>> (8 * b)) & 0xff;
  });
  return { ok: true, value: { bytes, type: arrayOf(elem, units.length) } };
}
