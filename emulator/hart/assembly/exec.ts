// The interpreter loop: executes up to n instructions from the decoded cache.
// Fetch goes through the cached code page; loads and stores inline the TLB
// hit; everything else (TLB misses, system, CSR, A/F/D, exceptions) runs out
// of line in exec-slow.ts. JIT hook: a compiled block would be one more op kind
// in the decoded page cache (entry -> block id + instruction count), run when it fits the budget.

import { E_IMM, E_LEN, E_RD, E_RS1, E_RS2 } from './decode';
import { swapFetchPages } from './fetch';
import { chunkLimit, chunkStop, decodeStep, fetchStep, slowStep, trapExc } from './exec-slow';
import * as O from './ops';
import {
  breakChunk, fetchBase, fetchVPage, fetchVPage2, notRetired, pc, priv, raise, retired, stepsNow, tlbR, tlbW, xget, xset,
} from './state';

@inline function mulhu(a: i64, b: i64): i64 {
  const al = a & 0xffffffff, ah = a >>> 32, bl = b & 0xffffffff, bh = b >>> 32;
  const p0 = al * bl, p1 = al * bh, p2 = ah * bl, p3 = ah * bh;
  const mid = (p0 >>> 32) + (p1 & 0xffffffff) + (p2 & 0xffffffff);
  return p3 + (p1 >>> 32) + (p2 >>> 32) + (mid >>> 32);
}

function mulh(a: i64, b: i64): i64 {
  let h = mulhu(a, b);
  if (a < 0) h -= b;
  if (b < 0) h -= a;
  return h;
}

function mulhsu(a: i64, b: i64): i64 {
  let h = mulhu(a, b);
  if (a < 0) h -= b;
  return h;
}

function div64(a: i64, b: i64): i64 {
  if (b == 0) return -1;
  if (b == -1 && a == i64.MIN_VALUE) return a;
  return a / b;
}

function rem64(a: i64, b: i64): i64 {
  if (b == 0) return a;
  if (b == -1) return 0;
  return a % b;
}

function div32(a: i32, b: i32): i64 {
  if (b == 0) return -1;
  if (b == -1 && a == i32.MIN_VALUE) return <i64>a;
  return <i64>(a / b);
}

function rem32(a: i32, b: i32): i64 {
  if (b == 0) return <i64>a;
  if (b == -1) return 0;
  return <i64>(a % b);
}

/** Runs at most `limit` steps (instructions or traps); returns the number of steps taken. */
export function runChunk(limit: i32): i32 {
  // pc lives in the local p and pc's decoded entry in e (0 = resolve p first);
  // rem counts the steps left. Straight-line instructions fall through to the
  // tail, which steps p and e by the length with a branch (not a data
  // dependency on the entry). Everything else goes out of line through
  // slowStep (exec-slow.ts) with pc synced, and re-resolves e after it.
  chunkLimit = limit;
  let rem = limit;
  let p = pc;
  let e: usize = 0;
  notRetired = 0;
  stepsNow = 1;
  breakChunk = false;
  while (rem > 0) {
    if (e == 0) {
      const vp = p & ~0xfff;
      if (vp == fetchVPage) e = fetchBase + ((<usize>p & 0xffe) << 3);
      else if (vp == fetchVPage2) {
        swapFetchPages();
        e = fetchBase + ((<usize>p & 0xffe) << 3);
      } else {
        stepsNow = chunkLimit - rem + 1;
        pc = p;
        e = fetchStep();
        p = pc;
        if (e == 0) { // a fetch trap or breakpoint stop took this step
          rem--;
          if (chunkStop) break;
          continue;
        }
      }
    }
    rem--;
    switch (load<u8>(e)) {
      case O.OP_UNDECODED: case O.OP_CROSS: { // decode, then dispatch again as the same step
        pc = p;
        const d = decodeStep(e);
        p = pc;
        if (d == 0) { // fetch fault on the second half of a page-crossing instruction
          if (chunkStop) { chunkLimit -= rem; rem = 0; }
          e = 0;
          continue;
        }
        rem++; e = d;
        continue;
      }
      case O.OP_END: rem++; e = 0; continue; // ran off a code page (or SCRATCH): resolve p
      case O.OP_LB: { // lb
        const a = xget(load<u8>(e, E_RS1)) + <i64>load<i32>(e, E_IMM);
        const t = tlbR + ((<usize>(a >> 12) & 255) << 4);
        if (load<i64>(t) != (a & ~0xfff)) { pc = p; rem = slowStep(e, rem); p = pc; e = 0; continue; }
        xset(load<u8>(e, E_RD), <i64><i8>load<i8>(<usize>(a + load<i64>(t, 8))));
        break;
      }
      case O.OP_LH: { // lh
        const a = xget(load<u8>(e, E_RS1)) + <i64>load<i32>(e, E_IMM);
        const t = tlbR + ((<usize>(a >> 12) & 255) << 4);
        if (load<i64>(t) != (a & ~0xffe)) { pc = p; rem = slowStep(e, rem); p = pc; e = 0; continue; }
        xset(load<u8>(e, E_RD), <i64><i16>load<i16>(<usize>(a + load<i64>(t, 8))));
        break;
      }
      case O.OP_LW: { // lw
        const a = xget(load<u8>(e, E_RS1)) + <i64>load<i32>(e, E_IMM);
        const t = tlbR + ((<usize>(a >> 12) & 255) << 4);
        if (load<i64>(t) != (a & ~0xffc)) { pc = p; rem = slowStep(e, rem); p = pc; e = 0; continue; }
        xset(load<u8>(e, E_RD), <i64><i32>load<i32>(<usize>(a + load<i64>(t, 8))));
        break;
      }
      case O.OP_LD: { // ld
        const a = xget(load<u8>(e, E_RS1)) + <i64>load<i32>(e, E_IMM);
        const t = tlbR + ((<usize>(a >> 12) & 255) << 4);
        if (load<i64>(t) != (a & ~0xff8)) { pc = p; rem = slowStep(e, rem); p = pc; e = 0; continue; }
        xset(load<u8>(e, E_RD), load<i64>(<usize>(a + load<i64>(t, 8))));
        break;
      }
      case O.OP_LBU: { // lbu
        const a = xget(load<u8>(e, E_RS1)) + <i64>load<i32>(e, E_IMM);
        const t = tlbR + ((<usize>(a >> 12) & 255) << 4);
        if (load<i64>(t) != (a & ~0xfff)) { pc = p; rem = slowStep(e, rem); p = pc; e = 0; continue; }
        xset(load<u8>(e, E_RD), <i64><u8>load<u8>(<usize>(a + load<i64>(t, 8))));
        break;
      }
      case O.OP_LHU: { // lhu
        const a = xget(load<u8>(e, E_RS1)) + <i64>load<i32>(e, E_IMM);
        const t = tlbR + ((<usize>(a >> 12) & 255) << 4);
        if (load<i64>(t) != (a & ~0xffe)) { pc = p; rem = slowStep(e, rem); p = pc; e = 0; continue; }
        xset(load<u8>(e, E_RD), <i64><u16>load<u16>(<usize>(a + load<i64>(t, 8))));
        break;
      }
      case O.OP_LWU: { // lwu
        const a = xget(load<u8>(e, E_RS1)) + <i64>load<i32>(e, E_IMM);
        const t = tlbR + ((<usize>(a >> 12) & 255) << 4);
        if (load<i64>(t) != (a & ~0xffc)) { pc = p; rem = slowStep(e, rem); p = pc; e = 0; continue; }
        xset(load<u8>(e, E_RD), <i64><u32>load<u32>(<usize>(a + load<i64>(t, 8))));
        break;
      }
      case O.OP_SB: { // sb
        const a = xget(load<u8>(e, E_RS1)) + <i64>load<i32>(e, E_IMM);
        const t = tlbW + ((<usize>(a >> 12) & 255) << 4);
        if (load<i64>(t) != (a & ~0xfff)) { pc = p; rem = slowStep(e, rem); p = pc; e = 0; continue; }
        store<u8>(<usize>(a + load<i64>(t, 8)), <u8>xget(load<u8>(e, E_RS2)));
        break;
      }
      case O.OP_SH: { // sh
        const a = xget(load<u8>(e, E_RS1)) + <i64>load<i32>(e, E_IMM);
        const t = tlbW + ((<usize>(a >> 12) & 255) << 4);
        if (load<i64>(t) != (a & ~0xffe)) { pc = p; rem = slowStep(e, rem); p = pc; e = 0; continue; }
        store<u16>(<usize>(a + load<i64>(t, 8)), <u16>xget(load<u8>(e, E_RS2)));
        break;
      }
      case O.OP_SW: { // sw
        const a = xget(load<u8>(e, E_RS1)) + <i64>load<i32>(e, E_IMM);
        const t = tlbW + ((<usize>(a >> 12) & 255) << 4);
        if (load<i64>(t) != (a & ~0xffc)) { pc = p; rem = slowStep(e, rem); p = pc; e = 0; continue; }
        store<u32>(<usize>(a + load<i64>(t, 8)), <u32>xget(load<u8>(e, E_RS2)));
        break;
      }
      case O.OP_SD: { // sd
        const a = xget(load<u8>(e, E_RS1)) + <i64>load<i32>(e, E_IMM);
        const t = tlbW + ((<usize>(a >> 12) & 255) << 4);
        if (load<i64>(t) != (a & ~0xff8)) { pc = p; rem = slowStep(e, rem); p = pc; e = 0; continue; }
        store<i64>(<usize>(a + load<i64>(t, 8)), xget(load<u8>(e, E_RS2)));
        break;
      }
      case O.OP_LUI: wr(e, imm(e)); break; // lui
      case O.OP_AUIPC: wr(e, p + imm(e)); break; // auipc
      case O.OP_JAL: { // jal
        const link = p + len(e);
        p += imm(e);
        wr(e, link);
        e = 0;
        continue;
      }
      case O.OP_JALR: { // jalr
        const link = p + len(e);
        p = (r1(e) + imm(e)) & ~1;
        wr(e, link);
        e = 0;
        continue;
      }
      case O.OP_BEQ: if (r1(e) == r2(e)) { p += imm(e); e = 0; continue; } break; // beq
      case O.OP_BNE: if (r1(e) != r2(e)) { p += imm(e); e = 0; continue; } break; // bne
      case O.OP_BLT: if (r1(e) < r2(e)) { p += imm(e); e = 0; continue; } break; // blt
      case O.OP_BGE: if (r1(e) >= r2(e)) { p += imm(e); e = 0; continue; } break; // bge
      case O.OP_BLTU: if (<u64>r1(e) < <u64>r2(e)) { p += imm(e); e = 0; continue; } break; // bltu
      case O.OP_BGEU: if (<u64>r1(e) >= <u64>r2(e)) { p += imm(e); e = 0; continue; } break; // bgeu
      case O.OP_ADDI: wr(e, r1(e) + imm(e)); break; // addi
      case O.OP_SLTI: wr(e, r1(e) < imm(e) ? 1 : 0); break; // slti
      case O.OP_SLTIU: wr(e, <u64>r1(e) < <u64>imm(e) ? 1 : 0); break; // sltiu
      case O.OP_XORI: wr(e, r1(e) ^ imm(e)); break; // xori
      case O.OP_ORI: wr(e, r1(e) | imm(e)); break; // ori
      case O.OP_ANDI: wr(e, r1(e) & imm(e)); break; // andi
      case O.OP_SLLI: wr(e, r1(e) << imm(e)); break; // slli
      case O.OP_SRLI: wr(e, r1(e) >>> imm(e)); break; // srli
      case O.OP_SRAI: wr(e, r1(e) >> imm(e)); break; // srai
      case O.OP_ADD: wr(e, r1(e) + r2(e)); break; // add
      case O.OP_SUB: wr(e, r1(e) - r2(e)); break; // sub
      case O.OP_SLL: wr(e, r1(e) << r2(e)); break; // sll
      case O.OP_SLT: wr(e, r1(e) < r2(e) ? 1 : 0); break; // slt
      case O.OP_SLTU: wr(e, <u64>r1(e) < <u64>r2(e) ? 1 : 0); break; // sltu
      case O.OP_XOR: wr(e, r1(e) ^ r2(e)); break; // xor
      case O.OP_SRL: wr(e, r1(e) >>> r2(e)); break; // srl
      case O.OP_SRA: wr(e, r1(e) >> r2(e)); break; // sra
      case O.OP_OR: wr(e, r1(e) | r2(e)); break; // or
      case O.OP_AND: wr(e, r1(e) & r2(e)); break; // and
      case O.OP_ADDIW: wr(e, <i64>(<i32>r1(e) + <i32>imm(e))); break; // addiw
      case O.OP_SLLIW: wr(e, <i64>(<i32>r1(e) << <i32>imm(e))); break; // slliw
      case O.OP_SRLIW: wr(e, <i64><i32>(<u32>r1(e) >>> <u32>imm(e))); break; // srliw
      case O.OP_SRAIW: wr(e, <i64>(<i32>r1(e) >> <i32>imm(e))); break; // sraiw
      case O.OP_ADDW: wr(e, <i64>(<i32>r1(e) + <i32>r2(e))); break; // addw
      case O.OP_SUBW: wr(e, <i64>(<i32>r1(e) - <i32>r2(e))); break; // subw
      case O.OP_SLLW: wr(e, <i64>(<i32>r1(e) << (<i32>r2(e) & 31))); break; // sllw
      case O.OP_SRLW: wr(e, <i64><i32>(<u32>r1(e) >>> (<u32>r2(e) & 31))); break; // srlw
      case O.OP_SRAW: wr(e, <i64>(<i32>r1(e) >> (<i32>r2(e) & 31))); break; // sraw
      case O.OP_MUL: wr(e, r1(e) * r2(e)); break; // mul
      case O.OP_MULH: wr(e, mulh(r1(e), r2(e))); break; // mulh
      case O.OP_MULHSU: wr(e, mulhsu(r1(e), r2(e))); break; // mulhsu
      case O.OP_MULHU: wr(e, mulhu(r1(e), r2(e))); break; // mulhu
      case O.OP_DIV: wr(e, div64(r1(e), r2(e))); break; // div
      case O.OP_DIVU: { // divu
        const b = r2(e);
        wr(e, b == 0 ? -1 : <i64>(<u64>r1(e) / <u64>b));
        break;
      }
      case O.OP_REM: wr(e, rem64(r1(e), r2(e))); break; // rem
      case O.OP_REMU: { // remu
        const b = r2(e);
        wr(e, b == 0 ? r1(e) : <i64>(<u64>r1(e) % <u64>b));
        break;
      }
      case O.OP_MULW: wr(e, <i64>(<i32>r1(e) * <i32>r2(e))); break; // mulw
      case O.OP_DIVW: wr(e, div32(<i32>r1(e), <i32>r2(e))); break; // divw
      case O.OP_DIVUW: { // divuw
        const b = <u32>r2(e);
        wr(e, b == 0 ? -1 : <i64><i32>(<u32>r1(e) / b));
        break;
      }
      case O.OP_REMW: wr(e, rem32(<i32>r1(e), <i32>r2(e))); break; // remw
      case O.OP_REMUW: { // remuw
        const b = <u32>r2(e);
        wr(e, b == 0 ? <i64><i32>r1(e) : <i64><i32>(<u32>r1(e) % b));
        break;
      }
      case O.OP_FENCE: break; // fence
      case O.OP_ECALL: { // ecall (inline: the host-trap round trip of a system call)
        raise(8 + priv, 0);
        pc = p;
        if (trapExc(e)) { chunkLimit -= rem; rem = 0; }
        p = pc; e = 0;
        continue;
      }
      default: { // system, CSR, A/F/D, illegal: out of line
        pc = p;
        rem = slowStep(e, rem);
        p = pc; e = 0;
        continue;
      }
    }
    // Straight-line instruction: step to the next entry (past a page's last one is OP_END).
    if (load<u8>(e, E_LEN) == 4) { p += 4; e += 32; } else { p += 2; e += 16; }
  }
  pc = p;
  const steps = chunkLimit - rem;
  retired += <i64>(steps - notRetired);
  notRetired = 0;
  stepsNow = 1;
  return steps;
}

@inline function r1(e: usize): i64 { return xget(load<u8>(e, E_RS1)); }
@inline function r2(e: usize): i64 { return xget(load<u8>(e, E_RS2)); }
@inline function imm(e: usize): i64 { return <i64>load<i32>(e, E_IMM); }
@inline function len(e: usize): i64 { return <i64>load<u8>(e, E_LEN); }
@inline function wr(e: usize, v: i64): void { xset(load<u8>(e, E_RD), v); }
