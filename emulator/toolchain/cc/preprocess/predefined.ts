// The macros predefined for RV64GC lp64d (values as riscv64-unknown-elf-gcc
// -march=rv64gc -mabi=lp64d defines them), as #define source text the
// preprocessor reads from "<built-in>" before the main file, plus -D/-U handling.

const STDC = `
#define __STDC__ 1
#define __STDC_VERSION__ 201112L
#define __STDC_UTF_16__ 1
#define __STDC_UTF_32__ 1
`;

const RISCV = `
#define __riscv 1
#define __riscv_xlen 64
#define __riscv_flen 64
#define __riscv_float_abi_double 1
#define __riscv_mul 1
#define __riscv_div 1
#define __riscv_muldiv 1
#define __riscv_atomic 1
#define __riscv_compressed 1
#define __riscv_fdiv 1
#define __riscv_fsqrt 1
#define __riscv_cmodel_medlow 1
#define __riscv_i 2001000
#define __riscv_m 2000000
#define __riscv_a 2001000
#define __riscv_f 2002000
#define __riscv_d 2002000
#define __riscv_c 2000000
#define __riscv_zicsr 2000000
#define __riscv_zifencei 2000000
#define __LP64__ 1
#define _LP64 1
#define __ELF__ 1
#define __CHAR_BIT__ 8
#define __CHAR_UNSIGNED__ 1
#define __ORDER_LITTLE_ENDIAN__ 1234
#define __ORDER_BIG_ENDIAN__ 4321
#define __ORDER_PDP_ENDIAN__ 3412
#define __BYTE_ORDER__ __ORDER_LITTLE_ENDIAN__
#define __FLOAT_WORD_ORDER__ __ORDER_LITTLE_ENDIAN__
#define __BIGGEST_ALIGNMENT__ 16
#define __FLT_EVAL_METHOD__ 0
`;

const SIZES = `
#define __SIZEOF_SHORT__ 2
#define __SIZEOF_INT__ 4
#define __SIZEOF_LONG__ 8
#define __SIZEOF_LONG_LONG__ 8
#define __SIZEOF_POINTER__ 8
#define __SIZEOF_FLOAT__ 4
#define __SIZEOF_DOUBLE__ 8
#define __SIZEOF_LONG_DOUBLE__ 16
#define __SIZEOF_SIZE_T__ 8
#define __SIZEOF_PTRDIFF_T__ 8
#define __SIZEOF_WCHAR_T__ 4
#define __SIZEOF_WINT_T__ 4
#define __SCHAR_MAX__ 0x7f
#define __SHRT_MAX__ 0x7fff
#define __INT_MAX__ 0x7fffffff
#define __LONG_MAX__ 0x7fffffffffffffffL
#define __LONG_LONG_MAX__ 0x7fffffffffffffffLL
#define __WCHAR_MAX__ 0x7fffffff
#define __WCHAR_MIN__ (-__WCHAR_MAX__ - 1)
#define __WINT_MAX__ 0xffffffffU
#define __WINT_MIN__ 0U
#define __SIZE_MAX__ 0xffffffffffffffffUL
#define __PTRDIFF_MAX__ 0x7fffffffffffffffL
#define __INTMAX_MAX__ 0x7fffffffffffffffL
#define __UINTMAX_MAX__ 0xffffffffffffffffUL
#define __INTPTR_MAX__ 0x7fffffffffffffffL
#define __UINTPTR_MAX__ 0xffffffffffffffffUL
#define __SIZE_TYPE__ long unsigned int
#define __PTRDIFF_TYPE__ long int
#define __WCHAR_TYPE__ int
#define __WINT_TYPE__ unsigned int
#define __INTMAX_TYPE__ long int
#define __UINTMAX_TYPE__ long unsigned int
#define __INTPTR_TYPE__ long int
#define __UINTPTR_TYPE__ long unsigned int
#define __CHAR16_TYPE__ short unsigned int
#define __CHAR32_TYPE__ unsigned int
#define __INT8_TYPE__ signed char
#define __INT16_TYPE__ short int
#define __INT32_TYPE__ int
#define __INT64_TYPE__ long int
#define __UINT8_TYPE__ unsigned char
#define __UINT16_TYPE__ short unsigned int
#define __UINT32_TYPE__ unsigned int
#define __UINT64_TYPE__ long unsigned int
#define __INT8_MAX__ 0x7f
#define __INT16_MAX__ 0x7fff
#define __INT32_MAX__ 0x7fffffff
#define __INT64_MAX__ 0x7fffffffffffffffL
#define __UINT8_MAX__ 0xff
#define __UINT16_MAX__ 0xffff
#define __UINT32_MAX__ 0xffffffffU
#define __UINT64_MAX__ 0xffffffffffffffffUL
#define __INT8_C(c) c
#define __INT16_C(c) c
#define __INT32_C(c) c
#define __INT64_C(c) c ## L
#define __UINT8_C(c) c
#define __UINT16_C(c) c
#define __UINT32_C(c) c ## U
#define __UINT64_C(c) c ## UL
#define __INTMAX_C(c) c ## L
#define __UINTMAX_C(c) c ## UL
#define __INT_WIDTH__ 32
#define __LONG_WIDTH__ 64
#define __LONG_LONG_WIDTH__ 64
#define __PTRDIFF_WIDTH__ 64
#define __SIZE_WIDTH__ 64
#define __WCHAR_WIDTH__ 32
#define __INTMAX_WIDTH__ 64
#define __INTPTR_WIDTH__ 64
#define __ATOMIC_RELAXED 0
#define __ATOMIC_CONSUME 1
#define __ATOMIC_ACQUIRE 2
#define __ATOMIC_RELEASE 3
#define __ATOMIC_ACQ_REL 4
#define __ATOMIC_SEQ_CST 5
`;

export interface PredefineOptions {
  /** __STDC_HOSTED__ value (default true, as GCC: 1; false gives 0). */
  hosted?: boolean;
  /** 'rvos' adds `__rvos__ 1`; 'bare' (default) adds nothing. */
  target?: 'rvos' | 'bare';
  /** -D options, "NAME" (= 1) or "NAME=VALUE" or "NAME(args)=VALUE", in order. */
  defines?: readonly string[];
  /** -U options, applied after all defines. */
  undefines?: readonly string[];
}

/** Returns the `#define NAME VALUE` line for one -D option ("X" defines X as 1, like GCC). */
export function defineOptionLine(opt: string): string {
  const eq = opt.indexOf('=');
  return eq < 0 ? `#define ${opt} 1` : `#define ${opt.slice(0, eq)} ${opt.slice(eq + 1)}`;
}

/** Returns the predefined-macro source text: target macros, then -D, then -U lines. */
export function predefinedSource(opts: PredefineOptions): string {
  const lines = [STDC, RISCV, SIZES, `#define __STDC_HOSTED__ ${opts.hosted === false ? 0 : 1}`];
  if (opts.target === 'rvos') lines.push('#define __rvos__ 1');
  for (const d of opts.defines ?? []) lines.push(defineOptionLine(d));
  for (const u of opts.undefines ?? []) lines.push(`#undef ${u}`);
  return lines.join('\n') + '\n';
}
