// RV64I conformance on the hart: hand-written programs plus the generated
// cross product of ALU operands, each built without and with compressed code.
import { generateIntPrograms } from './gen/gen-int-ops.ts';
import { isaSuite } from './isa-suite.ts';
import { sourceFile } from './isa-runner.ts';

isaSuite('rv64ui', () => [
  ...['rv64ui-alu', 'rv64ui-branch', 'rv64ui-jump', 'rv64ui-mem', 'rv64ui-ma'].map(sourceFile),
  ...generateIntPrograms().filter((p) => p.name.startsWith('rv64ui')),
], ['rv64g', 'rv64gc']);
