// RV64D conformance on the hart: hand-written load/store/move/convert checks and
// the generated tables (arithmetic, fused ops, compares, conversions) in every rounding mode.
import { generateFpPrograms } from './gen/gen-fp-ops.ts';
import { isaSuite } from './isa-suite.ts';
import { sourceFile } from './isa-runner.ts';

isaSuite('rv64ud', () => [sourceFile('rv64ud')], ['rv64g', 'rv64gc']);
isaSuite('rv64ud generated', () => generateFpPrograms(['d']), ['rv64g']);
