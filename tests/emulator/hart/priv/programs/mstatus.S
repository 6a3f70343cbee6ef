# mstatus / sstatus (privileged spec "Machine Status Register", "Supervisor
# Status Register"): the writable bits, WARL MPP (no H-mode: 2 is not kept),
# SXL = UXL = 2 read-only, SD summarising FS, sstatus as a restricted view, FS
# becoming Dirty after an FP write, and XS/VS/UBE read-only zero.
#include "priv.h"

#define MSTATUS_ALL_WRITABLE (MSTATUS_SIE | MSTATUS_MIE | MSTATUS_SPIE | MSTATUS_MPIE | MSTATUS_SPP | \
  MSTATUS_MPP | MSTATUS_FS | MSTATUS_MPRV | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR)
#define SSTATUS_ALL_WRITABLE (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_FS | MSTATUS_SUM | MSTATUS_MXR)
#define XL64 0xA00000000
#define SSTATUS_UXL64 0x200000000

  .text
  .option norvc
  .globl test_main
test_main:
  # All ones into mstatus: exactly the implemented fields stick (mie = 0, so MIE = 1 is harmless).
  csrr s0, mstatus
  li a0, -1
  csrw mstatus, a0
  csrr a1, mstatus
  CHECK(2, a1, MSTATUS_ALL_WRITABLE | XL64 | MSTATUS_SD)
  # Zero into mstatus: SXL/UXL stay 2, everything else clears.
  csrw mstatus, zero
  csrr a1, mstatus
  CHECK(3, a1, XL64)

  # MPP is WARL: 0, 1, 3 stick; 2 (H) does not.
  li t0, MSTATUS_MPP
  csrc mstatus, t0
  csrr a1, mstatus
  CHECK_MASK(4, a1, MSTATUS_MPP, 0)
  li t0, 1 << 11
  csrs mstatus, t0
  csrr a1, mstatus
  CHECK_MASK(5, a1, MSTATUS_MPP, 1 << 11)
  li t0, MSTATUS_MPP
  csrs mstatus, t0
  csrr a1, mstatus
  CHECK_MASK(6, a1, MSTATUS_MPP, 3 << 11)
  li t0, MSTATUS_MPP
  csrc mstatus, t0
  li t0, 2 << 11
  csrs mstatus, t0
  csrr a1, mstatus
  li s11, 7
  li t0, MSTATUS_MPP
  and a1, a1, t0
  li t0, 2 << 11
  beq a1, t0, fail

  # SD follows FS: only Dirty (3) sets it.
  li t0, MSTATUS_FS
  csrc mstatus, t0
  li t0, MSTATUS_FS_INITIAL
  csrs mstatus, t0
  csrr a1, mstatus
  CHECK_MASK(10, a1, MSTATUS_SD | MSTATUS_FS, MSTATUS_FS_INITIAL)
  li t0, MSTATUS_FS
  csrc mstatus, t0
  li t0, MSTATUS_FS_CLEAN
  csrs mstatus, t0
  csrr a1, mstatus
  CHECK_MASK(11, a1, MSTATUS_SD | MSTATUS_FS, MSTATUS_FS_CLEAN)
  li t0, MSTATUS_FS
  csrs mstatus, t0
  csrr a1, mstatus
  CHECK_MASK(12, a1, MSTATUS_SD | MSTATUS_FS, MSTATUS_SD | MSTATUS_FS)
  csrr a1, sstatus
  CHECK_MASK(13, a1, MSTATUS_SD | MSTATUS_FS, MSTATUS_SD | MSTATUS_FS)
  # Writing SD, XS, VS, UBE has no effect.
  li t0, MSTATUS_FS
  csrc mstatus, t0
  li t0, MSTATUS_SD | MSTATUS_XS | MSTATUS_VS | MSTATUS_UBE
  csrs mstatus, t0
  csrr a1, mstatus
  CHECK_MASK(14, a1, MSTATUS_SD | MSTATUS_XS | MSTATUS_VS | MSTATUS_UBE | MSTATUS_FS, 0)

  # An FP register write with FS = Initial or Clean makes FS Dirty.
  li t0, MSTATUS_FS
  csrc mstatus, t0
  li t0, MSTATUS_FS_INITIAL
  csrs mstatus, t0
  fmv.d.x f1, zero
  csrr a1, mstatus
  CHECK_MASK(15, a1, MSTATUS_SD | MSTATUS_FS, MSTATUS_SD | MSTATUS_FS)
  li t0, MSTATUS_FS
  csrc mstatus, t0
  li t0, MSTATUS_FS_CLEAN
  csrs mstatus, t0
  csrwi fflags, 1                 # fcsr is FP state too
  csrr a1, mstatus
  CHECK_MASK(16, a1, MSTATUS_FS, MSTATUS_FS)

  # sstatus is a view of mstatus: all ones writes only the S fields.
  csrw mstatus, zero
  li a0, -1
  csrw sstatus, a0
  csrr a1, sstatus
  CHECK(20, a1, SSTATUS_ALL_WRITABLE | SSTATUS_UXL64 | MSTATUS_SD)
  csrr a1, mstatus
  CHECK(21, a1, SSTATUS_ALL_WRITABLE | XL64 | MSTATUS_SD)
  # M-only fields never show in sstatus and are not changed through it.
  li a0, MSTATUS_ALL_WRITABLE
  csrw mstatus, a0
  csrw sstatus, zero
  csrr a1, mstatus
  CHECK(22, a1, (MSTATUS_ALL_WRITABLE & ~SSTATUS_ALL_WRITABLE) | XL64)
  csrr a1, sstatus
  CHECK(23, a1, SSTATUS_UXL64)
  # SXL/UXL read-only.
  li t0, MSTATUS_UXL | MSTATUS_SXL
  csrc mstatus, t0
  csrr a1, mstatus
  CHECK_MASK(24, a1, MSTATUS_UXL | MSTATUS_SXL, XL64)

  # sstatus from S-mode behaves the same; SPP etc. writable there.
  csrw mstatus, zero
  li t0, MSTATUS_FS_INITIAL
  csrs mstatus, t0
  GOTO_MODE(PRV_S, 1f)
1:
  li t0, MSTATUS_SUM | MSTATUS_MXR | MSTATUS_SPP | MSTATUS_SPIE
  csrs sstatus, t0
  csrr a1, sstatus
  CHECK_MASK(30, a1, MSTATUS_SUM | MSTATUS_MXR | MSTATUS_SPP | MSTATUS_SPIE, \
             MSTATUS_SUM | MSTATUS_MXR | MSTATUS_SPP | MSTATUS_SPIE)
  li t0, -1
  csrc sstatus, t0
  csrr a1, sstatus
  CHECK(31, a1, SSTATUS_UXL64)
  BACK_TO_M(1f)
1:
  csrw mstatus, zero
  j pass
