// Zicsr (fcsr/frm/fflags, counters, read-only CSR and reserved-rm traps) and
// Zifencei (self-modifying code after fence.i) conformance on the hart, and
// encodings that must raise illegal-instruction.
import { isaSuite } from './isa-suite.ts';
import { sourceFile } from './isa-runner.ts';

isaSuite('zicsr', () => [sourceFile('rv64u-zicsr')], ['rv64g']);
isaSuite('zifencei', () => [sourceFile('rv64u-fencei')], ['rv64g', 'rv64gc']);
isaSuite('illegal encodings', () => [sourceFile('rv64u-illegal')], ['rv64g']);
