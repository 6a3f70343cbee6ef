// Smoke tests of the hart's privileged architecture: M-mode traps, illegal
// instructions, delegation to S, Sv39 translation with hardware A/D update
// and page faults, host-trap mode, the CLINT timer interrupt, wfi, breakpoints.

import { describe, expect, it } from 'vitest';
import { ExitReason, Privilege } from '../../../emulator/hart/hart.js';
import { RAM_BASE, assemble, hartWith, hasCrossGcc } from './guest-asm.js';

const START = `
  .section .text.init
  .globl _start
_start:
`;

async function load(body: string) {
  return hartWith(assemble(START + body + '\n  j hart_test_done\n'));
}

const U64 = (v: bigint) => BigInt.asUintN(64, v);

describe.skipIf(!hasCrossGcc)('hart privileged architecture', () => {
  it('takes ecall and illegal-instruction traps to M-mode with cause, epc and tval', async () => {
    const hart = await load(`
      la t0, handler
      csrw mtvec, t0
      li s0, 0
    ecall_at:
      ecall
      .word 0xffffffff        # illegal
      csrw mhartid, zero      # read-only CSR: illegal
      j hart_test_done
    .align 2
    handler:
      la t0, log
      slli t1, s0, 4
      add t0, t0, t1
      csrr t1, mcause
      sd t1, 0(t0)
      csrr t1, mtval
      sd t1, 8(t0)
      addi s0, s0, 1
      csrr t1, mepc
      addi t1, t1, 4
      csrw mepc, t1
      mret
      .data
      .align 4
    log: .space 64
      .text
    `);
    expect(hart.run(10_000)).toBe(ExitReason.Tohost);
    expect(hart.getX(8)).toBe(3n);
    const view = new DataView(hart.ram.buffer, hart.ram.byteOffset);
    const logOffset = 0x1010; // log follows the 16-byte tohost block
    const entry = (i: number) => [view.getBigUint64(logOffset + 16 * i, true), view.getBigUint64(logOffset + 16 * i + 8, true)];
    expect(entry(0)).toEqual([11n, 0n]);
    expect(entry(1)).toEqual([2n, 0xffff_ffffn]);
    expect(entry(2)[0]).toBe(2n);
    expect(entry(2)[1]).toBe(0xf1401073n); // csrrw x0, mhartid, x0
  });

  it('translates through Sv39 in S-mode, sets A/D bits, and reports page faults with stval', async () => {
    const hart = await load(`
      la t0, mhandler
      csrw mtvec, t0
      # root[1] -> pt1, pt1[0] -> pt0, pt0[0] -> target page (V R W only: hardware sets A and D)
      la t0, pt1
      srli t0, t0, 12
      slli t0, t0, 10
      ori t0, t0, 1
      la t1, pt2
      sd t0, 8(t1)
      la t0, pt0
      srli t0, t0, 12
      slli t0, t0, 10
      ori t0, t0, 1
      la t1, pt1
      sd t0, 0(t1)
      la t0, target
      srli t0, t0, 12
      slli t0, t0, 10
      ori t0, t0, 0x7
      la s5, pt0
      sd t0, 0(s5)
      # root[2]: identity gigapage for 0x8000_0000 (V R W X A D)
      li t0, (0x80000 << 10) | 0xcf
      sd t0, 16(t1)
      la t1, pt2
      sd t0, 16(t1)
      srli t0, t1, 12
      li t1, 8 << 60
      or t0, t0, t1
      csrw satp, t0
      sfence.vma
      la t0, smode
      csrw mepc, t0
      li t0, 0x1800
      csrc mstatus, t0
      li t0, 0x800
      csrs mstatus, t0
      mret
    smode:
      li t0, 0x40000000
      li t1, 1234
      sd t1, 8(t0)
      ld a0, 8(t0)
      csrr a4, sstatus
      li t0, 0x40001000
      ld a1, 0(t0)            # unmapped: load page fault
      j hart_test_done
    .align 2
    mhandler:
      csrr a2, mcause
      csrr a3, mtval
      csrr a5, mstatus
      j hart_test_done
      .data
      .align 12
    pt2: .space 4096
    pt1: .space 4096
    pt0: .space 4096
    target: .space 4096
      .text
    `);
    expect(hart.run(10_000)).toBe(ExitReason.Tohost);
    expect(hart.getX(10)).toBe(1234n);
    expect(hart.getX(12)).toBe(13n);
    expect(hart.getX(13)).toBe(0x4000_1000n);
    expect((hart.getX(15) >> 11n) & 3n).toBe(1n); // MPP = S
    const pt0 = Number(hart.getX(21) - RAM_BASE);
    const view = new DataView(hart.ram.buffer, hart.ram.byteOffset);
    expect(view.getBigUint64(pt0, true) & 0xc0n).toBe(0xc0n);
    expect(view.getBigUint64(pt0 + 4096 + 8, true)).toBe(1234n);
    expect(hart.debugTranslate(0x4000_0008n, 'load')).toBe(0x4000_0008n); // M-mode: bare
    hart.setPrivilege(Privilege.Supervisor);
    expect(hart.debugTranslate(0x4000_0008n, 'load')).toBe(BigInt(pt0) + RAM_BASE + 4096n + 8n);
    expect(hart.debugTranslate(0x4000_1000n, 'load')).toBe(-1n);
  });

  it('delegates U-mode ecall to S-mode through medeleg and returns with sret', async () => {
    const hart = await load(`
      la t0, stvec_handler
      csrw stvec, t0
      li t0, 1 << 8
      csrw medeleg, t0
      la t0, umode
      csrw mepc, t0
      li t0, 0x1800
      csrc mstatus, t0        # MPP = U
      mret
    umode:
      li a0, 5
      ecall
      addi a0, a0, 100        # resumes here after sret
      ecall
    .align 2
    stvec_handler:
      csrr a1, scause
      addi s1, s1, 1
      li t0, 2
      beq s1, t0, hart_test_done
      csrr t0, sepc
      addi t0, t0, 4
      csrw sepc, t0
      sret
    `);
    expect(hart.run(10_000)).toBe(ExitReason.Tohost);
    expect(hart.getX(11)).toBe(8n);
    expect(hart.getX(10)).toBe(105n);
    expect(hart.getPrivilege()).toBe(Privilege.Supervisor);
  });

  it('returns HostTrap for a U-mode ecall in host-trap mode without vectoring', async () => {
    const hart = await load(`
      la t0, umode
      csrw mepc, t0
      li t0, 0x1800
      csrc mstatus, t0
      mret
    umode:
      li a7, 93
      li a0, 42
    first:
      ecall
      li a1, 77
      ecall
    `);
    hart.setHostTrapMode(true);
    expect(hart.run(10_000)).toBe(ExitReason.HostTrap);
    expect(hart.trapCause()).toBe(8n);
    expect(hart.getPrivilege()).toBe(Privilege.User);
    expect(hart.getX(10)).toBe(42n);
    const ecallPc = hart.getPc();
    hart.setPc(ecallPc + 4n);
    expect(hart.run(10_000)).toBe(ExitReason.HostTrap);
    expect(hart.getX(11)).toBe(77n);
    expect(hart.getPc()).toBe(ecallPc + 8n); // li a1, 77 does not fit c.li
  });

  it('takes the machine timer interrupt when mtime reaches mtimecmp', async () => {
    const hart = await load(`
      la t0, handler
      csrw mtvec, t0
      li s0, 0x2004000        # mtimecmp
      li s1, 0x200bff8        # mtime
      ld t2, 0(s1)
      addi s2, t2, 50
      sd s2, 0(s0)
      li t0, 0x80
      csrs mie, t0
      csrsi mstatus, 8
      li a0, 0
    1: addi a0, a0, 1
      j 1b
    .align 2
    handler:
      csrr a1, mcause
      ld a3, 0(s1)
      j hart_test_done
    `);
    expect(hart.run(100_000)).toBe(ExitReason.Tohost);
    expect(hart.getX(11)).toBe(0x8000_0000_0000_0007n);
    expect(hart.getX(13)).toBeGreaterThanOrEqual(hart.getX(18));
    // 50 ticks of 10 instructions, two instructions per iteration.
    expect(hart.getX(10)).toBeGreaterThan(240n);
    expect(hart.getX(10)).toBeLessThan(252n);
  });

  it('stops at wfi when nothing is pending and resumes after the host advances time', async () => {
    const hart = await load(`
      li s0, 0x2004000
      li s1, 0x200bff8
      ld t2, 0(s1)
      addi t2, t2, 1000
      sd t2, 0(s0)
      li t0, 0x80
      csrs mie, t0            # MTIE, but mstatus.MIE off: wfi wakes without trapping
      wfi
      csrr a0, mip
    `);
    expect(hart.run(10_000)).toBe(ExitReason.Wfi);
    const deadline = hart.nextTimerDeadline();
    expect(deadline - hart.mtime()).toBeGreaterThan(990n);
    hart.advanceTime(deadline - hart.mtime());
    expect(hart.mtime()).toBe(deadline);
    expect(hart.run(10_000)).toBe(ExitReason.Tohost);
    expect(hart.getX(10) & 0x80n).toBe(0x80n);
  });

  it('stops at a host breakpoint before executing it and continues past it', async () => {
    const hart = await load(`
      li a0, 1
      li a1, 2
      li a2, 3
    `);
    hart.setBreakpoint(RAM_BASE + 4n);
    expect(hart.run(1000)).toBe(ExitReason.Breakpoint);
    expect(hart.getPc()).toBe(RAM_BASE + 4n);
    expect(hart.getX(11)).toBe(2n);
    expect(hart.getX(12)).toBe(0n);
    expect(hart.run(1000)).toBe(ExitReason.Tohost);
    expect(hart.getX(12)).toBe(3n);
  });

  it('gates FP on mstatus.FS and marks it dirty after an FP write', async () => {
    const hart = await load(`
      la t0, handler
      csrw mtvec, t0
      fmv.d.x f1, zero        # FS = Off: illegal
      li t0, 0x2000
      csrs mstatus, t0        # FS = Initial
      li t0, 3
      fcvt.d.l f1, t0
      fadd.d f2, f1, f1
      fcvt.l.d a0, f2         # 6
      csrr a1, mstatus
      li t0, 0x3f800000
      fmv.w.x f3, t0
      fmv.x.d a2, f3          # NaN-boxed 1.0f
      j hart_test_done
    .align 2
    handler:
      csrr a3, mcause
      csrr t0, mepc
      addi t0, t0, 4
      csrw mepc, t0
      mret
    `);
    expect(hart.run(10_000)).toBe(ExitReason.Tohost);
    expect(hart.getX(13)).toBe(2n);
    expect(hart.getX(10)).toBe(6n);
    expect((hart.getX(11) >> 13n) & 3n).toBe(3n);
    expect(hart.getX(11) >> 63n).toBe(1n);
    expect(hart.getX(12)).toBe(U64(0xffff_ffff_3f80_0000n));
  });

  it('traps reserved compressed encodings and misaligned atomics', async () => {
    const hart = await load(`
      la t0, handler
      csrw mtvec, t0
      la s0, data
      li s1, 0
      .half 0x4002            # c.lwsp with rd = x0: reserved
      addi t1, s0, 2
      amoadd.w a0, a0, (t1)   # misaligned AMO: cause 6
      addi t1, s0, 4
      lr.d a0, (t1)           # misaligned LR: cause 4
      j hart_test_done
      .align 2
    handler:
      la t0, log
      slli t1, s1, 4
      add t0, t0, t1
      csrr t1, mcause
      sd t1, 0(t0)
      csrr t1, mtval
      sd t1, 8(t0)
      addi s1, s1, 1
      csrr t1, mepc
      lhu t2, 0(t1)
      andi t2, t2, 3
      li t3, 3
      addi t1, t1, 2
      bne t2, t3, 1f
      addi t1, t1, 2
    1: csrw mepc, t1
      mret
      .data
      .align 4
    log: .space 64
    data: .dword 0
      .text
    `);
    expect(hart.run(10_000)).toBe(ExitReason.Tohost);
    expect(hart.getX(9)).toBe(3n);
    const view = new DataView(hart.ram.buffer, hart.ram.byteOffset);
    const data = hart.getX(8);
    const entry = (i: number) => [view.getBigUint64(0x1010 + 16 * i, true), view.getBigUint64(0x1018 + 16 * i, true)];
    expect(entry(0)).toEqual([2n, 0x4002n]);
    expect(entry(1)).toEqual([6n, data + 2n]);
    expect(entry(2)).toEqual([4n, data + 4n]);
  });

  it('returns HostTrap with an interrupt cause when the timer fires in U-mode', async () => {
    const hart = await load(`
      li t0, 0x2004000
      li t1, 0x200bff8
      ld t2, 0(t1)
      addi t2, t2, 40
      sd t2, 0(t0)            # mtimecmp = now + 40 ticks
      li t0, 0x80
      csrs mie, t0            # MTIE; U-mode always takes M-level interrupts
      la t0, umode
      csrw mepc, t0
      li t0, 0x1800
      csrc mstatus, t0
      mret
    umode:
      li a0, 0
    1: addi a0, a0, 1
      j 1b
    `);
    hart.setHostTrapMode(true);
    expect(hart.run(100_000)).toBe(ExitReason.HostTrap);
    expect(hart.trapCause()).toBe(0x8000_0000_0000_0007n);
    expect(hart.getPrivilege()).toBe(Privilege.User);
    expect(hart.mtime()).toBeGreaterThanOrEqual(hart.nextTimerDeadline());
    const count = hart.getX(10);
    expect(count).toBeGreaterThan(150n);
    expect(hart.run(50)).toBe(ExitReason.HostTrap); // still pending: mtimecmp not moved
    expect(hart.getX(10)).toBe(count);
    // The host re-arms the timer and resumes the same instruction stream.
    hart.setTimerCompare(hart.mtime() + 1000n);
    expect(hart.run(100)).toBe(ExitReason.Budget);
    expect(hart.getX(10)).toBe(count + 50n);
  });

  it('stops at a breakpoint inside a loop that spans two code pages', async () => {
    const hart = await load(`
      li a0, 0
      li a1, 50
      la s5, bp_here
      la t0, 1f
      jr t0
      .data                   # (M-mode, no PMP: data pages are executable)
      .option norvc
      .balign 4096
      .skip 4096 - 8
    1: addi a0, a0, 1         # last words of one page
      nop
    bp_here:
      addi a1, a1, -1         # first word of the next page
      bnez a1, 1b
      j hart_test_done
    `);
    expect(hart.run(100)).toBe(ExitReason.Budget);
    const before = hart.getX(10);
    const bp = hart.getX(21);
    expect(bp & 0xfffn).toBe(0n);
    hart.setBreakpoint(bp);
    expect(hart.run(1000)).toBe(ExitReason.Breakpoint);
    expect(hart.getPc()).toBe(bp);
    const atBreakpoint = hart.getX(10);
    expect(atBreakpoint - before).toBeLessThanOrEqual(1n);
    expect(hart.run(1000)).toBe(ExitReason.Breakpoint); // resumes past it, stops on the next iteration
    expect(hart.getPc()).toBe(bp);
    expect(hart.getX(10)).toBe(atBreakpoint + 1n);
    hart.setBreakpoint(0n);
    expect(hart.run(1000)).toBe(ExitReason.Tohost);
    expect(hart.getX(10)).toBe(50n);
  });
});
