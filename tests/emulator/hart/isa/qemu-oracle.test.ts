// Checks the conformance programs themselves: every source (hand-written and
// generated) must pass under qemu-riscv64 in user mode, an independent RISC-V
// implementation, so a failure on the hart points at the hart, not the test.
import { describe, expect, it } from 'vitest';
import { generateFpPrograms } from './gen/gen-fp-ops.ts';
import { generateIntPrograms } from './gen/gen-int-ops.ts';
import { buildProgram, hasCrossGcc, hasQemuUser, type March, runOnQemu, sourceFile } from './isa-runner.ts';

const HAND_WRITTEN: [string, March][] = [
  ['rv64ui-alu', 'rv64g'], ['rv64ui-branch', 'rv64gc'], ['rv64ui-jump', 'rv64gc'], ['rv64ui-mem', 'rv64g'],
  ['rv64ui-ma', 'rv64g'], ['rv64um', 'rv64g'], ['rv64ua', 'rv64g'], ['rv64uc', 'rv64gc'], ['rv64uf', 'rv64g'],
  ['rv64ud', 'rv64g'], ['rv64u-zicsr', 'rv64g'], ['rv64u-fencei', 'rv64gc'],
];

describe.skipIf(!hasCrossGcc || !hasQemuUser)('ISA programs on qemu-riscv64 (oracle)', () => {
  for (const [name, march] of HAND_WRITTEN) {
    it(`${name} (${march})`, () => {
      const source = sourceFile(name);
      expect(runOnQemu(buildProgram(source, march, 'qemu'), source).message).toBe('pass');
    });
  }
  it('generated integer and floating-point programs', () => {
    for (const source of [...generateIntPrograms(), ...generateFpPrograms()]) {
      expect(runOnQemu(buildProgram(source, 'rv64g', 'qemu'), source).message, source.name).toBe('pass');
    }
  });
});
