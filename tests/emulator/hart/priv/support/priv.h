/* Shared constants and assembler macros for the privileged-architecture test
   programs (our own harness, written from the RISC-V privileged spec).
   Register conventions, used by harness.S and every program:
     s11 = number of the check in progress (failure reports (s11<<1)|1)
     s2..s5 = last trap: cause, tval, epc, status (mstatus or sstatus)
     s6 = recovery address for the next trap (0 = any trap is a failure)
     s9 = mode whose handler took the last trap (3 = M, 1 = S)
     s10 = count of traps taken; t5, t6 are clobbered by macros and handlers. */
#ifndef PRIV_H
#define PRIV_H

#include "hart-choices.h"

/* mstatus / sstatus bits */
#define MSTATUS_SIE   0x2
#define MSTATUS_MIE   0x8
#define MSTATUS_SPIE  0x20
#define MSTATUS_UBE   0x40
#define MSTATUS_MPIE  0x80
#define MSTATUS_SPP   0x100
#define MSTATUS_VS    0x600
#define MSTATUS_MPP   0x1800
#define MSTATUS_MPP_S 0x800
#define MSTATUS_FS    0x6000
#define MSTATUS_FS_INITIAL 0x2000
#define MSTATUS_FS_CLEAN   0x4000
#define MSTATUS_XS    0x18000
#define MSTATUS_MPRV  0x20000
#define MSTATUS_SUM   0x40000
#define MSTATUS_MXR   0x80000
#define MSTATUS_TVM   0x100000
#define MSTATUS_TW    0x200000
#define MSTATUS_TSR   0x400000
#define MSTATUS_UXL   0x300000000
#define MSTATUS_SXL   0xC00000000
#define MSTATUS_SD    0x8000000000000000

/* privilege levels */
#define PRV_U 0
#define PRV_S 1
#define PRV_M 3

/* exception causes */
#define CAUSE_MISALIGNED_FETCH 0
#define CAUSE_FETCH_ACCESS     1
#define CAUSE_ILLEGAL          2
#define CAUSE_BREAKPOINT       3
#define CAUSE_MISALIGNED_LOAD  4
#define CAUSE_LOAD_ACCESS      5
#define CAUSE_MISALIGNED_STORE 6
#define CAUSE_STORE_ACCESS     7
#define CAUSE_ECALL_U          8
#define CAUSE_ECALL_S          9
#define CAUSE_ECALL_M          11
#define CAUSE_FETCH_PAGE       12
#define CAUSE_LOAD_PAGE        13
#define CAUSE_STORE_PAGE       15

/* causes of misaligned LR (load) and SC/AMO (store) accesses */
#if HART_MISALIGNED_ATOMIC_TRAPS
#define MISALIGNED_ATOMIC_LOAD_CAUSE CAUSE_MISALIGNED_LOAD
#define MISALIGNED_ATOMIC_STORE_CAUSE CAUSE_MISALIGNED_STORE
#else
#define MISALIGNED_ATOMIC_LOAD_CAUSE CAUSE_LOAD_ACCESS
#define MISALIGNED_ATOMIC_STORE_CAUSE CAUSE_STORE_ACCESS
#endif

/* interrupts: bit numbers in mip/mie, causes with bit 63 */
#define IRQ_SSI 1
#define IRQ_MSI 3
#define IRQ_STI 5
#define IRQ_MTI 7
#define IRQ_SEI 9
#define IRQ_MEI 11
#define MIP_SSIP (1 << IRQ_SSI)
#define MIP_MSIP (1 << IRQ_MSI)
#define MIP_STIP (1 << IRQ_STI)
#define MIP_MTIP (1 << IRQ_MTI)
#define MIP_SEIP (1 << IRQ_SEI)
#define MIP_MEIP (1 << IRQ_MEI)
#define INTR(n) (0x8000000000000000 | (n))

/* CLINT (QEMU virt layout) */
#define CLINT_MSIP     0x02000000
#define CLINT_MTIMECMP 0x02004000
#define CLINT_MTIME    0x0200BFF8

/* Sv39 */
#define SATP_SV39  0x8000000000000000
#define PTE_V 0x01
#define PTE_R 0x02
#define PTE_W 0x04
#define PTE_X 0x08
#define PTE_U 0x10
#define PTE_G 0x20
#define PTE_A 0x40
#define PTE_D 0x80

/* Physical addresses where nothing is mapped (below RAM, above 56 bits). */
#define UNMAPPED_PA 0x70000000
#define HUGE_PA     0x8000000080000000

/* ---- checks ---------------------------------------------------------- */

/* Fail check n unless reg == the constant val. */
#define CHECK(n, reg, val) \
  li s11, n; li t6, val; beq reg, t6, 998f; j fail; 998:
/* Fail check n unless registers a and b are equal. */
#define CHECK_REG(n, a, b) \
  li s11, n; beq a, b, 998f; j fail; 998:
/* Fail check n unless (reg & mask) == val. */
#define CHECK_MASK(n, reg, mask, val) \
  li s11, n; li t6, mask; and t6, reg, t6; li t5, val; beq t6, t5, 998f; j fail; 998:
/* Fail check n unless the last trap had this cause. */
#define CHECK_CAUSE(n, cause) CHECK(n, s2, cause)
/* Fail check n unless the last trap's tval is the address of label. */
#define CHECK_TVAL_LABEL(n, label) \
  li s11, n; la t6, label; beq s3, t6, 998f; j fail; 998:
/* Fail check n unless the breakpoint's tval (in reg) is the address of label (or 0, see hart-choices.h). */
#if HART_EBREAK_TVAL_PC
#define CHECK_EBREAK_TVAL(n, reg, label) li s11, n; la t6, label; beq reg, t6, 998f; j fail; 998:
#else
#define CHECK_EBREAK_TVAL(n, reg, label) li s11, n; beqz reg, 998f; la t6, label; beq reg, t6, 998f; j fail; 998:
#endif
/* Fail check n unless the last trap's epc is the address of label. */
#define CHECK_EPC_LABEL(n, label) \
  li s11, n; la t6, label; beq s4, t6, 998f; j fail; 998:
/* Fail check n unless the handler of mode m took the last trap. */
#define CHECK_HANDLER(n, m) CHECK(n, s9, m)
/* Fail check n unless the previous-privilege field of the recorded status is p
   (MPP when M took the trap, SPP when S did). */
#define CHECK_PREV_MPP(n, p) CHECK_MASK(n, s5, MSTATUS_MPP, (p) << 11)
#define CHECK_PREV_SPP(n, p) CHECK_MASK(n, s5, MSTATUS_SPP, (p) << 8)

/* Expect a trap: the handler resumes at label (in M if M took it, in S if S did). */
#define EXPECT_TRAP(label) la s6, label
/* Clear the trap record before an expected trap. */
#define CLEAR_TRAP li s2, -1; li s3, -1; li s4, -1; li s9, 0

/* Run the instruction(s), which must trap with cause; record in s2..s5, continue after it.
   The check number n is set first so a missing trap reports n. */
#define TRAPS(n, cause, ...) \
  li s11, n; CLEAR_TRAP; la s6, 997f; __VA_ARGS__; j fail; 997: CHECK_CAUSE(n, cause)

/* After an illegal-instruction trap: tval is the instruction bits (or 0, see
   hart-choices.h); reads the 32-bit instruction at epc (physical = virtual). */
#if HART_ILLEGAL_TVAL_BITS
#define ILLEGAL_TVAL_CHECK(n) li s11, n; lwu t6, 0(s4); beq t6, s3, 995f; j fail; 995:
#else
#define ILLEGAL_TVAL_CHECK(n) li s11, n; beqz s3, 995f; lwu t6, 0(s4); beq t6, s3, 995f; j fail; 995:
#endif
/* Run the 32-bit instruction(s), which must raise illegal instruction with the right tval. */
#define TRAPS_ILLEGAL(n, ...) TRAPS(n, CAUSE_ILLEGAL, __VA_ARGS__); ILLEGAL_TVAL_CHECK(n)

/* Run the instruction(s), which must not trap. */
#define NO_TRAP(n, ...) li s11, n; li s6, 0; __VA_ARGS__

/* ---- mode switches --------------------------------------------------- */

/* From M: continue at label in mode m (via mret). */
#define GOTO_MODE(m, label) \
  li t6, MSTATUS_MPP; csrc mstatus, t6; li t6, (m) << 11; csrs mstatus, t6; \
  la t6, label; csrw mepc, t6; mret
/* From S: continue at label in mode m (0 or 1) via sret. */
#define S_GOTO_MODE(m, label) \
  li t6, MSTATUS_SPP; csrc sstatus, t6; li t6, (m) << 8; csrs sstatus, t6; \
  la t6, label; csrw sepc, t6; sret
/* From U or S: back to M at label (ecall, taken by the M handler). */
#define BACK_TO_M(label) la s6, label; ecall
/* Pass, from any mode (the ecall must not be delegated). */
#define PASS_ANY_MODE BACK_TO_M(pass)

#endif
