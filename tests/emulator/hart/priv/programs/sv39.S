# Sv39 virtual memory (privileged spec "Supervisor-Level ISA", "Sv39"): a 1 GiB
# identity superpage for S code, a 1 GiB U alias for U code, 4 KiB and 2 MiB
# mappings that are not identity, misaligned superpages, R/W/X/U permissions,
# SUM, MXR, MPRV + MPP, reserved encodings, non-canonical addresses, A/D bits
# (hardware update or page fault), tval of page-crossing faults, sfence.vma,
# satp WARL, and instruction fetch that follows remapping without fence.i.
#include "priv.h"

#define VA_L0   0x40000000              /* 4 KiB pages, l0_table[i] at VA_L0 + i * 4096 */
#define VA_PAGE(i) (VA_L0 + (i) * 4096)
#define VA_2M   0x40200000              /* 2 MiB superpage -> RAM base */
#define VA_BAD2M 0x40400000             /* 2 MiB leaf with a misaligned PPN */
#define VA_BAD1G 0x100000000            /* 1 GiB leaf with a misaligned PPN */
#define U_ALIAS 0x40000000              /* U code runs at PA + U_ALIAS (root[3]) */
#define NONCANONICAL 0x0000008040000000    /* VA_PAGE(0) with bit 39 set: would hit root[1] if bits 63:39 were ignored */
#define NONCANONICAL_CODE (NONCANONICAL + 12 * 4096)   /* likewise VA_PAGE(12), executable */
#define RWXAD (PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D)

# table[idx] = PTE for the physical address in register pa with flags.
#define SET_PTE_REG(table, idx, pa, flags) \
  srli t0, pa, 12; slli t0, t0, 10; li t1, flags; or t0, t0, t1; la t1, table; sd t0, (idx) * 8(t1)
# table[idx] = PTE for label's physical address.
#define SET_PTE(table, idx, label, flags) la t2, label; SET_PTE_REG(table, idx, t2, flags)
# Load the PTE table[idx] into reg.
#define GET_PTE(reg, table, idx) la t1, table; ld reg, (idx) * 8(t1)
# In U code (running in the alias): s6 = physical address of label, for a trap into M.
#define U_EXPECT_TRAP(label) la s6, label; li t6, U_ALIAS; sub s6, s6, t6
# From M: enter U at the alias of label.
#define GOTO_U_ALIAS(label) \
  li t6, MSTATUS_MPP; csrc mstatus, t6; la t6, label; li t5, U_ALIAS; add t6, t6, t5; csrw mepc, t6; mret

# A/D updates: no trap allowed when the hart sets A/D itself.
#if HART_HARDWARE_AD
#define AD_RECOVERY(label) li s6, 0
#else
#define AD_RECOVERY(label) la s6, label
#endif

  .text
  .option norvc
  .globl test_main
test_main:
  # ---- build the tables -------------------------------------------------------
  li t2, 0x80000000
  SET_PTE_REG(root_table, 2, t2, RWXAD | PTE_G)          # identity 1 GiB, S only
  SET_PTE_REG(root_table, 3, t2, RWXAD | PTE_U)          # alias 1 GiB, U
  SET_PTE(root_table, 1, l1_table, PTE_V)                # 0x4000_0000: next level
  li t2, 0x80200000
  SET_PTE_REG(root_table, 4, t2, RWXAD)                  # misaligned 1 GiB leaf
  SET_PTE(l1_table, 0, l0_table, PTE_V)
  li t2, 0x80000000
  SET_PTE_REG(l1_table, 1, t2, RWXAD)                    # 2 MiB superpage
  li t2, 0x80001000
  SET_PTE_REG(l1_table, 2, t2, RWXAD)                    # misaligned 2 MiB leaf
  SET_PTE(l0_table, 0, page0, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
  SET_PTE(l0_table, 1, page1, PTE_V | PTE_R | PTE_A)                 # read-only
  SET_PTE(l0_table, 2, page1, PTE_V | PTE_X | PTE_A)                 # execute-only
  SET_PTE(l0_table, 3, page0, PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D)  # user data
  # l0_table[4] stays 0: invalid
  SET_PTE(l0_table, 5, page0, PTE_V | PTE_W | PTE_A | PTE_D)         # W without R: reserved
  SET_PTE(l0_table, 6, page1, PTE_V | PTE_R | PTE_W)                 # A = 0, D = 0
  SET_PTE(l0_table, 7, page2, PTE_V | PTE_R | PTE_W | PTE_A)         # D = 0
  SET_PTE(l0_table, 8, page2, PTE_V | PTE_R | PTE_U | PTE_A)         # user read-only
  SET_PTE(l0_table, 9, l0_table, PTE_V)                              # pointer at the last level
  SET_PTE(l0_table, 10, page0, RWXAD | (1 << 54))                    # reserved bit set
  SET_PTE(l0_table, 11, page0, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D) # remapped later
  SET_PTE(l0_table, 12, code1, PTE_V | PTE_X | PTE_A)                # remapped to code2 later
  SET_PTE(l0_table, 13, code3, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D) # data view of code3
  SET_PTE(l0_table, 14, code3, PTE_V | PTE_X | PTE_A)                # code view of code3
  SET_PTE(l0_table, 15, code4, PTE_V | PTE_X | PTE_A)                # next page (16) invalid
  SET_PTE(l0_table, 17, page2, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D) # next page (18) invalid
  SET_PTE(l0_table, 19, page0, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D) # then 20: read-only
  SET_PTE(l0_table, 20, page1, PTE_V | PTE_R | PTE_A)

  # ---- satp -----------------------------------------------------------------------
  la t0, root_table
  srli t0, t0, 12
  li t1, SATP_SV39
  or s0, t0, t1                   # s0 = our satp value
  csrw satp, s0
  csrr a0, satp
  CHECK_REG(2, a0, s0)
  # Sv48, Sv57 and reserved modes are not supported: the write is ignored
  # (or, for a hart that has the mode, takes effect).
  li t1, 9 << 60
  or t1, t0, t1
  csrw satp, t1
  csrr a0, satp
  li s11, 3
  beq a0, s0, 1f
  bne a0, t1, fail
1:
  csrw satp, s0
  li t1, 1 << 60
  csrw satp, t1
  csrr a0, satp
  CHECK_REG(4, a0, s0)
  li t1, 15 << 60
  csrw satp, t1
  csrr a0, satp
  CHECK_REG(5, a0, s0)
  csrw satp, zero
  csrr a0, satp
  CHECK(6, a0, 0)
  csrw satp, s0
  sfence.vma

  # M-mode is not translated.
  la a0, page0
  ld a1, 0(a0)
  CHECK(7, a1, 0x1111)

  # ---- S-mode: basic mappings -----------------------------------------------------
  GOTO_MODE(PRV_S, 1f)
1:
  li a0, VA_PAGE(0)
  ld a1, 0(a0)
  CHECK(10, a1, 0x1111)
  li a2, 0x5555
  sd a2, 8(a0)                    # store through the mapping, read physically below
  li a0, VA_PAGE(1)
  ld a1, 0(a0)
  CHECK(11, a1, 0x2222)
  # 2 MiB superpage: VA_2M + (PA - RAM base)
  la a0, page2
  li t0, 0x80000000
  sub a0, a0, t0
  li t0, VA_2M
  add a0, a0, t0
  ld a1, 0(a0)
  CHECK(12, a1, 0x3333)
  BACK_TO_M(1f)
1:
  la a0, page0
  ld a1, 8(a0)
  CHECK(13, a1, 0x5555)

  # ---- permission faults from S (not delegated: taken in M) ------------------------
#define S_FAULT(n, cause, va, ...) \
  GOTO_MODE(PRV_S, 993f); 993: li a0, va; TRAPS(n, cause, __VA_ARGS__); CHECK(n, s3, va); CHECK_PREV_MPP(n, PRV_S)
  S_FAULT(20, CAUSE_STORE_PAGE, VA_PAGE(1), sd zero, 0(a0))          # read-only
  S_FAULT(21, CAUSE_LOAD_PAGE, VA_PAGE(2), ld a1, 0(a0))             # execute-only, MXR = 0
  S_FAULT(22, CAUSE_LOAD_PAGE, VA_PAGE(3), ld a1, 0(a0))             # U page, SUM = 0
  S_FAULT(23, CAUSE_STORE_PAGE, VA_PAGE(3), sd a1, 0(a0))
  S_FAULT(24, CAUSE_LOAD_PAGE, VA_PAGE(4), ld a1, 0(a0))             # invalid
  S_FAULT(25, CAUSE_STORE_PAGE, VA_PAGE(4) + 0x10, sd a1, 0(a0))
  S_FAULT(26, CAUSE_FETCH_PAGE, VA_PAGE(4), jalr a0)
  S_FAULT(27, CAUSE_LOAD_PAGE, VA_PAGE(5), ld a1, 0(a0))             # W without R
  S_FAULT(28, CAUSE_STORE_PAGE, VA_PAGE(5), sd a1, 0(a0))
  S_FAULT(29, CAUSE_LOAD_PAGE, VA_PAGE(9), ld a1, 0(a0))             # non-leaf at level 0
  S_FAULT(30, CAUSE_LOAD_PAGE, VA_PAGE(10), ld a1, 0(a0))            # reserved PTE bit
  S_FAULT(31, CAUSE_LOAD_PAGE, VA_BAD2M + 8, ld a1, 0(a0))           # misaligned 2 MiB
  S_FAULT(32, CAUSE_LOAD_PAGE, VA_BAD1G, ld a1, 0(a0))               # misaligned 1 GiB
  S_FAULT(33, CAUSE_LOAD_PAGE, NONCANONICAL, ld a1, 0(a0))           # bits 63:39 != bit 38
  S_FAULT(34, CAUSE_FETCH_PAGE, NONCANONICAL_CODE, jalr a0)
  S_FAULT(35, CAUSE_FETCH_PAGE, VA_PAGE(1), jalr a0)                 # not executable
  S_FAULT(36, CAUSE_STORE_PAGE, VA_PAGE(1), amoadd.d a1, a1, (a0))   # AMO on read-only: store fault
  S_FAULT(37, CAUSE_LOAD_PAGE, VA_PAGE(4), lr.d a1, (a0))
  # W without R in a non-leaf position is reserved too (it must not act as a pointer)
  SET_PTE(l1_table, 3, l0_table, PTE_V | PTE_W)           # VA 0x4060_0000 -> would reach page0
  sfence.vma
  S_FAULT(163, CAUSE_LOAD_PAGE, 0x40600000, ld a1, 0(a0))
  # a page-table entry outside memory: access fault of the original access type
  li t2, UNMAPPED_PA
  SET_PTE_REG(root_table, 5, t2, PTE_V)                    # pointer to a table at no memory
  sfence.vma
  S_FAULT(160, CAUSE_LOAD_ACCESS, 0x140000000, ld a1, 0(a0))
  S_FAULT(161, CAUSE_STORE_ACCESS, 0x140000008, sd a1, 0(a0))
  S_FAULT(162, CAUSE_FETCH_ACCESS, 0x140000010, jalr a0)
  # a faulting store leaves D clear
  GET_PTE(a0, l0_table, 1)
  CHECK_MASK(39, a0, PTE_D, 0)

  # ---- SUM and MXR ----------------------------------------------------------------
  li t0, MSTATUS_SUM | MSTATUS_MXR
  csrc mstatus, t0
  li t0, MSTATUS_SUM
  csrs mstatus, t0
  GOTO_MODE(PRV_S, 1f)
1:
  li a0, VA_PAGE(3)
  NO_TRAP(40, ld a1, 0(a0))
  CHECK(41, a1, 0x1111)
  NO_TRAP(42, sd a1, 16(a0))
  # S may never execute a U page, SUM or not
  la a0, u_code
  li t0, U_ALIAS
  add a0, a0, t0
  TRAPS(43, CAUSE_FETCH_PAGE, jalr a0)
  li t0, MSTATUS_SUM
  csrc mstatus, t0
  li t0, MSTATUS_MXR
  csrs mstatus, t0
  GOTO_MODE(PRV_S, 1f)
1:
  li a0, VA_PAGE(2)
  NO_TRAP(44, ld a1, 0(a0))       # MXR: execute-only is readable
  CHECK(45, a1, 0x2222)
  TRAPS(46, CAUSE_STORE_PAGE, sd a1, 0(a0))
  li t0, MSTATUS_MXR
  csrc mstatus, t0

  # ---- cached translations must not outlive a SUM / MXR change ----------------------
  li t0, MSTATUS_SUM | MSTATUS_MXR
  csrs mstatus, t0
  GOTO_MODE(PRV_S, 1f)
1:
  li a0, VA_PAGE(3)
  NO_TRAP(150, ld a1, 0(a0))      # U page with SUM = 1
  li a2, VA_PAGE(2)
  NO_TRAP(151, ld a1, 0(a2))      # execute-only page with MXR = 1
  li t0, MSTATUS_SUM
  csrc sstatus, t0
  TRAPS(152, CAUSE_LOAD_PAGE, ld a1, 0(a0))
  GOTO_MODE(PRV_S, 1f)
1:
  li a2, VA_PAGE(2)
  li t0, MSTATUS_MXR
  csrc sstatus, t0
  TRAPS(153, CAUSE_LOAD_PAGE, ld a1, 0(a2))
  # ... nor a change of MPP under MPRV
  li t0, MSTATUS_MPP
  csrc mstatus, t0
  li t0, MSTATUS_MPRV
  csrs mstatus, t0                # MPRV, MPP = U
  li a0, VA_PAGE(3)
  ld a1, 0(a0)                    # U page as U: fine
  li t0, MSTATUS_MPP_S
  csrs mstatus, t0                # MPP = S, SUM = 0
  TRAPS(154, CAUSE_LOAD_PAGE, ld a1, 0(a0))
  li t0, MSTATUS_MPRV
  csrc mstatus, t0
  # ... nor a PTE change made from M followed by sfence.vma in M
  GOTO_U_ALIAS(1f)
1:
  li a0, VA_PAGE(3)
  ld a1, 0(a0)                    # U reads page0 through page 3
  U_EXPECT_TRAP(2f)
  ecall
2:
  CHECK(155, a1, 0x1111)
  SET_PTE(l0_table, 3, page2, PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D)
  sfence.vma
  GOTO_U_ALIAS(1f)
1:
  li a0, VA_PAGE(3)
  ld a1, 0(a0)
  U_EXPECT_TRAP(2f)
  ecall
2:
  CHECK(156, a1, 0x3333)
  SET_PTE(l0_table, 3, page0, PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D)
  sfence.vma

  # ---- MPRV: M-mode loads and stores with MPP's translation and permissions --------
  li t0, MSTATUS_MPP
  csrc mstatus, t0
  li t0, MSTATUS_MPRV | MSTATUS_MPP_S
  csrs mstatus, t0
  li a0, VA_PAGE(1)
  ld a1, 0(a0)
  li t0, MSTATUS_MPRV
  csrc mstatus, t0
  CHECK(50, a1, 0x2222)
  li t0, MSTATUS_MPRV | MSTATUS_MPP_S
  csrs mstatus, t0
  li a0, VA_PAGE(1)
  TRAPS(51, CAUSE_STORE_PAGE, sd a1, 0(a0))
  CHECK(52, s3, VA_PAGE(1))
  CHECK_PREV_MPP(53, PRV_M)
  # The handler's mret (to M) left MPRV set and MPP = U.
  csrr a0, mstatus
  CHECK_MASK(54, a0, MSTATUS_MPRV | MSTATUS_MPP, MSTATUS_MPRV)
  # MPP = U: U permissions apply
  li a0, VA_PAGE(3)
  NO_TRAP(56, ld a1, 0(a0))
  CHECK(57, a1, 0x1111)
  li a0, VA_PAGE(0)
  TRAPS(58, CAUSE_LOAD_PAGE, ld a1, 0(a0))          # S page seen as U
  CHECK_PREV_MPP(59, PRV_M)
  # MPRV with MPP = S honours SUM for U pages (rv64si-p-dirty does this).
  li t0, MSTATUS_MPP | MSTATUS_SUM
  csrc mstatus, t0
  li t0, MSTATUS_MPRV | MSTATUS_MPP_S
  csrs mstatus, t0
  li a0, VA_PAGE(3)
  TRAPS(130, CAUSE_STORE_PAGE, sd zero, 24(a0))
  CHECK(131, s3, VA_PAGE(3) + 24)
  li t0, MSTATUS_MPP
  csrc mstatus, t0
  li t0, MSTATUS_MPRV | MSTATUS_MPP_S | MSTATUS_SUM
  csrs mstatus, t0
  li a0, VA_PAGE(3)
  li a1, 0x2468
  NO_TRAP(132, sd a1, 24(a0); ld a2, 24(a0))
  li t0, MSTATUS_MPRV | MSTATUS_SUM
  csrc mstatus, t0
  CHECK(133, a2, 0x2468)
  # Fetches in M ignore MPRV (a U fetch from the identity map would fault).
  li t0, MSTATUS_MPP
  csrc mstatus, t0
  li t0, MSTATUS_MPRV
  csrs mstatus, t0
  nop
  nop
  li t0, MSTATUS_MPRV
  csrc mstatus, t0

  # ---- A and D bits ------------------------------------------------------------------
  # page 6 has A = 0: a load either sets A (not D) or faults with cause 13.
  GOTO_MODE(PRV_S, 1f)
1:
  li a0, VA_PAGE(6)
  li s11, 60
  CLEAR_TRAP
  AD_RECOVERY(2f)
  ld a1, 0(a0)
  BACK_TO_M(3f)
2:
  CHECK_CAUSE(61, CAUSE_LOAD_PAGE)
  CHECK(62, s3, VA_PAGE(6))
  GET_PTE(a0, l0_table, 6)
  CHECK_MASK(63, a0, PTE_A | PTE_D, 0)
  j 4f
3:
  GET_PTE(a0, l0_table, 6)
  CHECK_MASK(64, a0, PTE_A | PTE_D, PTE_A)
4:
  # page 7 has A = 1, D = 0: a store sets D or faults with cause 15 (never 13).
  GOTO_MODE(PRV_S, 1f)
1:
  li a0, VA_PAGE(7)
  li s11, 65
  CLEAR_TRAP
  AD_RECOVERY(2f)
  sd a0, 8(a0)
  BACK_TO_M(3f)
2:
  CHECK_CAUSE(66, CAUSE_STORE_PAGE)
  CHECK(67, s3, VA_PAGE(7) + 8)
  GET_PTE(a0, l0_table, 7)
  CHECK_MASK(68, a0, PTE_A | PTE_D, PTE_A)
  j 4f
3:
  GET_PTE(a0, l0_table, 7)
  CHECK_MASK(69, a0, PTE_A | PTE_D, PTE_A | PTE_D)
  la a0, page2
  ld a1, 8(a0)
  CHECK(70, a1, VA_PAGE(7))
4:
  sfence.vma

  # ---- page-crossing faults: tval is the address in the faulting page --------------
  # A 32-bit instruction whose second half is on an invalid page.
  li a0, VA_PAGE(16) - 2
  GOTO_MODE(PRV_S, 1f)
1:
  TRAPS(80, CAUSE_FETCH_PAGE, jalr a0)
  CHECK(81, s4, VA_PAGE(16) - 2)
  CHECK(82, s3, VA_PAGE(16))
  # A misaligned load whose second part is on an invalid page.
  li a0, VA_PAGE(18) - 4
  GOTO_MODE(PRV_S, 1f)
1:
  li a1, 0x77
  TRAPS(83, CAUSE_LOAD_PAGE, ld a1, 0(a0))
  CHECK(84, s3, VA_PAGE(18))
  CHECK(85, a1, 0x77)
  # A misaligned store whose second part is on a read-only page.
  li a0, VA_PAGE(20) - 4
  GOTO_MODE(PRV_S, 1f)
1:
  TRAPS(86, CAUSE_STORE_PAGE, sd a1, 0(a0))
  CHECK(87, s3, VA_PAGE(20))
  la a0, page1
  ld a1, 0(a0)
  CHECK(88, a1, 0x2222)           # nothing written on the read-only page

  # ---- sfence.vma makes a changed PTE visible -------------------------------------
  GOTO_MODE(PRV_S, 1f)
1:
  li a0, VA_PAGE(11)
  ld a1, 0(a0)
  CHECK(90, a1, 0x1111)
  SET_PTE(l0_table, 11, page1, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
  sfence.vma
  ld a1, 0(a0)
  CHECK(91, a1, 0x2222)
  SET_PTE(l0_table, 11, page2, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
  sfence.vma a0, zero             # address-specific form
  ld a1, 0(a0)
  CHECK(92, a1, 0x3333)
  SET_PTE(l0_table, 11, page0, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
  sfence.vma zero, zero
  ld a1, 0(a0)
  CHECK(93, a1, 0x1111)
  # invalidating a PTE makes the page fault after sfence.vma
  la t1, l0_table
  sd zero, 11 * 8(t1)
  sfence.vma a0
  TRAPS(94, CAUSE_LOAD_PAGE, ld a1, 0(a0))

  # ---- instruction fetch through changing mappings --------------------------------
  GOTO_MODE(PRV_S, 1f)
1:
  li a0, VA_PAGE(12)
  jalr a0                         # code1: a0 = 111
  CHECK(100, a0, 111)
  SET_PTE(l0_table, 12, code2, PTE_V | PTE_X | PTE_A)
  sfence.vma
  li a0, VA_PAGE(12)
  jalr a0                         # code2: a0 = 222 (no fence.i needed)
  CHECK(101, a0, 222)
  # write code through one mapping, fence.i, run it through another
  li a0, VA_PAGE(13)
  li t0, 0x14d00513               # addi a0, zero, 333
  sw t0, 0(a0)
  li t0, 0x00008067               # ret
  sw t0, 4(a0)
  fence.i
  li a0, VA_PAGE(14)
  jalr a0
  CHECK(102, a0, 333)
  li a0, VA_PAGE(13)
  li t0, 0x1bc00513               # addi a0, zero, 444
  sw t0, 0(a0)
  fence.i
  li a0, VA_PAGE(14)
  jalr a0
  CHECK(103, a0, 444)
  BACK_TO_M(1f)
1:

  # ---- code at virtual address 0 and 0x1000, entered by mret with mepc = 0 ------------
  SET_PTE(root_table, 0, l1_zero, PTE_V)
  SET_PTE(l1_zero, 0, l0_zero, PTE_V)
  SET_PTE(l0_zero, 0, code2, PTE_V | PTE_X | PTE_A)
  SET_PTE(l0_zero, 1, code1, PTE_V | PTE_X | PTE_A)
  sfence.vma
  la ra, 1f                       # code pages return with `ret` (in S)
  csrw mepc, zero
  li t0, MSTATUS_MPP
  csrc mstatus, t0
  li t0, MSTATUS_MPP_S
  csrs mstatus, t0
  mret
1:
  BACK_TO_M(1f)
1:
  CHECK(140, a0, 222)
  la ra, 1f
  GOTO_MODE(PRV_S, 2f)
2:
  li t0, 0x1000
  jr t0
1:
  BACK_TO_M(1f)
1:
  CHECK(141, a0, 111)
  # swap the two pages; sfence.vma (no fence.i) and the new code runs
  SET_PTE(l0_zero, 0, code1, PTE_V | PTE_X | PTE_A)
  sfence.vma
  la ra, 1f
  GOTO_MODE(PRV_S, 2f)
2:
  jr zero
1:
  BACK_TO_M(1f)
1:
  CHECK(142, a0, 111)
  # a store to an execute-only page at VA 0 faults with tval 0
  GOTO_MODE(PRV_S, 1f)
1:
  TRAPS(143, CAUSE_STORE_PAGE, sw zero, 0(zero))
  CHECK(144, s3, 0)

  # ---- U-mode ----------------------------------------------------------------------------
  GOTO_U_ALIAS(u_code)
u_back:
  # U faults: access to an S page, fetch from an S page, store to a U read-only page
  CHECK(110, a0, 0x1111)
  CHECK_CAUSE(111, CAUSE_ECALL_U)
  li t0, U_ALIAS
  la t1, u_ecall
  add t1, t1, t0
  CHECK_REG(112, s4, t1)
  li a0, VA_PAGE(0)
  GOTO_U_ALIAS(u_load_s_page)
ret_u_load:
  CHECK_CAUSE(113, CAUSE_LOAD_PAGE)
  CHECK(114, s3, VA_PAGE(0))
  CHECK_PREV_MPP(115, PRV_U)
  la a0, bad_target               # identity (S) address
  GOTO_U_ALIAS(u_jump)
bad_target:
  j fail
ret_u_fetch:
  CHECK_CAUSE(116, CAUSE_FETCH_PAGE)
  la t0, bad_target
  CHECK_REG(117, s3, t0)
  li a0, VA_PAGE(8)
  GOTO_U_ALIAS(u_store)
ret_u_store:
  CHECK_CAUSE(118, CAUSE_STORE_PAGE)
  CHECK(119, s3, VA_PAGE(8))

  # ---- page faults delegated to S -------------------------------------------------------
  li t0, (1 << CAUSE_LOAD_PAGE) | (1 << CAUSE_STORE_PAGE) | (1 << CAUSE_FETCH_PAGE)
  csrw medeleg, t0
  GOTO_MODE(PRV_S, 1f)
1:
  li a0, VA_PAGE(4)
  li s11, 120
  CLEAR_TRAP
  la s6, 2f
  ld a1, 0(a0)
  j fail
2:
  CHECK_CAUSE(121, CAUSE_LOAD_PAGE)
  CHECK_HANDLER(122, PRV_S)
  CHECK(123, s3, VA_PAGE(4))
  csrr a1, stval
  CHECK(124, a1, VA_PAGE(4))
  li s11, 125
  CLEAR_TRAP
  la s6, 2f
  jalr a0
  j fail
2:
  CHECK_CAUSE(126, CAUSE_FETCH_PAGE)
  CHECK(127, s4, VA_PAGE(4))
  BACK_TO_M(1f)
1:
  csrw medeleg, zero
  csrw satp, zero
  sfence.vma
  j pass

# ---- U-mode code (runs at PA + U_ALIAS) --------------------------------------------
  .align 12
u_code:
  li a0, VA_PAGE(3)
  ld a0, 0(a0)                    # user page: allowed
  U_EXPECT_TRAP(u_back)
u_ecall:
  ecall
u_load_s_page:
  U_EXPECT_TRAP(ret_u_load)
  ld a1, 0(a0)
  j fail
u_jump:
  U_EXPECT_TRAP(ret_u_fetch)
  jalr a0
  j fail
u_store:
  U_EXPECT_TRAP(ret_u_store)
  sd a1, 0(a0)
  j fail

# ---- code pages for the fetch tests --------------------------------------------------
  .align 12
code1:
  li a0, 111
  ret
  .align 12
code2:
  li a0, 222
  ret
  .align 12
code3:
  li a0, 0
  ret
  .align 12
code4:
  .skip 4094
  .half 0x0513                    # first half of a 32-bit instruction

  .data
  .align 12
page0: .dword 0x1111
  .align 12
page1: .dword 0x2222
  .align 12
page2: .dword 0x3333

  .bss
  .align 12
root_table: .skip 4096
l1_table: .skip 4096
l0_table: .skip 4096
l1_zero: .skip 4096
l0_zero: .skip 4096
