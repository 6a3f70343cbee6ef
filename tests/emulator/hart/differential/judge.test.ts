// Tests of the verdict on one program (differential.ts `judge`) with a fake
// hart: dumps compared byte by byte, and QEMU's fatal signals matched against
// the hart's trap cause and pc/address.

import { describe, expect, it } from 'vitest';
import { judge } from './differential.ts';
import type { HartResult, ProgramRunner } from './hart-runner.ts';
import { OUTPUT_SIZE } from './program-model.ts';

const fake = (result: HartResult): ProgramRunner => ({ run: () => result });
const elf = new Uint8Array(0);
const pc = 0x8000_0040n;
const trapped = (cause: bigint, at: bigint, tval = 0n): HartResult =>
  ({ ok: false, error: `host trap cause ${cause}`, trap: { cause, pc: at, tval } });

describe('judge', () => {
  it('matches equal dumps and reports a differing one', () => {
    const dump = new Uint8Array(OUTPUT_SIZE);
    expect(judge(fake({ ok: true, output: dump.slice(), retired: 5n }), { elf, expected: dump }).status).toBe('match');
    const other = dump.slice();
    other[4096] = 1; // x0 slot
    const outcome = judge(fake({ ok: true, output: other, retired: 5n }), { elf, expected: dump });
    expect(outcome.status === 'mismatch' && outcome.mismatch.first.startsWith('x0:')).toBe(true);
  });

  it('requires an illegal-instruction trap at the pc where QEMU raised SIGILL', () => {
    const expected = { signal: 'SIGILL', addr: pc };
    expect(judge(fake(trapped(2n, pc)), { elf, expected }).status).toBe('match');
    expect(judge(fake(trapped(2n, pc + 4n)), { elf, expected }).status).toBe('mismatch');
    expect(judge(fake(trapped(5n, pc)), { elf, expected }).status).toBe('mismatch');
    expect(judge(fake({ ok: true, output: new Uint8Array(OUTPUT_SIZE), retired: 1n }), { elf, expected }).status)
      .toBe('mismatch');
  });

  it('matches SIGSEGV with an access fault on the same address', () => {
    const expected = { signal: 'SIGSEGV', addr: 0x10n };
    expect(judge(fake(trapped(5n, pc, 0x10n)), { elf, expected }).status).toBe('match');
    expect(judge(fake(trapped(5n, pc, 0x18n)), { elf, expected }).status).toBe('mismatch');
  });

  it('calls a program that did not build invalid', () => {
    expect(judge(fake(trapped(2n, pc)), 'building the program failed').status).toBe('invalid');
  });
});
