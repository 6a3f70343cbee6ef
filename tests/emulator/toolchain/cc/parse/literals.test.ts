// Literal conversion of the C front end: integer constants (C11 type
// selection), floating constants incl. hexadecimal ones (exact bits), character
// constants and string literals with escapes, prefixes and concatenation.

import { describe, expect, it } from 'vitest';
import {
  parseCharConstant, parseFloatConstant, parseIntegerConstant, parseStringLiterals,
} from '../../../../../emulator/toolchain/cc/literals.ts';
import { typeName } from '../../../../../emulator/toolchain/cc/types.ts';
import { floatBits } from '../../../../../emulator/toolchain/cc/initializers.ts';

function int(text: string): [bigint, string] | string {
  const r = parseIntegerConstant(text);
  return r.ok ? [r.value.value, typeName(r.value.type)] : r.message;
}

describe('integer constants', () => {
  it.each([
    ['0', 0n, 'int'], ['42', 42n, 'int'], ['2147483647', 2147483647n, 'int'], ['2147483648', 2147483648n, 'long'],
    ['0x7fffffff', 0x7fffffffn, 'int'], ['0x80000000', 0x80000000n, 'unsigned int'], ['0xffffffff', 0xffffffffn, 'unsigned int'],
    ['0x100000000', 0x100000000n, 'long'], ['0xffffffffffffffff', 0xffffffffffffffffn, 'unsigned long'],
    ['9223372036854775807', 9223372036854775807n, 'long'], ['077', 63n, 'int'], ['0b101', 5n, 'int'],
    ['1u', 1n, 'unsigned int'], ['1U', 1n, 'unsigned int'], ['4294967296u', 4294967296n, 'unsigned long'],
    ['1l', 1n, 'long'], ['1ul', 1n, 'unsigned long'], ['1LU', 1n, 'unsigned long'], ['1ll', 1n, 'long long'],
    ['1ull', 1n, 'unsigned long long'], ['0x8000000000000000ll', 0x8000000000000000n, 'unsigned long long'],
    ['18446744073709551615', 18446744073709551615n, 'unsigned long long'],
  ])('%s', (text, value, type) => {
    expect(int(text)).toEqual([value, type]);
  });

  it.each([
    ['08', 'invalid digit'], ['1lul', 'invalid suffix'], ['1lL', 'invalid suffix'], ['1f', 'invalid'], ['0x', 'invalid'],
    ['18446744073709551616', 'too large'],
  ])('rejects %s', (text, message) => {
    expect(int(text)).toContain(message);
  });
});

describe('floating constants', () => {
  const bits = (text: string): string => {
    const r = parseFloatConstant(text);
    if (!r.ok) return r.message;
    return `${typeName(r.value.type)} 0x${floatBits(r.value.value, r.value.type.size).toString(16)}`;
  };
  it.each([
    ['1.5', 'double 0x3ff8000000000000'], ['0.1', 'double 0x3fb999999999999a'], ['1e10', 'double 0x4202a05f20000000'],
    ['.5', 'double 0x3fe0000000000000'], ['1.', 'double 0x3ff0000000000000'], ['0.1f', 'float 0x3dcccccd'],
    ['0x1p0', 'double 0x3ff0000000000000'], ['0x1.8p1', 'double 0x4008000000000000'], ['0x.8p0', 'double 0x3fe0000000000000'],
    ['0x1.fffffffffffffp1023', 'double 0x7fefffffffffffff'], ['0x1p-1074', 'double 0x1'], ['0x1p-1075', 'double 0x0'],
    ['0x1.0000000000000801p0', 'double 0x3ff0000000000001'], ['0x1.00000000000008p0', 'double 0x3ff0000000000000'],
    ['0x1.000002p0f', 'float 0x3f800001'], ['0x1.000001p0f', 'float 0x3f800000'], ['0x1.0000011p0f', 'float 0x3f800001'],
    ['1e400', 'double 0x7ff0000000000000'], ['1.5e-3', 'double 0x3f589374bc6a7efa'],
  ])('%s', (text, expected) => {
    expect(bits(text)).toBe(expected);
  });

  it('gives long double its type', () => {
    const r = parseFloatConstant('1.0L');
    expect(r.ok && typeName(r.value.type)).toBe('long double');
  });

  it.each(['1e', '0x1.8', '1.5q', '0x1pq'])('rejects %s', (text) => {
    expect(parseFloatConstant(text).ok).toBe(false);
  });
});

describe('character constants', () => {
  const ch = (text: string, prefix: '' | 'L' | 'u' | 'U' = ''): [bigint, string] | string => {
    const r = parseCharConstant(text, prefix);
    return r.ok ? [r.value.value, typeName(r.value.type)] : r.message;
  };
  it.each([
    ["'a'", 97n], ["'\\n'", 10n], ["'\\0'", 0n], ["'\\377'", 255n], ["'\\xff'", 255n], ["'\\x41'", 65n], ["'\\''", 39n],
    ["'\\\\'", 92n], ["'\\?'", 63n], ["'\\a'", 7n], ["'\\e'", 27n], ["'\"'", 34n], ["'ab'", 0x6162n], ["'\\t'", 9n],
  ])('%s', (text, value) => {
    expect(ch(text)).toEqual([value, 'int']);
  });
  it('plain char is unsigned on RISC-V: the value of \\xff is 255, not -1', () => {
    expect(ch("'\\xff'")).toEqual([255n, 'int']);
  });
  it('wide and unicode prefixes', () => {
    expect(ch("L'\\xffffffff'", 'L')).toEqual([-1n, 'int']);
    expect(ch("u'\\u00e9'", 'u')).toEqual([0xe9n, 'unsigned short']);
    expect(ch("U'\\U0001F600'", 'U')).toEqual([0x1f600n, 'unsigned int']);
  });
  it.each([["''", 'empty'], ["'\\q'", 'unknown escape'], ["'\\x'", 'no following hex digits']])('rejects %s', (text, msg) => {
    expect(ch(text)).toContain(msg);
  });
});

describe('string literals', () => {
  const str = (...pieces: [string, ('' | 'L' | 'u' | 'U' | 'u8')?][]): [number[], string] | string => {
    const r = parseStringLiterals(pieces.map(([text, prefix]) => ({ text, prefix: prefix ?? '' })));
    return r.ok ? [[...r.value.bytes], typeName(r.value.type)] : r.message;
  };
  it('decodes escapes and adds the terminator', () => {
    expect(str(['"a\\n\\0\\x41\\101"'])).toEqual([[97, 10, 0, 65, 65, 0], 'char[6]']);
  });
  it('concatenates adjacent literals (escape boundaries respected)', () => {
    expect(str(['"\\x4"'], ['"1"'])).toEqual([[4, 49, 0], 'char[3]']);
  });
  it('encodes source characters and UCNs in UTF-8', () => {
    expect(str(['"é\\u00e9"'])).toEqual([[0xc3, 0xa9, 0xc3, 0xa9, 0], 'char[5]']);
  });
  it('wide strings: L (int), u (UTF-16), U (32-bit), u8', () => {
    expect(str(['L"a"', 'L'])).toEqual([[97, 0, 0, 0, 0, 0, 0, 0], 'int[2]']);
    expect(str(['u"\\U0001F600"', 'u'])).toEqual([[0x3d, 0xd8, 0x00, 0xde, 0, 0], 'unsigned short[3]']);
    expect(str(['U"x"', 'U'])).toEqual([[120, 0, 0, 0, 0, 0, 0, 0], 'unsigned int[2]']);
    expect(str(['u8"x"', 'u8'])).toEqual([[120, 0], 'char[2]']);
    expect(str(['"a"'], ['L"b"', 'L'])).toEqual([[97, 0, 0, 0, 98, 0, 0, 0, 0, 0, 0, 0], 'int[3]']);
  });
  it('rejects mixed wide prefixes', () => {
    expect(str(['L"a"', 'L'], ['u"b"', 'u'])).toContain('concatenation');
  });
});
