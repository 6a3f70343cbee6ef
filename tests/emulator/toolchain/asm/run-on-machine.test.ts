// Proves our objects are valid: self-checking programs assembled by OUR
// assembler are linked by GNU ld (alone, and together with a GNU as object)
// and run on the emulated machine; tohost = 1 means every check passed.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeElfObject } from '../../../../emulator/toolchain/asm/elf-object-writer.ts';
import { Machine } from '../../../../emulator/machine/machine.ts';
import { readElf } from '../../../../emulator/toolchain/elf/elf-reader.ts';
import { BARE_LINKER_SCRIPT } from '../elf/cross-gcc.ts';
import { asmOk, GNU_AS, GNU_LD, HAVE_BINUTILS, withTempDir } from './asm-helpers.ts';

const root = resolve(import.meta.dirname, '../../../..');
const hartBuilt = existsSync(join(root, 'emulator/hart/build/hart.wasm'));

// Each check: compute into a0, expect a1; on mismatch exit with code = check number.
const CHECKS = `
  .text
  .globl _start
_start:
  la sp, stack_top
  la t0, trap                   # any trap fails with code 100
  csrw mtvec, t0
  li t0, 0x2000                 # mstatus.FS = initial: enable the FPU
  csrs mstatus, t0
  li s0, 1                      # check number
  li a0, 0x123456789abcdef0
  la t0, k_big
  ld a1, 0(t0)
  call expect_eq

  li s0, 2
  li a0, -2049
  li a1, 0xfffffffffffff7ff
  call expect_eq

  li s0, 3                      # loop with local labels: sum 1..100
  li a0, 0
  li t1, 100
1:
  add a0, a0, t1
  addi t1, t1, -1
  bnez t1, 1b
  li a1, 5050
  call expect_eq

  li s0, 4                      # strlen of a .rodata string through lla/lbu
  lla t0, message
  li a0, 0
2:
  add t2, t0, a0
  lbu t3, 0(t2)
  beqz t3, 3f
  addi a0, a0, 1
  j 2b
3:
  li a1, 13
  call expect_eq

  li s0, 5                      # .bss is zero, then written and read back (%pcrel_hi/%pcrel_lo by hand)
5:
  auipc t0, %pcrel_hi(counter)
  addi t0, t0, %pcrel_lo(5b)
  ld a0, 0(t0)
  li a1, 0
  call expect_eq
  li s0, 6
  li t1, 77
  sd t1, 0(t0)
  ld a0, counter
  li a1, 77
  call expect_eq

  li s0, 7                      # floating point: (3.0 + 0.5) * 2 = 7
  li t0, 3
  fcvt.d.l fa0, t0
  la t0, half
  fld fa1, 0(t0)
  fadd.d fa0, fa0, fa1
  fadd.d fa0, fa0, fa0
  fcvt.l.d a0, fa0, rtz
  li a1, 7
  call expect_eq

  li s0, 8                      # label difference stored in .data
  la t0, table_size
  lw a0, 0(t0)
  li a1, 24
  call expect_eq

  li s0, 9                      # far branch (inverted branch over jal) and back
  li a0, 0
  beqz a0, far_target
  j fail
back_from_far:
  li a0, 9
  li a1, 9
  call expect_eq

  li s0, 10                     # pointer table with R_RISCV_64, indirect call
  la t0, table
  ld t1, 8(t0)
  jalr t1
  li a1, 42
  call expect_eq

  li s0, 11                     # equates and expressions
  .equ K, 0x64
  li a0, (K << 4) | 3
  li a1, 0x643
  call expect_eq

  li a0, 1
  j exit

expect_eq:
  bne a0, a1, fail
  ret

  .balign 4
trap:
  li s0, 100
fail:
  slli a0, s0, 1
  ori a0, a0, 1
exit:
  la t0, tohost
  sd a0, 0(t0)
4: j 4b

ret1: li a0, 1
  ret
ret42: li a0, 42
  ret

  .space 6000
far_target:
  j back_from_far

  .section .rodata
message: .string "hello, world!"
  .balign 8
k_big: .dword 0x123456789abcdef0
half: .double_placeholder
  .data
  .balign 8
table: .dword ret1, ret42, 0
table_end:
table_size: .word table_end - table
  .balign 8
  .globl tohost
tohost: .dword 0
  .globl fromhost
fromhost: .dword 0
  .bss
  .balign 8
counter: .zero 8
  .balign 16
  .zero 4096
stack_top:
`.replace('.double_placeholder', '.dword 0x3fe0000000000000');

function linkerScript(dir: string): string {
  const path = join(dir, 'bare.ld');
  writeFileSync(path, BARE_LINKER_SCRIPT);
  return path;
}

async function runElf(bytes: Uint8Array): Promise<ReturnType<Machine['runUntilExit']>> {
  const machine = await Machine.create({ config: { ramSize: 4 << 20 } });
  machine.loadProgram(readElf(bytes));
  return machine.runUntilExit({ maxInstructions: 1_000_000 });
}

describe.skipIf(!HAVE_BINUTILS || !hartBuilt)('our objects, linked by GNU ld, run on the machine', () => {
  it('a self-checking program passes every check', async () => {
    const elf = withTempDir((dir) => {
      const obj = join(dir, 'prog.o');
      writeFileSync(obj, writeElfObject(asmOk(CHECKS)));
      const out = join(dir, 'prog.elf');
      execFileSync(GNU_LD, ['-T', linkerScript(dir), '--no-relax', '-o', out, obj]);
      return new Uint8Array(readFileSync(out));
    });
    expect(await runElf(elf)).toMatchObject({ reason: 'exit', exitCode: 0 });
  });

  it('links with a GNU as object both ways (calls across files, shared data)', async () => {
    const ours = `  .text
  .globl _start
_start:
  li sp, 0x80100000
  li a0, 20
  call twice_plus_one          # defined in the GNU as file
  li t0, 41
  bne a0, t0, bad
  la t1, gas_value
  lw a0, 0(t1)
  li t0, 1234
  bne a0, t0, bad
  li a0, 1
  j finish
bad: li a0, 3
finish:
  la t0, tohost
  sd a0, 0(t0)
1: j 1b
  .globl ours_add
ours_add: add a0, a0, a1
  ret
  .data
  .balign 8
  .globl tohost
tohost: .dword 0
`;
    const gas = `  .text
  .globl twice_plus_one
twice_plus_one:
  addi sp, sp, -16
  sd ra, 8(sp)
  mv a1, a0
  call ours_add                # defined in our file
  addi a0, a0, 1
  ld ra, 8(sp)
  addi sp, sp, 16
  ret
  .data
  .globl gas_value
gas_value: .word 1234
`;
    const elfBytes = withTempDir((dir) => {
      writeFileSync(join(dir, 'ours.o'), writeElfObject(asmOk(ours)));
      writeFileSync(join(dir, 'gas.s'), gas);
      execFileSync(GNU_AS, ['-march=rv64gc', '-mabi=lp64d', '-o', join(dir, 'gas.o'), join(dir, 'gas.s')]);
      execFileSync(GNU_LD, ['-T', linkerScript(dir), '-o', join(dir, 'both.elf'), join(dir, 'ours.o'), join(dir, 'gas.o')]);
      return new Uint8Array(readFileSync(join(dir, 'both.elf')));
    });
    expect(await runElf(elfBytes)).toMatchObject({ reason: 'exit', exitCode: 0 });
  });
});
