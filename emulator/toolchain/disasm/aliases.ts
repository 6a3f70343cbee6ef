// Pseudo-instructions the disassembler prints instead of the base instruction,
// in GNU objdump's (binutils 2.40) choice and order: the first alias whose
// conditions hold wins. Conditions name operands of the base instruction's
// syntax; `show` is the alias's operand syntax over the same names.

export interface Alias {
  readonly name: string;
  /** Base instruction mnemonic. */
  readonly base: string;
  /** Operand values that must hold (by operand-kind name). */
  readonly when?: Readonly<Record<string, number>>;
  /** Pairs of operands that must be equal. */
  readonly same?: readonly (readonly [string, string])[];
  /** Operands shown, as a syntax string over the base's operand names. */
  readonly show: string;
}

const CSR_CYCLE = 0xc00, CSR_TIME = 0xc01, CSR_INSTRET = 0xc02;
const CSR_FFLAGS = 0x001, CSR_FRM = 0x002, CSR_FCSR = 0x003;

function floatMoves(p: 's' | 'd'): Alias[] {
  const same = [['frs1', 'frs2']] as const;
  return [
    { name: `fmv.${p}`, base: `fsgnj.${p}`, same, show: 'frd,frs1' },
    { name: `fneg.${p}`, base: `fsgnjn.${p}`, same, show: 'frd,frs1' },
    { name: `fabs.${p}`, base: `fsgnjx.${p}`, same, show: 'frd,frs1' },
  ];
}

/** The floating-point CSR shorthands (frflags, fsrm, ...) for one CSR. */
function floatCsr(csr: number, read: string, write: string): Alias[] {
  return [
    { name: read, base: 'csrrs', when: { csr, rs1: 0 }, show: 'rd' },
    { name: write, base: 'csrrw', when: { csr, rd: 0 }, show: 'rs1' },
    { name: write, base: 'csrrw', when: { csr }, show: 'rd,rs1' },
  ];
}

/** Aliases in priority order. */
export const ALIASES: readonly Alias[] = [
  { name: 'nop', base: 'addi', when: { rd: 0, rs1: 0, imm12: 0 }, show: '' },
  { name: 'li', base: 'addi', when: { rs1: 0 }, show: 'rd,imm12' },
  { name: 'mv', base: 'addi', when: { imm12: 0 }, show: 'rd,rs1' },
  { name: 'zext.b', base: 'andi', when: { imm12: 255 }, show: 'rd,rs1' },
  { name: 'not', base: 'xori', when: { imm12: -1 }, show: 'rd,rs1' },
  { name: 'seqz', base: 'sltiu', when: { imm12: 1 }, show: 'rd,rs1' },
  { name: 'sext.w', base: 'addiw', when: { imm12: 0 }, show: 'rd,rs1' },
  { name: 'neg', base: 'sub', when: { rs1: 0 }, show: 'rd,rs2' },
  { name: 'negw', base: 'subw', when: { rs1: 0 }, show: 'rd,rs2' },
  { name: 'snez', base: 'sltu', when: { rs1: 0 }, show: 'rd,rs2' },
  { name: 'sltz', base: 'slt', when: { rs2: 0 }, show: 'rd,rs1' },
  { name: 'sgtz', base: 'slt', when: { rs1: 0 }, show: 'rd,rs2' },
  { name: 'beqz', base: 'beq', when: { rs2: 0 }, show: 'rs1,boff' },
  { name: 'bnez', base: 'bne', when: { rs2: 0 }, show: 'rs1,boff' },
  { name: 'blez', base: 'bge', when: { rs1: 0 }, show: 'rs2,boff' },
  { name: 'bgez', base: 'bge', when: { rs2: 0 }, show: 'rs1,boff' },
  { name: 'bltz', base: 'blt', when: { rs2: 0 }, show: 'rs1,boff' },
  { name: 'bgtz', base: 'blt', when: { rs1: 0 }, show: 'rs2,boff' },
  { name: 'j', base: 'jal', when: { rd: 0 }, show: 'joff' },
  { name: 'jal', base: 'jal', when: { rd: 1 }, show: 'joff' },
  { name: 'ret', base: 'jalr', when: { rd: 0, rs1: 1, imm12: 0 }, show: '' },
  { name: 'jr', base: 'jalr', when: { rd: 0, imm12: 0 }, show: 'rs1' },
  { name: 'jr', base: 'jalr', when: { rd: 0 }, show: 'imm12(rs1)' },
  { name: 'jalr', base: 'jalr', when: { rd: 1, imm12: 0 }, show: 'rs1' },
  { name: 'jalr', base: 'jalr', when: { rd: 1 }, show: 'imm12(rs1)' },
  { name: 'fence', base: 'fence', when: { pred: 15, succ: 15 }, show: '' },
  { name: 'sfence.vma', base: 'sfence.vma', when: { rs1: 0, rs2: 0 }, show: '' },
  { name: 'sfence.vma', base: 'sfence.vma', when: { rs2: 0 }, show: 'rs1' },
  { name: 'unimp', base: 'csrrw', when: { rd: 0, csr: CSR_CYCLE, rs1: 0 }, show: '' },
  { name: 'rdcycle', base: 'csrrs', when: { csr: CSR_CYCLE, rs1: 0 }, show: 'rd' },
  { name: 'rdtime', base: 'csrrs', when: { csr: CSR_TIME, rs1: 0 }, show: 'rd' },
  { name: 'rdinstret', base: 'csrrs', when: { csr: CSR_INSTRET, rs1: 0 }, show: 'rd' },
  ...floatCsr(CSR_FCSR, 'frcsr', 'fscsr'),
  ...floatCsr(CSR_FRM, 'frrm', 'fsrm'),
  ...floatCsr(CSR_FFLAGS, 'frflags', 'fsflags'),
  { name: 'fsrmi', base: 'csrrwi', when: { csr: CSR_FRM }, show: 'rd,zimm5' },
  { name: 'fsflagsi', base: 'csrrwi', when: { csr: CSR_FFLAGS }, show: 'rd,zimm5' },
  { name: 'csrr', base: 'csrrs', when: { rs1: 0 }, show: 'rd,csr' },
  { name: 'csrw', base: 'csrrw', when: { rd: 0 }, show: 'csr,rs1' },
  { name: 'csrs', base: 'csrrs', when: { rd: 0 }, show: 'csr,rs1' },
  { name: 'csrc', base: 'csrrc', when: { rd: 0 }, show: 'csr,rs1' },
  { name: 'csrwi', base: 'csrrwi', when: { rd: 0 }, show: 'csr,zimm5' },
  { name: 'csrsi', base: 'csrrsi', when: { rd: 0 }, show: 'csr,zimm5' },
  { name: 'csrci', base: 'csrrci', when: { rd: 0 }, show: 'csr,zimm5' },
  ...floatMoves('s'),
  ...floatMoves('d'),
];
