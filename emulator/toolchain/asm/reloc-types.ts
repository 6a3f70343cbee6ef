// RISC-V ELF relocation type numbers (psABI "Relocations" table) used by the
// assembler's objects; the linker reads the same numbers. Candidates to move
// into emulator/toolchain/elf/elf-constants.ts once the linker needs them.

export const R_RISCV_NONE = 0;
export const R_RISCV_32 = 1;
export const R_RISCV_64 = 2;
export const R_RISCV_BRANCH = 16;
export const R_RISCV_JAL = 17;
export const R_RISCV_CALL = 18;
export const R_RISCV_CALL_PLT = 19;
export const R_RISCV_PCREL_HI20 = 23;
export const R_RISCV_PCREL_LO12_I = 24;
export const R_RISCV_PCREL_LO12_S = 25;
export const R_RISCV_HI20 = 26;
export const R_RISCV_LO12_I = 27;
export const R_RISCV_LO12_S = 28;
export const R_RISCV_ADD8 = 33;
export const R_RISCV_ADD16 = 34;
export const R_RISCV_ADD32 = 35;
export const R_RISCV_ADD64 = 36;
export const R_RISCV_SUB8 = 37;
export const R_RISCV_SUB16 = 38;
export const R_RISCV_SUB32 = 39;
export const R_RISCV_SUB64 = 40;
export const R_RISCV_RVC_BRANCH = 44;
export const R_RISCV_RVC_JUMP = 45;
export const R_RISCV_RELAX = 51;

/** ADD/SUB relocation pair for a label difference stored in `width` bytes. */
export const ADD_SUB_BY_WIDTH: Readonly<Record<number, readonly [number, number]>> = {
  1: [R_RISCV_ADD8, R_RISCV_SUB8],
  2: [R_RISCV_ADD16, R_RISCV_SUB16],
  4: [R_RISCV_ADD32, R_RISCV_SUB32],
  8: [R_RISCV_ADD64, R_RISCV_SUB64],
};
