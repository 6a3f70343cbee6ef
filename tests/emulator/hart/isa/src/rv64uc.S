/* RV64C: every RV64 compressed instruction (c.ebreak excepted) with edge
   immediates (c.addi4spn, c.addi16sp, c.lui, shifts by 1/32/63, load/store
   offsets at their limits), sign extension of c.lw/c.lwsp/c.addiw/c.addw/
   c.subw, c.jalr linking pc + 2, 32-bit instructions at pc = 2 mod 4, and a
   32-bit instruction straddling a page boundary. Built with -march=rv64gc. */
#include "test-macros.h"
  .option rvc
TEST_BEGIN
  la sp, cstack          /* sp-relative forms use this area */

/* c.addi4spn: rd' = sp + nzuimm (4..1020, multiple of 4) */
TEST_CASE(2, a0, 4, la sp, cstack; c.addi4spn a0, sp, 4; sub a0, a0, sp)
TEST_CASE(3, a0, 1020, la sp, cstack; c.addi4spn a0, sp, 1020; sub a0, a0, sp)
TEST_CASE(4, s1, 0x1f0, la sp, cstack; c.addi4spn s1, sp, 0x1f0; sub s1, s1, sp)

/* c.addi16sp: sp += nzimm (-512..496, multiple of 16) */
TEST_CASE(5, a0, 496, la sp, cstack; mv a1, sp; c.addi16sp sp, 496; sub a0, sp, a1)
TEST_CASE(6, a0, -512, la sp, cstack; mv a1, sp; c.addi16sp sp, -512; sub a0, sp, a1)
TEST_CASE(7, a0, 16, la sp, cstack; mv a1, sp; c.addi16sp sp, 16; sub a0, sp, a1)
TEST_CASE(8, a0, -16, la sp, cstack; mv a1, sp; c.addi16sp sp, -16; sub a0, sp, a1)
TEST_CASE(9, a0, 0x150, la sp, cstack; mv a1, sp; c.addi16sp sp, 0x150; sub a0, sp, a1)
  la sp, cstack

/* c.lw / c.ld / c.fld and stores, offsets 0 and maximum */
TEST_CASE(10, a0, 0xffffffff80000001, la a1, cdat; c.lw a0, 0(a1))
TEST_CASE(11, a0, 0x7ffffffe, la a1, cdat; c.lw a0, 124(a1))
TEST_CASE(12, a0, 0x0123456789abcdef, la a1, cdat; c.ld a0, 8(a1))
TEST_CASE(13, a0, 0xfedcba9876543210, la a1, cdat; c.ld a0, 248(a1))
TEST_CASE(14, a0, 0x0123456789abcdef, la a1, cdat; c.fld fa0, 8(a1); fmv.x.d a0, fa0)
TEST_CASE(15, a0, 0xfedcba9876543210, la a1, cdat; c.fld fs1, 248(a1); fmv.x.d a0, fs1)
TEST_CASE(16, a0, 0xffffffffcafef00d, la a1, cscratch; li a2, 0x12345678cafef00d; c.sw a2, 124(a1); lw a0, 124(a1))
TEST_CASE(17, a0, 0x12345678cafef00d, la a1, cscratch; c.sd a2, 248(a1); ld a0, 248(a1))
TEST_CASE(18, a0, 0x12345678cafef00d, la a1, cscratch; fmv.d.x fa5, a2; c.fsd fa5, 0(a1); ld a0, 0(a1))
TEST_CASE(19, a0, 0, la a1, cscratch; sd x0, 120(a1); c.sw a2, 120(a1); lwu a0, 124(a1))

/* sp-relative loads and stores, offsets at the maximum */
TEST_CASE(20, a0, 0xffffffff87654321, la sp, cstack; li a1, 0x87654321; sw a1, 252(sp); c.lwsp a0, 252(sp))
TEST_CASE(21, a0, 0x1122334455667788, li a1, 0x1122334455667788; sd a1, 504(sp); c.ldsp a0, 504(sp))
TEST_CASE(22, t6, 0x1122334455667788, c.ldsp t6, 504(sp))
TEST_CASE(23, a0, 0x1122334455667788, c.fldsp ft11, 504(sp); fmv.x.d a0, ft11)
TEST_CASE(24, a0, 0xffffffffdeadbeef, li t5, 0xabcdefabdeadbeef; c.swsp t5, 0(sp); lw a0, 0(sp))
TEST_CASE(25, a0, 0xabcdefabdeadbeef, c.sdsp t5, 496(sp); ld a0, 496(sp))
TEST_CASE(26, a0, 0xabcdefabdeadbeef, fmv.d.x ft9, t5; c.fsdsp ft9, 8(sp); ld a0, 8(sp))
TEST_CASE(27, a0, 0x1234, li a1, 0x1234; c.sdsp a1, 0(sp); c.ldsp a0, 0(sp))

/* c.li, c.lui */
TEST_CASE(30, a0, 31, c.li a0, 31)
TEST_CASE(31, a0, -32, c.li a0, -32)
TEST_CASE(32, t6, 0, li t6, 77; c.li t6, 0)
TEST_CASE(33, a0, 0x1000, c.lui a0, 1)
TEST_CASE(34, a0, 0x1f000, c.lui a0, 0x1f)
TEST_CASE(35, a0, 0xfffffffffffe0000, c.lui a0, 0xfffe0)
TEST_CASE(36, a0, 0xfffffffffffff000, c.lui a0, 0xfffff)
TEST_CASE(37, s11, 0x3000, c.lui s11, 3)

/* c.addi, c.addiw, c.nop */
TEST_CASE(40, a0, 31, li a0, 0; c.addi a0, 31)
TEST_CASE(41, a0, -32, li a0, 0; c.addi a0, -32)
TEST_CASE(42, a0, 0x0000000100000000, li a0, 0xffffffff; c.addi a0, 1)      /* no 32-bit wrap */
TEST_CASE(43, a0, 0xffffffff80000000, li a0, 0x7fffffff; c.addiw a0, 1)
TEST_CASE(44, a0, 0x12345678, li a0, 0xaaaaaaaa12345678; c.addiw a0, 0)   /* sext.w */
TEST_CASE(45, a0, 0xffffffffffffffe0, li a0, 0x100000000; c.addiw a0, -32)
TEST_CASE(46, a0, 5, li a0, 5; c.nop)

/* shifts and c.andi on rd' */
TEST_CASE(50, a0, 0x8000000000000000, li a0, 1; c.slli a0, 63)
TEST_CASE(51, t3, 0x100000000, li t3, 1; c.slli t3, 32)
TEST_CASE(52, a0, 2, li a0, 1; c.slli a0, 1)
TEST_CASE(53, a0, 1, li a0, 0x8000000000000000; c.srli a0, 63)
TEST_CASE(54, a0, 0x80000000, li a0, 0x8000000000000000; c.srli a0, 32)
TEST_CASE(55, a0, 0x7fffffffffffffff, li a0, -1; c.srli a0, 1)
TEST_CASE(56, a0, -1, li a0, 0x8000000000000000; c.srai a0, 63)
TEST_CASE(57, a0, 0xffffffff80000000, li a0, 0x8000000000000000; c.srai a0, 32)
TEST_CASE(58, a0, 0xc000000000000000, li a0, 0x8000000000000000; c.srai a0, 1)
TEST_CASE(59, a0, 0x0f, li a0, 0xff; c.andi a0, 15)
TEST_CASE(60, a0, 0xffffffffffffffe0, li a0, -1; c.andi a0, -32)
TEST_CASE(61, a0, 0, li a0, -1; c.andi a0, 0)

/* register-register ALU */
TEST_CASE(70, a0, 0x100000000, li a0, 0xffffffff; li a1, 1; c.add a0, a1)
TEST_CASE(71, t0, 7, li t0, 3; li t6, 4; c.add t0, t6)
TEST_CASE(72, t0, 0x123456789abcdef0, li t6, 0x123456789abcdef0; c.mv t0, t6)
TEST_CASE(73, a0, 0xffffffffffffffff, li a0, 0; li a1, 1; c.sub a0, a1)
TEST_CASE(74, a0, 0xf0f0, li a0, 0xff00; li a1, 0x0ff0; c.xor a0, a1)
TEST_CASE(75, a0, 0xfff0, li a0, 0xff00; li a1, 0x0ff0; c.or a0, a1)
TEST_CASE(76, a0, 0x0f00, li a0, 0xff00; li a1, 0x0ff0; c.and a0, a1)
TEST_CASE(77, a0, 0xffffffff80000000, li a0, 0x7fffffff; li a1, 1; c.addw a0, a1)
TEST_CASE(78, a0, 0x7fffffff, li a0, 0xffffffff80000000; li a1, 1; c.subw a0, a1)
TEST_CASE(79, a0, 0, li a0, 0x100000000; li a1, 0x200000000; c.addw a0, a1)
TEST_CASE(80, s1, 0xffffffffffffffff, li s1, 0x1ffffffff; li a5, 0; c.subw s1, a5)

/* c.j, c.beqz, c.bnez */
  li TESTNUM, 90
  c.j 1f
  j fail
2: c.j 3f
1: c.j 2b
  j fail
3: li a0, 0
  c.beqz a0, 1f
  j fail
1: li a0, 0x100000000            /* non-zero only in the upper half */
  c.beqz a0, fail_near
  c.bnez a0, 1f
  j fail
1: li a0, 0
  c.bnez a0, fail_near
  li s0, -1
  c.bnez s0, 1f
  j fail
1: j 2f
fail_near: j fail
2:

/* c.jr, c.jalr (link = pc + 2), c.jalr with rs1 = ra */
  li TESTNUM, 91
  la a0, 1f
  c.jr a0
  j fail
1: li TESTNUM, 92
  la t0, 1f
  c.jalr t0
2: j fail
1: la t4, 2b
  bne ra, t4, fail
  li TESTNUM, 93
  la ra, 1f
  c.jalr ra                      /* target from the old ra, then ra = pc + 2 */
2: j fail
1: la t4, 2b
  bne ra, t4, fail

/* 32-bit instructions at pc = 2 mod 4, and jumps to such addresses */
  li TESTNUM, 94
  .balign 4
  c.nop
  .option push
  .option norvc
  addi a0, x0, 123               /* at 2 mod 4 */
  jal ra, 1f                     /* at 2 mod 4, link 2 mod 4 */
2: j fail
  .option pop
1: li t4, 123
  bne a0, t4, fail
  la t4, 2b
  bne ra, t4, fail
  andi t4, ra, 3
  li t3, 2
  bne t4, t3, fail

/* a 32-bit instruction straddling a page boundary, run into and jumped to */
  li TESTNUM, 95
  li a0, 0
  li a1, 0
  j 1f
  .balign 4096
1: .fill 2047, 2, 0x0001          /* c.nop x 2047 */
  .option push
  .option norvc
2: addi a0, a0, 321               /* bytes 4094..4097 of the page */
  .option pop
  li t4, 321
  bne a0, t4, fail
  bnez a1, 3f
  li TESTNUM, 96
  li a0, 0
  li a1, 1
  la t0, 2b
  jr t0
3:

#ifdef USER_VM
/* A 32-bit instruction straddling two virtual pages whose frames are not
   adjacent (the swapped-pages alias): its upper half comes from cpg0. */
  li TESTNUM, 97
  li a0, 0
  VM_ALIAS(t0, cpg1)
  li t1, 4090
  add t0, t0, t1
  jalr ra, 0(t0)
  li t4, 321
  bne a0, t4, fail
#endif

/* HINT encodings execute as no-ops (they must not trap) */
  li TESTNUM, 100
  li a0, 0x55
  .hword 0x0005                  /* c.nop with nzimm = 1 */
  .hword 0x0501                  /* c.addi a0, 0 */
  .hword 0x4015                  /* c.li x0, 5 */
  .hword 0x6005                  /* c.lui x0, 1 */
  .hword 0x802a                  /* c.mv x0, a0 */
  .hword 0x902a                  /* c.add x0, a0 */
  .hword 0x0006                  /* c.slli x0, 1 */
  .hword 0x0502                  /* c.slli a0, 0 */
  .hword 0x8101                  /* c.srli a0, 0 */
  .hword 0x8501                  /* c.srai a0, 0 */
  li t4, 0x55
  bne a0, t4, fail

TEST_END

  .data
  .option push
  .option norvc
  .balign 8192
cpg0:
  .hword 0x1415                  /* upper half of addi a0, a0, 321 */
  jalr x0, 0(ra)
  .balign 4096
cpg1:
  .fill 2045, 2, 0x0001          /* c.nop up to offset 4090 */
  .hword 0x0001, 0x0001          /* offsets 4090, 4092 */
  .hword 0x0513                  /* lower half of addi a0, a0, 321 at offset 4094 */
  .option pop
  .align 4
cdat:
  .word 0x80000001, 0
  .dword 0x0123456789abcdef
  .skip 124 - 16
  .word 0x7ffffffe
  .skip 248 - 128
  .dword 0xfedcba9876543210
  .align 4
cscratch:
  .skip 512
  .align 4
  .skip 1024
cstack:
  .skip 1024
