/* Choices the privileged spec leaves to the implementation, set to what
   emulator/hart documents (.notes/hart-ready.txt). With a choice at 0 the
   tests accept every behaviour the spec allows; at 1 they pin the hart's. */
#ifndef HART_CHOICES_H
#define HART_CHOICES_H

/* mtval/stval on an illegal instruction: the instruction bits (else 0 is accepted too). */
#define HART_ILLEGAL_TVAL_BITS 1
/* Misaligned loads and stores complete without a trap (else they may trap with tval = address). */
#define HART_MISALIGNED_EMULATED 1
/* Misaligned AMO/SC raise store-misaligned (6), LR load-misaligned (4) (at 0: access faults 7/5). */
#define HART_MISALIGNED_ATOMIC_TRAPS 1
/* Sv39 A and D bits are set by hardware (else a page fault is accepted). */
#define HART_HARDWARE_AD 1
/* wfi in U-mode always raises illegal instruction (else it may complete). */
#define HART_U_WFI_ILLEGAL 1
/* ebreak / c.ebreak write tval = pc (else 0 is accepted too). */
#define HART_EBREAK_TVAL_PC 1
/* mstatus.FS is Off after reset (the spec leaves it open). */
#define HART_RESET_FS_OFF 1

#endif
