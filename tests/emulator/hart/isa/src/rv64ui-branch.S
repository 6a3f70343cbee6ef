/* RV64I conditional branches: each of beq/bne/blt/bge/bltu/bgeu taken and not
   taken, forward and backward, on signed and unsigned edges (equal values,
   sign bit, 0 vs -1), and with rs1 = rs2. */
#include "test-macros.h"
TEST_BEGIN

TEST_BR_TAKEN(2, beq, 0, 0)
TEST_BR_TAKEN(3, beq, -1, -1)
TEST_BR_TAKEN(4, beq, 0x8000000000000000, 0x8000000000000000)
TEST_BR_NOT_TAKEN(5, beq, 0, 1)
TEST_BR_NOT_TAKEN(6, beq, 1, 0)
TEST_BR_NOT_TAKEN(7, beq, 0x100000000, 0)          /* differ only in the upper half */
TEST_BR_NOT_TAKEN(8, beq, 0xffffffff, -1)

TEST_BR_TAKEN(10, bne, 0, 1)
TEST_BR_TAKEN(11, bne, 0x100000000, 0)
TEST_BR_TAKEN(12, bne, -1, 0x7fffffffffffffff)
TEST_BR_NOT_TAKEN(13, bne, 0, 0)
TEST_BR_NOT_TAKEN(14, bne, -1, -1)

TEST_BR_TAKEN(20, blt, 0, 1)
TEST_BR_TAKEN(21, blt, -1, 1)
TEST_BR_TAKEN(22, blt, -2, -1)
TEST_BR_TAKEN(23, blt, 0x8000000000000000, 0x7fffffffffffffff)
TEST_BR_TAKEN(24, blt, 0xffffffff80000000, 0x7fffffff)
TEST_BR_NOT_TAKEN(25, blt, 1, 0)
TEST_BR_NOT_TAKEN(26, blt, 1, -1)
TEST_BR_NOT_TAKEN(27, blt, -1, -2)
TEST_BR_NOT_TAKEN(28, blt, 5, 5)
TEST_BR_NOT_TAKEN(29, blt, 0x7fffffffffffffff, 0x8000000000000000)
TEST_BR_NOT_TAKEN(30, blt, 0x80000000, 0x7fffffff)

TEST_BR_TAKEN(40, bge, 0, 0)
TEST_BR_TAKEN(41, bge, 1, 0)
TEST_BR_TAKEN(42, bge, -1, -1)
TEST_BR_TAKEN(43, bge, 1, -1)
TEST_BR_TAKEN(44, bge, 0x7fffffffffffffff, 0x8000000000000000)
TEST_BR_NOT_TAKEN(45, bge, 0, 1)
TEST_BR_NOT_TAKEN(46, bge, -1, 1)
TEST_BR_NOT_TAKEN(47, bge, -2, -1)
TEST_BR_NOT_TAKEN(48, bge, 0x8000000000000000, 0x7fffffffffffffff)

TEST_BR_TAKEN(60, bltu, 0, 1)
TEST_BR_TAKEN(61, bltu, 1, -1)
TEST_BR_TAKEN(62, bltu, 0xfffffffffffffffe, 0xffffffffffffffff)
TEST_BR_TAKEN(63, bltu, 0x7fffffffffffffff, 0x8000000000000000)
TEST_BR_TAKEN(64, bltu, 0xffffffff, 0x100000000)
TEST_BR_NOT_TAKEN(65, bltu, 1, 0)
TEST_BR_NOT_TAKEN(66, bltu, -1, 1)
TEST_BR_NOT_TAKEN(67, bltu, 0x8000000000000000, 0x7fffffffffffffff)
TEST_BR_NOT_TAKEN(68, bltu, 7, 7)
TEST_BR_NOT_TAKEN(69, bltu, 0x100000000, 0xffffffff)

TEST_BR_TAKEN(80, bgeu, 0, 0)
TEST_BR_TAKEN(81, bgeu, -1, 1)
TEST_BR_TAKEN(82, bgeu, -1, -1)
TEST_BR_TAKEN(83, bgeu, 0x8000000000000000, 0x7fffffffffffffff)
TEST_BR_TAKEN(84, bgeu, 0x100000000, 0xffffffff)
TEST_BR_NOT_TAKEN(85, bgeu, 0, 1)
TEST_BR_NOT_TAKEN(86, bgeu, 1, -1)
TEST_BR_NOT_TAKEN(87, bgeu, 0xfffffffffffffffe, 0xffffffffffffffff)
TEST_BR_NOT_TAKEN(88, bgeu, 0x7fffffffffffffff, 0x8000000000000000)

/* rs1 = rs2, and x0 operands */
  li TESTNUM, 100
  li a1, -5
  beq a1, a1, 1f
  j fail
1: bne a1, a1, fail
  blt a1, a1, fail
  bltu a1, a1, fail
  bge a1, a1, 1f
  j fail
1: bgeu a1, a1, 1f
  j fail
1: li TESTNUM, 101
  bnez x0, fail
  bltz x0, fail
  bgtz x0, fail
  beqz x0, 1f
  j fail
1: li a1, -1
  bltu a1, x0, fail
  bgeu x0, a1, fail
  blt x0, a1, fail
  bgez a1, fail

/* the branch does not write any register; the long forward/backward offsets */
  li TESTNUM, 102
  li a1, 3
  li a2, 3
  beq a1, a2, 2f
  j fail
  .rept 500
  nop
  .endr
2: li t4, 3
  bne a1, t4, fail
  bne a2, t4, fail
  li TESTNUM, 103
  j 4f
3: j 5f
  .rept 900
  nop
  .endr
4: bne a1, x0, 3b
  j fail
5:
TEST_END
