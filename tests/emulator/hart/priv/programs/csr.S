# CSR access rules (Zicsr; privileged spec "CSR Address Mapping Conventions"):
# csrrw/s/c and immediate forms, read-only CSRs (top bits 11) trap on writes but
# not on csrrs/csrrc with rs1 = x0 (or uimm 0), unknown and RV32-only CSRs trap,
# lower privileges cannot reach higher-level CSRs, FP CSRs trap when FS = Off.
# Illegal-instruction tval is 0 or the instruction bits (hart-choices.h).
#include "priv.h"

#define CHECK_ILLEGAL_TVAL(n) ILLEGAL_TVAL_CHECK(n)

  .text
  .option norvc
  .globl test_main
test_main:
  # ---- read/modify/write semantics on mscratch and sscratch --------------
  csrwi mscratch, 3
  csrr a0, mscratch
  CHECK(2, a0, 3)
  csrrci a1, mscratch, 1
  CHECK(3, a1, 3)
  csrrsi a2, mscratch, 4
  CHECK(4, a2, 2)
  csrrwi a3, mscratch, 2
  CHECK(5, a3, 6)
  li a0, 0xbad1dea
  csrrw a1, mscratch, a0
  CHECK(6, a1, 2)
  li a0, 0x0001dea
  csrrc a1, mscratch, a0
  CHECK(7, a1, 0xbad1dea)
  li a0, 0x000beef
  csrrs a1, mscratch, a0
  CHECK(8, a1, 0xbad0000)
  li a0, 0xbad1dea
  csrrw a0, mscratch, a0          # rd == rs1: old value returned, new written
  CHECK(9, a0, 0xbadbeef)
  csrr a0, mscratch
  CHECK(10, a0, 0xbad1dea)
  li a0, -1
  csrw sscratch, a0
  csrr a1, sscratch
  CHECK(11, a1, -1)
  csrw sscratch, zero
  csrrwi a0, sscratch, 0
  csrrwi a0, sscratch, 0xF
  CHECK(12, a0, 0)
  csrrsi x0, sscratch, 0x10
  csrr a0, sscratch
  CHECK(13, a0, 0x1f)

  # ---- read-only CSRs -------------------------------------------------------
  TRAPS_ILLEGAL(20, csrw mhartid, zero)
  CHECK_ILLEGAL_TVAL(21)
  CHECK_HANDLER(22, PRV_M)
  CHECK_PREV_MPP(23, PRV_M)
  TRAPS_ILLEGAL(24, csrrw x0, mvendorid, a0)
  li t0, 0
  TRAPS_ILLEGAL(25, csrrs a0, mhartid, t0)     # rs1 != x0 writes, even a zero
  TRAPS_ILLEGAL(26, csrrc a0, mimpid, t0)
  TRAPS_ILLEGAL(27, csrrwi a0, marchid, 0)
  NO_TRAP(28, csrrs a0, mhartid, x0)
  NO_TRAP(29, csrrc a0, mhartid, x0)
  NO_TRAP(30, csrrsi a0, mhartid, 0)
  NO_TRAP(31, csrrci a0, mhartid, 0)
  TRAPS_ILLEGAL(32, csrw cycle, zero)
  TRAPS_ILLEGAL(33, csrw time, zero)
  TRAPS_ILLEGAL(34, csrw instret, zero)
  TRAPS_ILLEGAL(35, csrrsi a0, cycle, 1)
  TRAPS_ILLEGAL(36, csrw 0xF15, zero)          # mconfigptr: read-only or absent

  # ---- unknown CSRs and RV32-only CSRs ----------------------------------------
  TRAPS_ILLEGAL(40, csrr a0, 0x7C0)            # custom M read/write range
  TRAPS_ILLEGAL(41, csrr a0, 0xBC0)
  TRAPS_ILLEGAL(42, csrr a0, 0xFC0)            # custom M read-only range
  TRAPS_ILLEGAL(43, csrr a0, 0x5C0)            # custom S range
  TRAPS_ILLEGAL(44, csrr a0, 0x8C0)            # custom U range
  TRAPS_ILLEGAL(45, csrr a0, 0x310)            # mstatush: RV32 only
  TRAPS_ILLEGAL(46, csrr a0, 0x3A1)            # pmpcfg1: RV32 only
  TRAPS_ILLEGAL(47, csrr a0, 0xC80)            # cycleh: RV32 only
  TRAPS_ILLEGAL(48, csrr a0, 0xB80)            # mcycleh: RV32 only
  CHECK_ILLEGAL_TVAL(49)
  TRAPS_ILLEGAL(50, csrw 0x7C0, a0)

  # ---- S-mode cannot reach M-level CSRs ---------------------------------------
  GOTO_MODE(PRV_S, 1f)
1:
  NO_TRAP(60, csrr a0, sstatus)
  li a0, 0x55
  csrw sscratch, a0
  csrr a1, sscratch
  CHECK(61, a1, 0x55)
  TRAPS_ILLEGAL(62, csrr a0, mstatus)
  CHECK_PREV_MPP(63, PRV_S)
  CHECK_ILLEGAL_TVAL(64)
  GOTO_MODE(PRV_S, 1f)
1:
  TRAPS_ILLEGAL(65, csrr a0, mscratch)
  GOTO_MODE(PRV_S, 1f)
1:
  TRAPS_ILLEGAL(66, csrr a0, mhartid)
  GOTO_MODE(PRV_S, 1f)
1:
  TRAPS_ILLEGAL(67, csrw mepc, zero)
  GOTO_MODE(PRV_S, 1f)
1:
  TRAPS_ILLEGAL(68, csrr a0, misa)
  GOTO_MODE(PRV_S, 1f)
1:
  TRAPS_ILLEGAL(69, csrr a0, medeleg)

  # ---- U-mode cannot reach S- or M-level CSRs ---------------------------------
  GOTO_MODE(PRV_U, 1f)
1:
  TRAPS_ILLEGAL(70, csrr a0, sstatus)
  CHECK_PREV_MPP(71, PRV_U)
  GOTO_MODE(PRV_U, 1f)
1:
  TRAPS_ILLEGAL(72, csrw sscratch, zero)
  GOTO_MODE(PRV_U, 1f)
1:
  TRAPS_ILLEGAL(73, csrr a0, satp)
  GOTO_MODE(PRV_U, 1f)
1:
  TRAPS_ILLEGAL(74, csrr a0, stvec)
  GOTO_MODE(PRV_U, 1f)
1:
  TRAPS_ILLEGAL(75, csrr a0, mstatus)
  GOTO_MODE(PRV_U, 1f)
1:
  TRAPS_ILLEGAL(76, csrr a0, sip)
  # sscratch kept its value through the failed U-mode write
  csrr a0, sscratch
  CHECK(77, a0, 0x55)

  # ---- floating-point CSRs ---------------------------------------------------
  li t0, MSTATUS_FS
  csrs mstatus, t0
  li a0, -1
  csrw fcsr, a0
  csrr a1, fcsr
  CHECK(80, a1, 0xff)
  csrr a1, frm
  CHECK(81, a1, 7)
  csrr a1, fflags
  CHECK(82, a1, 0x1f)
  csrwi fflags, 0
  csrr a1, fcsr
  CHECK(83, a1, 0xe0)
  csrwi frm, 1
  csrr a1, fcsr
  CHECK(84, a1, 0x20)
  # FP CSRs are reachable from U-mode while FS != Off.
  GOTO_MODE(PRV_U, 1f)
1:
  NO_TRAP(85, csrr a1, fcsr)
  CHECK(86, a1, 0x20)
  BACK_TO_M(1f)
1:
  # With FS = Off, FP CSRs and FP instructions are illegal, and fsw stores nothing.
  li t0, MSTATUS_FS
  csrc mstatus, t0
  TRAPS_ILLEGAL(87, csrr a1, fcsr)
  TRAPS_ILLEGAL(88, csrwi fflags, 0)
  TRAPS_ILLEGAL(89, fmv.x.d a1, f0)
  la a1, fp_word
  TRAPS_ILLEGAL(90, fsw f0, 0(a1))
  lw a2, 0(a1)
  CHECK(91, a2, 1)
  CHECK_ILLEGAL_TVAL(92)
  j pass

  .data
  .align 3
fp_word: .word 1
