/* RV64I loads and stores: lb/lh/lw/ld sign extension, lbu/lhu/lwu zero
   extension, positive and negative offsets, sb/sh/sw/sd writing exactly their
   width (neighbours untouched), little-endian byte order, load into x0, and a
   store whose data register is also the base. */
#include "test-macros.h"
TEST_BEGIN

TEST_LD(2, lb, 0xffffffffffffffff, 0, tdat)
TEST_LD(3, lb, 0x0000000000000000, 1, tdat)
TEST_LD(4, lb, 0xfffffffffffffff0, 2, tdat)
TEST_LD(5, lb, 0x000000000000000f, 3, tdat)
TEST_LD(6, lb, 0xffffffffffffff80, 4, tdat)
TEST_LD(7, lb, 0x000000000000007f, 5, tdat)
TEST_LD(8, lbu, 0xff, 0, tdat)
TEST_LD(9, lbu, 0xf0, 2, tdat)
TEST_LD(10, lbu, 0x80, 4, tdat)
TEST_LD(11, lbu, 0x7f, 5, tdat)
TEST_LD(12, lh, 0x00000000000000ff, 0, tdat)
TEST_LD(13, lh, 0x0000000000000ff0, 2, tdat)
TEST_LD(14, lh, 0x0000000000007f80, 4, tdat)
TEST_LD(15, lh, 0xffffffffffff8001, 6, tdat)
TEST_LD(16, lhu, 0x8001, 6, tdat)
TEST_LD(17, lhu, 0x7f80, 4, tdat)
TEST_LD(18, lw, 0x000000000ff000ff, 0, tdat)
TEST_LD(19, lw, 0xffffffff80017f80, 4, tdat)
TEST_LD(20, lwu, 0x0ff000ff, 0, tdat)
TEST_LD(21, lwu, 0x80017f80, 4, tdat)
TEST_LD(22, ld, 0x80017f800ff000ff, 0, tdat)
TEST_LD(23, ld, 0x0123456789abcdef, 8, tdat)
/* byte order of a doubleword */
TEST_LD(24, lbu, 0xef, 8, tdat)
TEST_LD(25, lbu, 0x01, 15, tdat)
TEST_LD(26, lhu, 0x89ab, 10, tdat)
TEST_LD(27, lwu, 0x01234567, 12, tdat)
/* negative offsets */
TEST_LD(30, lb, 0xffffffffffffff80, -4, tdat8)
TEST_LD(31, lhu, 0x8001, -2, tdat8)
TEST_LD(32, lw, 0x0ff000ff, -8, tdat8)
TEST_LD(33, ld, 0x80017f800ff000ff, -8, tdat8)
TEST_LD(34, ld, 0x0123456789abcdef, -2048, tdat8+2048)
TEST_LD(35, lbu, 0x01, 2047, tdat8+7-2047)
TEST_LD(36, lw, 0xffffffff80017f80, -2048, tdat8-4+2048)

/* load into x0 is discarded */
TEST_CASE(40, x0, 0, la a1, tdat; ld x0, 0(a1))
TEST_CASE(41, x0, 0, la a1, tdat; lb x0, 0(a1))

/* store/load round trips of every width */
TEST_ST(50, lb, sb, 0xffffffffffffffaa, 0, sdat)
TEST_ST(51, lb, sb, 0x0000000000000055, 1, sdat)
TEST_ST(52, lbu, sb, 0x80, 7, sdat)
TEST_ST(53, lh, sh, 0xffffffffffffaa55, 0, sdat)
TEST_ST(54, lhu, sh, 0x8001, 2, sdat)
TEST_ST(55, lh, sh, 0x7ff0, 6, sdat)
TEST_ST(56, lw, sw, 0xffffffffaabbccdd, 0, sdat)
TEST_ST(57, lwu, sw, 0x80000000, 4, sdat)
TEST_ST(58, lw, sw, 0x7fffffff, 8, sdat)
TEST_ST(59, ld, sd, 0xaabbccdd11223344, 0, sdat)
TEST_ST(60, ld, sd, 0x8000000000000001, 8, sdat)
TEST_ST(61, ld, sd, 0x0123456789abcdef, -8, sdat+16)
TEST_ST(62, lw, sw, 0x12345678, -2048, sdat+2048)
TEST_ST(63, lbu, sb, 0x5a, 2047, sdat-2047+3)
/* a store writes only the low bits of rs2 */
TEST_CASE(64, a0, 0xffffffffffffff88, la a1, sdat; li a2, 0x1122334455667788; sb a2, 0(a1); lb a0, 0(a1))
TEST_CASE(65, a0, 0x7788, la a1, sdat; li a2, 0x1122334455667788; sh a2, 0(a1); lhu a0, 0(a1))
TEST_CASE(66, a0, 0x55667788, la a1, sdat; li a2, 0x1122334455667788; sw a2, 0(a1); lw a0, 0(a1))

/* each width leaves its neighbours alone */
#define FILL(v) la a1, sdat; li a2, v; sd a2, 0(a1); sd a2, 8(a1); sd a2, 16(a1)
TEST_CASE(70, a0, 0x0123456789ab00ef, FILL(0x0123456789abcdef); sb x0, 1(a1); ld a0, 0(a1))
TEST_CASE(71, a0, 0x0123000089abcdef, FILL(0x0123456789abcdef); sh x0, 4(a1); ld a0, 0(a1))
TEST_CASE(72, a0, 0x00000000ffffffff, FILL(-1); sw x0, 4(a1); ld a0, 0(a1))
TEST_CASE(73, a0, 0xffffffff00000000, FILL(-1); sw x0, 0(a1); ld a0, 0(a1))
TEST_CASE(74, a0, -1, FILL(-1); sd x0, 8(a1); ld a0, 0(a1))
TEST_CASE(75, a0, -1, FILL(-1); sd x0, 8(a1); ld a0, 16(a1))
TEST_CASE(76, a0, 0, FILL(-1); sd x0, 8(a1); ld a0, 8(a1))
TEST_CASE(77, a0, 0xffffffffffffff00, FILL(-1); sb x0, 8(a1); ld a0, 8(a1))
TEST_CASE(78, a0, 0xffffffffff00ffff, FILL(-1); sb x0, 2(a1); ld a0, 0(a1))
TEST_CASE(79, a0, 0x00ffffffffffffff, FILL(-1); sb x0, 7(a1); ld a0, 0(a1))
TEST_CASE(80, a0, 0x0000ffffffffffff, FILL(-1); sh x0, 6(a1); ld a0, 0(a1))

/* store data register = base register */
TEST_CASE(90, a0, 0, la a1, sdat; sd a1, 0(a1); ld a0, 0(a1); sub a0, a0, a1)
/* load destination = base register */
TEST_CASE(91, a1, 0x0123456789abcdef, la a1, tdat; ld a1, 8(a1))

TEST_END

  .data
  .align 4
tdat:
  .byte 0xff, 0x00, 0xf0, 0x0f, 0x80, 0x7f, 0x01, 0x80
tdat8:
  .dword 0x0123456789abcdef
  .align 4
  .skip 4096
sdat:
  .skip 64
  .skip 4096
