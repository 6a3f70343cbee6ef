// RV64C: expands a 16-bit compressed instruction into its 32-bit equivalent,
// which the ordinary decoder then handles. Reserved and illegal encodings
// expand to 0 (an illegal instruction).

@inline function bits(c: u32, hi: u32, lo: u32): u32 {
  return (c >> lo) & ((1 << (hi - lo + 1)) - 1);
}

@inline function encI(imm: i32, rs1: u32, f3: u32, rd: u32, opc: u32): u32 {
  return ((<u32>imm & 0xfff) << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | opc;
}

@inline function encS(imm: i32, rs2: u32, rs1: u32, f3: u32, opc: u32): u32 {
  const u = <u32>imm;
  return (((u >> 5) & 0x7f) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | ((u & 0x1f) << 7) | opc;
}

@inline function encR(f7: u32, rs2: u32, rs1: u32, f3: u32, rd: u32, opc: u32): u32 {
  return (f7 << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | opc;
}

function encB(imm: i32, rs2: u32, rs1: u32, f3: u32): u32 {
  const u = <u32>imm;
  return (((u >> 12) & 1) << 31) | (((u >> 5) & 0x3f) << 25) | (rs2 << 20) | (rs1 << 15) |
    (f3 << 12) | (((u >> 1) & 0xf) << 8) | (((u >> 11) & 1) << 7) | 0x63;
}

function encJ(imm: i32, rd: u32): u32 {
  const u = <u32>imm;
  return (((u >> 20) & 1) << 31) | (((u >> 1) & 0x3ff) << 21) | (((u >> 11) & 1) << 20) |
    (((u >> 12) & 0xff) << 12) | (rd << 7) | 0x6f;
}

/** Sign-extends the low `n` bits of v. */
@inline function sext(v: u32, n: u32): i32 {
  return (<i32>(v << (32 - n))) >> (32 - n);
}

/** Returns the 32-bit instruction for compressed `c`, or 0 when c is illegal/reserved. */
export function expandCompressed(c: u32): u32 {
  const op = c & 3;
  const f3 = c >> 13;
  if (op == 0) return quadrant0(c, f3);
  if (op == 1) return quadrant1(c, f3);
  return quadrant2(c, f3);
}

function quadrant0(c: u32, f3: u32): u32 {
  const rdp = bits(c, 4, 2) + 8;
  const rs1p = bits(c, 9, 7) + 8;
  const offD = (bits(c, 12, 10) << 3) | (bits(c, 6, 5) << 6);
  const offW = (bits(c, 12, 10) << 3) | (bits(c, 6, 6) << 2) | (bits(c, 5, 5) << 6);
  switch (f3) {
    case 0: { // c.addi4spn
      const imm = (bits(c, 12, 11) << 4) | (bits(c, 10, 7) << 6) | (bits(c, 6, 6) << 2) | (bits(c, 5, 5) << 3);
      if (imm == 0) return 0;
      return encI(imm, 2, 0, rdp, 0x13);
    }
    case 1: return encI(offD, rs1p, 3, rdp, 0x07); // c.fld
    case 2: return encI(offW, rs1p, 2, rdp, 0x03); // c.lw
    case 3: return encI(offD, rs1p, 3, rdp, 0x03); // c.ld
    case 5: return encS(offD, rdp, rs1p, 3, 0x27); // c.fsd
    case 6: return encS(offW, rdp, rs1p, 2, 0x23); // c.sw
    case 7: return encS(offD, rdp, rs1p, 3, 0x23); // c.sd
    default: return 0;
  }
}

function quadrant1(c: u32, f3: u32): u32 {
  const rd = bits(c, 11, 7);
  const imm6 = sext((bits(c, 12, 12) << 5) | bits(c, 6, 2), 6);
  switch (f3) {
    case 0: return encI(imm6, rd, 0, rd, 0x13); // c.addi / c.nop
    case 1: // c.addiw
      if (rd == 0) return 0;
      return encI(imm6, rd, 0, rd, 0x1b);
    case 2: return encI(imm6, 0, 0, rd, 0x13); // c.li
    case 3: {
      if (rd == 2) { // c.addi16sp
        const imm = sext((bits(c, 12, 12) << 9) | (bits(c, 6, 6) << 4) | (bits(c, 5, 5) << 6) |
          (bits(c, 4, 3) << 7) | (bits(c, 2, 2) << 5), 10);
        if (imm == 0) return 0;
        return encI(imm, 2, 0, 2, 0x13);
      }
      if (imm6 == 0) return 0; // c.lui with nzimm = 0
      return ((<u32>imm6 & 0xfffff) << 12) | (rd << 7) | 0x37; // c.lui
    }
    case 4: return miscAlu(c);
    case 5: { // c.j
      const off = sext((bits(c, 12, 12) << 11) | (bits(c, 11, 11) << 4) | (bits(c, 10, 9) << 8) |
        (bits(c, 8, 8) << 10) | (bits(c, 7, 7) << 6) | (bits(c, 6, 6) << 7) | (bits(c, 5, 3) << 1) |
        (bits(c, 2, 2) << 5), 12);
      return encJ(off, 0);
    }
    default: { // c.beqz / c.bnez
      const off = sext((bits(c, 12, 12) << 8) | (bits(c, 11, 10) << 3) | (bits(c, 6, 5) << 6) |
        (bits(c, 4, 3) << 1) | (bits(c, 2, 2) << 5), 9);
      return encB(off, 0, bits(c, 9, 7) + 8, f3 == 6 ? 0 : 1);
    }
  }
}

function miscAlu(c: u32): u32 {
  const rd = bits(c, 9, 7) + 8;
  const rs2 = bits(c, 4, 2) + 8;
  const sh = (bits(c, 12, 12) << 5) | bits(c, 6, 2);
  switch (bits(c, 11, 10)) {
    case 0: return encI(sh, rd, 5, rd, 0x13); // c.srli
    case 1: return encI(sh | 0x400, rd, 5, rd, 0x13); // c.srai
    case 2: return encI(sext(sh, 6), rd, 7, rd, 0x13); // c.andi
    default: {
      const f = bits(c, 6, 5);
      if (bits(c, 12, 12) == 0) {
        if (f == 0) return encR(0x20, rs2, rd, 0, rd, 0x33); // c.sub
        if (f == 1) return encR(0, rs2, rd, 4, rd, 0x33); // c.xor
        if (f == 2) return encR(0, rs2, rd, 6, rd, 0x33); // c.or
        return encR(0, rs2, rd, 7, rd, 0x33); // c.and
      }
      if (f == 0) return encR(0x20, rs2, rd, 0, rd, 0x3b); // c.subw
      if (f == 1) return encR(0, rs2, rd, 0, rd, 0x3b); // c.addw
      return 0;
    }
  }
}

function quadrant2(c: u32, f3: u32): u32 {
  const rd = bits(c, 11, 7);
  const rs2 = bits(c, 6, 2);
  const hi = bits(c, 12, 12);
  switch (f3) {
    case 0: return encI((hi << 5) | rs2, rd, 1, rd, 0x13); // c.slli
    case 1: // c.fldsp
      return encI((hi << 5) | (bits(c, 6, 5) << 3) | (bits(c, 4, 2) << 6), 2, 3, rd, 0x07);
    case 2: // c.lwsp
      if (rd == 0) return 0;
      return encI((hi << 5) | (bits(c, 6, 4) << 2) | (bits(c, 3, 2) << 6), 2, 2, rd, 0x03);
    case 3: // c.ldsp
      if (rd == 0) return 0;
      return encI((hi << 5) | (bits(c, 6, 5) << 3) | (bits(c, 4, 2) << 6), 2, 3, rd, 0x03);
    case 4:
      if (hi == 0) {
        if (rs2 == 0) return rd == 0 ? 0 : encI(0, rd, 0, 0, 0x67); // c.jr
        return encR(0, rs2, 0, 0, rd, 0x33); // c.mv
      }
      if (rs2 == 0) {
        if (rd == 0) return 0x00100073; // c.ebreak
        return encI(0, rd, 0, 1, 0x67); // c.jalr
      }
      return encR(0, rs2, rd, 0, rd, 0x33); // c.add
    case 5: // c.fsdsp
      return encS((bits(c, 12, 10) << 3) | (bits(c, 9, 7) << 6), rs2, 2, 3, 0x27);
    case 6: // c.swsp
      return encS((bits(c, 12, 9) << 2) | (bits(c, 8, 7) << 6), rs2, 2, 2, 0x23);
    default: // c.sdsp
      return encS((bits(c, 12, 10) << 3) | (bits(c, 9, 7) << 6), rs2, 2, 3, 0x23);
  }
}
