/* RV64M: the spec's division-by-zero and overflow results (table 7.1), W forms
   using only the low 32 operand bits and sign-extending, mulh* sign handling,
   and register aliasing. The cross product of operands is in rv64um-cross.S. */
#include "test-macros.h"
TEST_BEGIN

/* division by zero: quotient all ones, remainder = dividend */
TEST_RR(2, div, -1, 7, 0)
TEST_RR(3, div, -1, -7, 0)
TEST_RR(4, divu, 0xffffffffffffffff, 7, 0)
TEST_RR(5, rem, 7, 7, 0)
TEST_RR(6, rem, -7, -7, 0)
TEST_RR(7, remu, 0x8000000000000000, 0x8000000000000000, 0)
TEST_RR(8, divw, -1, 7, 0)
TEST_RR(9, divw, -1, 7, 0xffffffff00000000)              /* low 32 bits of divisor are zero */
TEST_RR(10, divuw, 0xffffffffffffffff, 7, 0)
TEST_RR(11, divuw, 0xffffffffffffffff, 7, 0x100000000)
TEST_RR(12, remw, 0xffffffff80000000, 0x80000000, 0)     /* sext of the low 32 dividend bits */
TEST_RR(13, remw, 0x12345678, 0xffffffff12345678, 0)
TEST_RR(14, remuw, 0xffffffff80000000, 0x1280000000, 0)
TEST_RR(15, remuw, 0x7, 0x7, 0)

/* signed overflow: most negative / -1 */
TEST_RR(20, div, 0x8000000000000000, 0x8000000000000000, -1)
TEST_RR(21, rem, 0, 0x8000000000000000, -1)
TEST_RR(22, divw, 0xffffffff80000000, 0x80000000, -1)
TEST_RR(23, remw, 0, 0x80000000, -1)
TEST_RR(24, divw, 0xffffffff80000000, 0x0000000180000000, 0x00000000ffffffff)
TEST_RR(25, divu, 0, 0x8000000000000000, -1)
TEST_RR(26, remu, 0x8000000000000000, 0x8000000000000000, -1)

/* rounding toward zero, remainder sign follows the dividend */
TEST_RR(30, div, 3, 20, 6)
TEST_RR(31, div, -3, -20, 6)
TEST_RR(32, div, -3, 20, -6)
TEST_RR(33, div, 3, -20, -6)
TEST_RR(34, rem, 2, 20, 6)
TEST_RR(35, rem, -2, -20, 6)
TEST_RR(36, rem, 2, 20, -6)
TEST_RR(37, rem, -2, -20, -6)
TEST_RR(38, divu, 0x2aaaaaaaaaaaaaa7, -20, 6)
TEST_RR(39, remu, 2, -20, 6)
TEST_RR(40, divw, -3, 0xaaaaaaaaffffffec, 6)
TEST_RR(41, remw, -2, 0xaaaaaaaaffffffec, 6)
TEST_RR(42, divuw, 0x2aaaaaa7, -20, 6)
TEST_RR(43, remuw, 2, -20, 6)
TEST_RR(44, divuw, 0xffffffffffffffff, 0xffffffff, 1)    /* result sign-extended */
TEST_RR(45, remuw, 0xffffffff80000000, 0xffffffff80000000, 0x80000001)

/* multiplication */
TEST_RR(50, mul, 0x0000000000001200, 0x0000000000007e00, 0x6db6db6db6db6db7)
TEST_RR(51, mul, 1, -1, -1)
TEST_RR(52, mulh, 0, -1, -1)
TEST_RR(53, mulhu, 0xfffffffffffffffe, -1, -1)
TEST_RR(54, mulhsu, 0xffffffffffffffff, -1, -1)
TEST_RR(55, mulhsu, 0, 1, -1)
TEST_RR(56, mulhsu, 0xffffffffffffffff, -1, 1)
TEST_RR(57, mulh, 0xc000000000000000, 0x8000000000000000, 0x7fffffffffffffff)
TEST_RR(58, mulh, 0x4000000000000000, 0x8000000000000000, 0x8000000000000000)
TEST_RR(59, mulhu, 0x4000000000000000, 0x8000000000000000, 0x8000000000000000)
TEST_RR(60, mulhsu, 0xc000000000000000, 0x8000000000000000, 0x8000000000000000)
TEST_RR(61, mulw, 0xffffffff80000000, 0x0000000100008000, 0x10000)
TEST_RR(62, mulw, 1, 0xaaaaaaaaffffffff, 0x55555555ffffffff)
TEST_RR(63, mulw, 0, 0x1234567800000000, 0x1234)

/* aliasing and x0 destination */
TEST_RR_SRC1_EQ_DEST(70, mul, 143, 13, 11)
TEST_RR_SRC2_EQ_DEST(71, mulh, 0, 13, 11)
TEST_RR_SRC12_EQ_DEST(72, mulhu, 0x3fffffffffffffff, 0x8000000000000000 - 1)
TEST_RR_SRC1_EQ_DEST(73, div, 2, 20, 7)
TEST_RR_SRC2_EQ_DEST(74, rem, 6, 20, 7)
TEST_RR_SRC12_EQ_DEST(75, divu, 1, 9)
TEST_RR_SRC12_EQ_DEST(76, remu, 0, 9)
TEST_RR_SRC1_EQ_DEST(77, divw, 2, 20, 7)
TEST_RR_SRC2_EQ_DEST(78, remuw, 6, 20, 7)
TEST_RR_ZERO_DEST(79, mul, 3, 5)
TEST_RR_ZERO_DEST(80, div, 3, 0)
TEST_RR_ZERO_SRC1(81, div, 0, 5)
TEST_RR_ZERO_SRC2(82, div, -1, 5)
TEST_RR_ZERO_SRC2(83, remu, 5, 5)

TEST_END
