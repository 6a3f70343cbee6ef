// RV64F conformance on the hart: hand-written NaN-boxing/moves/flags checks and
// the generated tables (arithmetic, fused ops, compares, conversions) in every rounding mode.
import { generateFpPrograms } from './gen/gen-fp-ops.ts';
import { isaSuite } from './isa-suite.ts';
import { sourceFile } from './isa-runner.ts';

isaSuite('rv64uf', () => [sourceFile('rv64uf')], ['rv64g', 'rv64gc']);
isaSuite('rv64uf generated', () => generateFpPrograms(['s']), ['rv64g']);
