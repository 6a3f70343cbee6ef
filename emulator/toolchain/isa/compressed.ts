// The RV64C compressed instruction table: each 16-bit form with its fixed
// bits, its operands, and the 32-bit instruction it expands to (as a template
// over its own operands). The decoder expands through it, the encoder
// compresses through it; mask derivation is shared with instructions.ts.

import { defineInstruction, findInstruction, type InstructionDef } from './instructions.ts';
import { parseRegister } from './registers.ts';

/** A slot of an expansion: an operand of the compressed form (by index) or a fixed value. */
export type ExpansionSlot = { readonly from: number } | { readonly value: number };

export interface CompressedDef extends InstructionDef {
  /** The 32-bit instruction this form stands for. */
  readonly expandsTo: InstructionDef;
  /** Operands of `expandsTo`, in its syntax order. */
  readonly expansion: readonly ExpansionSlot[];
  /**
   * For HINT encodings (legal, no architectural effect): how objdump shows
   * them, as `mnemonic syntax` over this form's operand names. The encoder's
   * `compress` never picks a hint.
   */
  readonly hint?: string;
  /**
   * Further 32-bit forms the encoder may compress into this one (GNU as does:
   * `add a0,zero,a1` -> c.mv, `and s0,s1,s0` -> c.and); decoding uses `expandsTo`.
   */
  readonly alternatives: readonly { readonly target: InstructionDef; readonly slots: readonly ExpansionSlot[] }[];
}

/** CIW/CL/CS/CB/CJ/CR/CI layouts all reduce to: funct3 at 15:13, quadrant at 1:0, plus extra fixed bits. */
function cbits(quadrant: number, funct3: number, extra = 0): number {
  return (quadrant | (funct3 << 13) | extra) >>> 0;
}

/**
 * Parses an expansion template such as `addi $0,sp,$1`: `$n` is operand n of
 * the compressed form, a register name or a number is fixed.
 */
function parseExpansion(template: string): { target: InstructionDef; slots: ExpansionSlot[] } {
  const [mnemonic, rest = ''] = template.split(' ');
  const target = findInstruction(mnemonic);
  if (!target) throw new Error(`compressed table: unknown expansion '${mnemonic}'`);
  const slots = rest.split(',').filter((s) => s !== '').map((tok): ExpansionSlot => {
    if (tok.startsWith('$')) return { from: Number(tok.slice(1)) };
    const asReg = parseRegister('x', tok);
    return { value: asReg ?? Number(tok) };
  });
  if (slots.length !== target.operands.length) throw new Error(`compressed table: '${template}' has wrong operand count`);
  return { target, slots };
}

const table: CompressedDef[] = [];
function add(name: string, match: number, syntax: string, expansion: string, hint?: string, alternatives: string[] = []): void {
  const base = defineInstruction(name, 'C', 'C', match, syntax, 2);
  const { target, slots } = parseExpansion(expansion);
  table.push({ ...base, expandsTo: target, expansion: slots, ...(hint ? { hint } : {}), alternatives: alternatives.map(parseExpansion) });
}

/** A two-register RVC form whose 32-bit instruction is commutative (rd = rs2 also compresses). */
function addCommutative(name: string, match: number, syntax: string, op: string): void {
  add(name, match, syntax, `${op} $0,$0,$1`, undefined, [`${op} $0,$1,$0`]);
}

/** HINT encodings of RV64C (rd = x0 or a zero immediate), shown as objdump shows them (addi, not 2.40's 'add', for the immediate form). */
function addHints(): void {
  add('c.nop', cbits(1, 0), 'c_nzimm6', 'addi zero,zero,$0', 'c.nop c_nzimm6');
  add('c.addi', cbits(1, 0), 'c_rd_nz', 'addi $0,$0,0', 'addi c_rd_nz,c_rd_nz,0');
  add('c.li', cbits(1, 2), 'zero,c_imm6', 'addi zero,zero,$0', 'c.li zero,c_imm6');
  add('c.lui', cbits(1, 3), 'zero,c_lui', 'lui zero,$0', 'c.lui zero,c_lui');
  add('c.slli64', cbits(2, 0), 'c_rd', 'slli $0,$0,0', 'c.slli64 c_rd');
  add('c.slli', cbits(2, 0), 'zero,c_shamt', 'slli zero,zero,$0', 'c.slli zero,c_shamt');
  add('c.srli64', cbits(1, 4, 0 << 10), 'c_rs1p', 'srli $0,$0,0', 'c.srli64 c_rs1p');
  add('c.srai64', cbits(1, 4, 1 << 10), 'c_rs1p', 'srai $0,$0,0', 'c.srai64 c_rs1p');
  add('c.mv', cbits(2, 4), 'zero,c_rs2_nz', 'addi zero,$0,0', 'c.mv zero,c_rs2_nz');
  add('c.add', cbits(2, 4, 1 << 12), 'zero,c_rs2_nz', 'add zero,zero,$0', 'c.add zero,c_rs2_nz');
  // Reserved by the spec (nzimm = 0), but objdump decodes it.
  add('c.addi16sp', cbits(1, 3, 2 << 7), '', 'addi sp,sp,0', 'addi sp,sp,0');
}

// Quadrant 0
add('c.addi4spn', cbits(0, 0), 'c_rdp,sp,c_addi4spn', 'addi $0,sp,$1');
add('c.fld', cbits(0, 1), 'c_frdp,c_ld_off(c_rs1p)', 'fld $0,$1,$2');
add('c.lw', cbits(0, 2), 'c_rdp,c_lw_off(c_rs1p)', 'lw $0,$1,$2');
add('c.ld', cbits(0, 3), 'c_rdp,c_ld_off(c_rs1p)', 'ld $0,$1,$2');
add('c.fsd', cbits(0, 5), 'c_frs2p,c_ld_off(c_rs1p)', 'fsd $0,$1,$2');
add('c.sw', cbits(0, 6), 'c_rs2p,c_lw_off(c_rs1p)', 'sw $0,$1,$2');
add('c.sd', cbits(0, 7), 'c_rs2p,c_ld_off(c_rs1p)', 'sd $0,$1,$2');
// Quadrant 1
add('c.nop', cbits(1, 0), '', 'addi zero,zero,0');
add('c.addi', cbits(1, 0), 'c_rd_nz,c_nzimm6', 'addi $0,$0,$1');
add('c.addiw', cbits(1, 1), 'c_rd_nz,c_imm6', 'addiw $0,$0,$1');
add('c.li', cbits(1, 2), 'c_rd_nz,c_imm6', 'addi $0,zero,$1');
add('c.addi16sp', cbits(1, 3, 2 << 7), 'sp,c_addi16sp', 'addi sp,sp,$0');
add('c.lui', cbits(1, 3), 'c_rd_lui,c_lui', 'lui $0,$1');
add('c.srli', cbits(1, 4, 0 << 10), 'c_rs1p,c_shamt', 'srli $0,$0,$1');
add('c.srai', cbits(1, 4, 1 << 10), 'c_rs1p,c_shamt', 'srai $0,$0,$1');
add('c.andi', cbits(1, 4, 2 << 10), 'c_rs1p,c_imm6', 'andi $0,$0,$1');
add('c.sub', cbits(1, 4, (3 << 10) | (0 << 5)), 'c_rs1p,c_rs2p', 'sub $0,$0,$1');
addCommutative('c.xor', cbits(1, 4, (3 << 10) | (1 << 5)), 'c_rs1p,c_rs2p', 'xor');
addCommutative('c.or', cbits(1, 4, (3 << 10) | (2 << 5)), 'c_rs1p,c_rs2p', 'or');
addCommutative('c.and', cbits(1, 4, (3 << 10) | (3 << 5)), 'c_rs1p,c_rs2p', 'and');
add('c.subw', cbits(1, 4, (1 << 12) | (3 << 10) | (0 << 5)), 'c_rs1p,c_rs2p', 'subw $0,$0,$1');
addCommutative('c.addw', cbits(1, 4, (1 << 12) | (3 << 10) | (1 << 5)), 'c_rs1p,c_rs2p', 'addw');
add('c.j', cbits(1, 5), 'c_joff', 'jal zero,$0');
add('c.beqz', cbits(1, 6), 'c_rs1p,c_boff', 'beq $0,zero,$1');
add('c.bnez', cbits(1, 7), 'c_rs1p,c_boff', 'bne $0,zero,$1');
// Quadrant 2
add('c.slli', cbits(2, 0), 'c_rd_nz,c_shamt', 'slli $0,$0,$1');
add('c.fldsp', cbits(2, 1), 'c_frd,c_ldsp_off(sp)', 'fld $0,$1,sp');
add('c.lwsp', cbits(2, 2), 'c_rd_nz,c_lwsp_off(sp)', 'lw $0,$1,sp');
add('c.ldsp', cbits(2, 3), 'c_rd_nz,c_ldsp_off(sp)', 'ld $0,$1,sp');
add('c.jr', cbits(2, 4), 'c_rd_nz', 'jalr zero,0,$0');
add('c.mv', cbits(2, 4), 'c_rd_nz,c_rs2_nz', 'addi $0,$1,0', undefined, ['add $0,zero,$1']);
add('c.ebreak', cbits(2, 4, 1 << 12), '', 'ebreak');
add('c.jalr', cbits(2, 4, 1 << 12), 'c_rd_nz', 'jalr ra,0,$0');
addCommutative('c.add', cbits(2, 4, 1 << 12), 'c_rd_nz,c_rs2_nz', 'add');
add('c.fsdsp', cbits(2, 5), 'c_frs2,c_sdsp_off(sp)', 'fsd $0,$1,sp');
add('c.swsp', cbits(2, 6), 'c_rs2,c_swsp_off(sp)', 'sw $0,$1,sp');
add('c.sdsp', cbits(2, 7), 'c_rs2,c_sdsp_off(sp)', 'sd $0,$1,sp');
addHints();

/** Every RV64C instruction, most specific first where encodings overlap (c.nop before c.addi, c.jr before c.mv). */
export const COMPRESSED: readonly CompressedDef[] = table;

const BY_NAME = new Map(table.filter((d) => !d.hint).map((d) => [d.name, d]));

/** Returns the compressed instruction called `name` (with its `c.` prefix), or undefined. */
export function findCompressed(name: string): CompressedDef | undefined {
  return BY_NAME.get(name);
}
