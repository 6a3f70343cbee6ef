# The U-mode body run by the demand-paging kernel (vm_kernel.c): every page it
# touches starts unmapped, so each test first takes page faults (fetch, load,
# store/AMO, a page-straddling instruction, a page-crossing misaligned load,
# compressed accesses, self-modifying code) and then checks the data it gets.
# Exits with ecall: a0 = 1 passes, a0 = (n << 1) | 1 reports test n.

#define CHECK(n, reg, val) li s11, n; li t6, val; beq reg, t6, 998f; j user_fail; 998:

  .text
  .option norvc
  .globl userstart
userstart:
  li s11, 1
  # 2: load from a fresh data page
  la a0, data_a
  lw a1, 0(a0)
  CHECK(2, a1, 0x11223344)
  # 3: store to a fresh page, read back
  la a0, data_b
  li a1, 0x5566
  sd a1, 8(a0)
  ld a2, 8(a0)
  CHECK(3, a2, 0x5566)
  # 4: call code on another page
  call far_func
  CHECK(4, a0, 42)
  # 5: an instruction that straddles two fresh pages
  li a0, 7
  call straddle_entry
  CHECK(5, a0, 8)
  # 6: a misaligned load whose second half is on a fresh page
  la a0, cross_end
  lb a1, -8(a0)                  # map the first page only
  ld a1, -4(a0)
  CHECK(6, a1, 0x0807060504030201)
  # 7: AMO on a fresh page (store/AMO page fault)
  la a0, amo_word
  li a1, 2
  amoadd.d a2, a1, (a0)
  CHECK(7, a2, 5)
  ld a2, 0(a0)
  CHECK(8, a2, 7)
  # 9: lr/sc on a fresh page (lr faults as a load)
  la a0, lr_word
  lr.d a1, (a0)
  CHECK(9, a1, 9)
  addi a1, a1, 1
  sc.d a2, a1, (a0)
  CHECK(10, a2, 0)
  ld a1, 0(a0)
  CHECK(11, a1, 10)
  # 12: floating point through fresh pages
  la a0, fp_in
  fld f1, 0(a0)
  fadd.d f2, f1, f1
  la a0, fp_out
  fsd f2, 0(a0)
  ld a1, 0(a0)
  CHECK(12, a1, 0x4008000000000000)      # 1.5 + 1.5 = 3.0
  # 13: compressed load and store on fresh pages
  .option push
  .option rvc
  la a0, c_load
  c.ld a1, 0(a0)
  la a2, c_store
  c.sd a1, 8(a2)
  .option pop
  ld a3, 8(a2)
  CHECK(13, a3, 0x7788)
  # 14: load first, then store: A then D
  la a0, data_c
  ld a1, 0(a0)
  CHECK(14, a1, 0x99)
  li a1, 0x9a
  sd a1, 0(a0)
  ld a1, 0(a0)
  CHECK(15, a1, 0x9a)
  # 16: self-modifying code on a fresh page
  la a0, smc_page
  li t0, 0x03700513              # addi a0, zero, 55
  sw t0, 0(a0)
  li t0, 0x00008067              # ret
  sw t0, 4(a0)
  fence.i
  jalr a0
  CHECK(16, a0, 55)
  la a0, smc_page
  li t0, 0x04200513              # addi a0, zero, 66
  sw t0, 0(a0)
  fence.i
  jalr a0
  CHECK(17, a0, 66)
  li a0, 1
  ecall
user_fail:
  slli a0, s11, 1
  ori a0, a0, 1
  ecall
1:
  j 1b

  .balign 4096
far_func:
  li a0, 42
  ret

  .balign 4096
  .skip 4096 - 6
  .option push
  .option rvc
straddle_entry:
  c.nop
  c.nop
  .option norvc
  addi a0, a0, 1                 # bytes 4094..4097: crosses into the next page
  ret
  .option pop

  .data
  .balign 4096
data_a: .word 0x11223344
  .balign 4096
data_b: .dword 0, 0
  .balign 4096
  .skip 4096 - 8
  .byte 0xf8, 0xf9, 0xfa, 0xfb, 0x01, 0x02, 0x03, 0x04
cross_end:
  .byte 0x05, 0x06, 0x07, 0x08
  .balign 4096
amo_word: .dword 5
  .balign 4096
lr_word: .dword 9
  .balign 4096
fp_in: .double 1.5
  .balign 4096
fp_out: .dword 0
  .balign 4096
c_load: .dword 0x7788
  .balign 4096
c_store: .dword 0, 0
  .balign 4096
data_c: .dword 0x99
  .balign 4096
smc_page: .dword 0, 0
