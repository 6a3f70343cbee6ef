// Smoke tests of the hart core on small assembled programs: integer
// arithmetic, M edge cases, branches, loads/stores (incl. misaligned),
// compressed code, atomics, CSRs and the tohost exit.

import { describe, expect, it } from 'vitest';
import { ExitReason } from '../../../emulator/hart/hart.js';
import { assemble, hartWith, hasCrossGcc, readTohost } from './guest-asm.js';

const START = `
  .section .text.init
  .globl _start
_start:
`;

async function runProgram(body: string, march = 'rv64gc') {
  const hart = await hartWith(assemble(START + body + '\n  j hart_test_done\n', march));
  const exit = hart.run(1_000_000);
  return { hart, exit };
}

describe.skipIf(!hasCrossGcc)('hart basics', () => {
  it('stops with ExitReason.Tohost after the tohost store retires', async () => {
    const { hart, exit } = await runProgram('li a0, 7');
    expect(exit).toBe(ExitReason.Tohost);
    expect(readTohost(hart)).toBe(1n);
    expect(hart.getX(10)).toBe(7n);
  });

  it('computes integer arithmetic and keeps x0 zero', async () => {
    const { hart } = await runProgram(`
      li a0, -5
      li a1, 3
      add a2, a0, a1        # -2
      sub a3, a0, a1        # -8
      sra a4, a0, a1        # -1
      srl a5, a0, a1        # 0x1fff_ffff_ffff_ffff
      addiw a6, a0, 0x7ff   # 2042
      li t0, 0x7fffffff
      addw a7, t0, t0       # -2 (32-bit wrap)
      li x0, 55
      sltu s2, a1, a0       # 1
      slt s3, a1, a0        # 0
      lui s4, 0x80000       # sign-extended
    `);
    expect(hart.getX(12)).toBe(BigInt.asUintN(64, -2n));
    expect(hart.getX(13)).toBe(BigInt.asUintN(64, -8n));
    expect(hart.getX(14)).toBe(BigInt.asUintN(64, -1n));
    expect(hart.getX(15)).toBe(0x1fff_ffff_ffff_ffffn);
    expect(hart.getX(16)).toBe(2042n);
    expect(hart.getX(17)).toBe(BigInt.asUintN(64, -2n));
    expect(hart.getX(0)).toBe(0n);
    expect(hart.getX(18)).toBe(1n);
    expect(hart.getX(19)).toBe(0n);
    expect(hart.getX(20)).toBe(0xffff_ffff_8000_0000n);
  });

  it('implements M with the RISC-V division corner cases', async () => {
    const { hart } = await runProgram(`
      li t0, -1
      li t1, 0x8000000000000000
      mulhu a0, t0, t0      # 0xffff_ffff_ffff_fffe
      mulh a1, t1, t1       # 0x4000_0000_0000_0000
      mulhsu a2, t0, t0     # -1
      div a3, t1, t0        # overflow: MIN
      rem a4, t1, t0        # 0
      li t2, 0
      divu a5, t0, t2       # all ones
      remu a6, t1, t2       # dividend
      li t3, -7
      li t4, 2
      divw a7, t3, t4       # -3
      remw s2, t3, t4       # -1
      mulw s3, t0, t4       # -2
    `);
    expect(hart.getX(10)).toBe(0xffff_ffff_ffff_fffen);
    expect(hart.getX(11)).toBe(0x4000_0000_0000_0000n);
    expect(hart.getX(12)).toBe(0xffff_ffff_ffff_ffffn);
    expect(hart.getX(13)).toBe(0x8000_0000_0000_0000n);
    expect(hart.getX(14)).toBe(0n);
    expect(hart.getX(15)).toBe(0xffff_ffff_ffff_ffffn);
    expect(hart.getX(16)).toBe(0x8000_0000_0000_0000n);
    expect(hart.getX(17)).toBe(BigInt.asUintN(64, -3n));
    expect(hart.getX(18)).toBe(BigInt.asUintN(64, -1n));
    expect(hart.getX(19)).toBe(BigInt.asUintN(64, -2n));
  });

  it('runs loops, calls and branches (sum 1..100, recursive fib)', async () => {
    const { hart } = await runProgram(`
      li a0, 0
      li a1, 100
    1: add a0, a0, a1
      addi a1, a1, -1
      bnez a1, 1b
      mv s1, a0
      li a0, 15
      la sp, stack_top
      call fib
      mv s2, a0
      j hart_test_done
    fib:
      li t0, 2
      blt a0, t0, 2f
      addi sp, sp, -16
      sd ra, 0(sp)
      sd a0, 8(sp)
      addi a0, a0, -1
      call fib
      ld t1, 8(sp)
      sd a0, 8(sp)
      addi a0, t1, -2
      call fib
      ld t1, 8(sp)
      add a0, a0, t1
      ld ra, 0(sp)
      addi sp, sp, 16
    2: ret
      .data
      .align 4
      .space 4096
    stack_top:
      .text
    `);
    expect(hart.getX(9)).toBe(5050n);
    expect(hart.getX(18)).toBe(610n);
  });

  it('loads and stores all widths, sign extension and misaligned accesses', async () => {
    const { hart } = await runProgram(`
      la t0, buf
      li t1, 0x8899aabbccddeeff
      sd t1, 0(t0)
      lb a0, 0(t0)
      lbu a1, 0(t0)
      lh a2, 2(t0)
      lhu a3, 2(t0)
      lw a4, 4(t0)
      lwu a5, 4(t0)
      ld a6, 0(t0)
      sd t1, 3(t0)          # misaligned store, emulated
      ld a7, 3(t0)          # misaligned load
      sh t1, 9(t0)
      lhu s2, 9(t0)
      .data
      .align 4
    buf: .space 32
      .text
    `);
    expect(hart.getX(10)).toBe(BigInt.asUintN(64, -1n));
    expect(hart.getX(11)).toBe(0xffn);
    expect(hart.getX(12)).toBe(0xffff_ffff_ffff_ccddn);
    expect(hart.getX(13)).toBe(0xccddn);
    expect(hart.getX(14)).toBe(0xffff_ffff_8899_aabbn);
    expect(hart.getX(15)).toBe(0x8899_aabbn);
    expect(hart.getX(16)).toBe(0x8899_aabb_ccdd_eeffn);
    expect(hart.getX(17)).toBe(0x8899_aabb_ccdd_eeffn);
    expect(hart.getX(18)).toBe(0xeeffn);
  });

  it('executes compressed code identical to its expansion', async () => {
    const { hart } = await runProgram(`
      .option rvc
      c.li a0, 5
      c.addi a0, 3           # 8
      c.slli a0, 2           # 32
      c.mv a1, a0
      c.add a1, a0           # 64
      c.lui a2, 1            # 4096
      c.addiw a2, -1         # 4095
      la s0, buf
      c.sd a1, 8(s0)
      c.ld a3, 8(s0)
      c.sw a2, 16(s0)
      c.lw a4, 16(s0)
      li a5, 12
      c.srai a5, 1           # 6
      c.andi a5, 3           # 2
      c.sub a1, a5           # 62
      c.beqz a5, 1f
      c.j 2f
    1: li a5, 99
    2: addi sp, s0, 32
      c.sdsp a0, 8(sp)
      c.ldsp a6, 8(sp)
      c.addi16sp sp, -16
      c.addi4spn s1, sp, 4
      .data
      .align 4
    buf: .space 64
      .text
    `);
    expect(hart.getX(10)).toBe(32n);
    expect(hart.getX(11)).toBe(62n);
    expect(hart.getX(12)).toBe(4095n);
    expect(hart.getX(13)).toBe(64n);
    expect(hart.getX(14)).toBe(4095n);
    expect(hart.getX(15)).toBe(2n);
    expect(hart.getX(16)).toBe(32n);
    expect(hart.getX(9)).toBe(hart.getX(2) + 4n);
  });

  it('implements LR/SC and AMOs', async () => {
    const { hart } = await runProgram(`
      la t0, word
      li t1, 10
      sd t1, 0(t0)
      lr.d a0, (t0)          # 10
      addi a0, a0, 1
      sc.d a1, a0, (t0)      # success -> 0
      sc.d a2, a0, (t0)      # no reservation -> 1
      li t2, 5
      amoadd.d a3, t2, (t0)  # old 11, new 16
      li t2, -1
      amomaxu.d a4, t2, (t0) # old 16, new all ones
      amoswap.w a5, t2, (t0) # old low word 0xffffffff sign-extended
      li t2, 3
      amomin.w a6, t2, (t0)  # old -1; min(-1,3) = -1 stays
      ld a7, 0(t0)
      .data
      .align 3
    word: .dword 0
      .text
    `);
    expect(hart.getX(10)).toBe(11n);
    expect(hart.getX(11)).toBe(0n);
    expect(hart.getX(12)).toBe(1n);
    expect(hart.getX(13)).toBe(11n);
    expect(hart.getX(14)).toBe(16n);
    expect(hart.getX(15)).toBe(0xffff_ffff_ffff_ffffn);
    expect(hart.getX(16)).toBe(0xffff_ffff_ffff_ffffn);
    expect(hart.getX(17)).toBe(0xffff_ffff_ffff_ffffn);
  });

  it('reads machine CSRs and counts instret', async () => {
    const { hart } = await runProgram(`
      csrr a0, misa
      csrr a1, mhartid
      csrr a2, mstatus
      csrr s0, minstret
      nop
      nop
      csrr s1, minstret
      sub a3, s1, s0          # 3
      csrwi mscratch, 9
      csrrsi a4, mscratch, 6  # 9, then 15
      csrr a5, mscratch
      li t0, 1000
      csrw minstret, t0
      csrr a6, minstret       # 1000: the csrw itself is not counted
    `);
    expect(hart.getX(10)).toBe(0x8000_0000_0014_112dn);
    expect(hart.getX(11)).toBe(0n);
    expect(hart.getX(12)).toBe(0xa_0000_0000n);
    expect(hart.getX(13)).toBe(3n);
    expect(hart.getX(14)).toBe(9n);
    expect(hart.getX(15)).toBe(15n);
    expect(hart.getX(16)).toBe(1000n);
  });

  it('forwards device accesses to MmioDevice callbacks and faults on unmapped addresses', async () => {
    const writes: [number, number, number][] = [];
    const hart = await hartWith(assemble(START + `
      la t0, handler
      csrw mtvec, t0
      li s0, 0x10000000
      lbu a0, 5(s0)           # device read, 1 byte
      lw a1, 8(s0)            # 4 bytes
      ld a2, 16(s0)           # 8 bytes = two 4-byte reads
      li t1, 0x1122334455667788
      sd t1, 32(s0)           # two 4-byte writes, low first
      sb t1, 3(s0)
      li s1, 0x20000000
      lw a3, 0(s1)            # unmapped: load access fault
      j hart_test_done
      .align 2
    handler:
      csrr a4, mcause
      csrr a5, mtval
      j hart_test_done
    `));
    hart.mapDevice(0x1000_0000n, 0x100, {
      name: 'probe',
      read: (offset) => (offset === 16 ? 0xdead_beef : offset === 20 ? 0x0102_0304 : offset * 2),
      write: (offset, size, value) => { writes.push([offset, size, value]); return true; },
    });
    expect(hart.run(10_000)).toBe(ExitReason.Tohost);
    expect(hart.getX(10)).toBe(10n);
    expect(hart.getX(11)).toBe(16n);
    expect(hart.getX(12)).toBe(0x0102_0304_dead_beefn);
    expect(writes).toEqual([[32, 4, 0x5566_7788], [36, 4, 0x1122_3344], [3, 1, 0x88]]);
    expect(hart.getX(14)).toBe(5n);
    expect(hart.getX(15)).toBe(0x2000_0000n);
  });

  it('sees stores into its own code page (patched instruction, data next to code)', async () => {
    const { hart } = await runProgram(`
      li s0, 0
      li s1, 100
    1: la t0, counter          # data word in the code page, written every iteration
      lw t1, 0(t0)
      addi t1, t1, 1
      sw t1, 0(t0)
      addi s1, s1, -1
      bnez s1, 1b
      li s3, 2
      li s2, 0
    patch:
      li a0, 1                # executed (and decoded) once, then patched
      add s2, s2, a0
      addi s3, s3, -1
      beqz s3, 3f
      la t0, patch
      la t1, replacement
      lw t2, 0(t1)
      sw t2, 0(t0)            # no fence.i: the hart keeps decoded code coherent with stores anyway
      j patch
    3:
      lw a1, counter
      j hart_test_done
      .align 2
    replacement:
      li a0, 2                # 32-bit addi a0, x0, 2 when not compressed
      .align 2
    counter: .word 0
    `, 'rv64g');
    expect(hart.getX(18)).toBe(3n);
    expect(hart.getX(11)).toBe(100n);
  });
});
