# PMP and trigger CSRs (privileged spec "Physical Memory Protection", debug
# spec "Trigger Module"): the harness's RVTEST-style PMP setup took effect,
# pmpcfg/pmpaddr are WARL (pmpaddr holds 54 bits, granularity probe), PMP
# CSRs are M-only, and tselect/tdata1/tdata2 behave as for a hart with no
# triggers without trapping in M (the official breakpoint test relies on it).
#include "priv.h"

  .text
  .option norvc
  .globl test_main
test_main:
  # ---- the startup sequence wrote entry 0 = NAPOT RWX over everything ----------
  csrr a0, pmpcfg0
  CHECK_MASK(2, a0, 0xff, 0x1f)
  csrr a0, pmpaddr0
  CHECK(3, a0, (1 << 53) - 1)

  # ---- granularity probe: pmpcfg0 = 0, pmpaddr0 = all ones ---------------------
  csrw pmpcfg0, zero
  li t0, -1
  csrw pmpaddr0, t0
  csrr a0, pmpaddr0
  li s11, 4
  beqz a0, fail                   # pmpaddr must be writable
  CHECK_MASK(5, a0, 0xffc0000000000000, 0)    # only bits 53:0 exist
  # bits above the granularity read back as written
  li t0, 0x00000000deadbeef << 12
  csrw pmpaddr0, t0
  csrr a0, pmpaddr0
  CHECK_MASK(6, a0, ~0xfff, 0x00000000deadbeef << 12)

  # ---- pmpcfg fields -------------------------------------------------------------------
  li t0, 0x0f1f                   # entry 1: TOR RWX, entry 0: NAPOT RWX
  csrw pmpcfg0, t0
  csrr a0, pmpcfg0
  CHECK_MASK(10, a0, 0xffff, 0x0f1f)
  NO_TRAP(11, csrr a0, pmpcfg2; csrw pmpcfg2, zero; csrr a0, pmpaddr15; csrw pmpaddr15, zero)
  # restore: entry 0 = everything, RWX
  li t0, (1 << 53) - 1
  csrw pmpaddr0, t0
  li t0, 0x1f
  csrw pmpcfg0, t0
  # S and U still reach memory through entry 0
  GOTO_MODE(PRV_S, 1f)
1:
  la a0, pmp_word
  ld a1, 0(a0)
  CHECK(12, a1, 0x600d)
  TRAPS_ILLEGAL(13, csrr a0, pmpcfg0)
  GOTO_MODE(PRV_U, 1f)
1:
  la a0, pmp_word
  ld a1, 0(a0)
  CHECK(14, a1, 0x600d)
  TRAPS_ILLEGAL(15, csrw pmpaddr0, zero)

  # ---- triggers: no trap in M; a hart without triggers reads back no trigger ------
  li a0, 1 << 63
  NO_TRAP(20, csrw tselect, a0; csrr a1, tselect)
  bne a0, a1, 1f                  # tselect does not hold the value: no such trigger
  NO_TRAP(21, csrr a2, tdata1)
  srli a2, a2, 60
  CHECK(22, a2, 0)
1:
  NO_TRAP(23, csrw tselect, zero; csrr a1, tselect)
  bnez a1, 2f
  NO_TRAP(24, csrr a2, tdata1)
  srli a2, a2, 60
  li s11, 25
  beqz a2, 2f                     # type 0: no trigger
  li t0, 15
  bne a2, t0, fail                # 15: exists but disabled; anything else is a real trigger
2:
  GOTO_MODE(PRV_S, 1f)
1:
  TRAPS_ILLEGAL(26, csrr a0, tselect)
  j pass

  .data
  .align 3
pmp_word: .dword 0x600d
