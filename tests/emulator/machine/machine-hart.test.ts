// The machine with the real WebAssembly hart on gcc-built programs: wfi idle
// skip to a CLINT deadline, the UART receive interrupt wired to MEIP (no PLIC),
// the HTIF putchar/fromhost handshake, and the instruction tracer's lines.
// Skipped when riscv64-unknown-elf-gcc or the built hart is missing.

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InstructionTracer } from '../../../emulator/machine/instruction-tracer.ts';
import { Machine } from '../../../emulator/machine/machine.ts';
import { disassemble } from '../../../emulator/toolchain/disasm/disassemble.ts';
import { readElf } from '../../../emulator/toolchain/elf/elf-reader.ts';
import { TOHOST_DATA } from '../cli/bare-programs.ts';
import { buildBare, hasCrossGcc } from '../toolchain/elf/cross-gcc.ts';

const root = resolve(import.meta.dirname, '../../..');
const hartBuilt = existsSync(join(root, 'emulator/hart/build/hart.wasm'));

const EXIT = `
pass: li a0, 1
exit: la t0, tohost
  sd a0, 0(t0)
1: j 1b
fail: li a0, 3
  j exit
${TOHOST_DATA}`;

async function runProgram(source: string, setup?: (m: Machine) => void): Promise<{ machine: Machine; out: string; result: ReturnType<Machine['runUntilExit']> }> {
  let out = '';
  const machine = await Machine.create({ config: { ramSize: 4 << 20 }, consoleOutput: (b) => { out += new TextDecoder().decode(b); } });
  machine.loadProgram(readElf(readFileSync(buildBare(source))));
  setup?.(machine);
  const result = machine.runUntilExit({ maxInstructions: 1_000_000 });
  return { machine, out, result };
}

describe.skipIf(!hasCrossGcc || !hartBuilt)('Machine with the WebAssembly hart', () => {
  it('skips virtual time to the CLINT deadline when the program waits in wfi', async () => {
    const { result, machine } = await runProgram(`  .globl _start
_start:
  li t0, 0x0200bff8
  ld t1, 0(t0)
  li t5, 1000000
  add t1, t1, t5
  li t2, 0x02004000
  sd t1, 0(t2)
  li t3, 0x80
  csrw mie, t3
  wfi
  ld t4, 0(t0)
  bltu t4, t1, fail
  j pass
${EXIT}`);
    expect(result).toMatchObject({ reason: 'exit', exitCode: 0 });
    expect(result.instructions).toBeLessThan(100);
    expect(machine.hart.mtime()).toBeGreaterThanOrEqual(1_000_000n);
  });

  it('takes the UART receive interrupt through MEIP and echoes input', async () => {
    const { result, out } = await runProgram(`  .globl _start
_start:
  la t0, handler
  csrw mtvec, t0
  li s0, 0x10000000
  li t1, 1
  sb t1, 1(s0)          # IER: received data available
  li t1, 0x800
  csrw mie, t1          # MEIE
  csrsi mstatus, 8      # MIE
idle: wfi
  j idle
  .balign 4
handler:
  lbu t2, 5(s0)         # LSR
  andi t2, t2, 1
  beqz t2, done
  lbu a1, 0(s0)         # RBR
  sb a1, 0(s0)          # THR
  li t3, 10
  beq a1, t3, pass
  j handler
done: mret
${EXIT}`, (m) => m.uart.pushInput(new TextEncoder().encode('ok\n')));
    expect(result).toMatchObject({ reason: 'exit', exitCode: 0 });
    expect(out).toBe('ok\n');
  });

  it('prints HTIF putchar requests and acknowledges them through fromhost', async () => {
    const { result, out } = await runProgram(`  .globl _start
_start:
  la s0, tohost
  la s1, fromhost
  la s2, text
next:
  lbu a1, 0(s2)
  beqz a1, pass
  li t0, 0x0101
  slli t0, t0, 48
  or t0, t0, a1
  sd t0, 0(s0)
wait:
  ld t1, 0(s1)
  beqz t1, wait
  sd zero, 0(s1)
  addi s2, s2, 1
  j next
  .section .rodata
text: .asciz "htif!"
  .section .text
${EXIT}`);
    expect(result).toMatchObject({ reason: 'exit', exitCode: 0 });
    expect(out).toBe('htif!');
  });

  it('traces compressed and full-size instructions with the registers they write', async () => {
    const machine = await Machine.create({ config: { ramSize: 1 << 20 } });
    machine.loadProgram(readElf(readFileSync(buildBare(`  .globl _start
_start:
  li a0, 5
  .option norvc
  addi a1, a0, 7
  .option rvc
  j pass
${EXIT}`))));
    const lines: string[] = [];
    const result = machine.runUntilExit({ observer: new InstructionTracer(machine.hart, (l) => lines.push(l), disassemble) });
    expect(result.reason).toBe('exit');
    expect(lines[0]).toBe('0000000080000000 4515     li a0,5  a0=0x0000000000000005');
    expect(lines[1]).toBe('0000000080000002 00750593 addi a1,a0,7  a1=0x000000000000000c');
    expect(lines[2]).toMatch(/^0000000080000006 a0(0|1)[0-9a-f]     j 8000000[0-9a-f]$/);
  });
  it('stops at the instruction limit in a trap storm that retires nothing', async () => {
    // No trap vector: mtvec = 0 has no memory, so every step is a fetch fault.
    const { result } = await runProgram(`  .globl _start
_start:
  jr zero
${EXIT}`);
    expect(result.reason).toBe('limit');
    expect(result.instructions).toBeLessThan(10);
  });
});
