# Trap returns and virtualization traps (privileged spec "Privilege and Global
# Interrupt-Enable Stack", "Virtualization Support in mstatus"): mret/sret
# restore xIE from xPIE, set xPIE, drop xPP to U and clear MPRV when leaving M;
# sret works from M; TSR traps sret in S, TVM traps satp and sfence.vma in S,
# TW traps wfi below M; wfi in S with TW = 0 does not trap.
#include "priv.h"

# mstatus = value, mepc = label, then mret.
#define MRET_WITH(value, label) li t0, value; csrw mstatus, t0; la t0, label; csrw mepc, t0; mret

  .text
  .option norvc
  .globl test_main
test_main:
  csrwi mie, 0
  # ---- mret to M: MIE <- MPIE, MPIE <- 1, MPP <- U, MPRV kept ------------
  MRET_WITH(MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MPRV, 1f)
1:
  csrr a0, mstatus
  CHECK_MASK(2, a0, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP | MSTATUS_MPRV, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPRV)
  MRET_WITH(MSTATUS_MPP, 1f)
1:
  csrr a0, mstatus
  CHECK_MASK(3, a0, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP, MSTATUS_MPIE)

  # ---- mret to S clears MPRV; the mode really is S ---------------------------
  MRET_WITH(MSTATUS_MPP_S | MSTATUS_MPRV | MSTATUS_MPIE, 1f)
1:
  TRAPS(4, CAUSE_ECALL_S, ecall)
  CHECK_MASK(5, s5, MSTATUS_MPRV, 0)
  # ---- mret to U clears MPRV -------------------------------------------------
  MRET_WITH(MSTATUS_MPRV, 1f)
1:
  TRAPS(6, CAUSE_ECALL_U, ecall)
  CHECK_MASK(7, s5, MSTATUS_MPRV, 0)

  # ---- sret from S: SIE <- SPIE, SPIE <- 1, SPP <- U -------------------------
  GOTO_MODE(PRV_S, 1f)
1:
  li t0, MSTATUS_SPP | MSTATUS_SPIE
  csrs sstatus, t0
  csrci sstatus, MSTATUS_SIE
  la t0, 2f
  csrw sepc, t0
  sret
2:
  csrr a0, sstatus
  CHECK_MASK(10, a0, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP, MSTATUS_SIE | MSTATUS_SPIE)
  TRAPS(11, CAUSE_ECALL_S, ecall)  # still S (SPP was S)
  # sret from S to U
  GOTO_MODE(PRV_S, 1f)
1:
  li t0, MSTATUS_SPP | MSTATUS_SPIE
  csrc sstatus, t0
  la t0, 2f
  csrw sepc, t0
  sret
2:
  TRAPS(12, CAUSE_ECALL_U, ecall)
  csrr a0, mstatus
  CHECK_MASK(13, a0, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP, MSTATUS_SPIE)

  # ---- sret executed in M-mode (as env/v's pop_tf does) ------------------------
  li t0, MSTATUS_MPRV | MSTATUS_SPIE
  csrw mstatus, t0                # SPP = U
  la t0, 1f
  csrw sepc, t0
  sret
1:
  TRAPS(14, CAUSE_ECALL_U, ecall)
  CHECK_MASK(15, s5, MSTATUS_MPRV | MSTATUS_SIE, MSTATUS_SIE)
  li t0, MSTATUS_SPP
  csrw mstatus, t0
  la t0, 1f
  csrw sepc, t0
  sret
1:
  TRAPS(16, CAUSE_ECALL_S, ecall)

  # ---- TSR ---------------------------------------------------------------------
  csrw mstatus, zero
  li t0, MSTATUS_TSR
  csrs mstatus, t0
  GOTO_MODE(PRV_S, 1f)
1:
  li t0, MSTATUS_SPP
  csrs sstatus, t0
  la t0, fail                     # an sret that wrongly executes lands on fail
  csrw sepc, t0
  TRAPS_ILLEGAL(20, sret)
  CHECK_PREV_MPP(21, PRV_S)
  # sret in M is fine with TSR = 1
  li t0, MSTATUS_SPP
  csrs mstatus, t0
  la t0, 1f
  csrw sepc, t0
  NO_TRAP(22, sret)
1:
  # TSR = 0: sret in S works
  BACK_TO_M(1f)
1:
  li t0, MSTATUS_TSR
  csrc mstatus, t0
  GOTO_MODE(PRV_S, 1f)
1:
  li t0, MSTATUS_SPP
  csrs sstatus, t0
  la t0, 2f
  csrw sepc, t0
  NO_TRAP(23, sret)
2:
  BACK_TO_M(1f)
1:

  # ---- TVM ---------------------------------------------------------------------
  GOTO_MODE(PRV_S, 1f)
1:
  NO_TRAP(30, csrr a0, satp; sfence.vma; csrw satp, zero)
  BACK_TO_M(1f)
1:
  li t0, MSTATUS_TVM
  csrs mstatus, t0
  GOTO_MODE(PRV_S, 1f)
1:
  TRAPS_ILLEGAL(31, csrr a0, satp)
  GOTO_MODE(PRV_S, 1f)
1:
  TRAPS_ILLEGAL(32, csrw satp, zero)
  GOTO_MODE(PRV_S, 1f)
1:
  TRAPS_ILLEGAL(33, sfence.vma)
  GOTO_MODE(PRV_S, 1f)
1:
  TRAPS_ILLEGAL(34, sfence.vma a0, zero)
  # M-mode is not affected by TVM
  NO_TRAP(35, csrr a0, satp; sfence.vma)
  li t0, MSTATUS_TVM
  csrc mstatus, t0

  # ---- wfi and TW --------------------------------------------------------------
  # With an enabled interrupt pending, wfi completes at once (even with MIE = 0).
  csrci mstatus, MSTATUS_MIE | MSTATUS_SIE
  csrwi mip, MIP_SSIP
  csrwi mie, MIP_SSIP
  NO_TRAP(40, wfi)
  # S-mode, TW = 0: wfi does not trap (SSIP delegated, SIE = 0: it just wakes).
  csrwi mideleg, MIP_SSIP
  GOTO_MODE(PRV_S, 1f)
1:
  NO_TRAP(41, wfi)
  BACK_TO_M(1f)
1:
  # TW = 1: wfi in S traps (the time limit is 0 with nothing to wait for).
  csrwi mip, 0
  csrwi mie, 0
  li t0, MSTATUS_TW
  csrs mstatus, t0
  GOTO_MODE(PRV_S, 1f)
1:
  TRAPS_ILLEGAL(42, wfi)
  GOTO_MODE(PRV_U, 1f)
1:
  TRAPS_ILLEGAL(43, wfi)
  # wfi in M ignores TW (an interrupt is pending so it completes)
  csrwi mip, MIP_SSIP
  csrwi mie, MIP_SSIP
  NO_TRAP(44, wfi)
  li t0, MSTATUS_TW
  csrc mstatus, t0
  # U-mode wfi with TW = 0: traps as illegal, or waits; a timer interrupt
  # (taken in M) ends the wait, so either cause is accepted.
  csrwi mip, 0
  csrwi mideleg, 0
  li t0, CLINT_MTIME
  ld t1, 0(t0)
  addi t1, t1, 50
  li t0, CLINT_MTIMECMP
  sd t1, 0(t0)
  li t0, MIP_MTIP
  csrw mie, t0
  li s11, 45
  CLEAR_TRAP
  la s6, 2f
  GOTO_MODE(PRV_U, 1f)
1:
  wfi
3:
  j 3b
2:
  li s11, 46
  li t0, CAUSE_ILLEGAL
  beq s2, t0, 4f
#if HART_U_WFI_ILLEGAL
  j fail
#endif
  li t0, INTR(IRQ_MTI)
  bne s2, t0, fail
4:
  csrwi mie, 0
  li t0, CLINT_MTIMECMP
  li t1, -1
  sd t1, 0(t0)
  j pass
