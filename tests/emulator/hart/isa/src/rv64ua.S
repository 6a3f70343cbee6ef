/* RV64A: every AMO in .w and .d form (old value returned, memory updated,
   .w results sign-extended, signed vs unsigned min/max), aq/rl variants,
   rd = x0 and rd = rs2, and LR/SC: success returns 0 and stores, failure
   returns non-zero and does not store (no reservation, after a successful SC,
   SC to another address). */
#include "test-macros.h"
TEST_BEGIN

/* AMO rd, value, (mem): checks the returned old value and then the memory. */
#define TEST_AMO_D(n, op, init, value, newmem)                              \
  TEST_CASE(n, a0, init, la a1, amo; li t0, init; sd t0, 0(a1);             \
            li a2, value; op a0, a2, (a1));                                 \
  ld a0, 0(a1); li t4, newmem; bne a0, t4, fail;
/* .w form: init/newmem are 32-bit, the old value must come back sign-extended,
   and the upper neighbour word must stay untouched. */
#define TEST_AMO_W(n, op, init, value, newmem)                              \
  TEST_CASE(n, a0, ((init) ^ 0x80000000) - 0x80000000,                      \
            la a1, amo; li t0, 0x5a5a5a5a00000000 | (init); sd t0, 0(a1);   \
            li a2, value; op a0, a2, (a1));                                 \
  ld a0, 0(a1); li t4, 0x5a5a5a5a00000000 | (newmem); bne a0, t4, fail;

TEST_AMO_D(2, amoswap.d, 0x8000000000000000, 0x0123456789abcdef, 0x0123456789abcdef)
TEST_AMO_D(3, amoadd.d, 0x00000000ffffffff, 1, 0x0000000100000000)
TEST_AMO_D(4, amoadd.d, 0xffffffffffffffff, 1, 0)
TEST_AMO_D(5, amoxor.d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xf0f0f0f0f0f0f0f0)
TEST_AMO_D(6, amoand.d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0x0f000f000f000f00)
TEST_AMO_D(7, amoor.d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xfff0fff0fff0fff0)
TEST_AMO_D(8, amomin.d, 0x8000000000000000, 1, 0x8000000000000000)
TEST_AMO_D(9, amomin.d, 5, -3, 0xfffffffffffffffd)
TEST_AMO_D(10, amomax.d, 0x8000000000000000, 1, 1)
TEST_AMO_D(11, amomax.d, -5, -3, 0xfffffffffffffffd)
TEST_AMO_D(12, amominu.d, 0x8000000000000000, 1, 1)
TEST_AMO_D(13, amominu.d, 5, -3, 5)
TEST_AMO_D(14, amomaxu.d, 0x8000000000000000, 1, 0x8000000000000000)
TEST_AMO_D(15, amomaxu.d, 5, -3, 0xfffffffffffffffd)
TEST_AMO_D(16, amomin.d, 7, 7, 7)
TEST_AMO_D(17, amomaxu.d, 0, 0, 0)

TEST_AMO_W(20, amoswap.w, 0x80000000, 0xaaaaaaaa12345678, 0x12345678)
TEST_AMO_W(21, amoadd.w, 0x7fffffff, 1, 0x80000000)
TEST_AMO_W(22, amoadd.w, 0xffffffff, 0x1000000001, 0)     /* carry does not reach the next word */
TEST_AMO_W(23, amoxor.w, 0xff00ff00, 0x0ff00ff0, 0xf0f0f0f0)
TEST_AMO_W(24, amoand.w, 0xff00ff00, 0x0ff00ff0, 0x0f000f00)
TEST_AMO_W(25, amoor.w, 0xff00ff00, 0x0ff00ff0, 0xfff0fff0)
TEST_AMO_W(26, amomin.w, 0x80000000, 1, 0x80000000)
TEST_AMO_W(27, amomin.w, 5, 0xfffffffd, 0xfffffffd)
TEST_AMO_W(28, amomin.w, 5, 0x00000000fffffffd, 0xfffffffd)  /* compares the low 32 bits as signed */
TEST_AMO_W(29, amomax.w, 0x80000000, 1, 1)
TEST_AMO_W(30, amomax.w, 0xfffffffb, 0x1fffffffd, 0xfffffffd)
TEST_AMO_W(31, amominu.w, 0x80000000, 1, 1)
TEST_AMO_W(32, amominu.w, 5, 0xfffffffd, 5)
TEST_AMO_W(33, amominu.w, 0xfffffffe, 0xffffffff00000003, 3)  /* upper bits of rs2 ignored */
TEST_AMO_W(34, amomaxu.w, 0x80000000, 1, 0x80000000)
TEST_AMO_W(35, amomaxu.w, 5, 0xfffffffd, 0xfffffffd)
TEST_AMO_W(36, amomaxu.w, 5, 0xffffffff00000003, 5)
TEST_AMO_W(37, amoswap.w, 0x7fffffff, 0, 0)
/* the upper word of a doubleword (address + 4) */
TEST_CASE(38, a0, 0xffffffff80000000,
          la a1, amo; li t0, 0x80000000aaaaaaaa; sd t0, 0(a1); li a2, 1;
          addi a3, a1, 4; amoadd.w a0, a2, (a3))
  ld a0, 0(a1); li t4, 0x80000001aaaaaaaa; bne a0, t4, fail

/* ordering bits do not change the result */
TEST_AMO_D(40, amoadd.d.aq, 10, 5, 15)
TEST_AMO_D(41, amoadd.d.rl, 10, 5, 15)
TEST_AMO_D(42, amoadd.d.aqrl, 10, 5, 15)
TEST_AMO_W(43, amoor.w.aqrl, 1, 2, 3)

/* rd = x0 still updates memory; rd = rs2 returns the old value */
TEST_CASE(50, a0, 15, la a1, amo; li t0, 10; sd t0, 0(a1); li a2, 5; amoadd.d x0, a2, (a1); ld a0, 0(a1))
TEST_CASE(51, a2, 10, la a1, amo; li t0, 10; sd t0, 0(a1); li a2, 5; amoadd.d a2, a2, (a1))
  ld a0, 0(a1); li t4, 15; bne a0, t4, fail
TEST_CASE(52, a2, 10, la a1, amo; li t0, 10; sw t0, 0(a1); li a2, 5; amoswap.w a2, a2, (a1))
  lw a0, 0(a1); li t4, 5; bne a0, t4, fail

/* LR/SC */
TEST_CASE(60, a0, 0x1234, la a1, amo; li t0, 0x1234; sd t0, 0(a1); lr.d a0, (a1))
TEST_CASE(61, a3, 0, li a2, 0x5678; sc.d a3, a2, (a1))              /* succeeds: 0 */
TEST_CASE(62, a0, 0x5678, ld a0, 0(a1))                              /* and stored */
TEST_CASE(63, a3, 1, li a2, 0x9999; sc.d a3, a2, (a1))  /* reservation gone: fails */
TEST_CASE(64, a0, 0x5678, ld a0, 0(a1))                              /* and did not store */

TEST_CASE(65, a0, 0xffffffff80000000, la a1, amo; li t0, 0x7777777780000000; sd t0, 0(a1); lr.w a0, (a1))
TEST_CASE(66, a3, 0, li a2, 0x11112222aaaa5555; sc.w a3, a2, (a1))
TEST_CASE(67, a0, 0x77777777aaaa5555, ld a0, 0(a1))                  /* only 32 bits stored */
TEST_CASE(68, a3, 1, sc.w a3, a2, (a1))

/* SC to a different address than the reservation fails and does not store */
TEST_CASE(70, a3, 1, la a1, amo; la a4, amo_far; sd x0, 0(a4); lr.d a0, (a1);
          li a2, 42; sc.d a3, a2, (a4))
TEST_CASE(71, a0, 0, ld a0, 0(a4))
TEST_CASE(72, a3, 1, la a1, amo; la a4, amo_far; sw x0, 0(a4); lr.w a0, (a1);
          li a2, 42; sc.w a3, a2, (a4))
TEST_CASE(73, a0, 0, lw a0, 0(a4))

/* SC with no reservation at all: fails with exactly 1 (what riscv-tests' lrsc expects) */
TEST_CASE(74, a4, 1, la a0, amo; sc.w a4, x0, (a0))
/* reservation 1 KiB away from the SC address */
TEST_CASE(75, a4, 1, la a0, amo; addi a1, a0, 1024; lr.w a1, (a1); sc.w a4, a1, (a0))
/* SC with rd = rs2: the old register value is stored, then rd gets 0 */
TEST_CASE(76, a4, 0, la a0, amo; sw x0, 0(a0); lr.w a4, (a0); li a4, 77; sc.w a4, a4, (a0))
TEST_CASE(77, a1, 77, lw a1, 0(a0))
TEST_CASE(78, a4, 0, la a0, amo; lr.d a4, (a0); li a4, -5; sc.d a4, a4, (a0))
TEST_CASE(79, a1, -5, ld a1, 0(a0))

/* the classic LR/SC increment loop */
  li TESTNUM, 80
  la a1, amo
  sd x0, 0(a1)
  li a5, 100
1: lr.d a0, (a1)
  addi a0, a0, 3
  sc.d a3, a0, (a1)
  bnez a3, 1b
  addi a5, a5, -1
  bnez a5, 1b
  ld a0, 0(a1)
  li t4, 300
  bne a0, t4, fail

/* lr/sc with ordering bits */
TEST_CASE(81, a3, 0, la a1, amo; lr.w.aq a0, (a1); sc.w.rl a3, a0, (a1))
TEST_CASE(82, a3, 0, la a1, amo; lr.d.aqrl a0, (a1); sc.d.aqrl a3, a0, (a1))

TEST_END

  .data
  .align 6
amo:
  .dword 0, 0
  .skip 2048
  .align 12
amo_far:
  .dword 0
