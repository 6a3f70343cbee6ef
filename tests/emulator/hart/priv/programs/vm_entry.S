# Startup and trap glue of the demand-paging kernel (vm_kernel.c), in the style
# of the official env/v: M-mode boot (PMP, no delegation) calls vm_boot, which
# ends in pop_tf (sret from M into U). U traps enter trap_entry in S-mode at
# the kernel's virtual address; anything that reaches M-mode is a failure.
#include "priv.h"

#define REGBYTES 8

  .section .text.init, "ax", @progbits
  .option norvc
  .globl _start
_start:
  la t0, m_trap_vector
  csrw mtvec, t0
  la t0, 1f
  csrw mtvec, t0
  li t0, (1 << 53) - 1
  csrw pmpaddr0, t0
  li t0, 0x1f
  csrw pmpcfg0, t0
  .align 2
1:
  la t0, m_trap_vector
  csrw mtvec, t0
  csrwi medeleg, 0
  csrwi mideleg, 0
  csrwi mie, 0
  la sp, kstack_top
  call vm_boot
2:
  j 2b

# Any trap taken in M is unexpected: report 841 (env/v's "wtf" code) with the trap in fail_info.
  .align 2
m_trap_vector:
  la t0, fail_info
  csrr t1, mcause
  sd t1, 0(t0)
  csrr t1, mepc
  sd t1, 8(t0)
  csrr t1, mtval
  sd t1, 16(t0)
  csrr t1, mstatus
  sd t1, 24(t0)
  li t1, (841 << 1) | 1
  la t0, tohost
  sd t1, 0(t0)
3:
  j 3b

# pop_tf(tf): restore all registers from the trap frame and sret to tf->epc.
  .globl pop_tf
pop_tf:
  ld t0, 33 * REGBYTES(a0)
  csrw sepc, t0
  .irp n, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
  ld x\n, \n * REGBYTES(a0)
  .endr
  ld a0, 10 * REGBYTES(a0)
  sret

# S-mode trap entry: sscratch holds the kernel address of the trap frame.
  .align 2
  .globl trap_entry
trap_entry:
  csrrw sp, sscratch, sp
  .irp n, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
  sd x\n, \n * REGBYTES(sp)
  .endr
  csrrw t0, sscratch, sp
  sd t0, 2 * REGBYTES(sp)
  csrr t0, sstatus
  sd t0, 32 * REGBYTES(sp)
  csrr t0, sepc
  sd t0, 33 * REGBYTES(sp)
  csrr t0, stval
  sd t0, 34 * REGBYTES(sp)
  csrr t0, scause
  sd t0, 35 * REGBYTES(sp)
  mv a0, sp
  j handle_trap

  .section .tohost, "aw", @progbits
  .align 6
  .globl tohost
tohost: .dword 0
  .align 6
  .globl fromhost
fromhost: .dword 0

  .data
  .align 3
  .globl fail_info
fail_info: .zero 5 * 8

  .bss
  .align 12
  .globl kstack
kstack: .skip 4 * 4096
  .globl kstack_top
kstack_top:
