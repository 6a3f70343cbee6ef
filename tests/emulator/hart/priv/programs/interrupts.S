# Interrupts (privileged spec "Machine Interrupt Registers", CLINT): MTIP from
# mtimecmp, MSIP from msip, taken when enabled (MIE in M, always below M),
# evaluated right after the enabling CSR write, priority MEI > MSI > MTI > SEI >
# SSI > STI, M-writable SSIP/STIP/SEIP, delegation to S via mideleg with the
# sip/sie views, vectored mtvec/stvec (base + 4 * cause), and wfi waking.
#include "priv.h"

#define SET_MTIMECMP(reg) li t5, CLINT_MTIMECMP; sd reg, 0(t5)
#define TIMER_OFF li t6, -1; SET_MTIMECMP(t6)
#define TIMER_NOW SET_MTIMECMP(zero)
#define MSIP(v) li t5, CLINT_MSIP; li t6, v; sw t6, 0(t5)

# Enable MIE in M with recovery at 997; the interrupt must come right after.
#define TAKE_IN_M(n, cause) \
  li s11, n; CLEAR_TRAP; la s6, 997f; csrsi mstatus, MSTATUS_MIE; 996: j fail; \
  997: CHECK_CAUSE(n, cause); CHECK_EPC_LABEL(n, 996b)

  .text
  .option norvc
  .globl test_main
test_main:
  csrwi mie, 0
  TIMER_OFF
  MSIP(0)
  csrr a0, mip
  CHECK_MASK(2, a0, MIP_MTIP | MIP_MSIP, 0)

  # ---- mie: all six standard interrupt enables are writable -------------------
  li a0, -1
  csrw mie, a0
  csrr a1, mie
  CHECK_MASK(3, a1, 0xaaa, 0xaaa)
  csrw mie, zero

  # ---- MTIP follows mtime >= mtimecmp (equal counts); read-only in mip --------
  li t0, CLINT_MTIME
  ld t1, 0(t0)
  SET_MTIMECMP(t1)
  csrr a0, mip
  CHECK_MASK(19, a0, MIP_MTIP, MIP_MTIP)
  TIMER_OFF
  li t0, CLINT_MTIME
  ld t1, 0(t0)
  addi t1, t1, 20
  SET_MTIMECMP(t1)
  csrr a0, mip
  CHECK_MASK(4, a0, MIP_MTIP, 0)
  li t1, 100000
1:
  csrr a0, mip
  andi a0, a0, MIP_MTIP
  bnez a0, 2f
  addi t1, t1, -1
  bnez t1, 1b
  li s11, 5
  j fail
2:
  li t0, MIP_MTIP
  csrc mip, t0
  csrr a0, mip
  CHECK_MASK(6, a0, MIP_MTIP, MIP_MTIP)
  # pending but not enabled: nothing happens; enabled in mie but MIE = 0: nothing
  li t0, MIP_MTIP
  csrw mie, t0
  nop
  nop
  # ---- taken as soon as MIE is set ---------------------------------------------
  TAKE_IN_M(7, INTR(IRQ_MTI))
  CHECK_PREV_MPP(8, PRV_M)
  CHECK_MASK(9, s5, MSTATUS_MIE | MSTATUS_MPIE, MSTATUS_MPIE)
  CHECK(10, s3, 0)
  TIMER_OFF
  csrr a0, mip
  CHECK_MASK(11, a0, MIP_MTIP, 0)

  # ---- from U-mode the timer interrupt is taken even with MIE = 0 -------------
  csrci mstatus, MSTATUS_MIE
  li t0, CLINT_MTIME
  ld t1, 0(t0)
  addi t1, t1, 10
  SET_MTIMECMP(t1)
  li s11, 12
  CLEAR_TRAP
  la s6, 2f
  li t0, MSTATUS_MPIE
  csrc mstatus, t0
  GOTO_MODE(PRV_U, 1f)
1:
  j 1b
2:
  CHECK_CAUSE(13, INTR(IRQ_MTI))
  CHECK_PREV_MPP(14, PRV_U)
  TIMER_OFF

  # ---- software interrupt via msip ---------------------------------------------
  MSIP(1)
  csrr a0, mip
  CHECK_MASK(20, a0, MIP_MSIP, MIP_MSIP)
  li t0, MIP_MSIP
  csrc mip, t0                    # read-only in mip
  csrr a0, mip
  CHECK_MASK(21, a0, MIP_MSIP, MIP_MSIP)
  csrwi mie, MIP_MSIP
  TAKE_IN_M(22, INTR(IRQ_MSI))
  MSIP(0)
  csrr a0, mip
  CHECK_MASK(23, a0, MIP_MSIP, 0)
  li t0, CLINT_MSIP
  lw a0, 0(t0)
  CHECK(24, a0, 0)

  # ---- M cannot set MTIP/MSIP/MEIP through mip ------------------------------
  li t0, MIP_MTIP | MIP_MSIP | MIP_MEIP
  csrs mip, t0
  csrr a0, mip
  CHECK_MASK(25, a0, MIP_MTIP | MIP_MSIP | MIP_MEIP, 0)

  # ---- priority ---------------------------------------------------------------------
  li t0, MIP_MSIP | MIP_MTIP | MIP_SSIP | MIP_STIP | MIP_SEIP
  csrw mie, t0
  MSIP(1)
  TIMER_NOW
  li t0, MIP_SSIP | MIP_STIP | MIP_SEIP
  csrs mip, t0
  csrr a0, mip
  CHECK_MASK(30, a0, MIP_SSIP | MIP_STIP | MIP_SEIP, MIP_SSIP | MIP_STIP | MIP_SEIP)
  TAKE_IN_M(31, INTR(IRQ_MSI))
  MSIP(0)
  TAKE_IN_M(32, INTR(IRQ_MTI))
  TIMER_OFF
  TAKE_IN_M(33, INTR(IRQ_SEI))
  li t0, MIP_SEIP
  csrc mip, t0
  TAKE_IN_M(34, INTR(IRQ_SSI))
  csrci mip, MIP_SSIP
  TAKE_IN_M(35, INTR(IRQ_STI))
  li t0, MIP_STIP
  csrc mip, t0
  csrr a0, mip
  CHECK_MASK(36, a0, 0xaaa, 0)

  # ---- non-delegated S interrupt from S-mode goes to M, whatever MIE ---------
  csrci mstatus, MSTATUS_MIE
  csrwi mie, MIP_SSIP
  csrwi mip, MIP_SSIP
  li s11, 40
  CLEAR_TRAP
  la s6, 2f
  GOTO_MODE(PRV_S, 1f)
1:
  j 1b
2:
  CHECK_CAUSE(41, INTR(IRQ_SSI))
  CHECK_HANDLER(42, PRV_M)
  CHECK_PREV_MPP(43, PRV_S)
  li t0, MIP_STIP                 # SSIP stays pending but disabled; STIE on, STIP off
  csrw mie, t0

  # ---- delegated S interrupts -------------------------------------------------------
  # sip/sie hide what is not delegated
  GOTO_MODE(PRV_S, 1f)
1:
  csrr a0, sip
  csrr a1, sie
  CHECK(50, a0, 0)
  CHECK(51, a1, 0)
  BACK_TO_M(1f)
1:
  li t0, MIP_SSIP | MIP_STIP | MIP_SEIP
  csrw mideleg, t0
  csrwi mie, MIP_SSIP
  csrsi mstatus, MSTATUS_MIE
  nop                             # delegated: not taken in M even with MIE = 1
  nop
  csrci mstatus, MSTATUS_MIE
  csrci mstatus, MSTATUS_SIE
  GOTO_MODE(PRV_S, 1f)
1:
  csrr a0, sip
  csrr a1, sie
  CHECK(52, a0, MIP_SSIP)
  CHECK(53, a1, MIP_SSIP)
  nop                             # SIE = 0 in S: not taken
  li s11, 54
  CLEAR_TRAP
  la s6, 2f
  csrsi sstatus, MSTATUS_SIE
3:
  j fail
2:
  CHECK_CAUSE(55, INTR(IRQ_SSI))
  CHECK_HANDLER(56, PRV_S)
  CHECK_PREV_SPP(57, PRV_S)
  CHECK_EPC_LABEL(58, 3b)
  CHECK_MASK(59, s5, MSTATUS_SIE | MSTATUS_SPIE, MSTATUS_SPIE)
  # S clears SSIP itself; STIP is read-only in sip
  csrci sip, MIP_SSIP
  csrr a0, sip
  CHECK_MASK(60, a0, MIP_SSIP, 0)
  li t0, MIP_STIP
  csrs sip, t0
  csrr a0, sip
  CHECK_MASK(61, a0, MIP_STIP, 0)
  # S enables through sie; writes to non-delegated bits are ignored
  li t0, -1
  csrw sie, t0
  csrr a0, sie
  CHECK(62, a0, MIP_SSIP | MIP_STIP | MIP_SEIP)
  BACK_TO_M(1f)
1:
  csrr a0, mie                    # the M-level enables were not touched through sie
  CHECK(63, a0, MIP_SSIP | MIP_STIP | MIP_SEIP)
  csrw mie, zero
  # From U, a delegated interrupt is taken by S whatever SIE is.
  csrwi mie, MIP_SSIP
  csrwi mip, MIP_SSIP
  csrci mstatus, MSTATUS_SIE
  li s11, 64
  CLEAR_TRAP
  la s6, 2f
  GOTO_MODE(PRV_U, 1f)
1:
  j 1b
2:
  csrci sip, MIP_SSIP
  mv a0, s2
  mv a1, s9
  mv a2, s5
  BACK_TO_M(1f)
1:
  CHECK(65, a0, INTR(IRQ_SSI))
  CHECK(66, a1, PRV_S)
  CHECK_MASK(67, a2, MSTATUS_SPP, 0)
  # STIP set by M, delegated, taken in S.
  csrwi mie, 0
  li t0, MIP_STIP
  csrw mie, t0
  csrs mip, t0
  li s11, 68
  CLEAR_TRAP
  la s6, 2f
  GOTO_MODE(PRV_U, 1f)
1:
  j 1b
2:
  mv a0, s2
  BACK_TO_M(1f)
1:
  CHECK(69, a0, INTR(IRQ_STI))
  li t0, MIP_STIP
  csrc mip, t0
  # S sets its own SSIP through sip and wfi wakes on it with SIE = 0 (rv64si-p-wfi).
  csrwi mie, 0
  csrwi mip, 0
  GOTO_MODE(PRV_S, 1f)
1:
  csrci sstatus, MSTATUS_SIE
  csrsi sie, MIP_SSIP
  csrsi sip, MIP_SSIP
  csrr a0, sip
  CHECK(120, a0, MIP_SSIP)
  NO_TRAP(121, wfi)
  csrci sip, MIP_SSIP
  csrci sie, MIP_SSIP
  BACK_TO_M(1f)
1:
  csrr a0, mip
  CHECK_MASK(122, a0, MIP_SSIP, 0)
  csrw mideleg, zero
  csrwi mie, 0

  # ---- vectored mtvec: interrupts at base + 4 * cause, exceptions at base ------
  la t0, m_vectors
  ori t0, t0, 1
  csrw mtvec, t0
  csrr t1, mtvec
  li s11, 70
  bne t0, t1, 8f                  # vectored mode not supported: skip
  li s7, 0
  TIMER_NOW
  li t0, MIP_MTIP
  csrw mie, t0
  TAKE_IN_M(71, INTR(IRQ_MTI))
  CHECK(72, s7, 7)
  TIMER_OFF
  csrwi mie, 0
  li s7, 0
  TRAPS(73, CAUSE_ECALL_M, ecall)
  CHECK(74, s7, 0x100)
  MSIP(1)
  csrwi mie, MIP_MSIP
  TAKE_IN_M(75, INTR(IRQ_MSI))
  CHECK(76, s7, 3)
  MSIP(0)
  csrwi mie, 0
  # a non-delegated S software interrupt taken in M uses entry 1 (rv64mi-p-illegal)
  csrwi mip, MIP_SSIP
  csrwi mie, MIP_SSIP
  li s7, 0
  TAKE_IN_M(77, INTR(IRQ_SSI))
  CHECK(78, s7, 1)
  csrwi mip, 0
  csrwi mie, 0
8:
  la t0, m_trap
  csrw mtvec, t0

  # ---- vectored stvec ----------------------------------------------------------
  la t0, s_vectors
  ori t0, t0, 1
  csrw stvec, t0
  csrr t1, stvec
  bne t0, t1, 8f
  csrwi mideleg, MIP_SSIP
  csrwi mie, MIP_SSIP
  csrwi mip, MIP_SSIP
  li s7, 0
  li s11, 80
  CLEAR_TRAP
  la s6, 2f
  GOTO_MODE(PRV_U, 1f)
1:
  j 1b
2:
  csrci sip, MIP_SSIP
  mv a0, s2
  BACK_TO_M(1f)
1:
  CHECK(81, a0, INTR(IRQ_SSI))
  CHECK(82, s7, 1)
  csrwi mideleg, 0
  csrwi mie, 0
8:
  la t0, s_trap
  csrw stvec, t0

  # ---- wfi wakes on a timer with MIE = 0 (no trap), and with MIE = 1 traps after ---
  csrci mstatus, MSTATUS_MIE
  li t0, CLINT_MTIME
  ld t1, 0(t0)
  addi t1, t1, 1000
  SET_MTIMECMP(t1)
  li t0, MIP_MTIP
  csrw mie, t0
  NO_TRAP(90, wfi)
  csrr a0, mip
  CHECK_MASK(91, a0, MIP_MTIP, MIP_MTIP)
  li t0, CLINT_MTIME
  ld a1, 0(t0)
  li s11, 92
  bltu a1, t1, fail
  TIMER_OFF
  csrwi mie, 0

  # ---- wfi with MIE = 1: the interrupt is taken with mepc = the instruction after wfi ---
  li t0, CLINT_MTIME
  ld t1, 0(t0)
  addi t1, t1, 500
  SET_MTIMECMP(t1)
  li t0, MIP_MTIP
  csrw mie, t0
  li s11, 100
  CLEAR_TRAP
  la s6, 2f
  csrsi mstatus, MSTATUS_MIE
  wfi
1:
  j fail
2:
  CHECK_CAUSE(101, INTR(IRQ_MTI))
  CHECK_EPC_LABEL(102, 1b)
  # ---- an xRET that enables a pending interrupt takes it at the return target -----
  li t0, MSTATUS_MPP | MSTATUS_MPIE
  csrs mstatus, t0                # MTIP is still pending, mie.MTIE = 1, MIE = 0
  la t0, 1f
  csrw mepc, t0
  li s11, 103
  CLEAR_TRAP
  la s6, 2f
  mret
1:
  j fail
2:
  CHECK_CAUSE(104, INTR(IRQ_MTI))
  CHECK_EPC_LABEL(105, 1b)
  # mret into U with a pending M interrupt: taken at the first U instruction
  li t0, MSTATUS_MPP
  csrc mstatus, t0
  la t0, 1f
  csrw mepc, t0
  li s11, 106
  CLEAR_TRAP
  la s6, 2f
  mret
1:
  j fail
2:
  CHECK_CAUSE(107, INTR(IRQ_MTI))
  CHECK_EPC_LABEL(108, 1b)
  CHECK_PREV_MPP(109, PRV_U)
  TIMER_OFF
  csrwi mie, 0

  # ---- CLINT registers: msip holds one bit; mtimecmp by 32-bit halves ------------------
  MSIP(-1)
  li t0, CLINT_MSIP
  lw a0, 0(t0)
  CHECK(110, a0, 1)
  MSIP(0)
  li t0, CLINT_MTIMECMP
  li t1, 0x12345678
  sw t1, 0(t0)
  li t1, 0x9abcdef0
  sw t1, 4(t0)
  ld a0, 0(t0)
  CHECK(111, a0, 0x9abcdef012345678)
  lwu a0, 4(t0)
  CHECK(112, a0, 0x9abcdef0)
  TIMER_OFF
  j pass

  .align 8
m_vectors:
  j m_vec_exception
  j m_vec_ssi
  j fail
  j m_vec_msi
  j fail
  j fail
  j fail
  j m_vec_mti
  .rept 8
  j fail
  .endr
m_vec_exception:
  li s7, 0x100
  j m_trap
m_vec_ssi:
  li s7, 1
  j m_trap
m_vec_msi:
  li s7, 3
  j m_trap
m_vec_mti:
  li s7, 7
  j m_trap

  .align 8
s_vectors:
  j s_trap
  j s_vec_ssi
  .rept 14
  j fail
  .endr
s_vec_ssi:
  li s7, 1
  j s_trap
