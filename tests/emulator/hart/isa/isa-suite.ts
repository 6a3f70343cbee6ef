// Declares a vitest suite that builds each ISA program for each -march, runs
// it on the machine in M-mode, in U-mode without paging and in U-mode under
// Sv39 paging, and fails with the check number and its source line. Skips
// cleanly when riscv64-unknown-elf-gcc is not installed.

import { describe, expect, it } from 'vitest';
import { buildProgram, ENV_LABELS, hasCrossGcc, type IsaSource, type March, runOnMachine, type TestEnv } from './isa-runner.ts';

const ENVS: TestEnv[] = ['machine', 'user-bare', 'user-vm'];

/** Registers one test per (program, march, environment) under `title`. */
export function isaSuite(title: string, programs: (() => IsaSource[]) | IsaSource[], marches: March[]): void {
  describe.skipIf(!hasCrossGcc)(title, () => {
    // programs (generated ones take a moment) are only produced when they can be built
    if (!hasCrossGcc) {
      it('needs riscv64-unknown-elf-gcc on PATH', () => {});
      return;
    }
    const list = typeof programs === 'function' ? programs() : programs;
    for (const source of list) {
      for (const march of marches) {
        for (const env of ENVS) {
          it(`${source.name} (${march}, ${ENV_LABELS[env]})`, async () => {
            const elf = buildProgram(source, march, env);
            const outcome = await runOnMachine(elf, source);
            expect(outcome.message, `${source.name} built at ${elf}`).toBe('pass');
          });
        }
      }
    }
  });
}
