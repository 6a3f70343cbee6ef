/* RV64I computational instructions: register aliasing (rd = rs1/rs2), x0 as
   source and destination, shift amounts taken from the low 6 (5 for W) bits,
   lui/auipc sign extension, fence and hint encodings. The cross product of
   operands is in rv64ui-alu-cross.S. */
#include "test-macros.h"
TEST_BEGIN

/* aliasing: rd = rs1, rd = rs2, rs1 = rs2 = rd */
TEST_RR_SRC1_EQ_DEST(2, add, 24, 13, 11)
TEST_RR_SRC2_EQ_DEST(3, add, 25, 14, 11)
TEST_RR_SRC12_EQ_DEST(4, add, 26, 13)
TEST_RR_SRC1_EQ_DEST(5, sub, 2, 13, 11)
TEST_RR_SRC2_EQ_DEST(6, sub, 3, 14, 11)
TEST_RR_SRC12_EQ_DEST(7, sub, 0, 13)
TEST_RR_SRC1_EQ_DEST(8, sll, 0x80, 1, 7)
TEST_RR_SRC2_EQ_DEST(9, sll, 0x4000, 1, 14)
TEST_RR_SRC12_EQ_DEST(10, sll, 24, 3)
TEST_RR_SRC1_EQ_DEST(11, srl, 0x01000000, 0x80000000, 7)
TEST_RR_SRC12_EQ_DEST(12, sra, 0, 7)
TEST_RR_SRC1_EQ_DEST(13, slt, 0, 14, 13)
TEST_RR_SRC2_EQ_DEST(14, slt, 1, 11, 13)
TEST_RR_SRC12_EQ_DEST(15, sltu, 0, 13)
TEST_RR_SRC1_EQ_DEST(16, xor, 0xf00ff00f, 0xff00ff00, 0x0f0f0f0f)
TEST_RR_SRC12_EQ_DEST(17, xor, 0, 0xff00ff00)
TEST_RR_SRC2_EQ_DEST(18, or, 0xff0fff0f, 0xff00ff00, 0x0f0f0f0f)
TEST_RR_SRC12_EQ_DEST(19, and, 0xff00ff00, 0xff00ff00)
TEST_RR_SRC1_EQ_DEST(20, addw, 24, 13, 11)
TEST_RR_SRC2_EQ_DEST(21, subw, 3, 14, 11)
TEST_RR_SRC12_EQ_DEST(22, sllw, 24, 3)
TEST_RR_SRC1_EQ_DEST(23, srlw, 0x01000000, 0x80000000, 7)
TEST_RR_SRC1_EQ_DEST(24, sraw, 0xffffffffff000000, 0x80000000, 7)
TEST_IMM_SRC1_EQ_DEST(25, addi, 24, 13, 11)
TEST_IMM_SRC1_EQ_DEST(26, slti, 1, 11, 13)
TEST_IMM_SRC1_EQ_DEST(27, sltiu, 0, 15, 10)
TEST_IMM_SRC1_EQ_DEST(28, xori, 0xffffffff00ff0ff1, 0xff00f700, -0x70f)
TEST_IMM_SRC1_EQ_DEST(29, ori, 0xff00fff0, 0xff00ff00, 0x0f0)
TEST_IMM_SRC1_EQ_DEST(30, andi, 0, 0xff00ff00, 0x0f0)
TEST_IMM_SRC1_EQ_DEST(31, slli, 0x80, 1, 7)
TEST_IMM_SRC1_EQ_DEST(32, srli, 0x01000000, 0x80000000, 7)
TEST_IMM_SRC1_EQ_DEST(33, srai, 0xffffffffff000000, 0xffffffff80000000, 7)
TEST_IMM_SRC1_EQ_DEST(34, addiw, 24, 13, 11)
TEST_IMM_SRC1_EQ_DEST(35, slliw, 0x80, 1, 7)
TEST_IMM_SRC1_EQ_DEST(36, srliw, 0x01000000, 0x80000000, 7)
TEST_IMM_SRC1_EQ_DEST(37, sraiw, 0xffffffffff000000, 0x80000000, 7)

/* x0 as source reads zero */
TEST_RR_ZERO_SRC1(40, add, 15, 15)
TEST_RR_ZERO_SRC2(41, add, 32, 32)
TEST_RR_ZERO_SRC1(42, sub, -15, 15)
TEST_RR_ZERO_SRC1(43, sll, 0, 15)
TEST_RR_ZERO_SRC2(44, sra, -5, -5)
TEST_RR_ZERO_SRC1(45, slt, 0, -1)
TEST_RR_ZERO_SRC1(46, sltu, 1, -1)   /* snez */
TEST_RR_ZERO_SRC2(47, sltu, 0, -1)
TEST_RR_ZERO_SRC1(48, xor, 0xff, 0xff)
TEST_RR_ZERO_SRC1(49, subw, 0xfffffffffffffff1, 15)
TEST_IMM_ZERO_SRC1(50, addi, 0x7ff, 0x7ff)
TEST_IMM_ZERO_SRC1(51, addi, -2048, -2048)
TEST_IMM_ZERO_SRC1(52, ori, -1, -1)
TEST_IMM_ZERO_SRC1(53, sltiu, 1, 1)
TEST_IMM_ZERO_SRC1(54, addiw, -1, -1)

/* x0 as destination stays zero */
TEST_RR_ZERO_DEST(60, add, 16, 30)
TEST_RR_ZERO_DEST(61, sub, 16, 30)
TEST_RR_ZERO_DEST(62, or, -1, 30)
TEST_RR_ZERO_DEST(63, addw, 16, 30)
TEST_RR_ZERO_DEST(64, sll, 1, 3)
TEST_IMM_ZERO_DEST(65, addi, 33, 50)
TEST_IMM_ZERO_DEST(66, xori, 33, -1)
TEST_IMM_ZERO_DEST(67, addiw, 33, 50)
TEST_IMM_ZERO_DEST(68, slli, 33, 5)
TEST_CASE(69, x0, 0, lui x0, 0x12345)
TEST_CASE(70, x0, 0, auipc x0, 0x12345)
TEST_CASE(71, x0, 0, li a1, 7; mul x0, a1, a1)

/* register shift amounts use only the low 6 bits (5 for W forms) */
TEST_RR(80, sll, 0x2, 1, 65)
TEST_RR(81, sll, 0x8000000000000000, 1, -1)
TEST_RR(82, srl, 1, 0x8000000000000000, 0x7f)
TEST_RR(83, sra, -1, 0x8000000000000000, 0xffffffffffffffff)
TEST_RR(84, sll, 0x100, 1, 0xffffffffffffffc8)
TEST_RR(85, sllw, 0x2, 1, 33)
TEST_RR(86, sllw, 0xffffffff80000000, 1, 0xffffffffffffffdf)
TEST_RR(87, srlw, 1, 0x80000000, 63)
TEST_RR(88, sraw, -1, 0x80000000, 0x3f)
TEST_RR(89, srlw, 0xffffffff80000000, 0xffffffff80000000, 32)
TEST_RR(90, sraw, 0x7fffffff, 0xffffffff7fffffff, 64)
/* W forms ignore the upper operand bits and sign-extend the result */
TEST_RR(91, addw, 0xffffffff80000000, 0x123456787fffffff, 0xabcdef0000000001)
TEST_RR(92, subw, 0x7fffffff, 0xffffffff80000000, 1)
TEST_IMM(93, addiw, 0xffffffff80000000, 0x7fffffff, 1)
TEST_IMM(94, addiw, 0x7fffffff, 0xffffffff80000000, -1)
TEST_IMM(95, addiw, 0x12345678, 0xaaaaaaaa12345678, 0)   /* sext.w */
TEST_IMM(96, slliw, 0xffffffff80000000, 0xffffffff00000001, 31)
TEST_IMM(97, srliw, 0x1, 0x0000000180000000, 31)
TEST_IMM(98, sraiw, 0xffffffffffffffff, 0x0000000180000000, 31)
TEST_IMM(99, srliw, 0xffffffff80000000, 0x0000000080000000, 0)
TEST_IMM(100, slli, 0x8000000000000000, 1, 63)
TEST_IMM(101, srli, 1, 0x8000000000000000, 63)
TEST_IMM(102, srai, -1, 0x8000000000000000, 63)
TEST_IMM(103, srai, 0xc000000000000000, 0x8000000000000000, 1)
TEST_IMM(104, srli, 0x4000000000000000, 0x8000000000000000, 1)
TEST_IMM(105, sltiu, 1, 0xfffffffffffffffe, -1)   /* immediate sign-extended, then compared unsigned */
TEST_IMM(106, sltiu, 0, 0xffffffffffffffff, -1)
TEST_IMM(107, slti, 1, 0x8000000000000000, -2048)
TEST_IMM(108, slti, 0, 0x7fffffffffffffff, 2047)
TEST_IMM(109, xori, 0x00ff00ff00ff00ff, 0xff00ff00ff00ff00, -1)  /* not */
TEST_IMM(110, andi, 0x0f00ff00ff00ff00, 0x0f00ff00ff00ff00, -256)

/* lui: 20-bit immediate into bits 31:12, sign-extended from bit 31 */
TEST_CASE(120, a0, 0, lui a0, 0)
TEST_CASE(121, a0, 0xfffffffffffff800, lui a0, 0xfffff; sra a0, a0, 1)
TEST_CASE(122, a0, 0x7ffff000, lui a0, 0x7ffff)
TEST_CASE(123, a0, 0xffffffff80000000, lui a0, 0x80000)
TEST_CASE(124, a0, 0xfffffffffffff000, lui a0, 0xfffff)
TEST_CASE(125, a0, 0x12345000, lui a0, 0x12345)
TEST_CASE(126, a0, 0x12345678, lui a0, 0x12345; addi a0, a0, 0x678)
TEST_CASE(127, a0, 0x12344800, lui a0, 0x12345; addi a0, a0, -0x800)

/* auipc: pc + sign-extended (imm << 12) */
  li TESTNUM, 130
1: auipc a0, 0
  la t4, 1b
  bne a0, t4, fail
  li TESTNUM, 131
1: auipc a0, 0x1
  la t4, 1b
  li t3, 0x1000
  add t4, t4, t3
  bne a0, t4, fail
  li TESTNUM, 132
1: auipc a0, 0x80000
  la t4, 1b
  li t3, 0xffffffff80000000
  add t4, t4, t3
  bne a0, t4, fail
  li TESTNUM, 133
1: auipc a0, 0xfffff
  la t4, 1b
  li t3, -4096
  add t4, t4, t3
  bne a0, t4, fail
  li TESTNUM, 134
  /* auipc + jalr reaches the label: the la/call idiom */
  la a1, 2f
  jalr x0, 0(a1)
  j fail
2:

/* hints and fences execute as no-ops */
  li TESTNUM, 140
  li a0, 77
  fence
  fence rw, rw
  fence r, r
  fence w, w
  fence iorw, iorw
  fence.tso
  nop
  addi x0, x0, 5     /* hint */
  add x0, x0, a0     /* hint */
  slli x0, a0, 3     /* hint */
  li t4, 77
  bne a0, t4, fail
TEST_CASE(141, a0, 77, li a0, 77; mv x0, a0; li x0, 55)

TEST_END
