/* Misaligned loads and stores. The hart documents them as emulated (done
   byte by byte, also across a page boundary), so every width at every byte
   offset must read and write the right bytes. Misaligned LR/SC/AMOs trap with
   address-misaligned (M-mode build only; they are atomic, not emulated). */
#include "test-macros.h"
TEST_BEGIN

/* mdat holds bytes 0x00, 0x11, ..., 0xff, 0x00, 0x11, ... */
TEST_LD(2, lh, 0x2211, 1, mdat)
TEST_LD(3, lh, 0xffffffffffff8877, 7, mdat)
TEST_LD(4, lhu, 0x8877, 7, mdat)
TEST_LD(5, lhu, 0x0ff, 15, mdat)
TEST_LD(6, lw, 0x44332211, 1, mdat)
TEST_LD(7, lw, 0x55443322, 2, mdat)
TEST_LD(8, lw, 0x66554433, 3, mdat)
TEST_LD(9, lw, 0xffffffffaa998877, 7, mdat)
TEST_LD(10, lwu, 0xaa998877, 7, mdat)
TEST_LD(11, lwu, 0x221100ff, 15, mdat)
TEST_LD(12, ld, 0x8877665544332211, 1, mdat)
TEST_LD(13, ld, 0x9988776655443322, 2, mdat)
TEST_LD(14, ld, 0xaa99887766554433, 3, mdat)
TEST_LD(15, ld, 0xbbaa998877665544, 4, mdat)
TEST_LD(16, ld, 0xccbbaa9988776655, 5, mdat)
TEST_LD(17, ld, 0xddccbbaa99887766, 6, mdat)
TEST_LD(18, ld, 0xeeddccbbaa998877, 7, mdat)

/* across a page boundary: pgdat is 8 bytes before the next page */
TEST_LD(20, ld, 0x0706050403020100, 0, pgdat)
TEST_LD(21, ld, 0x0807060504030201, 1, pgdat)
TEST_LD(22, ld, 0x0e0d0c0b0a090807, 7, pgdat)
TEST_LD(23, lw, 0x0a090807, 7, pgdat)
TEST_LD(24, lw, 0x09080706, 6, pgdat)
TEST_LD(25, lw, 0x08070605, 5, pgdat)
TEST_LD(26, lh, 0x0807, 7, pgdat)
TEST_LD(27, lhu, 0x0807, 7, pgdat)

/* stores: write at every odd offset, check the whole neighbourhood */
#define CLEAR2 la a1, sbuf; sd x0, 0(a1); sd x0, 8(a1);
TEST_CASE(30, a0, 0x0000000000aabb00, CLEAR2 li a2, 0xaabb; sh a2, 1(a1); ld a0, 0(a1))
TEST_CASE(31, a0, 0xbb00000000000000, CLEAR2 li a2, 0xaabb; sh a2, 7(a1); ld a0, 0(a1))
TEST_CASE(32, a0, 0x00000000000000aa, ld a0, 8(a1))
TEST_CASE(33, a0, 0x00000011223344ff, CLEAR2 li a2, -1; sb a2, 0(a1); li a2, 0x11223344; sw a2, 1(a1); ld a0, 0(a1))
TEST_CASE(34, a0, 0x4400000000000000, CLEAR2 li a2, 0x11223344; sw a2, 7(a1); ld a0, 0(a1))
TEST_CASE(35, a0, 0x0000000000112233, ld a0, 8(a1))
TEST_CASE(36, a0, 0x2233445566778800, CLEAR2 li a2, 0x1122334455667788; sd a2, 1(a1); ld a0, 0(a1))
TEST_CASE(37, a0, 0x1122334455667788, CLEAR2 li a2, 0x1122334455667788; sd a2, 5(a1); ld a0, 5(a1))
TEST_CASE(38, a0, 0x0000000000112233, ld a0, 8(a1); srli a0, a0, 16)
TEST_CASE(39, a0, 0x4455667788000000, CLEAR2 li a2, 0x1122334455667788; sd a2, 3(a1); ld a0, 0(a1))
/* stores across the page boundary */
TEST_CASE(40, a0, 0x1122334455667788, la a1, pgbuf; li a2, 0x1122334455667788; sd a2, 5(a1); ld a0, 5(a1))
TEST_CASE(41, a0, 0x66778800, lw a0, 4(a1))
TEST_CASE(42, a0, 0x11223344, lw a0, 9(a1))
TEST_CASE(43, a0, 0xffffffffdeadbeef, li a2, 0xdeadbeef; sw a2, 6(a1); lw a0, 6(a1))
TEST_CASE(44, a0, 0xffffffffffffabcd, li a2, 0xabcd; sh a2, 7(a1); lh a0, 7(a1))

/* misaligned FP loads and stores are emulated too */
TEST_CASE(46, a0, 0xffffffff44332211, la a1, mdat; flw f1, 1(a1); fmv.x.d a0, f1)
TEST_CASE(47, a0, 0xeeddccbbaa998877, la a1, mdat; fld f1, 7(a1); fmv.x.d a0, f1)
TEST_CASE(48, a0, 0x0e0d0c0b0a090807, la a1, pgdat; fld f1, 7(a1); fmv.x.d a0, f1)
TEST_CASE(49, a0, 0x0e0d0c0b0a090807, la a1, pgbuf; fsd f1, 3(a1); ld a0, 3(a1))
TEST_CASE(45, a0, 0x44332211, la a1, pgbuf; la a2, mdat; flw f2, 1(a2); fsw f2, 6(a1); lwu a0, 6(a1))

#ifndef QEMU_USER
/* LR/SC and AMOs never emulate misalignment: address-misaligned traps, mtval = address */
TEST_TRAP(50, 4, la a1, mdat; addi a1, a1, 4; lr.d a0, (a1))
  la t4, mdat + 4; bne s11, t4, fail
TEST_TRAP(51, 6, la a1, mdat; addi a1, a1, 2; sc.w a0, a2, (a1))
  la t4, mdat + 2; bne s11, t4, fail
TEST_TRAP(52, 6, la a1, mdat; addi a1, a1, 1; amoadd.w a0, a2, (a1))
  la t4, mdat + 1; bne s11, t4, fail
TEST_TRAP(53, 6, la a1, mdat; addi a1, a1, 4; amoswap.d a0, a2, (a1))
TEST_TRAP(54, 4, la a1, mdat; addi a1, a1, 2; lr.w a0, (a1))
#endif

#ifdef USER_VM
/* Through the swapped-pages alias, the bytes after xpg1's last byte are
   xpg0's first: a page-crossing access must translate each page separately. */
TEST_CASE(60, a0, 0x0302010047464544, VM_ALIAS(a1, xpg1) li t0, 4092; add a1, a1, t0; ld a0, 0(a1))
TEST_CASE(61, a0, 0x01004746, VM_ALIAS(a1, xpg1) li t0, 4094; add a1, a1, t0; lw a0, 0(a1))
TEST_CASE(62, a0, 0x0047, VM_ALIAS(a1, xpg1) li t0, 4095; add a1, a1, t0; lhu a0, 0(a1))
TEST_CASE(63, a0, 0x0302010047464544, VM_ALIAS(a1, xpg1) li t0, 4092; add a1, a1, t0; fld f1, 0(a1); fmv.x.d a0, f1)
TEST_CASE(64, a0, 0x6677884443424140, VM_ALIAS(a1, xpg1) li t0, 4093; add a1, a1, t0; li a2, 0x1122334455667788;
          sd a2, 0(a1); la a2, xpg1; li t0, 4088; add a2, a2, t0; ld a0, 0(a2))
TEST_CASE(65, a0, 0x0706051122334455, la a2, xpg0; ld a0, 0(a2))
#endif

TEST_END

  .data
  .align 4
mdat:
  .byte 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff
  .byte 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff
sbuf:
  .skip 32
  .balign 4096
  .skip 4096 - 8
pgdat:
  .byte 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
  .balign 4096
  .skip 4096 - 8
pgbuf:
  .skip 32
  .balign 8192
xpg0:
  .byte 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07
  .balign 4096
xpg1:
  .byte 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17
  .skip 4096 - 16
  .byte 0x40, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47
  .skip 4096
