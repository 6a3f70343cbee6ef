// Decodes one 32-bit RV64GC instruction (compressed ones arrive expanded) into
// a 16-byte cache entry: op(u8) rd rs1 rs2 rs3 len(u8) | imm(i32) | raw(u32).
// rd = 0 is mapped to the register sink for ops that write an x register.
// Illegal encodings decode to OP_ILLEGAL; the run loop raises the trap.

import * as O from './ops';
import { SINK } from './state';

// Entry field offsets.
export const E_OP: usize = 0;
export const E_RD: usize = 1;
export const E_RS1: usize = 2;
export const E_RS2: usize = 3;
export const E_RS3: usize = 4;
export const E_LEN: usize = 5;
export const E_IMM: usize = 8;
export const E_RAW: usize = 12;

@inline function immI(i: u32): i32 { return (<i32>i) >> 20; }
@inline function immS(i: u32): i32 { return (((<i32>i) >> 25) << 5) | <i32>((i >> 7) & 0x1f); }
function immB(i: u32): i32 {
  return (((<i32>i) >> 31) << 12) | <i32>(((i >> 7) & 1) << 11) | <i32>(((i >> 25) & 0x3f) << 5) |
    <i32>(((i >> 8) & 0xf) << 1);
}
function immJ(i: u32): i32 {
  return (((<i32>i) >> 31) << 20) | <i32>(i & 0xff000) | <i32>(((i >> 20) & 1) << 11) |
    <i32>(((i >> 21) & 0x3ff) << 1);
}

function put(e: usize, op: u8, rd: u32, rs1: u32, rs2: u32, imm: i32): void {
  store<u8>(e, op, E_OP);
  store<u8>(e, <u8>rd, E_RD);
  store<u8>(e, <u8>rs1, E_RS1);
  store<u8>(e, <u8>rs2, E_RS2);
  store<i32>(e, imm, E_IMM);
}

/**
 * Decodes `inst` (already expanded if compressed; `raw` is the original bits,
 * `len` 2 or 4) into the entry at `e`. Never fails: bad encodings become OP_ILLEGAL.
 */
export function decodeInto(e: usize, inst: u32, raw: u32, len: u32): void {
  const rdRaw = (inst >> 7) & 31;
  const rd: u32 = rdRaw == 0 ? SINK : rdRaw;
  const rs1 = (inst >> 15) & 31;
  const rs2 = (inst >> 20) & 31;
  const f3 = (inst >> 12) & 7;
  const f7 = inst >> 25;
  store<u8>(e, <u8>(inst >> 27), E_RS3);
  store<u8>(e, <u8>len, E_LEN);
  store<u32>(e, raw, E_RAW);
  put(e, O.OP_ILLEGAL, rd, rs1, rs2, 0);
  if ((inst & 3) != 3) return;
  switch ((inst >> 2) & 31) {
    case 0x0d: put(e, O.OP_LUI, rd, 0, 0, <i32>(inst & 0xfffff000)); break; // lui
    case 0x05: put(e, O.OP_AUIPC, rd, 0, 0, <i32>(inst & 0xfffff000)); break; // auipc
    case 0x1b: put(e, O.OP_JAL, rd, 0, 0, immJ(inst)); break; // jal
    case 0x19: if (f3 == 0) put(e, O.OP_JALR, rd, rs1, 0, immI(inst)); break; // jalr
    case 0x18: decodeBranch(e, inst, rs1, rs2, f3); break;
    case 0x00: if (f3 != 7) put(e, O.OP_LB + <u8>f3, rd, rs1, 0, immI(inst)); break; // lb..lwu
    case 0x08: if (f3 < 4) put(e, O.OP_SB + <u8>f3, 0, rs1, rs2, immS(inst)); break; // sb..sd
    case 0x04: decodeOpImm(e, inst, rd, rs1, f3); break;
    case 0x06: decodeOpImm32(e, inst, rd, rs1, f3); break;
    case 0x0c: decodeOp(e, rd, rs1, rs2, f3, f7); break;
    case 0x0e: decodeOp32(e, rd, rs1, rs2, f3, f7); break;
    case 0x03: // fence / fence.i
      if (f3 == 0) put(e, O.OP_FENCE, 0, 0, 0, 0);
      else if (f3 == 1) put(e, O.OP_FENCE_I, 0, 0, 0, 0);
      break;
    case 0x1c: decodeSystem(e, inst, rd, rs1, rs2, f3, f7); break;
    case 0x0b: decodeAmo(e, inst, rd, rs1, rs2, f3); break;
    case 0x01: // flw / fld
      if (f3 == 2) put(e, O.OP_FLW, rdRaw, rs1, 0, immI(inst));
      else if (f3 == 3) put(e, O.OP_FLD, rdRaw, rs1, 0, immI(inst));
      break;
    case 0x09: // fsw / fsd
      if (f3 == 2) put(e, O.OP_FSW, 0, rs1, rs2, immS(inst));
      else if (f3 == 3) put(e, O.OP_FSD, 0, rs1, rs2, immS(inst));
      break;
    case 0x14: put(e, O.OP_FP, rdRaw, rs1, rs2, 0); break; // op-fp (checked at execution)
    case 0x10: decodeFma(e, inst, O.OP_FMADD, rdRaw, rs1, rs2); break;
    case 0x11: decodeFma(e, inst, O.OP_FMSUB, rdRaw, rs1, rs2); break;
    case 0x12: decodeFma(e, inst, O.OP_FNMSUB, rdRaw, rs1, rs2); break;
    case 0x13: decodeFma(e, inst, O.OP_FNMADD, rdRaw, rs1, rs2); break;
    default: break;
  }
}

function decodeBranch(e: usize, inst: u32, rs1: u32, rs2: u32, f3: u32): void {
  if (f3 == 2 || f3 == 3) return;
  const op: u8 = f3 < 2 ? O.OP_BEQ + <u8>f3 : O.OP_BLT + <u8>(f3 - 4);
  put(e, op, 0, rs1, rs2, immB(inst));
}

function decodeOpImm(e: usize, inst: u32, rd: u32, rs1: u32, f3: u32): void {
  const imm = immI(inst);
  const f6 = inst >> 26;
  switch (f3) {
    case 0: put(e, O.OP_ADDI, rd, rs1, 0, imm); break; // addi
    case 1: if (f6 == 0) put(e, O.OP_SLLI, rd, rs1, 0, imm & 63); break; // slli
    case 2: put(e, O.OP_SLTI, rd, rs1, 0, imm); break; // slti
    case 3: put(e, O.OP_SLTIU, rd, rs1, 0, imm); break; // sltiu
    case 4: put(e, O.OP_XORI, rd, rs1, 0, imm); break; // xori
    case 5: // srli / srai
      if (f6 == 0) put(e, O.OP_SRLI, rd, rs1, 0, imm & 63);
      else if (f6 == 0x10) put(e, O.OP_SRAI, rd, rs1, 0, imm & 63);
      break;
    case 6: put(e, O.OP_ORI, rd, rs1, 0, imm); break; // ori
    default: put(e, O.OP_ANDI, rd, rs1, 0, imm); break; // andi
  }
}

function decodeOpImm32(e: usize, inst: u32, rd: u32, rs1: u32, f3: u32): void {
  const imm = immI(inst);
  const f7 = inst >> 25;
  if (f3 == 0) put(e, O.OP_ADDIW, rd, rs1, 0, imm); // addiw
  else if (f3 == 1 && f7 == 0) put(e, O.OP_SLLIW, rd, rs1, 0, imm & 31); // slliw
  else if (f3 == 5 && f7 == 0) put(e, O.OP_SRLIW, rd, rs1, 0, imm & 31); // srliw
  else if (f3 == 5 && f7 == 0x20) put(e, O.OP_SRAIW, rd, rs1, 0, imm & 31); // sraiw
}

// Offset from OP_ADD of the f7=0 R-type op for each funct3.
const OP_R_BY_F3: usize = memory.data<u8>([0, 2, 3, 4, 5, 6, 8, 9]);

function decodeOp(e: usize, rd: u32, rs1: u32, rs2: u32, f3: u32, f7: u32): void {
  if (f7 == 0) put(e, O.OP_ADD + load<u8>(OP_R_BY_F3 + f3), rd, rs1, rs2, 0); // add sll slt sltu xor srl or and
  else if (f7 == 1) put(e, O.OP_MUL + <u8>f3, rd, rs1, rs2, 0); // mul..remu
  else if (f7 == 0x20 && f3 == 0) put(e, O.OP_SUB, rd, rs1, rs2, 0); // sub
  else if (f7 == 0x20 && f3 == 5) put(e, O.OP_SRA, rd, rs1, rs2, 0); // sra
}

function decodeOp32(e: usize, rd: u32, rs1: u32, rs2: u32, f3: u32, f7: u32): void {
  if (f7 == 0) {
    if (f3 == 0) put(e, O.OP_ADDW, rd, rs1, rs2, 0); // addw
    else if (f3 == 1) put(e, O.OP_SLLW, rd, rs1, rs2, 0); // sllw
    else if (f3 == 5) put(e, O.OP_SRLW, rd, rs1, rs2, 0); // srlw
  } else if (f7 == 0x20) {
    if (f3 == 0) put(e, O.OP_SUBW, rd, rs1, rs2, 0); // subw
    else if (f3 == 5) put(e, O.OP_SRAW, rd, rs1, rs2, 0); // sraw
  } else if (f7 == 1) {
    if (f3 == 0) put(e, O.OP_MULW, rd, rs1, rs2, 0); // mulw
    else if (f3 >= 4) put(e, O.OP_DIVW + <u8>(f3 - 4), rd, rs1, rs2, 0); // divw divuw remw remuw
  }
}

function decodeSystem(e: usize, inst: u32, rd: u32, rs1: u32, rs2: u32, f3: u32, f7: u32): void {
  if (f3 == 4) return;
  if (f3 != 0) { // csrrw..csrrci; imm = csr address
    const op: u8 = f3 < 4 ? O.OP_CSRRW + <u8>(f3 - 1) : O.OP_CSRRWI + <u8>(f3 - 5);
    put(e, op, rd, rs1, 0, <i32>(inst >> 20));
    return;
  }
  if (inst == 0x00000073) put(e, O.OP_ECALL, 0, 0, 0, 0);
  else if (inst == 0x00100073) put(e, O.OP_EBREAK, 0, 0, 0, 0);
  else if (inst == 0x30200073) put(e, O.OP_MRET, 0, 0, 0, 0);
  else if (inst == 0x10200073) put(e, O.OP_SRET, 0, 0, 0, 0);
  else if (inst == 0x10500073) put(e, O.OP_WFI, 0, 0, 0, 0);
  else if (f7 == 0x09 && rd == SINK) put(e, O.OP_SFENCE_VMA, 0, rs1, rs2, 0);
}

function decodeAmo(e: usize, inst: u32, rd: u32, rs1: u32, rs2: u32, f3: u32): void {
  if (f3 != 2 && f3 != 3) return;
  const f5 = inst >> 27;
  const d: u8 = f3 == 3 ? 1 : 0;
  if (f5 == 2) {
    if (rs2 == 0) put(e, d ? O.OP_LR_D : O.OP_LR_W, rd, rs1, 0, 0); // lr
  } else if (f5 == 3) {
    put(e, d ? O.OP_SC_D : O.OP_SC_W, rd, rs1, rs2, 0); // sc
  } else if (f5 == 0 || f5 == 1 || f5 == 4 || f5 == 8 || f5 == 12 || f5 == 16 || f5 == 20 || f5 == 24 || f5 == 28) {
    put(e, d ? O.OP_AMO_D : O.OP_AMO_W, rd, rs1, rs2, <i32>f5); // amo*; imm = funct5
  }
}

function decodeFma(e: usize, inst: u32, op: u8, rd: u32, rs1: u32, rs2: u32): void {
  const fmt = (inst >> 25) & 3;
  if (fmt > 1) return;
  put(e, op, rd, rs1, rs2, <i32>fmt);
}
