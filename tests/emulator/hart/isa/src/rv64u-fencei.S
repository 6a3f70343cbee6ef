/* Zifencei: self-modifying code. An instruction is executed (so a decoded-
   instruction cache holds it), overwritten by a store, and after fence.i the
   new instruction runs. 32-bit and compressed patches, a patch straddling two
   instructions' worth of bytes, and a patch made through sb byte stores. */
#include "test-macros.h"
TEST_BEGIN

  li TESTNUM, 2
  li a0, 0
  jal ra, patch1               /* old: addi a0, a0, 1 */
  li t4, 1
  bne a0, t4, fail
  la a1, patch1
  lw a2, new_insn1             /* addi a0, a0, 100 */
  sw a2, 0(a1)
  fence.i
  li a0, 0
  jal ra, patch1
  li t4, 100
  bne a0, t4, fail

  li TESTNUM, 3                /* patch it again, back to the original */
  la a1, patch1
  lw a2, old_insn1
  sw a2, 0(a1)
  fence.i
  li a0, 0
  jal ra, patch1
  li t4, 1
  bne a0, t4, fail

  li TESTNUM, 4                /* byte-wise patch */
  la a1, patch1
  lw a2, new_insn1
  sb a2, 0(a1)
  srli a2, a2, 8
  sb a2, 1(a1)
  srli a2, a2, 8
  sb a2, 2(a1)
  srli a2, a2, 8
  sb a2, 3(a1)
  fence.i
  li a0, 0
  jal ra, patch1
  li t4, 100
  bne a0, t4, fail

  li TESTNUM, 5                /* compressed: c.li a0, 5 -> c.li a0, -7 */
  jal ra, patch2
  li t4, 5
  bne a0, t4, fail
  la a1, patch2
  lhu a2, new_insn2
  sh a2, 0(a1)
  fence.i
  jal ra, patch2
  li t4, -7
  bne a0, t4, fail

  li TESTNUM, 6                /* two c.nops become one 32-bit instruction */
  li a0, 0
  jal ra, patch3
  bnez a0, fail
  la a1, patch3
  lw a2, new_insn1
  sh a2, 0(a1)
  srli a2, a2, 16
  sh a2, 2(a1)
  fence.i
  li a0, 0
  jal ra, patch3
  li t4, 100
  bne a0, t4, fail

  li TESTNUM, 7                /* code written into a fresh page and run */
  la a1, code_page
  lw a2, new_insn1
  sw a2, 0(a1)
  lw a2, ret_insn
  sw a2, 4(a1)
  fence.i
  li a0, 5
  jalr ra, 0(a1)
  li t4, 105
  bne a0, t4, fail

TEST_END

  .data
  .option norvc                /* patched instructions have fixed sizes */
  .align 2
old_insn1:
  addi a0, a0, 1
new_insn1:
  addi a0, a0, 100
ret_insn:
  jalr x0, 0(ra)
new_insn2:
  .option push
  .option rvc
  c.li a0, -7
  .option pop
  .align 2
  /* code patched at run time (the linker script makes every section RWX) */
patch1:
  addi a0, a0, 1
  ret
patch2:
  .option push
  .option rvc
  c.li a0, 5
  .option pop
  .option push
  .option norvc
  ret
  .option pop
patch3:
  .option push
  .option rvc
  c.nop
  c.nop
  .option pop
  .option push
  .option norvc
  ret
  .option pop
  .balign 4096
code_page:
  .skip 4096
