// Unit tests of the predefined macros for RV64GC lp64d and of -D / -U.

import { describe, expect, it } from 'vitest';
import { defineOptionLine } from '../../../../../emulator/toolchain/cc/preprocess/predefined.ts';
import { ppSpellings, run, spellings } from './pp-helpers.ts';

describe('predefined macros', () => {
  it.each([
    ['__STDC__', '1'],
    ['__STDC_VERSION__', '201112L'],
    ['__STDC_HOSTED__', '1'],
    ['__riscv', '1'],
    ['__riscv_xlen', '64'],
    ['__riscv_flen', '64'],
    ['__riscv_float_abi_double', '1'],
    ['__riscv_mul __riscv_div __riscv_atomic __riscv_compressed', '1 1 1 1'],
    ['__LP64__ _LP64', '1 1'],
    ['__CHAR_BIT__', '8'],
    ['__SIZEOF_SHORT__ __SIZEOF_INT__ __SIZEOF_LONG__ __SIZEOF_LONG_LONG__ __SIZEOF_POINTER__', '2 4 8 8 8'],
    ['__SIZEOF_FLOAT__ __SIZEOF_DOUBLE__ __SIZEOF_LONG_DOUBLE__', '4 8 16'],
    ['__SCHAR_MAX__ __SHRT_MAX__ __INT_MAX__ __LONG_MAX__', '0x7f 0x7fff 0x7fffffff 0x7fffffffffffffffL'],
    ['__SIZE_TYPE__', 'long unsigned int'],
    ['__PTRDIFF_TYPE__', 'long int'],
    ['__WCHAR_TYPE__', 'int'],
    ['__INTMAX_TYPE__ __UINTMAX_TYPE__', 'long int long unsigned int'],
    ['__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__', '1234 == 1234'],
    ['__INT64_C(5) __UINT32_C(7)', '5L 7U'],
  ])('%s', (names, values) => {
    expect(ppSpellings(`${names}\n`)).toEqual(spellings(values));
  });

  it('does not define __rvos__ or __GNUC__ by default', () => {
    expect(ppSpellings('__rvos__ __GNUC__\n')).toEqual(['__rvos__', '__GNUC__']);
  });

  it('defines __rvos__ for target rvos and honours hosted: false', () => {
    expect(ppSpellings('__rvos__ __STDC_HOSTED__\n', {}, { target: 'rvos', hosted: false })).toEqual(['1', '0']);
  });

  it('applies -D in order, then -U', () => {
    const opts = { defines: ['A', 'B=2', 'C=x y', 'F(a)=[a]', 'A=3'], undefines: ['B', '__riscv'] };
    const r = run('A B C F(1) __riscv\n', {}, opts);
    expect(r.tokens.filter((t) => t.kind !== 'eof').map((t) => t.text)).toEqual(spellings('3 B x y [1] __riscv'));
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0].message).toMatch(/^"A" redefined \(previous definition at <built-in>:\d+:9\)$/);
  });

  it('writes -D options as #define lines', () => {
    expect(defineOptionLine('X')).toBe('#define X 1');
    expect(defineOptionLine('X=')).toBe('#define X ');
    expect(defineOptionLine('F(a)=a+1')).toBe('#define F(a) a+1');
  });
});
