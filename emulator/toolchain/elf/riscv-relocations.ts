// RISC-V ELF relocation type numbers (psABI "Relocations" table), with their
// names for diagnostics: the one list the assembler (asm/reloc-types.ts) and
// the linker (link/) share.

export const R_RISCV_NONE = 0;
export const R_RISCV_32 = 1;
export const R_RISCV_64 = 2;
export const R_RISCV_BRANCH = 16;
export const R_RISCV_JAL = 17;
export const R_RISCV_CALL = 18;
export const R_RISCV_CALL_PLT = 19;
export const R_RISCV_GOT_HI20 = 20;
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
export const R_RISCV_ALIGN = 43;
export const R_RISCV_RVC_BRANCH = 44;
export const R_RISCV_RVC_JUMP = 45;
export const R_RISCV_RELAX = 51;
export const R_RISCV_SUB6 = 52;
export const R_RISCV_SET6 = 53;
export const R_RISCV_SET8 = 54;
export const R_RISCV_SET16 = 55;
export const R_RISCV_SET32 = 56;
export const R_RISCV_32_PCREL = 57;
export const R_RISCV_SET_ULEB128 = 60;
export const R_RISCV_SUB_ULEB128 = 61;

/** Thread-local storage relocations (rejected: no TLS). */
export const TLS_RELOCATIONS: ReadonlySet<number> = new Set([6, 7, 8, 9, 10, 11, 21, 22, 29, 30, 31, 32]);
/** Dynamic-linking relocations (rejected in a static link). */
export const DYNAMIC_RELOCATIONS: ReadonlySet<number> = new Set([3, 4, 5, 58]);

const NAMES: Readonly<Record<number, string>> = {
  0: 'NONE', 1: '32', 2: '64', 3: 'RELATIVE', 4: 'COPY', 5: 'JUMP_SLOT', 6: 'TLS_DTPMOD32', 7: 'TLS_DTPMOD64',
  8: 'TLS_DTPREL32', 9: 'TLS_DTPREL64', 10: 'TLS_TPREL32', 11: 'TLS_TPREL64', 16: 'BRANCH', 17: 'JAL', 18: 'CALL',
  19: 'CALL_PLT', 20: 'GOT_HI20', 21: 'TLS_GOT_HI20', 22: 'TLS_GD_HI20', 23: 'PCREL_HI20', 24: 'PCREL_LO12_I',
  25: 'PCREL_LO12_S', 26: 'HI20', 27: 'LO12_I', 28: 'LO12_S', 29: 'TPREL_HI20', 30: 'TPREL_LO12_I',
  31: 'TPREL_LO12_S', 32: 'TPREL_ADD', 33: 'ADD8', 34: 'ADD16', 35: 'ADD32', 36: 'ADD64', 37: 'SUB8', 38: 'SUB16',
  39: 'SUB32', 40: 'SUB64', 43: 'ALIGN', 44: 'RVC_BRANCH', 45: 'RVC_JUMP', 51: 'RELAX', 52: 'SUB6', 53: 'SET6',
  54: 'SET8', 55: 'SET16', 56: 'SET32', 57: '32_PCREL', 58: 'IRELATIVE', 60: 'SET_ULEB128', 61: 'SUB_ULEB128',
};

/** `R_RISCV_<NAME>` for a known type, `relocation type N` otherwise. */
export function relocationName(type: number): string {
  const name = NAMES[type];
  return name === undefined ? `relocation type ${type}` : `R_RISCV_${name}`;
}
