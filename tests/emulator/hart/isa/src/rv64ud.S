/* RV64D beyond the generated tables: fld/fsd, fmv.d.x/fmv.x.d, the exact
   int32 -> double conversions with every rm encoding (ignored), fcvt.s.d
   results NaN-boxed, fused rounding, sticky flags, and the pseudo forms. */
#include "test-macros.h"
TEST_BEGIN

/* fld / fsd */
TEST_CASE(2, a0, 0x400921fb54442d18, la a1, ddat; fld f1, 0(a1); fmv.x.d a0, f1)
TEST_CASE(3, a0, 0xfff0000000000001, la a1, ddat; fld f1, 8(a1); fmv.x.d a0, f1)   /* NaN loaded untouched */
TEST_CASE(4, a0, 0x400921fb54442d18, la a1, ddat; fld f1, 0(a1); la a2, dscratch; fsd f1, 8(a2); ld a0, 8(a2))
TEST_CASE(5, a0, 0xfff0000000000001, la a1, ddat+2048; fld f9, -2040(a1); la a2, dscratch+2040; fsd f9, -2040(a2); ld a0, -2040(a2))
TEST_CASE(6, a0, 0x1111111111111111, la a2, dscratch; li t0, 0x1111111111111111; sd t0, 16(a2); sd x0, 24(a2); fld f1, 16(a2); fsd f1, 24(a2); ld a0, 24(a2))
/* fsd of a boxed single stores all 64 bits */
TEST_CASE(7, a0, 0xffffffff3f800000, LOAD_S(f1, 0x3f800000) la a2, dscratch; fsd f1, 0(a2); ld a0, 0(a2))
/* fld then single-precision use of a non-boxed value */
TEST_CASE(8, a0, 0xffffffff7fc00000, la a1, ddat; fld f1, 0(a1); fadd.s f3, f1, f1; fmv.x.d a0, f3)

/* fmv.d.x / fmv.x.d move 64 raw bits, no flags */
TEST_CASE(10, a0, 0x7ff0000000000001, fsflags x0; li a1, 0x7ff0000000000001; fmv.d.x f1, a1; fmv.x.d a0, f1)
TEST_CASE(11, a3, 0, fsflags a3, x0)
TEST_CASE(12, a0, 0x8000000000000000, li a1, 0x8000000000000000; fmv.d.x f31, a1; fmv.x.d a0, f31)

/* fcvt.d.w / fcvt.d.wu are exact: any rm encoding gives the same result */
#define CVT_D_W_RM(n, funct_rs2, rm, value, expect)                         \
  TEST_CASE(n, a0, expect, li a1, value; fsflags x0;                        \
            .insn r 0x53, rm, 0x69, f3, a1, x##funct_rs2; fmv.x.d a0, f3);  \
  fsflags a3, x0; bnez a3, fail;
CVT_D_W_RM(20, 0, 0, 0xffffffff80000000, 0xc1e0000000000000)
CVT_D_W_RM(21, 0, 1, 0xffffffff80000000, 0xc1e0000000000000)
CVT_D_W_RM(22, 0, 2, 0x7fffffff, 0x41dfffffffc00000)
CVT_D_W_RM(23, 0, 3, 0x7fffffff, 0x41dfffffffc00000)
CVT_D_W_RM(24, 0, 4, -3, 0xc008000000000000)
CVT_D_W_RM(25, 0, 7, 0x00000001ffffffff, 0xbff0000000000000)   /* only the low 32 bits */
CVT_D_W_RM(26, 1, 1, 0xffffffff, 0x41efffffffe00000)           /* wu */
CVT_D_W_RM(27, 1, 2, 0x1234567880000000, 0x41e0000000000000)
CVT_D_W_RM(28, 1, 7, 0x0000000000000003, 0x4008000000000000)

/* fcvt.s.d result is NaN-boxed; fcvt.d.s is exact */
TEST_CASE(30, a0, 0xffffffff3eaaaaab, LOAD_D(f1, 0x3fd5555555555555) fcvt.s.d f3, f1; fmv.x.d a0, f3)
TEST_CASE(31, a3, NX, fsflags a3, x0)
TEST_CASE(32, a0, 0x3fd5555560000000, LOAD_S(f1, 0x3eaaaaab) fcvt.d.s f3, f1; fmv.x.d a0, f3)
TEST_CASE(33, a0, 0x36a0000000000000, LOAD_S(f1, 0x00000001) fcvt.d.s f3, f1; fmv.x.d a0, f3)   /* subnormal becomes normal */
TEST_CASE(34, a0, 0xffffffff00000001, LOAD_D(f1, 0x36a0000000000000) fcvt.s.d f3, f1; fmv.x.d a0, f3)

/* fused rounding: (1 + 2^-52)^2 - 1 */
TEST_FP3_D(40, fmsub.d, NX, 0x3cc0000000000001, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000000, rup)
TEST_FP3_D(41, fmsub.d, NX, 0x3cc0000000000000, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000000, rtz)
TEST_FP3_D(42, fnmadd.d, 0, 0xc01c000000000000, 0x4000000000000000, 0x4000000000000000, 0x4008000000000000)
TEST_FP3_D(43, fnmsub.d, 0, 0xbff0000000000000, 0x4000000000000000, 0x4000000000000000, 0x4008000000000000)
TEST_FP3_D(44, fmadd.d, NV, 0x7ff8000000000000, 0x0000000000000000, 0xfff0000000000000, 0x7ff8000000000000)

/* division, sqrt, conversions: a few classic values */
TEST_FP2_D(50, fdiv.d, NX, 0x3fd5555555555555, 0x3ff0000000000000, 0x4008000000000000)
TEST_FP2_D(51, fdiv.d, DZ, 0xfff0000000000000, 0xbff0000000000000, 0x0000000000000000)
TEST_FP1_D(52, fsqrt.d, NV, 0x7ff8000000000000, 0xbff0000000000000)
TEST_FP1_D(53, fsqrt.d, 0, 0x8000000000000000, 0x8000000000000000)
TEST_FP1_D(54, fsqrt.d, NX, 0x3ff6a09e667f3bcd, 0x4000000000000000)
TEST_FP_INT1_D(55, fcvt.l.d, NX, -2, 0xc004000000000000, rne)
TEST_FP_INT1_D(56, fcvt.lu.d, NV, 0, 0xbff0000000000000, rtz)
TEST_FP_INT1_D(57, fcvt.lu.d, NX, 0, 0xbfe0000000000000, rtz)
TEST_FP_INT1_D(58, fcvt.wu.d, 0, 0xffffffffffffffff, 0x41efffffffe00000, rtz)   /* W results sign-extended */
TEST_INT_FP_D(59, fcvt.d.l, NX, 0x4340000000000000, 0x20000000000001, rne)
TEST_INT_FP_D(60, fcvt.d.lu, NX, 0x43f0000000000000, 0xffffffffffffffff, rne)

/* pseudo forms */
TEST_FP1_D(70, fmv.d, 0, 0xfff0000000000001, 0xfff0000000000001)
TEST_FP1_D(71, fneg.d, 0, 0x7ff0000000000001, 0xfff0000000000001)
TEST_FP1_D(72, fabs.d, 0, 0x0000000000000001, 0x8000000000000001)

/* sticky flags across double and single operations */
  li TESTNUM, 80
  fsflags x0
  LOAD_D(f1, 0x0010000000000000)
  LOAD_D(f2, 0x3fe0000000000001)
  fmul.d f3, f1, f2          /* tiny and inexact: UF | NX */
  LOAD_S(f4, 0x7f800000)
  LOAD_S(f5, 0xff800000)
  fadd.s f6, f4, f5          /* NV */
  fsflags a3, x0
  li t4, UF | NX | NV
  bne a3, t4, fail

TEST_END

  .data
  .align 3
ddat:
  .dword 0x400921fb54442d18, 0xfff0000000000001
dscratch:
  .skip 4096
