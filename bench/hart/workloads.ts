// The hart benchmark's guest programs, built with the project's own encoder:
// Linux-style user programs (exit through `li a7,93; ecall`) so the same code
// runs on the hart in host-trap mode and under qemu-riscv64. Each loop runs
// `iterations` times (a constant built into the code).

import { CodeBuilder } from '../support/code-builder.ts';

/** Linux RISC-V syscall numbers used by the programs. */
export const SYS_EXIT = 93;
/** A syscall number no kernel implements; the host-trap benchmark answers it. */
export const SYS_BENCH_NOP = 0x7ff;

/** Offset of the data area from the start of the code (the memory workload's array lives there). */
export const DATA_OFFSET = 0x10000;
/** Size of the data area: the 1 MiB array plus slack. */
export const DATA_SIZE = (1 << 20) + 4096;

export interface Workload {
  readonly name: string;
  readonly description: string;
  /** Returns the program's code for a loop count. */
  build(iterations: number): Uint8Array;
}

/** Ends the program with exit(result & 0xff): the exit status doubles as a checksum to compare hart and QEMU. */
function exitProgram(b: CodeBuilder, result = 'zero'): CodeBuilder {
  return b.op('andi', 'a0', result, 0xff).li('a7', SYS_EXIT).op('ecall');
}

/** The compute-bound loop body: add/xor/shift/mul chain, written so RVC forms exist for all but mul. */
function computeLoop(compressed: boolean, iterations: number): Uint8Array {
  const b = new CodeBuilder(compressed);
  b.li('s0', iterations).li('a0', 1).li('a1', 0x1234567).li('a2', 3);
  b.label('loop')
    .op('add', 'a0', 'a0', 'a1')
    .op('xor', 'a1', 'a1', 'a0')
    .op('addi', 'a2', 'a0', 0)
    .op('slli', 'a2', 'a2', 7)
    .op('addi', 'a3', 'a1', 0)
    .op('srli', 'a3', 'a3', 3)
    .op('mul', 'a4', 'a2', 'a3')
    .op('add', 'a0', 'a0', 'a4')
    .op('xor', 'a1', 'a1', 'a2')
    .op('sub', 'a2', 'a2', 'a3')
    .op('addi', 's0', 's0', -1)
    .op('bne', 's0', 'zero', { label: 'loop' });
  return exitProgram(b, 'a0').build();
}

/** Loads and stores over a 1 MiB array with a stride of 4160 bytes (65 cache lines), wrapping. */
function memoryLoop(iterations: number): Uint8Array {
  const b = new CodeBuilder(false);
  b.at('array', DATA_OFFSET);
  b.li('s0', iterations).la('s1', 'array').li('s2', 0xffff0).li('s3', 4160).li('t0', 0);
  b.label('loop')
    .op('add', 't1', 's1', 't0')
    .op('ld', 't2', 0, 't1')
    .op('addi', 't2', 't2', 1)
    .op('sd', 't2', 0, 't1')
    .op('ld', 't3', 8, 't1')
    .op('add', 't3', 't3', 't2')
    .op('sd', 't3', 8, 't1')
    .op('add', 't0', 't0', 's3')
    .op('and', 't0', 't0', 's2')
    .op('addi', 's0', 's0', -1)
    .op('bne', 's0', 'zero', { label: 'loop' });
  return exitProgram(b, 't3').build();
}

/** A 32-bit LCG whose bits drive two levels of data-dependent branches. */
function branchyLoop(iterations: number): Uint8Array {
  const b = new CodeBuilder(false);
  b.li('s0', iterations).li('a0', 12345).li('a1', 1664525).li('a2', 1013904223).li('a3', 3);
  b.li('s1', 0).li('s2', 0).li('s3', 0);
  b.label('loop')
    .op('mulw', 'a0', 'a0', 'a1')
    .op('addw', 'a0', 'a0', 'a2')
    .op('srliw', 't0', 'a0', 16)
    .op('andi', 't1', 't0', 1)
    .op('beq', 't1', 'zero', { label: 'even' })
    .op('addi', 's1', 's1', 1)
    .op('jal', 'zero', { label: 'next' })
    .label('even')
    .op('andi', 't2', 't0', 6)
    .op('bltu', 't2', 'a3', { label: 'small' })
    .op('addi', 's2', 's2', 1)
    .op('jal', 'zero', { label: 'next' })
    .label('small')
    .op('addi', 's3', 's3', 3)
    .label('next')
    .op('addi', 's0', 's0', -1)
    .op('bne', 's0', 'zero', { label: 'loop' });
  b.op('add', 't4', 's1', 's2').op('add', 't4', 't4', 's3');
  return exitProgram(b, 't4').build();
}

/** Makes a no-op syscall every `spacing` instructions (spacing >= 3: ecall, addi, bne plus filler). */
export function syscallLoop(iterations: number, spacing: number): Uint8Array {
  const b = new CodeBuilder(false);
  b.li('s0', iterations).li('a7', SYS_BENCH_NOP).li('t0', 0);
  b.label('loop');
  for (let i = 3; i < spacing; i++) b.op('addi', 't0', 't0', 1);
  b.op('ecall').op('addi', 's0', 's0', -1).op('bne', 's0', 'zero', { label: 'loop' });
  return exitProgram(b).build();
}

/** A program that only exits: measures the start-up cost of a run. */
export function exitOnly(): Uint8Array {
  return exitProgram(new CodeBuilder(false)).build();
}

export const WORKLOADS: readonly Workload[] = [
  { name: 'compute', description: 'add/xor/shift/mul chain, counted loop', build: (n) => computeLoop(false, n) },
  { name: 'memory', description: 'ld/sd over a 1 MiB array, 4160-byte stride', build: memoryLoop },
  { name: 'branchy', description: 'LCG with data-dependent branches', build: branchyLoop },
  { name: 'compute-rvc', description: 'the compute loop in compressed code', build: (n) => computeLoop(true, n) },
];
