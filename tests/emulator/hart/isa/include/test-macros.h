/* Macros for the hart's ISA conformance programs (our own, written from the
   RISC-V unprivileged spec). A program is TEST_BEGIN, numbered checks, TEST_END.
   Outcome goes to the HTIF tohost word: 1 = pass, (testnum << 1) | 1 = fail,
   written as two 32-bit stores (low word first) like riscv-tests do.
   Built with -DQEMU_USER the same source runs under qemu-riscv64 (user mode)
   as an oracle: exit status 0 = pass, else the failing number is written to stderr. */
#ifndef TEST_MACROS_H
#define TEST_MACROS_H

#define TESTNUM gp

/* ---- program frame ------------------------------------------------------ */

#ifdef QEMU_USER
#define MACHINE_INIT csrwi fcsr, 0;
#else
/* M-mode bare metal: unexpected traps fail the current test; FPU on (mstatus.FS = Initial). */
#define MACHINE_INIT                                                        \
  la t0, unexpected_trap; csrw mtvec, t0;                                   \
  li t0, (1 << 13); csrs mstatus, t0;                                       \
  csrwi fcsr, 0;                                                            \
  ENTER_TEST_MODE
#endif

#define MSTATUS_MPP (3 << 11)
/* U-mode may read the counters; PMP entry 0 allows all of memory. */
#define USER_MODE_SETUP                                                     \
  li t0, -1; csrw pmpaddr0, t0; li t0, 0x1f; csrw pmpcfg0, t0;              \
  li t0, 7; csrw mcounteren, t0; csrw scounteren, t0;                       \
  li t0, MSTATUS_MPP; csrc mstatus, t0;

#if defined(USER_VM)
/* Built with -DUSER_VM the checks run in U-mode under Sv39 (like the official
   -v environment): 4 KiB user pages map virtual 0..6 MiB to the first 6 MiB
   of RAM (virtual = physical - 0x80000000), and virtual 6..8 MiB is an alias
   of the first 2 MiB with each pair of pages swapped (VM_ALIAS), so an access
   or fetch crossing a page there lands in non-adjacent frames. Traps still go
   to the M-mode handler above. */
#define VM_PTE_FLAGS 0xdf   /* V R W X U A D */
#define VM_ALIAS_BASE 0x600000
#define ENTER_TEST_MODE                                                     \
  USER_MODE_SETUP                                                           \
  la t0, vm_l2; la t1, vm_l1; srli t2, t1, 12; slli t2, t2, 10;             \
  ori t2, t2, 1; sd t2, 0(t0);                                              \
  la t2, vm_l0; li t3, 4;                                                   \
1: srli t6, t2, 12; slli t6, t6, 10; ori t6, t6, 1; sd t6, 0(t1);           \
  addi t1, t1, 8; li t5, 4096; add t2, t2, t5; addi t3, t3, -1; bnez t3, 1b;\
  la t2, vm_l0; li t3, 1536; li t5, 0x80000;                                \
1: slli t6, t5, 10; ori t6, t6, VM_PTE_FLAGS; sd t6, 0(t2);                 \
  addi t2, t2, 8; addi t5, t5, 1; addi t3, t3, -1; bnez t3, 1b;             \
  li t3, 512; li t5, 0x80000;                                               \
1: xori t4, t5, 1; slli t6, t4, 10; ori t6, t6, VM_PTE_FLAGS; sd t6, 0(t2); \
  addi t2, t2, 8; addi t5, t5, 1; addi t3, t3, -1; bnez t3, 1b;             \
  la t0, vm_l2; srli t0, t0, 12; li t1, 8 << 60; or t0, t0, t1;             \
  csrw satp, t0; sfence.vma;                                                \
  la t0, test_body; li t1, 0x80000000; sub t0, t0, t1; csrw mepc, t0; mret;
#define VM_TABLES                                                           \
  .pushsection .data; .balign 4096;                                         \
  vm_l2: .skip 4096; vm_l1: .skip 4096; vm_l0: .skip 4 * 4096;              \
  .popsection;
/* reg = the swapped-pages alias (virtual) of symbol `sym` (in the first 2 MiB). */
#define VM_ALIAS(reg, sym) la reg, sym; li t6, 0x1000; xor reg, reg, t6; li t6, VM_ALIAS_BASE; add reg, reg, t6;
#elif defined(USER_BARE)
/* Built with -DUSER_BARE the checks run in U-mode without paging (like the
   official -p environment). */
#define ENTER_TEST_MODE                                                     \
  USER_MODE_SETUP                                                           \
  la t0, test_body; csrw mepc, t0; mret;
#define VM_TABLES
#else
#define ENTER_TEST_MODE
#define VM_TABLES
#endif

#ifdef QEMU_USER
#define EXPECTED_TRAP_RESUME
#else
/* A trap expected by TEST_TRAP (s10 != 0): record mcause in s10 and mtval in
   s11, resume at s9 in the trapping mode. Any other trap fails the current test. */
#define EXPECTED_TRAP_RESUME                                                \
  beqz s10, fail; csrr s10, mcause; csrr s11, mtval; csrw mepc, s9; mret;
#endif

#define TEST_BEGIN                                                          \
  .section .text.init, "ax", @progbits;                                     \
  .globl _start;                                                            \
_start:                                                                     \
  li TESTNUM, 1; li s10, 0;                                                 \
  MACHINE_INIT                                                              \
  j test_body;                                                              \
  .align 2;                                                                 \
unexpected_trap:                                                            \
  EXPECTED_TRAP_RESUME                                                      \
  j fail;                                                                   \
test_body:

#ifdef QEMU_USER
#define REPORT_OUTCOME                                                      \
pass:                                                                       \
  li a0, 0; li a7, 93; ecall;                                               \
fail:                                                                       \
  la a1, tohost; sd TESTNUM, 0(a1);                                         \
  li a0, 2; li a2, 8; li a7, 64; ecall;                                     \
  li a0, 1; li a7, 93; ecall;
#else
#define REPORT_OUTCOME                                                      \
pass:                                                                       \
  fence; li a0, 1; la a1, tohost; sw a0, 0(a1); sw x0, 4(a1);               \
1: j 1b;                                                                    \
fail:                                                                       \
  fence; slli a0, TESTNUM, 1; ori a0, a0, 1; la a1, tohost;                 \
  sw a0, 0(a1); sw x0, 4(a1);                                               \
1: j 1b;
#endif

#define TEST_END                                                            \
  j pass;                                                                   \
  REPORT_OUTCOME                                                            \
  .pushsection .tohost, "aw", @progbits;                                    \
  .align 6; .globl tohost; tohost: .dword 0;                                \
  .align 6; .globl fromhost; fromhost: .dword 0;                            \
  .popsection;                                                              \
  VM_TABLES

/* ---- generic check ------------------------------------------------------ */

/* Runs `code`, then fails test `n` unless register `reg` equals `expect`. */
#define TEST_CASE(n, reg, expect, code...)                                  \
  li TESTNUM, n; code; li t4, expect; bne reg, t4, fail;

/* M-mode builds only: `code` must trap with mcause = cause; s11 holds mtval after. */
#define TEST_TRAP(n, cause, code...)                                        \
  li TESTNUM, n; la s9, 8f; li s10, 1; code; j fail;                        \
8: li t4, cause; bne s10, t4, fail; li s10, 0;

/* ---- integer register-register / register-immediate ---------------------- */

#define TEST_RR(n, op, expect, v1, v2)                                      \
  TEST_CASE(n, a0, expect, li a1, v1; li a2, v2; op a0, a1, a2)
#define TEST_RR_SRC1_EQ_DEST(n, op, expect, v1, v2)                         \
  TEST_CASE(n, a1, expect, li a1, v1; li a2, v2; op a1, a1, a2)
#define TEST_RR_SRC2_EQ_DEST(n, op, expect, v1, v2)                         \
  TEST_CASE(n, a2, expect, li a1, v1; li a2, v2; op a2, a1, a2)
#define TEST_RR_SRC12_EQ_DEST(n, op, expect, v1)                            \
  TEST_CASE(n, a1, expect, li a1, v1; op a1, a1, a1)
#define TEST_RR_ZERO_SRC1(n, op, expect, v2)                                \
  TEST_CASE(n, a0, expect, li a2, v2; op a0, x0, a2)
#define TEST_RR_ZERO_SRC2(n, op, expect, v1)                                \
  TEST_CASE(n, a0, expect, li a1, v1; op a0, a1, x0)
#define TEST_RR_ZERO_DEST(n, op, v1, v2)                                    \
  TEST_CASE(n, x0, 0, li a1, v1; li a2, v2; op x0, a1, a2)

#define TEST_IMM(n, op, expect, v1, imm)                                    \
  TEST_CASE(n, a0, expect, li a1, v1; op a0, a1, imm)
#define TEST_IMM_SRC1_EQ_DEST(n, op, expect, v1, imm)                       \
  TEST_CASE(n, a1, expect, li a1, v1; op a1, a1, imm)
#define TEST_IMM_ZERO_SRC1(n, op, expect, imm)                              \
  TEST_CASE(n, a0, expect, op a0, x0, imm)
#define TEST_IMM_ZERO_DEST(n, op, v1, imm)                                  \
  TEST_CASE(n, x0, 0, li a1, v1; op x0, a1, imm)

/* ---- branches ------------------------------------------------------------ */

/* Forward and backward taken branch; falling through fails. */
#define TEST_BR_TAKEN(n, op, v1, v2)                                        \
  li TESTNUM, n; li a1, v1; li a2, v2;                                      \
  op a1, a2, 1f; j fail;                                                    \
1: j 3f;                                                                    \
2: j 4f;                                                                    \
3: op a1, a2, 2b; j fail;                                                   \
4:
/* Branch must fall through (forward and backward target). */
#define TEST_BR_NOT_TAKEN(n, op, v1, v2)                                    \
  li TESTNUM, n; li a1, v1; li a2, v2;                                      \
  op a1, a2, 1f; j 2f;                                                      \
1: j fail;                                                                  \
2: op a1, a2, 1b;

/* ---- loads and stores ---------------------------------------------------- */

#define TEST_LD(n, op, expect, offset, base)                                \
  TEST_CASE(n, a0, expect, la a1, base; op a0, offset(a1))
/* Store `value` with `st`, read back with `ld` at the same place. */
#define TEST_ST(n, ld, st, value, offset, base)                             \
  TEST_CASE(n, a0, value, la a1, base; li a2, value;                        \
            st a2, offset(a1); ld a0, offset(a1))

/* ---- floating point ------------------------------------------------------ */

/* Reads and clears fflags into a3, then checks it. */
#define CHECK_FFLAGS(flags)                                                 \
  fsflags a3, x0; li t4, flags; bne a3, t4, fail;

/* Single-precision: operands/result as raw 32-bit patterns (NaN-boxed on load). */
#define LOAD_S(freg, bits) li t0, bits; fmv.w.x freg, t0;
#define LOAD_D(freg, bits) li t0, bits; fmv.d.x freg, t0;

/* op rd, rs1, rs2[, rm] single: result bits compared (sign-extended 32-bit via fmv.x.w). */
#define TEST_FP2_S(n, op, flags, expect, a, b, rm...)                       \
  li TESTNUM, n; LOAD_S(f1, a) LOAD_S(f2, b) fsflags x0;                    \
  op f3, f1, f2 , ## rm; fmv.x.w a0, f3;                                         \
  li t4, (expect) & 0xffffffff; sext.w t4, t4; bne a0, t4, fail;            \
  fmv.x.d a0, f3; srai a0, a0, 32; li t4, -1; bne a0, t4, fail;             \
  CHECK_FFLAGS(flags)
#define TEST_FP2_D(n, op, flags, expect, a, b, rm...)                       \
  li TESTNUM, n; LOAD_D(f1, a) LOAD_D(f2, b) fsflags x0;                    \
  op f3, f1, f2 , ## rm; fmv.x.d a0, f3; li t4, expect; bne a0, t4, fail;        \
  CHECK_FFLAGS(flags)
#define TEST_FP1_S(n, op, flags, expect, a, rm...)                          \
  li TESTNUM, n; LOAD_S(f1, a) fsflags x0;                                  \
  op f3, f1 , ## rm; fmv.x.w a0, f3;                                             \
  li t4, (expect) & 0xffffffff; sext.w t4, t4; bne a0, t4, fail;            \
  fmv.x.d a0, f3; srai a0, a0, 32; li t4, -1; bne a0, t4, fail;             \
  CHECK_FFLAGS(flags)
#define TEST_FP1_D(n, op, flags, expect, a, rm...)                          \
  li TESTNUM, n; LOAD_D(f1, a) fsflags x0;                                  \
  op f3, f1 , ## rm; fmv.x.d a0, f3; li t4, expect; bne a0, t4, fail;            \
  CHECK_FFLAGS(flags)
#define TEST_FP3_S(n, op, flags, expect, a, b, c, rm...)                    \
  li TESTNUM, n; LOAD_S(f1, a) LOAD_S(f2, b) LOAD_S(f4, c) fsflags x0;      \
  op f3, f1, f2, f4 , ## rm; fmv.x.w a0, f3;                                     \
  li t4, (expect) & 0xffffffff; sext.w t4, t4; bne a0, t4, fail;            \
  CHECK_FFLAGS(flags)
#define TEST_FP3_D(n, op, flags, expect, a, b, c, rm...)                    \
  li TESTNUM, n; LOAD_D(f1, a) LOAD_D(f2, b) LOAD_D(f4, c) fsflags x0;      \
  op f3, f1, f2, f4 , ## rm; fmv.x.d a0, f3; li t4, expect; bne a0, t4, fail;    \
  CHECK_FFLAGS(flags)
/* FP operand(s) -> integer result (compare, classify, convert to integer). */
#define TEST_FP_INT1_S(n, op, flags, expect, a, rm...)                      \
  li TESTNUM, n; LOAD_S(f1, a) fsflags x0; op a0, f1 , ## rm;                    \
  li t4, expect; bne a0, t4, fail; CHECK_FFLAGS(flags)
#define TEST_FP_INT1_D(n, op, flags, expect, a, rm...)                      \
  li TESTNUM, n; LOAD_D(f1, a) fsflags x0; op a0, f1 , ## rm;                    \
  li t4, expect; bne a0, t4, fail; CHECK_FFLAGS(flags)
#define TEST_FP_INT2_S(n, op, flags, expect, a, b)                          \
  li TESTNUM, n; LOAD_S(f1, a) LOAD_S(f2, b) fsflags x0; op a0, f1, f2;     \
  li t4, expect; bne a0, t4, fail; CHECK_FFLAGS(flags)
#define TEST_FP_INT2_D(n, op, flags, expect, a, b)                          \
  li TESTNUM, n; LOAD_D(f1, a) LOAD_D(f2, b) fsflags x0; op a0, f1, f2;     \
  li t4, expect; bne a0, t4, fail; CHECK_FFLAGS(flags)
/* Integer operand -> FP result (fcvt.s.w etc.). */
#define TEST_INT_FP_S(n, op, flags, expect, a, rm...)                       \
  li TESTNUM, n; li a1, a; fsflags x0; op f3, a1 , ## rm; fmv.x.w a0, f3;        \
  li t4, (expect) & 0xffffffff; sext.w t4, t4; bne a0, t4, fail;            \
  fmv.x.d a0, f3; srai a0, a0, 32; li t4, -1; bne a0, t4, fail;             \
  CHECK_FFLAGS(flags)
#define TEST_INT_FP_D(n, op, flags, expect, a, rm...)                       \
  li TESTNUM, n; li a1, a; fsflags x0; op f3, a1 , ## rm; fmv.x.d a0, f3;        \
  li t4, expect; bne a0, t4, fail; CHECK_FFLAGS(flags)

/* IEEE flag bits in fflags. */
#define NX 1
#define UF 2
#define OF 4
#define DZ 8
#define NV 16

#endif
