# Exception delegation (privileged spec "Machine Trap Delegation Registers"):
# medeleg/mideleg writable bits (medeleg[11] read-only 0), delegated exceptions
# from U and S land in the S handler with scause/sepc/stval/SPP/SPIE set and M
# state untouched, the same exceptions raised in M-mode still go to M, and
# non-delegated ones from U/S go to M.
#include "priv.h"

# After a trap handled in S: copy the S record (cause, tval, epc, sstatus,
# handler) to a0..a4, then return to M at the next line.
#define SAVE_S_RECORD_AND_RETURN \
  mv a0, s2; mv a1, s3; mv a2, s4; mv a3, s5; mv a4, s9; BACK_TO_M(993f); 993:

# In mode m, run the instruction(s), which must trap into the S handler; a0..a4 get the record.
#define DELEGATED(n, m, ...) \
  GOTO_MODE(m, 995f); 995: li s11, n; CLEAR_TRAP; la s6, 994f; __VA_ARGS__; j fail; \
  994: SAVE_S_RECORD_AND_RETURN

#define DELEGABLE_EXCEPTIONS ((1 << 0) | (1 << 1) | (1 << 2) | (1 << 3) | (1 << 4) | (1 << 5) | \
  (1 << 6) | (1 << 7) | (1 << 8) | (1 << 12) | (1 << 13) | (1 << 15))
#define S_INTERRUPTS (MIP_SSIP | MIP_STIP | MIP_SEIP)

  .text
  .option norvc
  .globl test_main
test_main:
  # ---- writable bits ----------------------------------------------------------
  li a0, -1
  csrw medeleg, a0
  csrr a1, medeleg
  CHECK_MASK(2, a1, DELEGABLE_EXCEPTIONS, DELEGABLE_EXCEPTIONS)
  CHECK_MASK(3, a1, 1 << CAUSE_ECALL_M, 0)
  csrw medeleg, zero
  csrr a1, medeleg
  CHECK(4, a1, 0)
  li a0, -1
  csrw mideleg, a0
  csrr a1, mideleg
  CHECK_MASK(5, a1, S_INTERRUPTS, S_INTERRUPTS)
  csrw mideleg, zero

  # ---- delegated exceptions from U --------------------------------------------
  li a0, (1 << CAUSE_ILLEGAL) | (1 << CAUSE_BREAKPOINT) | (1 << CAUSE_ECALL_U) | \
         (1 << CAUSE_LOAD_ACCESS) | (1 << CAUSE_STORE_ACCESS) | (1 << CAUSE_FETCH_ACCESS)
  csrw medeleg, a0
  li a0, 0x1234
  csrw mcause, a0
  csrw mepc, zero
  csrw mtval, zero

  DELEGATED(10, PRV_U, ill_u: .word 0)
  CHECK(11, a0, CAUSE_ILLEGAL)
  CHECK(12, a4, PRV_S)
  la t0, ill_u
  CHECK_REG(13, a2, t0)
  CHECK_MASK(14, a3, MSTATUS_SPP, 0)
  CHECK(15, a1, 0)

  DELEGATED(16, PRV_U, ebreak_u: ebreak)
  CHECK(17, a0, CAUSE_BREAKPOINT)
  la t0, ebreak_u
  CHECK_REG(18, a2, t0)
  CHECK_EBREAK_TVAL(19, a1, ebreak_u)

  DELEGATED(20, PRV_U, ecall_u: ecall)
  CHECK(21, a0, CAUSE_ECALL_U)
  la t0, ecall_u
  CHECK_REG(22, a2, t0)
  CHECK(23, a1, 0)

  li t1, UNMAPPED_PA
  DELEGATED(24, PRV_U, lw t2, 0(t1))
  CHECK(25, a0, CAUSE_LOAD_ACCESS)
  CHECK(26, a1, UNMAPPED_PA)

  li t1, UNMAPPED_PA + 8
  DELEGATED(27, PRV_U, sd t2, 0(t1))
  CHECK(28, a0, CAUSE_STORE_ACCESS)
  CHECK(29, a1, UNMAPPED_PA + 8)

  li t1, UNMAPPED_PA + 16
  li t2, 0
  DELEGATED(30, PRV_U, jalr t2, 0(t1))
  CHECK(31, a0, CAUSE_FETCH_ACCESS)
  CHECK(32, a1, UNMAPPED_PA + 16)
  CHECK(33, a2, UNMAPPED_PA + 16)
  li s11, 34
  beqz t2, fail                   # jalr retired and wrote its link register

  # misaligned AMO (store/AMO misaligned, 6) and LR (load misaligned, 4), delegated
  li a0, (1 << CAUSE_MISALIGNED_LOAD) | (1 << CAUSE_MISALIGNED_STORE)
  csrs medeleg, a0
  la t1, deleg_word + 2
  DELEGATED(36, PRV_U, amoadd.w t2, t2, (t1))
  CHECK(37, a0, MISALIGNED_ATOMIC_STORE_CAUSE)
  la t0, deleg_word + 2
  CHECK_REG(38, a1, t0)
  la t1, deleg_word + 4
  DELEGATED(39, PRV_U, lr.d t2, (t1))
  CHECK(90, a0, MISALIGNED_ATOMIC_LOAD_CAUSE)
  CHECK(91, a4, PRV_S)

  # The M-level trap CSRs were not touched by the delegated traps (the
  # ecalls in SAVE_S_RECORD_AND_RETURN did write them, so check cause only
  # against an ecall from S).
  csrr t0, mcause
  CHECK(35, t0, CAUSE_ECALL_S)

  # ---- delegated exceptions from S --------------------------------------------
  li a0, (1 << CAUSE_ILLEGAL) | (1 << CAUSE_BREAKPOINT)
  csrw medeleg, a0
  # trap into S saves SIE in SPIE and clears SIE; SPP = S
  csrwi sie, 0
  li t0, MSTATUS_SIE
  csrs mstatus, t0
  DELEGATED(40, PRV_S, ill_s: csrr t0, mstatus)
  CHECK(41, a0, CAUSE_ILLEGAL)
  la t0, ill_s
  CHECK_REG(42, a2, t0)
  CHECK_MASK(43, a3, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, MSTATUS_SPP | MSTATUS_SPIE)
  li s11, 44
  beqz a1, 1f
  lwu t0, ill_s
  bne a1, t0, fail
1:
  DELEGATED(45, PRV_S, ebreak_s: ebreak)
  CHECK(46, a0, CAUSE_BREAKPOINT)
  CHECK_EBREAK_TVAL(47, a1, ebreak_s)

  # ---- delegated causes raised in M-mode are still taken in M -----------------
  TRAPS_ILLEGAL(50, .word 0)
  CHECK_HANDLER(51, PRV_M)
  TRAPS(52, CAUSE_BREAKPOINT, ebreak)
  CHECK_HANDLER(53, PRV_M)

  # ---- not delegated: U and S exceptions go to M ------------------------------
  csrw medeleg, zero
  GOTO_MODE(PRV_U, 1f)
1:
  TRAPS_ILLEGAL(60, .word 0)
  CHECK_HANDLER(61, PRV_M)
  CHECK_PREV_MPP(62, PRV_U)
  GOTO_MODE(PRV_S, 1f)
1:
  TRAPS(63, CAUSE_BREAKPOINT, ebreak)
  CHECK_HANDLER(64, PRV_M)
  CHECK_PREV_MPP(65, PRV_S)

  # ---- only the delegated cause goes to S ----------------------------------------
  li a0, 1 << CAUSE_ECALL_U
  csrw medeleg, a0
  GOTO_MODE(PRV_U, 1f)
1:
  TRAPS(70, CAUSE_BREAKPOINT, ebreak)
  CHECK_HANDLER(71, PRV_M)
  DELEGATED(72, PRV_U, ecall)
  CHECK(73, a0, CAUSE_ECALL_U)
  CHECK(74, a4, PRV_S)

  # ---- ecall from S delegated to S --------------------------------------------------
  li a0, 1 << CAUSE_ECALL_S
  csrw medeleg, a0
  GOTO_MODE(PRV_S, 1f)
1:
  li s11, 80
  CLEAR_TRAP
  la s6, 2f
  ecall
  j fail
2:
  # now in S after the S handler; an ebreak (not delegated) returns to M
  mv a0, s2
  mv a4, s9
  la s6, 3f
  ebreak
  j fail
3:
  csrw medeleg, zero
  CHECK(81, a0, CAUSE_ECALL_S)
  CHECK(82, a4, PRV_S)
  j pass

  .data
  .align 3
deleg_word: .dword 0, 0
