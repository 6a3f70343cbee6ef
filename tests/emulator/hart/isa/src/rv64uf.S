/* RV64F beyond the generated tables: flw/fsw, fmv.w.x/fmv.x.w, NaN-boxing
   (results boxed; an improperly boxed input acts as the canonical NaN, while
   fsw and fmv.x.w move the raw low 32 bits), sticky fflags accumulation,
   fused vs unfused rounding, and the register forms of the sign-injection pseudos. */
#include "test-macros.h"
TEST_BEGIN

/* flw / fsw: load NaN-boxes, store writes 32 bits */
TEST_CASE(2, a0, 0xffffffff40490fdb, la a1, fdat; flw f1, 0(a1); fmv.x.d a0, f1)
TEST_CASE(3, a0, 0xffffffffbf800000, la a1, fdat; flw f1, 4(a1); fmv.x.w a0, f1)
TEST_CASE(4, a0, 0x7fc00001, la a1, fdat; flw f1, 8(a1); fmv.x.d a0, f1; slli a0, a0, 32; srli a0, a0, 32)
TEST_CASE(5, a0, 0x1111111140490fdb, la a1, fdat; flw f1, 0(a1); la a2, fscratch; li t0, 0x1111111122222222; sd t0, 0(a2); fsw f1, 0(a2); ld a0, 0(a2))
TEST_CASE(6, a0, 0xbf80000040490fdb, la a1, fdat; flw f1, 0(a1); flw f2, 4(a1); la a2, fscratch; fsw f2, 4(a2); fsw f1, 0(a2); ld a0, 0(a2))
TEST_CASE(7, a0, 0xffffffffbf800000, la a1, fdat+2048; flw f5, -2044(a1); fmv.x.w a0, f5)
TEST_CASE(8, a0, 0x40490fdb, la a2, fscratch+2047; fmv.w.x f6, t0; li t0, 0x40490fdb; fmv.w.x f6, t0; fsw f6, -2047(a2); lwu a0, -2047(a2))

/* fmv.w.x boxes; fmv.x.w sign-extends bit 31 */
TEST_CASE(10, a0, 0xffffffff12345678, li a1, 0xaaaaaaaa12345678; fmv.w.x f1, a1; fmv.x.d a0, f1)
TEST_CASE(11, a0, 0xffffffff80000000, li a1, 0x80000000; fmv.w.x f1, a1; fmv.x.w a0, f1)
TEST_CASE(12, a0, 0x7f800001, li a1, 0x7f800001; fmv.w.x f1, a1; fmv.x.w a0, f1)     /* sNaN moved untouched */
TEST_CASE(13, a3, 0, fsflags x0; li a1, 0x7f800001; fmv.w.x f1, a1; fmv.x.w a0, f1; fsflags a3, x0)  /* no flags */

/* improperly NaN-boxed single inputs act as the canonical NaN */
#define UNBOXED(freg, bits) li t0, bits; fmv.d.x freg, t0;
TEST_CASE(20, a0, 0xffffffff7fc00000, UNBOXED(f1, 0x000000003f800000) LOAD_S(f2, 0x3f800000) fadd.s f3, f1, f2; fmv.x.d a0, f3)
TEST_CASE(21, a3, 0, fsflags a3, x0)                              /* quiet: no NV */
TEST_CASE(22, a0, 0xffffffff7fc00000, UNBOXED(f1, 0xfffffffe3f800000) LOAD_S(f2, 0x3f800000) fmul.s f3, f2, f1; fmv.x.d a0, f3)
TEST_CASE(23, a0, 0x200, UNBOXED(f1, 0x7fffffff3f800000) fclass.s a0, f1)
TEST_CASE(24, a0, 0x40, UNBOXED(f1, 0xffffffff3f800000) fclass.s a0, f1)   /* properly boxed: +normal */
TEST_CASE(25, a0, 0xffffffffffc00000, UNBOXED(f1, 0x000000003f800000) LOAD_S(f2, 0xbf800000) fsgnj.s f3, f1, f2; fmv.x.d a0, f3)
TEST_CASE(26, a0, 0xffffffff3f800000, UNBOXED(f1, 0x00000000bf800000) LOAD_S(f2, 0xbf800000) fsgnj.s f3, f2, f1; fmv.x.d a0, f3)
TEST_CASE(27, a0, 0xffffffff7fc00000, UNBOXED(f1, 0x00000000ff800000) fsgnjx.s f3, f1, f1; fmv.x.d a0, f3)
TEST_CASE(28, a0, 0xffffffff40000000, UNBOXED(f1, 0x0000000040800000) LOAD_S(f2, 0x40000000) fmin.s f3, f1, f2; fmv.x.d a0, f3)
TEST_CASE(29, a0, 0xffffffff40000000, fmax.s f3, f2, f1; fmv.x.d a0, f3)
TEST_CASE(30, a3, 0, fsflags a3, x0)
TEST_CASE(31, a0, 0, UNBOXED(f1, 0x000000003f800000) feq.s a0, f1, f1)
TEST_CASE(32, a3, 0, fsflags a3, x0)
TEST_CASE(33, a0, 0, UNBOXED(f1, 0x000000003f800000) LOAD_S(f2, 0x3f800000) fle.s a0, f1, f2)
TEST_CASE(34, a3, NV, fsflags a3, x0)
TEST_CASE(35, a0, 0x7fffffff, UNBOXED(f1, 0x00000000bf800000) fcvt.w.s a0, f1, rtz)
TEST_CASE(36, a3, NV, fsflags a3, x0)
TEST_CASE(37, a0, 0x7ff8000000000000, UNBOXED(f1, 0x000000003f800000) fcvt.d.s f3, f1; fmv.x.d a0, f3)
TEST_CASE(38, a3, 0, fsflags a3, x0)
TEST_CASE(39, a0, 0xffffffff7fc00000, UNBOXED(f1, 0x000000003f800000) LOAD_S(f2, 0x3f800000) fmadd.s f3, f2, f2, f1; fmv.x.d a0, f3)
TEST_CASE(40, a0, 0xffffffff7fc00000, UNBOXED(f1, 0x0000000040800000) fsqrt.s f3, f1; fmv.x.d a0, f3)
/* ...but transfers out move the raw low 32 bits */
TEST_CASE(41, a0, 0x3f800000, UNBOXED(f1, 0x000000003f800000) fmv.x.w a0, f1)
TEST_CASE(42, a0, 0xffffffff80000001, UNBOXED(f1, 0x1234567880000001) fmv.x.w a0, f1)
TEST_CASE(43, a0, 0xaaaaaaaa3f800000, UNBOXED(f1, 0x000000003f800000) la a2, fscratch; li t0, 0xaaaaaaaa55555555; sd t0, 0(a2); fsw f1, 0(a2); ld a0, 0(a2))
/* the double view of a boxed single is a NaN */
TEST_CASE(44, a0, 0x200, LOAD_S(f1, 0x3f800000) fclass.d a0, f1)

/* fflags are sticky: flags of successive operations accumulate */
  li TESTNUM, 50
  fsflags x0
  LOAD_S(f1, 0x3f800000)
  LOAD_S(f2, 0x40400000)
  fdiv.s f3, f1, f2          /* NX */
  LOAD_S(f4, 0x00000000)
  fdiv.s f3, f1, f4          /* DZ */
  frflags a3
  li t4, NX | DZ
  bne a3, t4, fail
  fadd.s f3, f1, f1          /* exact: adds nothing */
  fsgnj.s f3, f1, f2
  fmv.x.w a0, f3
  frflags a3
  bne a3, t4, fail
  LOAD_S(f5, 0x7f7fffff)
  fmul.s f3, f5, f5          /* OF | NX */
  LOAD_S(f6, 0x7f800001)
  feq.s a0, f6, f6           /* NV */
  fsflags a3, x0
  li t4, NX | DZ | OF | NV
  bne a3, t4, fail
  frflags a3
  bnez a3, fail

/* fused: (1 + 2^-23)^2 - 1 rounds once; unfused would give exactly 2^-22 */
TEST_FP3_S(60, fmsub.s, NX, 0x34800001, 0x3f800001, 0x3f800001, 0x3f800000, rup)
TEST_FP3_S(61, fmsub.s, NX, 0x34800000, 0x3f800001, 0x3f800001, 0x3f800000, rne)
TEST_FP2_S(62, fmul.s, NX, 0x3f800003, 0x3f800001, 0x3f800001, rup)
/* fnmadd/fnmsub signs, and exact zero sums */
TEST_FP3_S(63, fnmadd.s, 0, 0xc0e00000, 0x40000000, 0x40000000, 0x40400000)   /* -(2*2)-3 = -7 */
TEST_FP3_S(64, fnmsub.s, 0, 0xbf800000, 0x40000000, 0x40000000, 0x40400000)   /* -(2*2)+3 = -1 */
TEST_FP3_S(65, fmadd.s, 0, 0x00000000, 0x3f800000, 0xbf800000, 0x3f800000)   /* 1*-1+1 = +0 */
TEST_FP3_S(66, fmadd.s, 0, 0x80000000, 0x3f800000, 0xbf800000, 0x3f800000, rdn)   /* -0 when rounding down */
TEST_FP3_S(67, fnmadd.s, 0, 0x80000000, 0x00000000, 0x3f800000, 0x00000000)   /* -(0*1)-0 = -0 */
TEST_FP3_S(68, fmadd.s, NV, 0x7fc00000, 0x7f800000, 0x00000000, 0x7fc00000)   /* inf*0 + qNaN: NV */

/* pseudo-instructions fmv.s / fneg.s / fabs.s */
TEST_FP1_S(70, fmv.s, 0, 0xbf800000, 0xbf800000)
TEST_FP1_S(71, fneg.s, 0, 0x3f800000, 0xbf800000)
TEST_FP1_S(72, fabs.s, 0, 0x7f800001, 0xff800001)     /* sign ops never quiet a NaN, no flags */

/* aliasing: rd = rs1 = rs2 */
TEST_CASE(80, a0, 0xffffffff40000000, LOAD_S(f7, 0x3f800000) fadd.s f7, f7, f7; fmv.x.d a0, f7)
TEST_CASE(81, a0, 0xffffffff40a00000, LOAD_S(f7, 0x40000000) LOAD_S(f8, 0x3f800000) fmadd.s f8, f7, f7, f8; fmv.x.d a0, f8)

/* integer destination x0 stays zero */
TEST_CASE(85, x0, 0, LOAD_S(f1, 0x3f800000) fcvt.w.s x0, f1; feq.s x0, f1, f1; fmv.x.w x0, f1; fclass.s x0, f1)

/* all 32 f registers are distinct */
  li TESTNUM, 90
  .irp r, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
  li t0, \r + 100
  fcvt.s.w f\r, t0
  .endr
  .irp r, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
  fcvt.w.s a0, f\r
  li t4, \r + 100
  bne a0, t4, fail
  .endr

TEST_END

  .data
  .align 3
fdat:
  .word 0x40490fdb, 0xbf800000, 0x7fc00001, 0
fscratch:
  .skip 4096
