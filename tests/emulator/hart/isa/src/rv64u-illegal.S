/* Encodings the spec makes illegal for an RV64GC hart without further
   extensions: the all-zero and all-ones instructions, unimplemented opcodes
   and functs (custom-0, Q and H precision, undefined funct3/funct7/funct5),
   each must raise an illegal-instruction exception (mcause 2) and change
   nothing. Runs on the machine only (qemu user mode turns traps into signals). */
#include "test-macros.h"
TEST_BEGIN
#ifndef QEMU_USER
#define ILLEGAL(n, bits) TEST_TRAP(n, 2, li a0, 7; .word bits) li t4, 7; bne a0, t4, fail;

ILLEGAL(2, 0x00000000)                 /* all zeros */
ILLEGAL(3, 0xffffffff)                 /* all ones */
ILLEGAL(4, 0x0000050b)                 /* custom-0 */
ILLEGAL(5, 0x0000057b)                 /* custom-3 */
TEST_TRAP(6, 2, .insn r 0x53, 0, 0x03, f3, f1, f2)     /* fadd.q: no Q */
TEST_TRAP(7, 2, .insn r 0x53, 0, 0x02, f3, f1, f2)     /* fadd.h: no Zfh */
TEST_TRAP(8, 2, .insn i 0x07, 1, f3, 0(a1))            /* flh: no Zfh */
TEST_TRAP(9, 2, .insn i 0x07, 4, f3, 0(a1))            /* flq: no Q */
TEST_TRAP(10, 2, .insn i 0x03, 7, a0, 0(a1))           /* load funct3 = 7 */
TEST_TRAP(11, 2, .insn s 0x23, 4, a0, 0(a1))           /* store funct3 = 4 */
TEST_TRAP(12, 2, .insn b 0x63, 2, a0, a1, fail)        /* branch funct3 = 2 */
TEST_TRAP(13, 2, .insn b 0x63, 3, a0, a1, fail)        /* branch funct3 = 3 */
TEST_TRAP(14, 2, .insn r 0x33, 0, 0x7f, a0, a1, a2)    /* OP funct7 = 0x7f */
TEST_TRAP(15, 2, .insn r 0x3b, 1, 0x01, a0, a1, a2)    /* OP-32 M funct3 = 1 */
TEST_TRAP(16, 2, .insn r 0x3b, 0, 0x07, a0, a1, a2)    /* OP-32 funct7 = 7 */
TEST_TRAP(18, 2, la a1, scratch; .insn r 0x2f, 2, 0x18, a0, a1, a2)   /* AMO funct5 = 00110 */
TEST_TRAP(19, 2, la a1, scratch; .insn r 0x2f, 5, 0x00, a0, a1, a2)   /* AMO funct3 = 5 */
TEST_TRAP(20, 2, .insn r 0x53, 2, 0x71, a0, f1, f0)    /* OP-FP funct7 = 0x71 (fmv.x.d/fclass.d) with funct3 = 2 */
#endif
TEST_END

  .data
  .align 3
scratch:
  .dword 0
