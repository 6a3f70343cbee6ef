# Startup, trap handlers and pass/fail exits shared by every privileged test
# program. _start records the reset state, sets up PMP (inside a trap-catching
# sequence, as the official test environment does), clears delegation, installs
# the M and S handlers and jumps to the program's test_main in M-mode.
#include "priv.h"

  .section .text.init, "ax", @progbits
  .option norvc
  .globl _start
_start:
  # Record the reset state before touching anything.
  la t0, reset_state
  csrr t1, mstatus;  sd t1, 0(t0)
  csrr t1, misa;     sd t1, 8(t0)
  csrr t1, mhartid;  sd t1, 16(t0)
  csrr t1, mie;      sd t1, 24(t0)
  csrr t1, mip;      sd t1, 32(t0)
  csrr t1, satp;     sd t1, 40(t0)
  csrr t1, medeleg;  sd t1, 48(t0)
  csrr t1, mideleg;  sd t1, 56(t0)
  csrr t1, pmpcfg0;  sd t1, 64(t0)

  # Smrnmi's mnstatus, as the official startup writes it: skipped if it traps.
  la t0, 1f
  csrw mtvec, t0
  csrwi 0x744, 8
  .align 2
1:
  # PMP entry 0: all of memory, RWX (skipped if PMP traps).
  la t0, 1f
  csrw mtvec, t0
  li t0, (1 << 53) - 1
  csrw pmpaddr0, t0
  li t0, 0x1f
  csrw pmpcfg0, t0
  .align 2
1:
  la t0, 1f
  csrw mtvec, t0
  csrwi satp, 0
  .align 2
1:
  csrwi mie, 0
  csrwi medeleg, 0
  csrwi mideleg, 0
  csrwi mip, 0
  la t0, m_trap
  csrw mtvec, t0
  la t0, s_trap
  csrw stvec, t0
  li t0, MSTATUS_FS_INITIAL
  csrw mstatus, t0
  csrwi fcsr, 0
  li s2, 0
  li s3, 0
  li s4, 0
  li s5, 0
  li s6, 0
  li s9, 0
  li s10, 0
  li s11, 1
  j test_main

# ---- M-mode trap handler: record, then resume at s6 in M-mode ----------
  .align 6
  .globl m_trap
m_trap:
  csrr s2, mcause
  csrr s3, mtval
  csrr s4, mepc
  csrr s5, mstatus
  li s9, PRV_M
  addi s10, s10, 1
  beqz s6, m_fail
  csrw mepc, s6
  li s6, 0
  li t6, MSTATUS_MPP
  csrs mstatus, t6
  li t6, MSTATUS_MPIE
  csrc mstatus, t6
  mret

# Unexpected trap, or a failed check that came here through `fail`.
m_fail:
  la t6, fail_info
  sd s2, 0(t6)
  sd s4, 8(t6)
  sd s3, 16(t6)
  sd s5, 24(t6)
  sd s11, 32(t6)
  slli t5, s11, 1
  ori t5, t5, 1
  li t6, 1
  bne t5, t6, 1f
  li t5, 0xfff
1:
  la t6, tohost
  sd t5, 0(t6)
2:
  j 2b

# ---- S-mode trap handler: record, then resume at s6 in S-mode ----------
  .align 6
  .globl s_trap
s_trap:
  csrr s2, scause
  csrr s3, stval
  csrr s4, sepc
  csrr s5, sstatus
  li s9, PRV_S
  addi s10, s10, 1
  beqz s6, fail
  csrw sepc, s6
  li s6, 0
  li t6, MSTATUS_SPP
  csrs sstatus, t6
  li t6, MSTATUS_SPIE
  csrc sstatus, t6
  sret

# ---- exits -----------------------------------------------------------------
  .globl fail
fail:
  li s6, 0
  ecall
  j fail

  .globl pass
pass:
  la t6, tohost
  li t5, 1
  sd t5, 0(t6)
1:
  j 1b

  .section .tohost, "aw", @progbits
  .align 6
  .globl tohost
tohost: .dword 0
  .align 6
  .globl fromhost
fromhost: .dword 0

  .data
  .align 3
  .globl reset_state
reset_state: .zero 9 * 8
  .globl fail_info
fail_info: .zero 5 * 8
