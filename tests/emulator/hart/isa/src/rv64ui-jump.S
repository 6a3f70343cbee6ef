/* RV64I jal and jalr: link value (pc + 4), rd = x0 (no link), jalr target
   (rs1 + imm) with bit 0 cleared, rd = rs1 reading the old rs1, negative and
   positive immediates, and long jal offsets. */
#include "test-macros.h"
TEST_BEGIN

  li TESTNUM, 2
  jal a0, 1f
2: j fail
1: la t4, 2b
  bne a0, t4, fail

  li TESTNUM, 3              /* jal x0: no link, ra untouched */
  li ra, 1234
  jal x0, 1f
  j fail
1: li t4, 1234
  bne ra, t4, fail

  li TESTNUM, 4              /* backward jal */
  j 2f
1: j 3f
2: jal t1, 1b
  j fail
3:

  li TESTNUM, 5              /* jalr with link */
  la t0, 1f
  jalr a0, 0(t0)
2: j fail
1: la t4, 2b
  bne a0, t4, fail

  li TESTNUM, 6              /* positive and negative immediates */
  la t0, 1f
  addi t0, t0, -100
  jalr a0, 100(t0)
  j fail
1: la t0, 1f
  addi t0, t0, 2047
  jalr x0, -2047(t0)
  j fail
1: la t0, 1f
  addi t0, t0, -2048
  addi t0, t0, -2048
  li t1, 4096
  add t0, t0, t1
  jalr x0, 0(t0)
  j fail
1:

  li TESTNUM, 7              /* bit 0 of the target is cleared */
  la t0, 1f
  addi t0, t0, 1
  jalr a0, 0(t0)
  j fail
1: la t0, 1f
  jalr a0, 1(t0)
  j fail
1: la t0, 1f
  addi t0, t0, -3
  jalr a0, 4(t0)
  j fail
1:

  li TESTNUM, 8              /* rd = rs1: target from the old value, then link */
  la t0, 1f
  jalr t0, 0(t0)
2: j fail
1: la t4, 2b
  bne t0, t4, fail

  li TESTNUM, 9              /* call/ret through ra */
  call 5f
  li t4, 99
  bne a5, t4, fail
  j 6f
5: li a5, 99
  ret
  j fail
6:

  li TESTNUM, 10             /* long jal forward and backward */
  jal a0, 2f
1: j 3f
  .rept 3000
  nop
  .endr
2: la t4, 1b
  bne a0, t4, fail
  jal x0, 1b
3:

TEST_END
