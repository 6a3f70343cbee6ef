// Values of integer constants and character constants inside #if (6.10.1p4):
// every integer is intmax_t or uintmax_t (64-bit on RV64), computed with BigInt.
// Character constants follow RV64 GCC: plain char is unsigned, wchar_t is int.

/** An #if operand: value (already wrapped to 64 bits) and whether its type is uintmax_t. */
export interface IfValue {
  v: bigint;
  u: boolean;
}

export const wrap = (v: bigint, u: boolean): IfValue => ({ v: u ? BigInt.asUintN(64, v) : BigInt.asIntN(64, v), u });

const INT_RE = /^(?:0[xX]([0-9a-fA-F]+)|0[bB]([01]+)|(0[0-7]*)|([1-9][0-9]*))((?:[uU](?:ll|LL|[lL])?)|(?:(?:ll|LL|[lL])[uU]?))?$/;

/** Parses an integer pp-number; returns its value or an error message. */
export function parseIntConstant(text: string): IfValue | string {
  const m = INT_RE.exec(text);
  if (m === null) {
    if (/^(?:0[xX].*[pP]|[^xX]*[.eE])/.test(text) && !/^0[xX][0-9a-fA-F]*[eE]?$/.test(text)) return 'floating constant in preprocessor expression';
    return `invalid integer constant "${text}" in #if`;
  }
  const [, hex, bin, oct, dec, suffix = ''] = m;
  const v = hex !== undefined ? BigInt('0x' + hex) : bin !== undefined ? BigInt('0b' + bin) : oct !== undefined ? BigInt('0o' + (oct.slice(1) || '0')) : BigInt(dec);
  if (v > 0xffff_ffff_ffff_ffffn) return `integer constant "${text}" is too large for its type`;
  const unsigned = /[uU]/.test(suffix) || v > 0x7fff_ffff_ffff_ffffn;
  return { v, u: unsigned };
}

const SIMPLE_ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, e: 27, '\\': 92, "'": 39, '"': 34, '?': 63 };

/** Returns the code units of a character constant's body (escapes decoded; UTF-8 bytes for plain/u8). */
function charUnits(body: string, wide: boolean): number[] {
  const units: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < body.length; ) {
    if (body[i] !== '\\') {
      const cp = body.codePointAt(i) ?? 0;
      const ch = String.fromCodePoint(cp);
      i += ch.length;
      if (wide || cp < 0x80) units.push(cp);
      else units.push(...enc.encode(ch));
      continue;
    }
    const c = body[i + 1] ?? '';
    if (c in SIMPLE_ESCAPES) {
      units.push(SIMPLE_ESCAPES[c]);
      i += 2;
    } else if (c === 'x') {
      const m = /^[0-9a-fA-F]+/.exec(body.slice(i + 2)) ?? [''];
      units.push(Number.parseInt(m[0] || '0', 16));
      i += 2 + m[0].length;
    } else if (c === 'u' || c === 'U') {
      const n = c === 'u' ? 4 : 8;
      const cp = Number.parseInt(body.slice(i + 2, i + 2 + n), 16) || 0;
      if (wide || cp < 0x80) units.push(cp);
      else units.push(...enc.encode(String.fromCodePoint(Math.min(cp, 0x10ffff))));
      i += 2 + n;
    } else {
      const m = /^[0-7]{1,3}/.exec(body.slice(i + 1));
      units.push(m === null ? c.charCodeAt(0) : Number.parseInt(m[0], 8));
      i += 1 + (m === null ? 1 : m[0].length);
    }
  }
  return units;
}

/**
 * Returns the value of a character constant token text (with prefix and
 * quotes) as RV64 GCC computes it in #if: a one-character plain, u or U
 * constant is uintmax_t (GCC follows the unsigned char / char16_t / char32_t
 * type), L and multi-character constants are signed.
 */
export function charConstantValue(text: string): IfValue {
  const q = text.indexOf("'");
  const prefix = text.slice(0, q);
  const units = charUnits(text.slice(q + 1, -1), prefix === 'L' || prefix === 'u' || prefix === 'U');
  if (prefix === 'L') return { v: BigInt(units.length ? (units.at(-1) ?? 0) | 0 : 0), u: false };
  if (prefix === 'u') return { v: BigInt((units.at(-1) ?? 0) & 0xffff), u: true };
  if (prefix === 'U') return { v: BigInt((units.at(-1) ?? 0) >>> 0), u: true };
  if (units.length === 1) return { v: BigInt(units[0] & 0xff), u: true }; // plain char is unsigned on RISC-V
  let v = 0;
  for (const b of units) v = (v << 8) | (b & 0xff);
  return { v: BigInt(v | 0), u: false };
}
