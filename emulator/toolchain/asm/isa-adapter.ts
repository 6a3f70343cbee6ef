// The assembler's only door into the ISA module (emulator/toolchain/isa): the
// instruction and RVC tables, the encoder with operand values, register/CSR/
// rounding-mode/fence names. Changing the ISA API means changing this file only.

export { findInstruction, type InstructionDef } from '../isa/instructions.ts';
export { findCompressed, type CompressedDef } from '../isa/compressed.ts';
export { encodeWith, compress, EncodeError } from '../isa/encode.ts';
export { csrAddress } from '../isa/csr-names.ts';
export { parseRegister, type RegisterFile } from '../isa/registers.ts';
export { parseFenceSet, ROUNDING_MODES, type OperandKind } from '../isa/operands.ts';
export { operandError } from '../isa/operands.ts';
