// The relocation types the assembler's objects use (numbers from
// emulator/toolchain/elf/riscv-relocations.ts, shared with the linker), and
// the ADD/SUB pairs it emits for label differences.

import {
  R_RISCV_ADD16, R_RISCV_ADD32, R_RISCV_ADD64, R_RISCV_ADD8, R_RISCV_SUB16, R_RISCV_SUB32, R_RISCV_SUB64, R_RISCV_SUB8,
} from '../elf/riscv-relocations.ts';

export {
  R_RISCV_NONE, R_RISCV_32, R_RISCV_64, R_RISCV_BRANCH, R_RISCV_JAL, R_RISCV_CALL, R_RISCV_CALL_PLT,
  R_RISCV_PCREL_HI20, R_RISCV_PCREL_LO12_I, R_RISCV_PCREL_LO12_S, R_RISCV_HI20, R_RISCV_LO12_I, R_RISCV_LO12_S,
  R_RISCV_ADD8, R_RISCV_ADD16, R_RISCV_ADD32, R_RISCV_ADD64, R_RISCV_SUB8, R_RISCV_SUB16, R_RISCV_SUB32,
  R_RISCV_SUB64, R_RISCV_RVC_BRANCH, R_RISCV_RVC_JUMP, R_RISCV_RELAX,
} from '../elf/riscv-relocations.ts';

/** ADD/SUB relocation pair for a label difference stored in `width` bytes. */
export const ADD_SUB_BY_WIDTH: Readonly<Record<number, readonly [number, number]>> = {
  1: [R_RISCV_ADD8, R_RISCV_SUB8],
  2: [R_RISCV_ADD16, R_RISCV_SUB16],
  4: [R_RISCV_ADD32, R_RISCV_SUB32],
  8: [R_RISCV_ADD64, R_RISCV_SUB64],
};
