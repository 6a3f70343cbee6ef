# Counters (privileged spec "Hardware Performance Monitor", "Machine Counter-
# Enable Register"; Zicntr): mcycle/minstret writes (the writing instruction
# does not also count), cycle/time/instret aliases, time = CLINT mtime,
# mcounteren/scounteren gating per bit from S and U, mhpmcounter3 present
# (read-only zero allowed), mcountinhibit when implemented.
#include "priv.h"

  .text
  .option norvc
  .globl test_main
test_main:
  # ---- minstret: the write is what the next instruction reads -------------
  csrwi minstret, 0
  csrr a0, minstret
  CHECK(2, a0, 0)
  li t0, 1000
  csrw minstret, t0
  nop
  nop
  csrr a0, minstret
  CHECK(3, a0, 1002)
  csrr a0, minstret
  csrr a1, instret
  sub a1, a1, a0
  CHECK(4, a1, 1)
  # ---- mcycle: written value, then counting on -------------------------------
  li t0, 5000
  csrw mcycle, t0
  csrr a0, mcycle
  li t0, 5000
  sub a0, a0, t0
  li s11, 5
  bltz a0, fail
  li t0, 16
  bgeu a0, t0, fail
  csrr a0, mcycle
  csrr a1, cycle
  sub a1, a1, a0
  li s11, 6
  bltz a1, fail
  li t0, 8
  bgeu a1, t0, fail
  # 64-bit counters: a large value survives
  li t0, 0x123456789000
  csrw minstret, t0
  csrr a0, minstret
  CHECK(7, a0, 0x123456789000)

  # ---- read-only counters: every non-writing form, also with rd = x0, is legal --------
  NO_TRAP(8, csrrc x0, cycle, x0; csrrs x0, cycle, x0; csrrci x0, cycle, 0; csrrsi x0, cycle, 0)
  NO_TRAP(9, csrrc x0, time, x0; csrrs x0, time, x0; csrrci x0, time, 0; csrrsi x0, time, 0)
  NO_TRAP(12, csrrc x0, instret, x0; csrrs x0, instret, x0; csrrci x0, instret, 0; csrrsi x0, instret, 0)
  TRAPS_ILLEGAL(13, csrrw x0, time, x0)
  TRAPS_ILLEGAL(14, csrrwi x0, instret, 0)

  # ---- time reads the CLINT's mtime ------------------------------------------
  li t0, CLINT_MTIME
  ld a0, 0(t0)
  csrr a1, time
  ld a2, 0(t0)
  li s11, 10
  bltu a1, a0, fail
  bltu a2, a1, fail
  sub t1, a2, a0
  li t0, 4
  bgeu t1, t0, fail
  # time advances with execution
  csrr a0, time
  li t1, 200
1:
  addi t1, t1, -1
  bnez t1, 1b
  csrr a1, time
  li s11, 11
  bgeu a0, a1, fail

  # ---- gating: S needs mcounteren -----------------------------------------------
  csrw mcounteren, zero
  csrw scounteren, zero
  GOTO_MODE(PRV_S, 1f)
1:
  TRAPS_ILLEGAL(20, csrr a0, cycle)
  GOTO_MODE(PRV_S, 1f)
1:
  TRAPS_ILLEGAL(21, csrr a0, time)
  GOTO_MODE(PRV_S, 1f)
1:
  TRAPS_ILLEGAL(22, csrr a0, instret)
  csrwi mcounteren, 1             # CY only
  GOTO_MODE(PRV_S, 1f)
1:
  NO_TRAP(23, csrr a0, cycle)
  TRAPS_ILLEGAL(24, csrr a0, time)
  csrwi mcounteren, 2             # TM only
  GOTO_MODE(PRV_S, 1f)
1:
  NO_TRAP(25, csrr a0, time)
  TRAPS_ILLEGAL(26, csrr a0, instret)
  csrwi mcounteren, 4             # IR only
  GOTO_MODE(PRV_S, 1f)
1:
  NO_TRAP(27, csrr a0, instret)
  TRAPS_ILLEGAL(28, csrr a0, cycle)
  # S never reaches the M counters
  csrwi mcounteren, 7
  GOTO_MODE(PRV_S, 1f)
1:
  TRAPS_ILLEGAL(29, csrr a0, mcycle)
  GOTO_MODE(PRV_S, 1f)
1:
  TRAPS_ILLEGAL(30, csrw minstret, zero)
  # S writes scounteren
  GOTO_MODE(PRV_S, 1f)
1:
  csrwi scounteren, 5
  csrr a0, scounteren
  CHECK(31, a0, 5)
  BACK_TO_M(1f)
1:

  # ---- gating: U needs mcounteren and scounteren --------------------------------
  csrwi mcounteren, 7
  csrwi scounteren, 0
  GOTO_MODE(PRV_U, 1f)
1:
  TRAPS_ILLEGAL(40, csrr a0, cycle)
  csrwi scounteren, 7
  csrwi mcounteren, 0
  GOTO_MODE(PRV_U, 1f)
1:
  TRAPS_ILLEGAL(41, csrr a0, time)
  csrwi mcounteren, 7
  csrwi scounteren, 2
  GOTO_MODE(PRV_U, 1f)
1:
  NO_TRAP(42, csrr a0, time)
  TRAPS_ILLEGAL(43, csrr a0, instret)
  csrwi scounteren, 7
  GOTO_MODE(PRV_U, 1f)
1:
  NO_TRAP(44, csrr a0, cycle; csrr a1, time; csrr a2, instret)
  TRAPS_ILLEGAL(45, csrw cycle, zero)
  # U reads through the read-only aliases; csrrs with x0 is not a write
  GOTO_MODE(PRV_U, 1f)
1:
  NO_TRAP(46, csrrs a0, instret, x0; csrrc a0, instret, x0; csrrsi a0, instret, 0)
  li t0, 0
  TRAPS_ILLEGAL(47, csrrs a0, instret, t0)
  csrw mcounteren, zero
  csrw scounteren, zero

  # ---- hpm counters exist (read-only zero is a legal implementation) -----------
  NO_TRAP(50, csrr a0, mhpmcounter3; csrr a0, mhpmevent3; csrw mhpmevent3, zero; csrr a0, hpmcounter3)
  NO_TRAP(51, csrr a0, mhpmcounter31; csrw mhpmcounter3, zero)

  # ---- mcountinhibit, if implemented ---------------------------------------------
  li s11, 60
  la s6, 9f
  csrwi mcountinhibit, 5          # CY and IR
  li s6, 0
  csrr a0, mcountinhibit
  andi a0, a0, 5
  li t0, 5
  bne a0, t0, 8f                  # not (fully) implemented: nothing to check
  csrr a0, minstret
  nop
  nop
  csrr a1, minstret
  CHECK_REG(61, a0, a1)
  csrr a0, mcycle
  nop
  csrr a1, mcycle
  CHECK_REG(62, a0, a1)
8:
  csrwi mcountinhibit, 0
  csrr a0, minstret
  nop
  csrr a1, minstret
  sub a1, a1, a0
  CHECK(63, a1, 2)
  j pass
9:
  # mcountinhibit traps: only allowed as illegal instruction
  CHECK_CAUSE(64, CAUSE_ILLEGAL)
  j pass
