/* Zicsr on the user-level CSRs: all six csrr* forms on fcsr, frm and fflags
   (old value returned, field widths, fcsr = frm << 5 | fflags), rd = x0 and
   rs1 = x0 forms, and the cycle/time/instret counters counting up. M-mode
   builds also check that writing a read-only counter and an invalid rounding
   mode are illegal instructions. */
#include "test-macros.h"
TEST_BEGIN

/* csrrw / csrrs / csrrc on fcsr */
TEST_CASE(2, a0, 0, csrw fcsr, x0; csrr a0, fcsr)
TEST_CASE(3, a0, 0xff, li a1, 0xff; csrw fcsr, a1; csrr a0, fcsr)
TEST_CASE(4, a0, 0xff, li a1, 0xfff; csrrw a0, fcsr, a1)                 /* returns the old value */
TEST_CASE(5, a0, 0xff, csrr a0, fcsr)                                     /* bits above 7 read as zero */
TEST_CASE(6, a0, 0x1f, csrr a0, fflags)
TEST_CASE(7, a0, 7, csrr a0, frm)
TEST_CASE(8, a0, 0xff, li a1, 0x0f; csrrc a0, fcsr, a1)
TEST_CASE(9, a0, 0xf0, csrr a0, fcsr)
TEST_CASE(10, a0, 0xf0, li a1, 0x03; csrrs a0, fcsr, a1)
TEST_CASE(11, a0, 0xf3, csrr a0, fcsr)
/* immediate forms */
TEST_CASE(12, a0, 0xf3, csrrwi a0, fcsr, 0x15)
TEST_CASE(13, a0, 0x15, csrrsi a0, fcsr, 0x0a)
TEST_CASE(14, a0, 0x1f, csrrci a0, fcsr, 0x01)
TEST_CASE(15, a0, 0x1e, csrr a0, fcsr)
/* frm and fflags are views of fcsr */
TEST_CASE(16, a0, 0x1e, csrw fcsr, x0; li a1, 0x1e; csrw fflags, a1; csrr a0, fcsr)
TEST_CASE(17, a0, 0x9e, csrwi frm, 4; csrr a0, fcsr)
TEST_CASE(18, a0, 4, csrr a0, frm)
TEST_CASE(19, a0, 0x1e, csrr a0, fflags)
TEST_CASE(20, a0, 0x3, li a1, 0xfb; csrw frm, a1; csrr a0, frm)          /* only 3 bits kept */
TEST_CASE(21, a0, 0x7e, csrr a0, fcsr)
TEST_CASE(22, a0, 0x1, li a1, 0xe1; csrw fflags, a1; csrr a0, fflags)    /* only 5 bits kept */
TEST_CASE(23, a0, 0x61, csrr a0, fcsr)
TEST_CASE(24, a0, 0x1, csrrsi a0, fflags, 0x10)
TEST_CASE(25, a0, 0x11, csrrci a0, fflags, 0x1)
TEST_CASE(26, a0, 0x10, csrr a0, fflags)
TEST_CASE(27, a0, 0x3, csrrwi a0, frm, 2)
TEST_CASE(28, a0, 0x2, csrrsi a0, frm, 1)
TEST_CASE(29, a0, 0x3, csrrci a0, frm, 2)
TEST_CASE(30, a0, 0x30, csrr a0, fcsr)
/* pseudo-instructions */
TEST_CASE(31, a0, 0x1, fsrm a0, x0; frrm a0; addi a0, a0, 1)
TEST_CASE(32, a0, 0x10, frflags a0)
TEST_CASE(33, a0, 0x10, fsflagsi a0, 0x3)
TEST_CASE(34, a0, 0x3, fscsr a0, x0)
TEST_CASE(35, a0, 0x0, frcsr a0)
/* rd = x0 writes without reading; rs1 = x0 with csrrs/csrrc reads without writing */
TEST_CASE(36, a0, 0x55, li a1, 0x55; csrrw x0, fcsr, a1; csrr a0, fcsr)
TEST_CASE(37, a0, 0x55, csrrs a0, fcsr, x0; csrrc a0, fcsr, x0)
TEST_CASE(38, a0, 0x55, csrrsi a0, fcsr, 0; csrrci a0, fcsr, 0)
/* csrrw with rd = rs1 swaps */
TEST_CASE(39, a1, 0x55, li a1, 0x0a; csrrw a1, fcsr, a1)
TEST_CASE(40, a0, 0x0a, csrr a0, fcsr)
/* an FP operation sets flags visible through fcsr */
TEST_CASE(41, a0, 0x01, csrw fcsr, x0; LOAD_S(f1, 0x3f800000) LOAD_S(f2, 0x40400000) fdiv.s f3, f1, f2; csrr a0, fcsr)
  csrw fcsr, x0

/* counters count up */
  li TESTNUM, 50
  rdcycle a0
  rdtime a1
  rdinstret a2
  li t0, 200
1: addi t0, t0, -1
  bnez t0, 1b
  rdcycle a3
  rdtime a4
  rdinstret a5
  bleu a3, a0, fail            /* cycle strictly increased */
  bltu a4, a1, fail            /* time did not go backwards */
  sub t1, a5, a2
  li t4, 400
  bltu t1, t4, fail            /* at least the 400 loop instructions retired */
#ifndef QEMU_USER
  li TESTNUM, 51               /* instret counts exactly: 2 instructions after the first read */
  rdinstret a2
  nop
  rdinstret a5
  sub t1, a5, a2
  li t4, 2
  bne t1, t4, fail
  li TESTNUM, 52               /* time advances with enough work */
  rdtime a1
  li t0, 20000
1: addi t0, t0, -1
  bnez t0, 1b
  rdtime a4
  bleu a4, a1, fail
  /* csrrs/csrrc with rs1 = x0 on a read-only counter only read */
  li TESTNUM, 53
  csrrs a0, cycle, x0
  csrrc a0, instret, x0
  csrrsi a0, time, 0

TEST_TRAP(60, 2, csrw cycle, x0)                 /* read-only CSR */
TEST_TRAP(61, 2, li a1, 0; csrrs a0, instret, a1)  /* rs1 != x0 is a write, even of no bits */
TEST_TRAP(62, 2, csrrwi a0, time, 0)
TEST_TRAP(63, 2, .insn r 0x53, 5, 0, f3, f1, f2)  /* fadd.s with reserved rm = 5 */
TEST_TRAP(64, 2, .insn r 0x53, 6, 1, f3, f1, f2)  /* fadd.d with reserved rm = 6 */
TEST_TRAP(65, 2, csrwi frm, 5; fadd.s f3, f1, f2, dyn)    /* dyn with frm = 5 */
  csrwi frm, 0
TEST_TRAP(66, 2, csrwi frm, 7; fmul.d f3, f1, f2, dyn)    /* dyn with frm = 7 */
  csrwi frm, 0
#endif

TEST_END
