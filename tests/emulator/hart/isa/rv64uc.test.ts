// RV64C conformance on the hart: every compressed instruction with edge
// immediates, odd-halfword pcs and a page-straddling instruction.
import { isaSuite } from './isa-suite.ts';
import { sourceFile } from './isa-runner.ts';

isaSuite('rv64uc', () => [sourceFile('rv64uc')], ['rv64gc']);
