# Synchronous traps into M-mode (privileged spec "Machine Trap Handling"):
# ecall from U/S/M (causes 8/9/11, epc = the ecall, tval 0), ebreak and
# c.ebreak (cause 3, tval = pc), illegal instructions (cause 2, tval 0 or the
# bits), the trap-entry status updates (MPP, MPIE <- MIE, MIE <- 0), mepc and
# mtvec WARL rules, and exceptions going to the vector base in vectored mode.
#include "priv.h"

# Fail check n unless tval is 0 or the instruction bits (len 2 or 4) at epc.
#if HART_ILLEGAL_TVAL_BITS
#define TVAL_ZERO_OK
#else
#define TVAL_ZERO_OK beqz s3, 996f;
#endif
#define CHECK_ILLEGAL_TVAL(n, len) \
  li s11, n; TVAL_ZERO_OK .if len == 2; lhu t6, 0(s4); .else; lwu t6, 0(s4); .endif; beq t6, s3, 996f; j fail; 996:

  .text
  .option norvc
  .globl test_main
test_main:
  # ---- ecall from M, S, U --------------------------------------------------
  li s11, 2
  CLEAR_TRAP
  la s6, 1f
ecall_m:
  ecall
  j fail
1:
  CHECK_CAUSE(3, CAUSE_ECALL_M)
  CHECK_EPC_LABEL(4, ecall_m)
  CHECK(5, s3, 0)
  CHECK_PREV_MPP(6, PRV_M)

  GOTO_MODE(PRV_S, 1f)
1:
  li s11, 7
  CLEAR_TRAP
  la s6, 1f
ecall_s:
  ecall
  j fail
1:
  CHECK_CAUSE(8, CAUSE_ECALL_S)
  CHECK_EPC_LABEL(9, ecall_s)
  CHECK(10, s3, 0)
  CHECK_PREV_MPP(11, PRV_S)

  GOTO_MODE(PRV_U, 1f)
1:
  li s11, 12
  CLEAR_TRAP
  la s6, 1f
ecall_u:
  ecall
  j fail
1:
  CHECK_CAUSE(13, CAUSE_ECALL_U)
  CHECK_EPC_LABEL(14, ecall_u)
  CHECK(15, s3, 0)
  CHECK_PREV_MPP(16, PRV_U)

  # ---- trap entry saves MIE in MPIE and clears MIE -------------------------
  csrwi mie, 0
  csrsi mstatus, MSTATUS_MIE
  li s11, 17
  la s6, 1f
  ecall
  j fail
1:
  CHECK_MASK(18, s5, MSTATUS_MIE | MSTATUS_MPIE, MSTATUS_MPIE)
  csrsi mstatus, MSTATUS_MIE      # handler cleared MPIE, so mret left MIE = 0; set it again
  li t0, MSTATUS_MPIE
  csrs mstatus, t0
  csrci mstatus, MSTATUS_MIE
  li s11, 19
  la s6, 1f
  ecall
  j fail
1:
  CHECK_MASK(20, s5, MSTATUS_MIE | MSTATUS_MPIE, 0)

  # ---- ebreak and c.ebreak -------------------------------------------------
  li s11, 21
  CLEAR_TRAP
  la s6, 1f
ebreak_m:
  ebreak
  j fail
1:
  CHECK_CAUSE(22, CAUSE_BREAKPOINT)
  CHECK_EPC_LABEL(23, ebreak_m)
  CHECK_EBREAK_TVAL(24, s3, ebreak_m)
  li s11, 25
  CLEAR_TRAP
  la s6, 1f
  .option push
  .option rvc
  c.nop                           # put c.ebreak at an address that is not 4-aligned
cebreak_m:
  c.ebreak
  .option pop
  j fail
1:
  CHECK_CAUSE(26, CAUSE_BREAKPOINT)
  CHECK_EPC_LABEL(27, cebreak_m)
  CHECK_EBREAK_TVAL(28, s3, cebreak_m)
  GOTO_MODE(PRV_U, 1f)
1:
  li s11, 29
  CLEAR_TRAP
  la s6, 1f
ebreak_u:
  ebreak
  j fail
1:
  CHECK_CAUSE(30, CAUSE_BREAKPOINT)
  CHECK_EPC_LABEL(31, ebreak_u)
  CHECK_PREV_MPP(32, PRV_U)
  CHECK_EBREAK_TVAL(33, s3, ebreak_u)

  # ---- illegal instructions --------------------------------------------------
  li s11, 40
  CLEAR_TRAP
  la s6, 1f
ill_zero:
  .word 0
  j fail
1:
  CHECK_CAUSE(41, CAUSE_ILLEGAL)
  CHECK_EPC_LABEL(42, ill_zero)
  CHECK(43, s3, 0)                # both choices give 0 here
  li s11, 44
  CLEAR_TRAP
  la s6, 1f
ill_ones:
  .word 0xffffffff
  j fail
1:
  CHECK_CAUSE(45, CAUSE_ILLEGAL)
  CHECK_EPC_LABEL(46, ill_ones)
  CHECK_ILLEGAL_TVAL(47, 4)
  li s11, 48
  CLEAR_TRAP
  la s6, 1f
  .option push
  .option rvc
  c.nop
ill_c:
  .half 0x0000                    # c.unimp: the defined illegal 16-bit instruction
  .option pop
  j fail
1:
  CHECK_CAUSE(49, CAUSE_ILLEGAL)
  CHECK_EPC_LABEL(50, ill_c)
  CHECK(51, s3, 0)
  li s11, 52
  CLEAR_TRAP
  la s6, 1f
ill_cres:
  .half 0x8002                    # c.jr x0: reserved
  .half 0x0001                    # (padding: c.nop)
  j fail
1:
  CHECK_CAUSE(53, CAUSE_ILLEGAL)
  CHECK_EPC_LABEL(54, ill_cres)
  CHECK_ILLEGAL_TVAL(55, 2)
  li s11, 56
  CLEAR_TRAP
  la s6, 1f
ill_op:
  .word 0x0000707f                # major opcode 0x7f: reserved (>= 192-bit encodings)
  j fail
1:
  CHECK_CAUSE(57, CAUSE_ILLEGAL)
  CHECK_ILLEGAL_TVAL(58, 4)
  # mret and sret from U, mret from S are illegal.
  GOTO_MODE(PRV_U, 1f)
1:
  TRAPS_ILLEGAL(60, mret)
  GOTO_MODE(PRV_U, 1f)
1:
  TRAPS_ILLEGAL(61, sret)
  GOTO_MODE(PRV_S, 1f)
1:
  TRAPS_ILLEGAL(62, mret)
  GOTO_MODE(PRV_U, 1f)
1:
  TRAPS_ILLEGAL(63, sfence.vma)
  GOTO_MODE(PRV_U, 1f)
1:
  NO_TRAP(64, fence.i; fence)
  BACK_TO_M(1f)
1:

  # ---- mepc / sepc: bit 0 always reads 0 (IALIGN = 16) ---------------------
  li a0, -1
  csrw mepc, a0
  csrr a1, mepc
  CHECK(70, a1, -2)
  li a0, 0x80000003
  csrw mepc, a0
  csrr a1, mepc
  CHECK(71, a1, 0x80000002)
  li a0, -1
  csrw sepc, a0
  csrr a1, sepc
  CHECK(72, a1, -2)

  # ---- mtvec / stvec -----------------------------------------------------------
  csrr s0, mtvec
  la a0, vec_table
  csrw mtvec, a0
  csrr a1, mtvec
  CHECK_REG(80, a0, a1)
  addi a0, a0, 1                  # vectored
  csrw mtvec, a0
  csrr a1, mtvec
  li s11, 81
  andi a2, a1, 3
  beqz a2, 2f                     # vectored mode not kept: allowed (WARL), skip
  CHECK_REG(82, a0, a1)
  # An exception in vectored mode goes to the base.
  li s7, 0
  li s11, 83
  CLEAR_TRAP
  la s6, 1f
  ecall
  j fail
1:
  CHECK_CAUSE(84, CAUSE_ECALL_M)
  CHECK(85, s7, 0x0a)             # vec_table entry 0 marks s7
2:
  # Mode 2 and 3 are reserved: a write of them does not read back as that mode.
  la a0, vec_table
  ori a0, a0, 2
  csrw mtvec, a0
  csrr a1, mtvec
  andi a1, a1, 3
  li s11, 86
  li t0, 2
  beq a1, t0, fail
  csrw mtvec, s0
  la a0, vec_table
  csrw stvec, a0
  csrr a1, stvec
  CHECK_REG(87, a0, a1)
  la a0, s_trap
  csrw stvec, a0
  j pass

  # Vector table: entry 0 marks s7 and continues in the M handler.
  .align 8
vec_table:
  li s7, 0x0a
  j m_trap
  .rept 15
  j fail
  .endr
