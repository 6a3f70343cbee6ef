// RV64A conformance on the hart: every AMO in .w/.d form, LR/SC success and failure.
import { isaSuite } from './isa-suite.ts';
import { sourceFile } from './isa-runner.ts';

isaSuite('rv64ua', () => [sourceFile('rv64ua')], ['rv64g', 'rv64gc']);
