// Differential tests against GNU as: the same source assembled by ours and by
// riscv64-unknown-elf-as (rv64gc, lp64d, -mno-relax), each linked alone by GNU
// ld at 0x10000 without relaxation; the linked .text and .data must be equal.

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INSTRUCTIONS } from '../../../../emulator/toolchain/isa/instructions.ts';
import { asmText, prng, sampleOperands } from '../support/operand-samples.ts';
import { hasTool } from '../support/gnu-tools.ts';
import { HAVE_BINUTILS, hexOf, linkBoth, withTempDir } from './asm-helpers.ts';
import { C_PROGRAMS, PROGRAM_CORPUS } from './corpus.ts';

const GCC = 'riscv64-unknown-elf-gcc';
const HAVE_GCC = hasTool(GCC);

/** Returns '' when equal, else the first differing offset with 16 bytes of each side. */
function firstDifference(ours: Uint8Array, gas: Uint8Array): string {
  const n = Math.max(ours.length, gas.length);
  for (let i = 0; i < n; i++) {
    if (ours[i] !== gas[i]) {
      const at = i & ~7;
      return `differ at 0x${i.toString(16)} (sizes ${ours.length}/${gas.length}): ours ${hexOf(ours.subarray(at, at + 16))} gas ${hexOf(gas.subarray(at, at + 16))}`;
    }
  }
  return '';
}

function expectSameLink(source: string): void {
  const { ours, gas } = linkBoth(`  .globl _start\n${source}`, ['--defsym', 'ext=0x110000', '--unresolved-symbols=ignore-all']);
  expect(ours.text.length).toBeGreaterThan(0);
  expect(firstDifference(ours.text, gas.text)).toBe('');
  expect(firstDifference(ours.data, gas.data)).toBe('');
  expect(firstDifference(ours.image, gas.image)).toBe('');
}

describe.skipIf(!HAVE_BINUTILS)('differential against GNU as + ld', () => {
  for (const [name, source] of Object.entries(PROGRAM_CORPUS)) {
    it(`program: ${name}`, () => expectSameLink(source));
  }

  it('li: 400 constants (edges and random 64-bit values) give GNU as sequences', () => {
    const rnd = prng(7);
    const values: bigint[] = [0n, 1n, -1n, 2047n, -2048n, 2048n, -2049n, 0x7ffn, 0x800n, 0xfffn, 0x1000n,
      0x7fffffffn, 0x80000000n, -0x80000000n, -0x80000001n, 0xffffffffn, 0x100000000n, 0x7fffffffffffffffn,
      -0x8000000000000000n, 0x123456789abcdef0n, 0xfedcba9876543210n, 0x8000000000000000n, 0xffffffffffffffffn];
    while (values.length < 400) {
      const hi = BigInt(rnd()), lo = BigInt(rnd());
      const shift = BigInt(rnd() % 64);
      const v = BigInt.asIntN(64, ((hi << 32n) | lo) >> shift);
      values.push(rnd() % 3 === 0 ? BigInt.asIntN(64, v & ~0xfffn) : v);
    }
    const regs = ['a0', 's1', 't6', 'ra', 'sp'];
    const body = values.map((v, i) => `  li ${regs[i % regs.length]}, ${v}`).join('\n');
    expectSameLink(`_start:\n${body}\n`);
  });

  const gccFlagSets = [['-O0'], ['-O2'], ['-Os'], ['-O3', '-mcmodel=medany'], ['-O2', '-march=rv64imafd']];
  for (const [name, program] of Object.entries(C_PROGRAMS)) {
    for (const flags of gccFlagSets) {
      it.skipIf(!HAVE_GCC)(`GCC ${flags.join(' ')} output of C file '${name}'`, () => {
        const asm = withTempDir((dir) => {
          writeFileSync(join(dir, 'prog.c'), program);
          const march = flags.some((f) => f.startsWith('-march')) ? [] : ['-march=rv64gc'];
          execFileSync(GCC, ['-S', ...flags, ...march, '-mabi=lp64d', '-mno-relax', '-fno-asynchronous-unwind-tables',
            '-o', join(dir, 'prog.s'), join(dir, 'prog.c')]);
          return readFileSync(join(dir, 'prog.s'), 'utf8');
        });
        expectSameLink(`_start:\n${asm}`);
      });
    }
  }

  for (const rvc of [true, false]) {
    it(`every RV64GC instruction, 4 random operand sets each (${rvc ? 'rvc' : 'norvc'})`, () => {
      const rnd = prng(rvc ? 11 : 12);
      const lines: string[] = [];
      for (const def of INSTRUCTIONS) {
        for (let k = 0; k < 4; k++) lines.push(`  ${asmText(def, sampleOperands(def, rnd))}`);
      }
      // Branch targets are written as .+N; keep them all inside the section.
      const pad = '  .space 0x110000\n';
      expectSameLink(`${rvc ? '' : '  .option norvc\n'}${pad}_start:\n${lines.join('\n')}\n${pad}`);
    });
  }
});
