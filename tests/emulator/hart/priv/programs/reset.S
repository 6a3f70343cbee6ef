# Reset state (privileged spec "Reset"): the hart starts in M-mode with
# mstatus.MIE = MPRV = 0, misa reports RV64 with A C D F I M S U, mhartid is 0,
# SXL = UXL = 2, PMP entries are off, and the identification CSRs are readable.
#include "priv.h"

  .text
  .option norvc
  .globl test_main
test_main:
  la s0, reset_state
  ld a0, 0(s0)                    # mstatus at reset
  CHECK_MASK(2, a0, MSTATUS_MIE | MSTATUS_MPRV, 0)
  CHECK_MASK(3, a0, MSTATUS_UXL | MSTATUS_SXL, 0xA00000000)
#if HART_RESET_FS_OFF
  CHECK_MASK(20, a0, MSTATUS_FS | MSTATUS_SD, 0)
#endif
  ld a1, 8(s0)                    # misa
  srli a2, a1, 62
  CHECK(4, a2, 2)
  CHECK_MASK(5, a1, (1 << 0) | (1 << 2) | (1 << 3) | (1 << 5) | (1 << 8) | (1 << 12) | (1 << 18) | (1 << 20), \
             (1 << 0) | (1 << 2) | (1 << 3) | (1 << 5) | (1 << 8) | (1 << 12) | (1 << 18) | (1 << 20))
  # No extension we do not implement (no E, H, Q, V): bits 4, 7, 16, 21 clear.
  CHECK_MASK(6, a1, (1 << 4) | (1 << 7) | (1 << 16) | (1 << 21), 0)
  ld a2, 16(s0)                   # mhartid
  CHECK(7, a2, 0)
  ld a2, 64(s0)                   # pmpcfg0: A and L fields of every entry are 0
  li t0, 0x9898989898989898
  and a2, a2, t0
  CHECK(8, a2, 0)

  # misa read now equals misa at reset; writing its own value back keeps it.
  csrr a2, misa
  CHECK_REG(9, a1, a2)
  NO_TRAP(10, csrw misa, a2)
  csrr a3, misa
  CHECK_REG(11, a2, a3)

  # Identification CSRs read without trapping (mcsr.S does the same).
  NO_TRAP(12, csrr a0, mvendorid)
  NO_TRAP(13, csrr a0, marchid)
  NO_TRAP(14, csrr a0, mimpid)
  NO_TRAP(15, csrr a0, mhartid)
  # csrs with a zero register on mtvec/mepc does not trap.
  li t0, 0
  NO_TRAP(16, csrs mtvec, t0)
  NO_TRAP(17, csrs mepc, t0)
  csrr a0, mhartid
  CHECK(18, a0, 0)
  # Still in M-mode: mstatus is readable, mscratch round-trips.
  li a0, 0x123456789abcdef0
  csrw mscratch, a0
  csrr a1, mscratch
  CHECK_REG(19, a0, a1)
  j pass
