# Access faults and misalignment (privileged spec "Exception Codes", "Machine
# Trap Value Register"; unprivileged "JALR", "Misaligned Loads and Stores"):
# loads/stores/fetches of unmapped physical addresses fault with tval = address
# (a faulting load does not write rd, jalr does), misaligned loads/stores
# either work byte-exactly or trap with tval = address and no effect, and with
# C no fetch is misaligned (jalr clears bit 0; jalr to +2 is legal).
#include "priv.h"

# Recovery for a misaligned access: none when the hart emulates them (a trap fails).
#if HART_MISALIGNED_EMULATED
#define MA_RECOVERY(label) li s6, 0
#else
#define MA_RECOVERY(label) la s6, label
#endif

# Misaligned load: either the value res or a misaligned-load trap with tval = addr and rd unchanged.
#define MA_LOAD(n, insn, off, res) \
  li s11, n; CLEAR_TRAP; MA_RECOVERY(995f); addi a5, s0, off; li a6, 0x5a5a; insn a6, off(s0); \
  li t6, res; beq a6, t6, 994f; j fail; \
  995: CHECK_CAUSE(n, CAUSE_MISALIGNED_LOAD); CHECK_REG(n, s3, a5); CHECK(n, a6, 0x5a5a); 994: li s6, 0

# Misaligned store of x0 over 0xff bytes: all size bytes zero and neighbours kept, or a trap with no effect.
#define MA_STORE(n, insn, off, size) \
  li s11, n; CLEAR_TRAP; MA_RECOVERY(995f); addi a5, s1, off; insn x0, off(s1); li s6, 0; \
  lbu t6, (off - 1)(s1); beqz t6, fail; lbu t6, (off + size)(s1); beqz t6, fail; \
  lbu t6, (off)(s1); bnez t6, fail; lbu t6, (off + size - 1)(s1); bnez t6, fail; j 994f; \
  995: CHECK_CAUSE(n, CAUSE_MISALIGNED_STORE); CHECK_REG(n, s3, a5); \
  lbu t6, (off)(s1); beqz t6, fail; lbu t6, (off + size - 1)(s1); beqz t6, fail; 994:

  .text
  .option norvc
  .globl test_main
test_main:
  # ---- access faults ---------------------------------------------------------------
  li t1, UNMAPPED_PA
  li t2, 0x77
  TRAPS(2, CAUSE_LOAD_ACCESS, lb t2, 0(t1))
  CHECK(3, s3, UNMAPPED_PA)
  CHECK(4, t2, 0x77)              # rd not written
  TRAPS(5, CAUSE_LOAD_ACCESS, ld t2, 8(t1))
  CHECK(6, s3, UNMAPPED_PA + 8)
  TRAPS(7, CAUSE_STORE_ACCESS, sw t2, 16(t1))
  CHECK(8, s3, UNMAPPED_PA + 16)
  TRAPS(9, CAUSE_STORE_ACCESS, amoadd.w t2, t2, (t1))
  CHECK(10, s3, UNMAPPED_PA)
  TRAPS(11, CAUSE_LOAD_ACCESS, lr.d t2, (t1))
  li t1, HUGE_PA
  TRAPS(12, CAUSE_LOAD_ACCESS, lw t2, 0(t1))
  CHECK(13, s3, HUGE_PA)
  TRAPS(14, CAUSE_STORE_ACCESS, sb t2, 0(t1))
  # fetch: jalr commits (writes rd), then the fetch at the target faults
  li t1, UNMAPPED_PA + 0x40
  li t2, 0
  li s11, 15
  CLEAR_TRAP
  la s6, 1f
  jalr t2, 0(t1)
jalr_back:
  j fail
1:
  CHECK_CAUSE(16, CAUSE_FETCH_ACCESS)
  CHECK(17, s3, UNMAPPED_PA + 0x40)
  CHECK(18, s4, UNMAPPED_PA + 0x40)
  la t0, jalr_back
  CHECK_REG(19, t2, t0)
  # instruction fetch from a device (CLINT) is an access fault
  li t1, CLINT_MSIP
  TRAPS(24, CAUSE_FETCH_ACCESS, jalr t1)
  CHECK(25, s3, CLINT_MSIP)
  # the same from U-mode (PMP allows all of memory; the address is simply not there)
  li t1, UNMAPPED_PA + 0x80
  GOTO_MODE(PRV_U, 1f)
1:
  TRAPS(20, CAUSE_LOAD_ACCESS, lhu t2, 0(t1))
  CHECK(21, s3, UNMAPPED_PA + 0x80)
  CHECK_PREV_MPP(22, PRV_U)
  # CLINT is only reachable with the sizes it supports; RAM right after its end faults
  li t1, 0x80000000
  li t2, 0x08000000                # 128 MiB of RAM by default
  add t1, t1, t2
  TRAPS(23, CAUSE_LOAD_ACCESS, ld t2, 0(t1))

  # ---- misaligned loads ----------------------------------------------------------
  la s0, ma_data
  MA_LOAD(30, lh, 1, 0xffffffffffffbbcc)
  MA_LOAD(31, lhu, 1, 0xbbcc)
  MA_LOAD(32, lw, 1, 0xffffffff99aabbcc)
  MA_LOAD(33, lw, 2, 0xffffffff8899aabb)
  MA_LOAD(34, lw, 3, 0x778899aa)
  MA_LOAD(35, lwu, 1, 0x99aabbcc)
  MA_LOAD(36, lwu, 3, 0x778899aa)
  MA_LOAD(37, ld, 1, 0x5566778899aabbcc)
  MA_LOAD(38, ld, 3, 0x33445566778899aa)
  MA_LOAD(39, ld, 5, 0x1122334455667788)
  MA_LOAD(40, ld, 7, 0xffee112233445566)
  # across a page boundary (both pages RAM)
  la s0, ma_cross
  MA_LOAD(41, ld, -3, 0x0403020100fffefd)
  MA_LOAD(42, lw, -1, 0x020100ff)

  # ---- misaligned stores -------------------------------------------------------------
  la s1, ma_store
  MA_STORE(50, sh, 1, 2)
  MA_STORE(51, sw, 5, 4)
  MA_STORE(52, sw, 10, 4)
  MA_STORE(53, sd, 17, 8)
  MA_STORE(54, sd, 30, 8)
  MA_STORE(55, sd, 45, 8)
  # a misaligned store's value round-trips
  la s1, ma_store
  li a0, 0x0123456789abcdef
  MA_RECOVERY(1f)
  sd a0, 3(s1)
  ld a1, 3(s1)
  CHECK_REG(56, a0, a1)
1:
  li s6, 0
  # misaligned AMOs, LR and SC are never emulated: misaligned or access-fault traps
  la s1, ma_store
  li s11, 57
  CLEAR_TRAP
  amoadd.w a0, a0, (s1)           # aligned: fine
  addi a1, s1, 2
  TRAPS(58, MISALIGNED_ATOMIC_STORE_CAUSE, amoswap.w a0, a0, (a1))
  CHECK_REG(59, s3, a1)
  addi a1, s1, 4
  TRAPS(60, MISALIGNED_ATOMIC_LOAD_CAUSE, lr.d a0, (a1))
  CHECK_REG(61, s3, a1)
  TRAPS(62, MISALIGNED_ATOMIC_STORE_CAUSE, sc.d a0, a0, (a1))
  TRAPS(63, MISALIGNED_ATOMIC_STORE_CAUSE, amoadd.d a0, a0, (a1))

  # ---- code written by stores runs after fence.i (M-mode, physical) -------------
  la a0, code_buf
  li t0, 0x04d00513               # addi a0, zero, 77
  sw t0, 0(a0)
  li t0, 0x00008067               # ret
  sw t0, 4(a0)
  fence.i
  jalr a0
  CHECK(66, a0, 77)
  la a0, code_buf
  li t0, 0x05800513               # addi a0, zero, 88
  sw t0, 0(a0)
  fence.i
  jalr a0
  CHECK(67, a0, 88)

  # ---- fetch alignment with C ---------------------------------------------------------
  # jalr to target + 2: legal with C, must not trap; link register written
  li s11, 70
  li s6, 0
  li t1, 0
  la t0, 1f
  jalr t1, t0, 2
1:
  .option push
  .option rvc
  c.j 3f
  c.j 2f
  .option pop
3:
  j fail
2:
  la t0, 1b
  li s11, 71
  bne t1, t0, fail
  # jalr clears bit 0 of the target
  li s11, 72
  la t0, 1f
  jalr t1, t0, 1
1:
  j 1f
  j fail
1:
  li s11, 73
  la t0, 1f
  jalr t1, t0, 3                  # +3 -> +2
1:
  .option push
  .option rvc
  c.j 3f
  c.j 2f
  .option pop
3:
  j fail
2:
  # branch and jal to a 2-aligned target
  li s11, 74
  .option push
  .option rvc
  c.nop
  .option pop
  beq zero, zero, 1f
  j fail
  .option push
  .option rvc
  c.nop
1:
  .option pop
  jal t1, 1f
  j fail
  .option push
  .option rvc
  c.nop
1:
  .option pop
  # mepc written with an odd address, mret goes to the even one
  la t0, 1f
  addi t0, t0, 1
  csrw mepc, t0
  li t0, MSTATUS_MPP
  csrs mstatus, t0
  li s11, 75
  mret
1:
  j pass

  .data
  .align 3
ma_data:
  .word 0xaabbccdd
  .word 0x66778899
  .word 0x22334455
  .word 0xeeffee11
  .align 12
  .skip 4096 - 5
  .byte 0xfb, 0xfc, 0xfd, 0xfe, 0xff
ma_cross:
  .byte 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07
  .align 6
ma_store:
  .fill 96, 1, 0xff
  .align 6
code_buf:
  .zero 64
