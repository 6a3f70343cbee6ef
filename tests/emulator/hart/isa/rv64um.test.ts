// RV64M conformance on the hart: spec edge cases (division by zero, overflow)
// plus the generated cross product of operands.
import { generateIntPrograms } from './gen/gen-int-ops.ts';
import { isaSuite } from './isa-suite.ts';
import { sourceFile } from './isa-runner.ts';

isaSuite('rv64um', () => [
  sourceFile('rv64um'),
  ...generateIntPrograms().filter((p) => p.name.startsWith('rv64um')),
], ['rv64g', 'rv64gc']);
