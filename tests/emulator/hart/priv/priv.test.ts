// Privileged-architecture conformance tests for the hart: builds each program
// under programs/ with riscv64-unknown-elf-gcc and runs it on the bare-metal
// machine; a program passes when it writes 1 to tohost, and a failure names the
// check number (see the program source) and the last trap. Skips without gcc.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { buildProgram, haveCrossGcc, makeBuildDir } from './support/build-program.ts';
import { loadHartFactory, runProgram } from './support/run-program.ts';
import { PRIV_PROGRAMS } from './programs.ts';

type Factory = Awaited<ReturnType<typeof loadHartFactory>>;

describe.skipIf(!haveCrossGcc())('privileged architecture programs', () => {
  let dir = '';
  let factory: Factory;

  beforeAll(async () => {
    dir = makeBuildDir();
    factory = await loadHartFactory();
  });
  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('the harness reports a failed check by its number', async () => {
    const verdict = await runProgram(buildProgram('probe_fail', ['probe_fail.S'], dir), factory);
    expect(verdict.passed).toBe(false);
    expect(verdict.check).toBe(7);
  });

  it('the harness reports an unexpected trap with its cause', async () => {
    const verdict = await runProgram(buildProgram('probe_trap', ['probe_fail.S'], dir, true, ['PROBE_TRAP']), factory);
    expect(verdict.passed).toBe(false);
    expect(verdict.check).toBe(9);
    expect(verdict.message).toMatch(/last trap cause 0x2 /);
  });

  for (const program of PRIV_PROGRAMS) {
    it(`${program.name}: ${program.about}`, async () => {
      const elf = buildProgram(program.name, program.sources, dir, program.harness ?? true);
      const verdict = await runProgram(elf, factory);
      expect(verdict.message).toBe('passed');
      expect(verdict.console).toBe(program.console ?? '');
    });
  }
});
